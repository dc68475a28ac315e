// Tokenizes test/sample.charter with the TextMate grammar, as VS Code does
// (vscode-textmate + vscode-oniguruma), and checks the scopes of each construct.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

async function tokenizer() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => vsctm.parseRawGrammar(
      fs.readFileSync(path.join(__dirname, '..', 'syntaxes', 'charter.tmLanguage.json'), 'utf8'), 'charter.tmLanguage.json'),
  });
  return registry.loadGrammar('source.charter');
}

// Every token of the file as {line, text, scopes}.
async function tokens(file) {
  const grammar = await tokenizer();
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let state = vsctm.INITIAL;
  const out = [];
  lines.forEach((line, number) => {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) out.push({ line: number, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  });
  return out;
}

test('the grammar scopes every construct of a sample policy', async () => {
  const all = await tokens(path.join(__dirname, 'sample.charter'));
  // The innermost scope of the first token with this text (on the given line, when given).
  const scope = (text, line) => {
    const t = all.find((x) => x.text === text && (line === undefined || x.line === line));
    assert.ok(t, 'no token ' + JSON.stringify(text));
    return t.scopes[t.scopes.length - 1];
  };
  const scopes = (text) => all.find((x) => x.text === text).scopes;
  assert.equal(scope('/// Doc for the policy (§2.5).'), 'comment.line.documentation.charter');
  assert.equal(scope('// A plain comment.'), 'comment.line.double-slash.charter');
  assert.equal(scope('policy'), 'keyword.other.charter');
  assert.equal(scope('sample'), 'entity.name.namespace.charter');
  assert.equal(scope('import'), 'keyword.control.import.charter');
  assert.equal(scope('enum'), 'storage.type.charter');
  assert.equal(scope('Role'), 'entity.name.type.charter');
  assert.equal(scope('rule'), 'storage.type.charter');
  assert.equal(scope('council'), 'entity.name.function.rule.charter');
  assert.equal(scope('require'), 'keyword.control.charter');
  assert.equal(scope('else'), 'keyword.control.charter');
  assert.equal(scope('event', 15), 'variable.language.event.charter');
  assert.ok(scopes('^[A-Za-z0-9-]+$').includes('string.quoted.double.raw.charter'));
  assert.equal(scope('5'), 'constant.numeric.duration.charter');
  assert.equal(scope('business_days'), 'keyword.other.unit.charter');
  assert.equal(scope('95%'), 'constant.numeric.percent.charter');
  assert.equal(scope('2026-11-02'), 'constant.numeric.date.charter');
  assert.equal(scope('2026-11-23T09:30:00Z'), 'constant.numeric.timestamp.charter');
  assert.equal(scope('slo_breached', 16), 'constant.other.reason-code.charter');
  assert.equal(scope('rate ', 16), 'string.quoted.double.charter');
  // `{event.rate}` inside the message is an interpolation with its own tokens.
  const interpolated = all.filter((x) => x.line === 16 && x.scopes.includes('meta.interpolation.charter'));
  assert.deepEqual(interpolated.map((x) => x.text), ['{', 'event', '.', 'rate', '}', '{', 'slo', '}']);
  assert.equal(scope('{', 16), 'punctuation.section.interpolation.begin.charter');
  assert.equal(scope('expect'), 'keyword.control.charter');
  assert.equal(scope('slo_breached', 21), 'constant.other.reason-code.charter');
  assert.equal(scope('other_code'), 'constant.other.reason-code.charter');
  assert.equal(scope('90%'), 'constant.numeric.percent.charter');
});
