#!/usr/bin/env node
// `npm run test:security`: the Electron security gate.
//
// 1. Runs Doyensec's electronegativity over the Electron shell and engine (electron/), the renderer
//    (renderer/, including index.html and its CSP meta tag) and package.json, in one scan, so its
//    global checks (navigation limits, permission handler, CSP) see the whole app.
// 2. Subtracts the findings justified one by one in SECURITY.md (table between the
//    `security-lint:justifications` markers: check id, file, how many, why).
// 3. Evaluates the CSP the main process and browser-mode server send (CONTENT_SECURITY_POLICY in
//    electron/core/http.ts: electronegativity only reads string literals) with the same evaluator,
//    and checks that renderer/index.html's meta CSP does not drift from it.
// 4. Exits 1 if any finding is unjustified, a justification is stale, a file could not be parsed
//    (it would otherwise go unchecked) or a source silences a check inline (`eng-disable`).
//
// Options: --input <dir|file> (repeatable) scans that instead of the app, without SECURITY.md and
// the CSP checks (to prove the gate fails on a bad file); --justifications <file> reads that file.
//
// Electronegativity is called through its documented programmatic API (package "main"), not its
// CLI: the CLI's option parsing relies on a `commander` it does not declare, and npm hoists
// commander 7 (from d3-dsv), whose parse no longer sets options as properties, so the CLI ignores
// `-i`/`-o` and exits without scanning. The API also returns the findings directly instead of
// writing the report file asynchronously after it resolves.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importTs } from './ts-module.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: {
    input: { type: 'string', multiple: true },
    justifications: { type: 'string' },
  },
  strict: true,
});

/** What the app scan covers, relative to the repository root. */
const APP_INPUTS = ['electron', 'renderer', 'package.json'];
/**
 * Checks left out, with the reason:
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub on every run;
 *   the gate must be deterministic and work offline. Keeping Electron current is `npm outdated`'s job.
 * - ElectronVersionJSONCheck only reports which Electron version package.json names, as input for
 *   the check above (an informational finding on every run, never a problem by itself).
 * SECURITY.md lists these too.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'ElectronVersionJSONCheck'];
/** CSP directives that only work as a header, so the meta tag may leave them out. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const red = (s) => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
const green = (s) => (process.stdout.isTTY ? `\x1b[32m${s}\x1b[0m` : s);
const yellow = (s) => (process.stdout.isTTY ? `\x1b[33m${s}\x1b[0m` : s);
const toPosix = (p) => p.split(sep).join('/');

const enegDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const enegRequire = createRequire(join(enegDir, 'package.json'));

/**
 * electronegativity's i18n module fetches translations from S3 on every run, for the locale in LANG.
 * Replace it, before the runner loads it, with one that reads only the bundled en-US messages, so the
 * gate makes no network request and reads the same on every machine.
 */
function offlineMessages() {
  const i18nPath = join(enegDir, 'dist', 'locales', 'i18n.js');
  const i18n = enegRequire('i18n');
  const configure = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nPath] = { id: i18nPath, filename: i18nPath, loaded: true, exports: configure, children: [], paths: [] };
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies?.electron ?? '';
    return /\d+\.\d+\.\d+/.exec(range)?.[0];
  }
}

function listFiles(dir) {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' ? [] : e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Copies the inputs into one folder (one scan, so the global checks see everything); returns it. */
function stage(inputs, base) {
  const dir = mkdtempSync(join(tmpdir(), 'mw-security-'));
  try {
    for (const input of inputs) {
      const from = resolve(base, input);
      if (!existsSync(from)) throw new Error(`Input ${input} does not exist.`);
      const rel = relative(base, from);
      const to = join(dir, rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(from));
      cpSync(from, to, { recursive: true, filter: (src) => !src.split(sep).includes('node_modules') });
    }
    return dir;
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function scan(dir) {
  offlineMessages();
  const run = enegRequire('./dist/runner.js');
  const version = electronVersion();
  const result = await run({
    input: dir,
    isRelative: true,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    electronVersionOverride: version,
    electronVersion: version,
    parserPlugins: [],
  });
  // A scan that loaded no checks proves nothing (e.g. if the check loader breaks on an upgrade).
  if (!(result.atomicChecks > 20 && result.globalChecks > 3)) {
    throw new Error(`electronegativity loaded only ${result.atomicChecks} atomic and ${result.globalChecks} global checks.`);
  }
  return { ...result, version };
}

/** The justification table of SECURITY.md: rows of | check | file | count | reason |. */
function readJustifications(file) {
  if (!existsSync(file)) return { rows: [], problems: [] };
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- security-lint:justifications:start -->');
  const end = text.indexOf('<!-- security-lint:justifications:end -->');
  if (start < 0 || end < start) {
    return { rows: [], problems: [`${relative(root, file)} has no security-lint:justifications:start/end markers.`] };
  }
  const rows = [];
  const problems = [];
  const lines = text.slice(start, end).split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.trim().startsWith('|')) continue;
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells.every((c) => /^:?-+:?$/.test(c)) || /^check$/i.test(cells[0] ?? '')) continue;
    const lineNo = text.slice(0, start).split('\n').length + i;
    const [check, path, count, reason] = cells;
    if (cells.length !== 4 || !/^[A-Z0-9_]+$/.test(check) || !path || !/^[1-9]\d*$/.test(count) || (reason ?? '').length < 20) {
      problems.push(`${relative(root, file)}:${lineNo}: expected | CHECK_ID | path | count | reason (20+ characters) |, got: ${line.trim()}`);
      continue;
    }
    rows.push({ check, path, count: Number(count), reason, line: lineNo });
  }
  return { rows, problems };
}

