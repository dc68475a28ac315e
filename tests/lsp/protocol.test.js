// The JSON-RPC layer and the lifecycle, with raw bytes where a well-behaved
// client library would refuse to send them: bad frames, invalid JSON, unknown
// methods and requests before initialize get errors, and the server lives on.
'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { Client, CHARTER, proto } = require('./client');

// A raw session: writes bytes, reads framed messages with vscode-jsonrpc's reader.
function rawServer() {
  const child = spawn(CHARTER, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const reader = new proto.StreamMessageReader(child.stdout);
  const received = [];
  let notify = null;
  reader.listen((message) => {
    received.push(message);
    if (notify) notify();
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  return {
    child, received, exited,
    write: (bytes) => child.stdin.write(bytes),
    send: (message) => child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', ...message }))),
    frame,
    // Waits until `count` messages have arrived in total.
    async until(count, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error('timed out with ' + JSON.stringify(received));
        await new Promise((resolve) => { notify = resolve; setTimeout(resolve, 50); });
      }
      return received;
    },
  };
}

describe('charter lsp protocol', () => {
  it('answers garbage with errors and stays alive', async () => {
    const s = rawServer();
    s.send({ id: 1, method: 'textDocument/hover', params: {} });
    await s.until(1);
    assert.deepEqual(s.received[0].error.code, -32002, 'ServerNotInitialized before initialize');
    assert.equal(s.received[0].id, 1);

    s.send({ id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await s.until(2);
    assert.ok(s.received[1].result.capabilities);

    s.write('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":3,"method":"shutdown"}');
    await s.until(3);
    assert.equal(s.received[2].error.code, -32700);
    assert.equal(s.received[2].id, null);
    assert.match(s.received[2].error.message, /invalid Content-Length `abc`/);

    s.write(s.frame('{"jsonrpc": "2.0", "id": 4, "method": '));
    await s.until(4);
    assert.equal(s.received[3].error.code, -32700);
    assert.equal(s.received[3].id, null);

    s.send({ id: 5, method: 'charter/frobnicate', params: {} });
    await s.until(5);
    assert.deepEqual([s.received[4].id, s.received[4].error.code], [5, -32601]);

    s.send({ id: 6, method: 'textDocument/hover', params: { textDocument: 7 } });
    await s.until(6);
    assert.deepEqual([s.received[5].id, s.received[5].error.code], [6, -32602]);

    // An oversized body is refused without being buffered.
    s.write('Content-Length: 999999999999\r\n\r\n');
    await s.until(7);
    assert.match(s.received[6].error.message, /exceeds the limit/);
    s.child.stdin.end();
    assert.equal(await s.exited, 1, 'end of input without shutdown exits 1');
  });

  it('still serves normal requests after garbage, split across partial writes', async () => {
    const s = rawServer();
    s.send({ id: 1, method: 'initialize', params: { capabilities: {} } });
    s.write('Content-Length: 2\r\n\r\n[]');  // valid JSON, not a message
    s.send({ method: '$/setTrace', params: { value: 'off' } });  // ignored, no answer
    s.send({ method: 'initialized', params: {} });
    const open = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: {
      uri: 'file:///tmp/x.charter', languageId: 'charter', version: 1, text: 'policy x\nconst n = 1\n' } } });
    const bytes = s.frame(open);
    // One byte at a time for the header, then the body in two pieces.
    for (const ch of bytes.slice(0, 25)) s.write(ch);
    s.write(bytes.slice(25, 60));
    await new Promise((r) => setTimeout(r, 20));
    s.write(bytes.slice(60));
    s.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///tmp/x.charter' }, position: { line: 1, character: 6 } } });
    const received = await s.until(4);
    const byId = Object.fromEntries(received.filter((m) => m.id !== undefined).map((m) => [m.id, m]));
    assert.equal(byId[null].error.code, -32600);
    assert.equal(byId[2].result.contents.value, '```charter\nconst n: int\n```');
    const diagnostics = received.find((m) => m.method === 'textDocument/publishDiagnostics');
    assert.ok(diagnostics.params.diagnostics.some((d) => d.code === 'W0001'), JSON.stringify(diagnostics));
    s.send({ id: 3, method: 'shutdown' });
    await s.until(5);
    s.send({ id: 4, method: 'textDocument/hover', params: {} });
    await s.until(6);
    assert.equal(s.received[5].error.code, -32600, 'requests after shutdown are invalid');
    s.send({ method: 'exit' });
    assert.equal(await s.exited, 0);
  });

  it('answers a cancelled request with RequestCancelled', async () => {
    const s = rawServer();
    s.send({ id: 1, method: 'initialize', params: { capabilities: {} } });
    // Both arrive together: the cancellation is seen before the request is handled.
    s.write(s.frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 2 } })) +
            s.frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'workspace/symbol', params: { query: '' } })));
    await s.until(2);
    assert.deepEqual([s.received[1].id, s.received[1].error.code], [2, -32800]);
    s.send({ method: 'exit' });
    assert.equal(await s.exited, 1, 'exit without shutdown exits 1');
  });

  it('shuts down and exits with 0 through the client library', async () => {
    const client = new Client();
    await client.initialize();
    assert.equal(await client.shutdown(), 0);
  });
});
