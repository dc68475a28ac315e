// Latency benchmark of `charter lsp` through the real client (not a test):
//   CHARTER=build/charter node tests/lsp/bench.js [--edits N] [--memory-edits N]
// Generates a 5,000-line policy, then measures completion, hover and
// diagnostics-after-edit (median, p99), and the server's RSS over many edits.
'use strict';
const fs = require('node:fs');
const { Client, uriOf, positionOf, proto } = require('./client');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SAMPLES = option('--samples', 200);
const EDITS = option('--edits', 100);
const MEMORY_EDITS = option('--memory-edits', 10000);

function generate(lines) {
  const out = ['/// Generated for the language-server benchmark.', 'policy bench', '', 'import std.time', ''];
  out.push('enum Role { platform, security, leadership, developer }');
  out.push('enum Tier { T1, T2, T3, T4, T5 }');
  out.push('record Ballot { member: string, role: Role }');
  out.push('/// The event every rule decides.');
  out.push('event change {', '  tier: Tier', '  ballots: list<Ballot>', '  posted: date', '  decided: date', '  notice: int', '}', '');
  for (let i = 0; out.length < lines - 12; i++) {
    out.push(`/// Limit ${i}.`, `const limit_${i} = ${i + 1}`, '');
    out.push(`rule r${i} on change when event.tier == T${(i % 5) + 1} {`);
    out.push(`  let waited = time.days_between(event.posted, event.decided)`);
    out.push(`  require waited >= limit_${i}`);
    out.push(`    else "wait_${i}": "waited {waited} days; need {limit_${i}}"`);
    out.push(`  require event.ballots.count(b => b.role == security) >= 1`);
    out.push(`    else "security_${i}": "a security ballot is needed"`);
    out.push('}', '');
  }
  return out.join('\n') + '\n';
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (ns) => Number(ns) / 1e6;
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function time(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return ms(process.hrtime.bigint() - start);
}

async function main() {
  const text = generate(5000);
  const uri = uriOf('/tmp/charter-bench.charter');
  const client = new Client();
  await client.initialize();
  const first = await time(() => client.open(uri, text));
  const report = { lines: text.split('\n').length - 1, first_analysis_ms: first };

  // Hover on a constant in the middle of the file.
  const middle = text.indexOf('require waited >= limit_300');
  const hoverAt = positionOf(text, 'limit_300', { nth: 2 });
  const hovers = [];
  for (let i = 0; i < SAMPLES; i++) {
    hovers.push(await time(() => client.request(proto.HoverRequest.type, { textDocument: { uri }, position: hoverAt })));
  }

  // Diagnostics after an edit that changes a number in a rule: until the new version is published.
  const limitAt = positionOf(text, 'const limit_300 = 301', { delta: 'const limit_300 = '.length });
  const diagnostics = [];
  for (let i = 0; i < EDITS; i++) {
    const digit = String(i % 10);
    diagnostics.push(await time(() => client.edit(uri, { start: limitAt, end: { line: limitAt.line, character: limitAt.character + 1 } }, digit)));
  }

  // Completion after typing `event.` in the middle of the file (the file does not parse then).
  const lineStart = positionOf(text, 'require waited >= limit_300');
  await client.change(uri, { start: lineStart, end: lineStart }, 'require event.\n  ');
  const completions = [];
  const at = { line: lineStart.line, character: lineStart.character + 'require event.'.length };
  for (let i = 0; i < SAMPLES; i++) {
    completions.push(await time(() => client.request(proto.CompletionRequest.type, { textDocument: { uri }, position: at })));
  }
  const items = await client.request(proto.CompletionRequest.type, { textDocument: { uri }, position: at });
  if (!items.items.some((x) => x.label === 'ballots')) throw new Error('completion lost the event fields');
  void middle;

  const summarize = (xs) => ({ median_ms: +percentile(xs, 50).toFixed(2), p99_ms: +percentile(xs, 99).toFixed(2), n: xs.length });
  report.completion = summarize(completions);
  report.hover = summarize(hovers);
  report.diagnostics_after_edit = summarize(diagnostics);

  // Memory over many analysed edits of a small policy: RSS before, during and after.
  const small = fs.readFileSync(require('node:path').join(__dirname, 'fixtures', 'council.charter'), 'utf8');
  const smallUri = uriOf('/tmp/charter-bench-small.charter');
  await client.open(smallUri, small);
  const pid = client.child.pid;
  const numberAt = positionOf(small, 'notice_days = 14', { delta: 'notice_days = '.length });
  const samples = [];
  const started = Date.now();
  for (let i = 0; i < MEMORY_EDITS; i++) {
    await client.edit(smallUri, { start: numberAt, end: { line: numberAt.line, character: numberAt.character + 2 } }, String(10 + (i % 90)));
    if (i % Math.max(1, Math.floor(MEMORY_EDITS / 10)) === 0 || i === MEMORY_EDITS - 1) samples.push([i + 1, +rss(pid).toFixed(1)]);
  }
  report.memory = { edits: MEMORY_EDITS, seconds: (Date.now() - started) / 1000, rss_mb_by_edit: samples };
  // The big file too: RSS after its edits.
  report.rss_mb_end = +rss(pid).toFixed(1);
  await client.shutdown();
  console.log(JSON.stringify(report, (k, v) => (Array.isArray(v) && v.length === 2 && typeof v[0] === "number" ? JSON.stringify(v) : v), 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