/** CONTENT_SECURITY_POLICY as the app sends it, and the CSP meta tag of renderer/index.html. */
async function appPolicies() {
  const server = await importTs(root, './electron/core/http');
  const header = server.CONTENT_SECURITY_POLICY;
  if (typeof header !== 'string') throw new Error('electron/core/http.ts no longer exports CONTENT_SECURITY_POLICY.');
  const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
  const tag = [...html.matchAll(/<meta\b[^>]*>/gis)].map((m) => m[0]).find((t) => /http-equiv\s*=\s*(["'])Content-Security-Policy\1/i.test(t));
  const meta = tag ? /\bcontent\s*=\s*(["'])(.*?)\1/is.exec(tag)?.[2] : undefined;
  return { header, meta };
}

function parsePolicy(policy) {
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources.join(' '));
  }
  return directives;
}

/** Grades a policy like electronegativity's CSPGlobalCheck; returns findings in its shape. */
function evaluatePolicy(policy, file) {
  const csp = enegRequire('@doyensec/csp-evaluator');
  const { HIGH, MEDIUM, SYNTAX, HIGH_MAYBE, MEDIUM_MAYBE } = csp.severities;
  // CSPGlobalCheck counts HIGH and MEDIUM as weak, the *_MAYBE ones as "review"; a syntax error is weak here too.
  const all = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
  const found = all.filter((f) => [HIGH, MEDIUM, SYNTAX, HIGH_MAYBE, MEDIUM_MAYBE].includes(f.severity));
  if (found.length === 0) return [];
  const definite = found.some((f) => [HIGH, MEDIUM, SYNTAX].includes(f.severity));
  return [
    {
      id: 'CSP_GLOBAL_CHECK',
      file,
      location: { line: 0, column: 0 },
      severity: { name: 'LOW' },
      confidence: { name: definite ? 'CERTAIN' : 'FIRM' },
      manualReview: !definite,
      description:
        `CONTENT_SECURITY_POLICY (evaluated by security-lint): ` +
        found.map((f) => `${f.directive} ${f.value ?? ''}: ${f.description}`.trim()).join(' '),
      sample: policy,
    },
  ];
}

function cspDrift(header, meta) {
  if (!meta) return ['renderer/index.html has no Content-Security-Policy meta tag (Electron loads it from file://, where no header applies).'];
  const h = parsePolicy(header);
  const m = parsePolicy(meta);
  const problems = [];
  for (const [name, sources] of h) {
    if (HEADER_ONLY_DIRECTIVES.has(name)) continue;
    if (!m.has(name)) problems.push(`renderer/index.html's CSP lacks \`${name} ${sources}\` that CONTENT_SECURITY_POLICY has.`);
    else if (m.get(name) !== sources) problems.push(`CSP \`${name}\` differs: index.html "${m.get(name)}", CONTENT_SECURITY_POLICY "${sources}".`);
  }
  for (const [name, sources] of m) {
    if (!h.has(name)) problems.push(`renderer/index.html's CSP has \`${name} ${sources}\` that CONTENT_SECURITY_POLICY lacks.`);
  }
  return problems;
}

function describe(issue) {
  const where = issue.location && issue.location.line ? `${issue.file}:${issue.location.line}:${issue.location.column}` : issue.file;
  const grade = `${issue.severity?.name ?? '?'}/${issue.confidence?.name ?? '?'}${issue.manualReview ? ', review' : ''}`;
  const sample = typeof issue.sample === 'string' && issue.sample.trim() ? `\n      > ${issue.sample.trim().split('\n')[0].slice(0, 160)}` : '';
  const url = issue.shortenedURL ? ` (${issue.shortenedURL})` : '';
  return `${bold(issue.id)}  ${where}  [${grade}]\n      ${issue.description}${url}${sample}`;
}

async function main() {
  const appScan = !args.input;
  const base = appScan ? root : process.cwd();
  const inputs = appScan ? APP_INPUTS : args.input;
  const dir = stage(inputs, base);
  const failures = [];
  let issues;
  let version;
  try {
    const result = await scan(dir);
    version = result.version;
    issues = result.issues.map((i) => ({ ...i, file: toPosix(i.file) }));
    for (const e of result.errors) {
      const file = toPosix(relative(dir, e.file));
      if (e.tolerable) console.log(yellow(`warning: ${file}: ${e.message}`));
      else failures.push(`${file} could not be parsed, so it was not checked: ${e.message}`);
    }
    // Inline `eng-disable` comments hide findings from the report; justify them in SECURITY.md instead.
    for (const file of listFiles(dir)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/eng-disable/.test(line)) {
          failures.push(`${toPosix(relative(dir, file))}:${i + 1}: inline \`eng-disable\` hides a finding; justify it in SECURITY.md instead.`);
        }
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (appScan) {
    const { header, meta } = await appPolicies();
    issues.push(...evaluatePolicy(header, 'electron/core/http.ts'));
    failures.push(...cspDrift(header, meta));
  }

  // An --input scan (e.g. of a deliberately bad file) is judged without SECURITY.md unless told otherwise.
  const justificationFile = args.justifications ? resolve(args.justifications) : appScan ? join(root, 'SECURITY.md') : undefined;
  const { rows, problems } = justificationFile ? readJustifications(justificationFile) : { rows: [], problems: [] };
  const where = justificationFile ? toPosix(relative(root, justificationFile)) : 'SECURITY.md';
  failures.push(...problems);

  // Group findings by check and file; a row justifies up to `count` findings of that group.
  const groups = new Map();
  for (const issue of issues) {
    const key = `${issue.id} ${issue.file}`;
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  const justified = [];
  const unjustified = [];
  for (const [key, group] of groups) {
    const row = rows.find((r) => `${r.check} ${r.path}` === key);
    if (row && group.length <= row.count) justified.push(...group.map((issue) => ({ issue, row })));
    else {
      unjustified.push(...group);
      if (row) failures.push(`${where}:${row.line}: justifies ${row.count} ${row.check} in ${row.path}, but there are ${group.length}.`);
    }
  }
  for (const row of rows) {
    const have = groups.get(`${row.check} ${row.path}`)?.length ?? 0;
    if (have === 0) {
      failures.push(`${where}:${row.line}: stale justification (no ${row.check} finding in ${row.path} any more); delete the row.`);
    } else if (have < row.count) {
      failures.push(`${where}:${row.line}: justifies ${row.count} ${row.check} in ${row.path}, but there are only ${have}; lower the count.`);
    }
  }

  console.log(
    `electronegativity (Electron ${version ?? 'unknown'}) over ${inputs.join(', ')}: ` +
      `${issues.length} finding(s), ${justified.length} justified${justificationFile ? ` in ${toPosix(relative(root, justificationFile))}` : ''}, ${unjustified.length} not.`,
  );
  for (const { issue, row } of justified) console.log(`  ${green('justified')}  ${issue.id}  ${issue.file} (${where}:${row.line})`);
  if (unjustified.length) {
    console.log(red(`\nUnjustified findings (fix them, or justify each in SECURITY.md if it is a false positive):`));
    for (const issue of unjustified) console.log(`  ${describe(issue)}`);
  }
  if (failures.length) {
    console.log(red('\nGate problems:'));
    for (const f of failures) console.log(`  - ${f}`);
  }
  if (unjustified.length || failures.length) {
    console.log(red('\nSecurity lint FAILED.'));
    process.exitCode = 1;
  } else {
    console.log(green('Security lint passed.'));
  }
}

main().catch((err) => {
  console.error(red(`security-lint could not run: ${err instanceof Error ? err.stack : String(err)}`));
  process.exitCode = 1;
});
