// Runs `charter check --format sarif` and validates its output against the
// official SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json, draft-04) with
// ajv, then checks what the schema cannot: every result names a listed rule
// at its index, points into the file given, and carries the expected fixes.
//
// usage: node validate.js --modules DIR --exit CODE --results some|none|fixes|any
//                         -- CHARTER ARGS...
// (`fixes`: some results, and a fix among them)
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

function fail(message) {
  console.error(`sarif: ${message}`);
  process.exit(1);
}

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
if (split < 0) fail('usage: validate.js --modules DIR --exit CODE --results some|none|fixes|any -- CHARTER ARGS...');
const options = {};
for (let i = 0; i < split; i += 2) options[argv[i].replace(/^--/, '')] = argv[i + 1];
const [charter, ...args] = argv.slice(split + 1);

// ajv lives in the build tree (`npm ci` there), not beside this script.
const load = createRequire(path.join(path.resolve(options.modules), 'index.js'));
const Ajv = load('ajv-draft-04');
const addFormats = load('ajv-formats');

const run = spawnSync(charter, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
if (run.error) fail(`cannot run ${charter}: ${run.error.message}`);
if (String(run.status) !== options.exit) fail(`exit ${run.status}, expected ${options.exit}\n${run.stderr}`);
let log;
try {
  log = JSON.parse(run.stdout);
} catch (e) {
  fail(`output is not JSON: ${e.message}\n${run.stdout}`);
}

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8'));
// The schema's `language` pattern has a stray `]`, an error in JavaScript's
// unicode mode that ajv uses by default; plain mode reads it as a literal.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(log)) fail(`not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 2)}`);

const run0 = log.runs[0];
const rules = run0.tool.driver.rules;
const results = run0.results;
if (options.results === 'none' && results.length !== 0) fail(`expected no results, got ${results.length}`);
if ((options.results === 'some' || options.results === 'fixes') && results.length === 0) fail('expected results, got none');
const inputs = new Set(args.filter((a) => a.endsWith('.charter')));
for (const result of results) {
  if (rules[result.ruleIndex]?.id !== result.ruleId) fail(`result ${result.ruleId} does not match rule ${result.ruleIndex}`);
  for (const location of result.locations ?? []) {
    const uri = location.physicalLocation.artifactLocation.uri;
    if (!inputs.has(uri)) fail(`result ${result.ruleId} points at ${uri}, not a file given`);
    const r = location.physicalLocation.region;
    if (r.endLine < r.startLine || (r.endLine === r.startLine && r.endColumn < r.startColumn)) {
      fail(`result ${result.ruleId} has an inverted region ${JSON.stringify(r)}`);
    }
  }
}
if (options.results === 'fixes' && !results.some((r) => (r.fixes ?? []).length > 0)) fail('expected a fix, got none');
console.log(`sarif: valid SARIF 2.1.0, ${rules.length} rules, ${results.length} results`);
