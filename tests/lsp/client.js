// A real LSP client for the tests and the benchmark: spawns `charter lsp` and
// talks to it with vscode-jsonrpc / vscode-languageserver-protocol, the
// libraries VS Code's own client is built on.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
// One module for both: the protocol's request types must come from the same
// vscode-jsonrpc the connection is built with.
const proto = require('vscode-languageserver-protocol/node');
const rpc = proto;

const CHARTER = process.env.CHARTER || path.resolve(__dirname, '../../build/charter');

function fixture(name) {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

function uriOf(file) {
  return 'file://' + path.resolve(file);
}

class Client {
  constructor() {
    this.child = spawn(CHARTER, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.child.stderr.on('data', (d) => { this.stderr += d; });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = proto.createProtocolConnection(
      new proto.StreamMessageReader(this.child.stdout), new proto.StreamMessageWriter(this.child.stdin));
    this.diagnostics = new Map();  // uri → [{version, diagnostics}]
    this.waiters = [];
    this.messages = [];
    this.connection.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
      if (!this.diagnostics.has(p.uri)) this.diagnostics.set(p.uri, []);
      this.diagnostics.get(p.uri).push(p);
      this.waiters = this.waiters.filter((w) => !w(p));
    });
    this.connection.onNotification(proto.ShowMessageNotification.type, (p) => this.messages.push(p));
    this.connection.listen();
    this.versions = new Map();
  }

  async initialize() {
    const result = await this.connection.sendRequest(proto.InitializeRequest.type, {
      processId: process.pid, rootUri: uriOf(__dirname), capabilities: {}, workspaceFolders: null,
    });
    await this.connection.sendNotification(proto.InitializedNotification.type, {});
    return result;
  }

  // Resolves with the next publishDiagnostics for `uri` that satisfies `predicate`.
  nextDiagnostics(uri, predicate = () => true, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics for ' + uri + '\n' + this.stderr)), timeoutMs);
      this.waiters.push((p) => {
        if (p.uri !== uri || !predicate(p)) return false;
        clearTimeout(timer);
        resolve(p.diagnostics);
        return true;
      });
    });
  }

  async open(uri, text) {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(proto.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'charter', version: 1, text },
    });
    return published;
  }

  // Sends one incremental change; returns the version it made.
  async change(uri, range, text) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ range, text }],
    });
    return version;
  }

  // Changes and waits for the diagnostics of that version.
  async edit(uri, range, text) {
    const version = this.versions.get(uri) + 1;
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.change(uri, range, text);
    return published;
  }

  request(type, params) {
    return this.connection.sendRequest(type, params);
  }

  async shutdown() {
    await this.connection.sendRequest(proto.ShutdownRequest.type);
    await this.connection.sendNotification(proto.ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

// Position of the n-th occurrence of `needle` (UTF-16, as LSP counts), plus `delta` characters.
function positionOf(text, needle, { nth = 0, delta = 0 } = {}) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error('not found: ' + needle);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

// Applies LSP text edits (non-overlapping) to a text.
function applyEdits(text, edits) {
  const offset = (pos) => {
    const lines = text.split('\n');
    let o = 0;
    for (let l = 0; l < pos.line && l < lines.length; l++) o += lines[l].length + 1;
    return o + pos.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

module.exports = { Client, CHARTER, fixture, uriOf, positionOf, applyEdits, proto, rpc };
