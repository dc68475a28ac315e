// Every language-server feature, driven through a real LSP client against
// `charter lsp` as a child process; each test asserts the content of the answer.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Client, fixture, uriOf, positionOf, applyEdits, proto } = require('./client');

const uri = uriOf(path.join(__dirname, 'fixtures', 'council.charter'));
const base = fixture('council.charter');

describe('charter lsp features', () => {
  let client;
  let caps;
  let text = base;  // what the server holds for `uri`

  before(async () => {
    client = new Client();
    caps = (await client.initialize()).capabilities;
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(diagnostics, [], 'the fixture checks clean');
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  // Replaces the first `from` with `to`, and returns the diagnostics of the new version.
  async function replace(from, to) {
    const start = positionOf(text, from);
    const end = positionOf(text, from, { delta: from.length });
    text = text.replace(from, to);
    return client.edit(uri, { start, end }, to);
  }

  it('announces its capabilities', () => {
    assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.ok(caps.completionProvider.triggerCharacters.includes('.'));
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.ok(caps.semanticTokensProvider.legend.tokenTypes.includes('keyword'));
    assert.equal(caps.foldingRangeProvider, true);
    assert.deepEqual(caps.executeCommandProvider.commands, ['charter.runTest']);
    assert.ok(caps.signatureHelpProvider.triggerCharacters.includes('('));
  });

  it('publishes a diagnostic with a fix-it after an edit, and clears it after the fix', async () => {
    const diagnostics = await replace('>= notice_days', '>= notice_dayz');
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.code, 'E0101');
    assert.equal(d.severity, 1);
    assert.match(d.message, /unknown name `notice_dayz`/);
    const start = positionOf(text, 'notice_dayz');
    assert.deepEqual(d.range, { start, end: { line: start.line, character: start.character + 11 } });

    const actions = await client.request(proto.CodeActionRequest.type, {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(actions[0].title, 'Did you mean `notice_days`?');
    assert.deepEqual(actions[0].edit.changes[uri], [{ range: d.range, newText: 'notice_days' }]);

    assert.deepEqual(await replace('>= notice_dayz', '>= notice_days'), []);
  });

  it('counts positions in UTF-16 code units after non-ASCII text', async () => {
    const line = 'const clef = "§𝄞" + 1\n';
    const at = positionOf(text, '/// A proposed change.');
    const version = client.versions.get(uri) + 1;
    const published = client.nextDiagnostics(uri, (p) => p.version === version);
    await client.change(uri, { start: at, end: at }, line);
    text = text.replace('/// A proposed change.', line + '/// A proposed change.');
    const diagnostics = await published;
    const d = diagnostics.find((x) => x.code === 'E0202');
    assert.ok(d, JSON.stringify(diagnostics));
    // `"§𝄞"` is 4 UTF-16 units wide (𝄞 is a surrogate pair) but 7 bytes: `+` is at character 19, byte 22.
    assert.deepEqual(d.range, { start: { line: at.line, character: line.indexOf('+') }, end: { line: at.line, character: line.indexOf('+') + 1 } });
    assert.deepEqual(await replace(line, ''), []);
  });

  it('completes event fields after `event.` in the middle of an incomplete file', async () => {
    const anchor = '  when event.tier == T1 {';
    const inserted = '  require event.\n';
    const at = positionOf(text, anchor);
    const version = client.versions.get(uri) + 1;
    const published = client.nextDiagnostics(uri, (p) => p.version === version);
    await client.change(uri, { start: at, end: at }, inserted);
    text = text.replace(anchor, inserted + anchor);
    const list = await client.request(proto.CompletionRequest.type, {
      textDocument: { uri }, position: { line: at.line, character: inserted.length - 1 },
    });
    const fields = Object.fromEntries(list.items.map((i) => [i.label, i]));
    assert.deepEqual(Object.keys(fields).sort(), ['ballots', 'decided', 'posted', 'tier']);
    assert.equal(fields.tier.detail, 'Tier');
    assert.equal(fields.tier.kind, proto.CompletionItemKind.Field);
    assert.equal(fields.tier.documentation.value, "The change's tier.");
    assert.equal(fields.ballots.detail, 'list<Ballot>');
    // The broken file gets a syntax error.
    const diagnostics = await published;
    assert.ok(diagnostics.some((d) => d.code === 'E0001'), JSON.stringify(diagnostics));
    await replace(inserted, '');
  });

  it('completes enum members after `event.tier ==` in a broken rule', async () => {
    const anchor = '  when event.tier == T1 {';
    const inserted = '  when event.tier == \n';
    const at = positionOf(text, anchor);
    await client.change(uri, { start: at, end: at }, inserted);
    text = text.replace(anchor, inserted + anchor);
    const list = await client.request(proto.CompletionRequest.type, {
      textDocument: { uri }, position: { line: at.line, character: inserted.length - 1 },
    });
    assert.deepEqual(list.items.map((i) => i.label), ['T1', 'T2', 'T3']);
    assert.ok(list.items.every((i) => i.kind === proto.CompletionItemKind.EnumMember));
    assert.equal(list.items[0].detail, 'Tier');
    await replace(inserted, '');
  });

  it('completes reason codes inside `expect deny with "`', async () => {
    const anchor = '  expect allow';
    const inserted = '  expect deny with "no_quorum", "\n';
    const at = positionOf(text, anchor);
    await client.change(uri, { start: at, end: at }, inserted);
    text = text.replace(anchor, inserted + anchor);
    const list = await client.request(proto.CompletionRequest.type, {
      textDocument: { uri }, position: { line: at.line, character: inserted.length - 1 },
    });
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['no_quorum', 'notice_period']);
    await replace(inserted, '');
  });

  it('completes stdlib functions with signatures after `time.`', async () => {
    const anchor = '= time.days_between(posted, decided)';
    const pos = positionOf(text, anchor, { delta: '= time.'.length });
    const list = await client.request(proto.CompletionRequest.type, { textDocument: { uri }, position: pos });
    const byLabel = Object.fromEntries(list.items.map((i) => [i.label, i]));
    assert.equal(byLabel.days_between.detail, 'extern fn days_between(from: date, to: date) -> int');
    assert.equal(byLabel.business_days_between.detail, 'extern fn business_days_between(from: date, to: date) -> int');
    assert.ok(byLabel.days_since, 'Charter-written stdlib functions too');
    assert.equal(byLabel.days_between.insertTextFormat, 2);
  });

  it('offers declaration snippets at the top level and statements in a rule', async () => {
    const top = await client.request(proto.CompletionRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'rule council'),
    });
    const labels = top.items.map((i) => i.label);
    for (const s of ['rule', 'quorum', 'threshold', 'test']) assert.ok(labels.includes(s), s);
    const rule = top.items.find((i) => i.label === 'rule');
    assert.equal(rule.kind, proto.CompletionItemKind.Snippet);
    assert.match(rule.insertText, /^rule \$\{1:name\} on \$\{2:event\} \{/);
    const inRule = await client.request(proto.CompletionRequest.type, {
      textDocument: { uri }, position: positionOf(text, '  when event.tier', { delta: 2 }),
    });
    const ruleLabels = inRule.items.map((i) => i.label);
    for (const s of ['veto', 'require', 'let', 'event', 'notice_days', 'council_quorum']) assert.ok(ruleLabels.includes(s), s);
  });

  it('hovers with signature, type and doc comment', async () => {
    const hover = async (needle, opts) =>
      (await client.request(proto.HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, opts) }))
        .contents.value;
    assert.equal(await hover('council_quorum(event', { delta: 3 }),
      '```charter\nquorum council_quorum(ballots: list<Ballot>) -> bool\n```\n\n§2.5 quorum.');
    assert.equal(await hover('tier == T1', { delta: 1 }), "```charter\n(field) change.tier: Tier\n```\n\nThe change's tier.");
    assert.equal(await hover('T1 {'), '```charter\nenum Tier.T1\n```\n\nDecision tiers.');
    assert.equal(await hover('>= notice_days', { delta: 4 }), '```charter\nconst notice_days: int\n```\n\nNotice period in days.');
    const code = await hover('"no_quorum":', { delta: 2 });
    const produced = positionOf(text, '"no_quorum":').line + 1;
    const expected = positionOf(text, 'with "no_quorum"').line + 1;
    assert.equal(code, `\`\`\`charter\nreason "no_quorum"\n\`\`\`\n\nproduced at line ${produced}\n\nexpected by tests at line ${expected}`);
    assert.match(await hover('time.days_between', { delta: 6 }), /extern fn days_between\(from: date, to: date\) -> int[\s\S]*from `std.time`/);
  });

  it('goes to the definition, in the file and in the stdlib', async () => {
    const def = await client.request(proto.DefinitionRequest.type, {
      textDocument: { uri }, position: positionOf(text, '>= notice_days', { delta: 4 }),
    });
    const at = positionOf(text, 'notice_days = 14');
    assert.deepEqual(def, { uri, range: { start: at, end: { line: at.line, character: at.character + 11 } } });
    const stdlib = await client.request(proto.DefinitionRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'time.days_between', { delta: 6 }),
    });
    assert.match(stdlib.uri, /stdlib\/time\.charter$/);
  });

  it('finds references', async () => {
    const refs = await client.request(proto.ReferencesRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'enum Role', { delta: 5 }), context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => r.range.start), [positionOf(text, 'Role {'), positionOf(text, 'role: Role', { delta: 6 })]);
    assert.ok(refs.every((r) => r.uri === uri));
  });

  it('renames a constant everywhere, and refuses keywords and the stdlib', async () => {
    const edit = await client.request(proto.RenameRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'notice_days = 14'), newName: 'notice_period_days',
    });
    const edits = edit.changes[uri];
    assert.equal(edits.length, 3);
    assert.ok(edits.every((e) => e.newText === 'notice_period_days'));
    const renamed = applyEdits(text, edits);
    assert.ok(renamed.includes('const notice_period_days = 14'));
    assert.ok(renamed.includes('>= notice_period_days'));
    assert.ok(renamed.includes('wait {notice_period_days} days'));
    await assert.rejects(client.request(proto.PrepareRenameRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'rule council', { delta: 1 }),
    }), /`rule` is a keyword/);
    await assert.rejects(client.request(proto.RenameRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'time.days_between', { delta: 6 }), newName: 'x',
    }), /standard library cannot be renamed/);
    await assert.rejects(client.request(proto.RenameRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'notice_days = 14'), newName: 'when',
    }), /`when` is a keyword/);
  });

  it('outlines the document', async () => {
    const symbols = await client.request(proto.DocumentSymbolRequest.type, { textDocument: { uri } });
    const byName = Object.fromEntries(symbols.map((s) => [s.name, s]));
    assert.deepEqual(byName.Role.children.map((c) => c.name), ['platform', 'security', 'leadership', 'developer']);
    assert.equal(byName.Role.kind, proto.SymbolKind.Enum);
    assert.deepEqual(byName.change.children.map((c) => [c.name, c.detail]),
      [['tier', 'Tier'], ['ballots', 'list<Ballot>'], ['posted', 'date'], ['decided', 'date']]);
    assert.deepEqual(byName.council.children.map((c) => c.name), ['"no_quorum"', '"notice_period"']);
    assert.equal(byName.council.detail, 'rule council on change');
    assert.ok(byName['test "a T3 change with a quorum passes"']);
    const ws = await client.request(proto.WorkspaceSymbolRequest.type, { query: 'quor' });
    assert.deepEqual(ws.map((s) => s.name), ['council_quorum']);
    assert.equal(ws[0].location.uri, uri);
  });

  it('formats the whole document and a range with charter fmt', async (t) => {
    if (!caps.documentFormattingProvider) return t.skip('formatting is not in this build');
    const messy = 'policy   messy\nenum Role {platform,security}\n\nconst   n = 1\n';
    const messyUri = uriOf(path.join(__dirname, 'fixtures', 'messy.charter'));
    await client.open(messyUri, messy);
    const edits = await client.request(proto.DocumentFormattingRequest.type, {
      textDocument: { uri: messyUri }, options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(edits.length > 0);
    const formatted = applyEdits(messy, edits);
    assert.ok(formatted.startsWith('policy messy\n'), formatted);
    assert.match(formatted, /const n = 1\n$/);
    // Formatting the result changes nothing.
    const again = await client.edit(messyUri, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, formatted);
    assert.deepEqual(again.filter((d) => d.severity === 1), []);
    assert.deepEqual(await client.request(proto.DocumentFormattingRequest.type, {
      textDocument: { uri: messyUri }, options: { tabSize: 2, insertSpaces: true },
    }), []);
    // A range request keeps only the edits touching the range.
    await client.edit(messyUri, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, messy);
    const ranged = await client.request(proto.DocumentRangeFormattingRequest.type, {
      textDocument: { uri: messyUri }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(ranged.length >= 1 && ranged.length < edits.length + 1);
    assert.ok(ranged.every((e) => e.range.start.line <= 3 && e.range.end.line >= 3));
    await client.connection.sendNotification(proto.DidCloseTextDocumentNotification.type, { textDocument: { uri: messyUri } });
  });

  it('returns semantic tokens with sane types', async () => {
    const legend = caps.semanticTokensProvider.legend.tokenTypes;
    const { data } = await client.request(proto.SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(data.length > 100 && data.length % 5 === 0);
    const tokens = [];
    let line = 0, character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push({ line, character, length: data[i + 2], type: legend[data[i + 3]] });
    }
    const at = (needle, delta = 0) => {
      const p = positionOf(text, needle, { delta });
      return tokens.find((t) => t.line === p.line && t.character === p.character);
    };
    assert.deepEqual(at('rule council'), { ...positionOf(text, 'rule council'), length: 4, type: 'keyword' });
    assert.equal(at('enum Role', 5).type, 'enum');
    assert.equal(at('role: Role', 6).type, 'enum');
    assert.equal(at('tier == T1', 0).type, 'property');
    assert.equal(at('T1 {').type, 'enumMember');
    assert.equal(at('council_quorum(event').type, 'function');
    assert.equal(at('/// Who sits').type, 'comment');
    assert.equal(at('14').type, 'number');
    assert.equal(at('time.days', 0).type, 'namespace');
    // Inside `"...{notice_days}..."` the interpolated name is its own token.
    assert.equal(at('{notice_days}', 1).type, 'variable');
  });

  it('folds blocks and comment runs', async () => {
    const ranges = await client.request(proto.FoldingRangeRequest.type, { textDocument: { uri } });
    const event = positionOf(text, 'event change {').line;
    assert.ok(ranges.some((r) => r.startLine === event && r.endLine === positionOf(text, '  decided: date').line), JSON.stringify(ranges));
    const rule = positionOf(text, 'rule council').line;
    assert.ok(ranges.some((r) => r.startLine === rule));
  });

  it('helps with the signature of a stdlib call', async () => {
    const help = await client.request(proto.SignatureHelpRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'days_between(posted, decided)', { delta: 'days_between(posted, '.length }),
    });
    assert.equal(help.signatures[0].label, 'time.days_between(from: date, to: date) -> int');
    assert.deepEqual(help.signatures[0].parameters.map((p) => p.label), ['from: date', 'to: date']);
    assert.equal(help.activeParameter, 1);
    assert.match(help.signatures[0].documentation.value, /Calendar days from `from` to `to`/);
    const user = await client.request(proto.SignatureHelpRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'waited(event.posted', { delta: 7 }),
    });
    assert.equal(user.signatures[0].label, 'waited(posted: date, decided: date) -> int');
    assert.equal(user.activeParameter, 0);
  });

  it('puts a "run test" lens on each test, and runs it', async () => {
    const lenses = await client.request(proto.CodeLensRequest.type, { textDocument: { uri } });
    assert.equal(lenses.length, 2);
    assert.deepEqual(lenses.map((l) => l.range.start.line),
      [positionOf(text, 'test "a T1').line, positionOf(text, 'test "a T3').line]);
    const [first] = lenses;
    assert.equal(first.command.title, '▶ run test');
    assert.deepEqual(first.command.arguments, [uri, 'a T1 change without ballots is denied']);
    const result = await client.request(proto.ExecuteCommandRequest.type, {
      command: first.command.command, arguments: first.command.arguments,
    });
    assert.deepEqual(result, { passed: true, found: true, title: 'a T1 change without ballots is denied', messages: [] });
    assert.deepEqual(client.messages.at(-1), { type: 3, message: 'PASS a T1 change without ballots is denied' });
    // A failing expectation is reported with what happened.
    await replace('expect allow', 'expect deny');
    const failed = await client.request(proto.ExecuteCommandRequest.type, {
      command: 'charter.runTest', arguments: [uri, 'a T3 change with a quorum passes'],
    });
    assert.equal(failed.passed, false);
    assert.match(failed.messages[0], /expected deny; actual allow/);
    assert.equal(client.messages.at(-1).type, 1);
    await replace('expect deny', 'expect allow');
  });
});
