#!/usr/bin/env node
// The step of the Pacto GitHub Action (action.yml): runs the pacto CLI for one command and turns its
// results into what a workflow shows: annotations (`--output-format github`, printed as workflow commands),
// step outputs ($GITHUB_OUTPUT), the job summary ($GITHUB_STEP_SUMMARY), a SARIF file for code scanning and,
// for diff, a pull-request comment. Plain Node (no dependencies), so a test can run it with the environment
// GitHub gives. Inputs arrive as INPUT_* variables (set by action.yml).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const env = process.env;
const COMMANDS = ['validate', 'diff', 'push', 'doc'];
const FAIL_ON = ['BREAKING', 'POTENTIAL_BREAKING', 'none'];
const RANK = { NON_BREAKING: 0, POTENTIAL_BREAKING: 1, BREAKING: 2 };
const COMMENT_MARKER = '<!-- pacto-action:diff -->';

class ActionError extends Error {}

function input(name, fallback = '') {
  const value = env[`INPUT_${name.replace(/-/g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

const yes = (value) => /^(true|yes|1|on)$/i.test(value);

// Workflow commands: the data part escapes %, CR and LF.
const escapeData = (text) => String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const command = (name, message) => process.stdout.write(`::${name}::${escapeData(message)}\n`);

function setOutput(name, value) {
  const text = String(value);
  if (!env.GITHUB_OUTPUT) {
    process.stdout.write(`${name}=${text}\n`);
    return;
  }
  const delimiter = `ghadelimiter_${randomBytes(12).toString('hex')}`;
  appendFileSync(env.GITHUB_OUTPUT, `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
}

function addToSummary(markdown) {
  if (!yes(input('add-to-summary', 'true')) || !env.GITHUB_STEP_SUMMARY) return;
  // One blank line after each part, so the parts of several steps stay apart.
  appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown.trimEnd()}\n\n`);
}

/** Runs pacto with these arguments; resolves with its exit code and both streams (never rejects on exit 1/2). */
function pacto(args, extraEnv = {}) {
  const cli = input('cli');
  const [file, argv] = cli ? [process.execPath, [cli, ...args]] : ['pacto', args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      env: { ...env, ...extraEnv, PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) =>
      reject(new ActionError(error.code === 'ENOENT' ? `pacto is not installed (${file} not found)` : `cannot run pacto: ${error.message}`)),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The last stderr line of a failed run: the CLI's one-line error (its hint follows on a `hint:` line). */
function failureText(run) {
  const lines = run.stderr.trim().split('\n').filter(Boolean);
  const hint = lines.findIndex((line) => line.startsWith('hint: '));
  return hint > 0 ? `${lines[hint - 1]} (${lines[hint].slice(6)})` : (lines.at(-1) ?? `pacto exited with ${run.code}`);
}

/** `ref` as `oci://<registry>/<repository>`: the registry input is prefixed when the ref does not start with it. */
function reference() {
  const ref = input('ref').replace(/^oci:\/\//, '');
  if (!ref) return '';
  const registry = input('registry').replace(/^(https?|oci):\/\//, '').replace(/\/+$/, '');
  return `oci://${registry && !ref.startsWith(`${registry}/`) ? `${registry}/${ref}` : ref}`;
}

/** Registry credentials for the CLI, through its environment (nothing is written to disk). */
function credentials() {
  const username = input('username');
  const password = input('password');
  if (password) command('add-mask', password);
  if (username && password) return { PACTO_REGISTRY_USERNAME: username, PACTO_REGISTRY_PASSWORD: password };
  if (password) return { PACTO_REGISTRY_TOKEN: password };
  return {};
}

function writeSarif(sarif) {
  const file = input('sarif-file');
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, sarif);
  setOutput('sarif-file', file);
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function validate() {
  const path = input('path', '.');
  const auth = credentials();
  const [annotations, sarif, json] = await Promise.all(
    ['github', 'sarif', 'json'].map((format) => pacto(['validate', path, '--output-format', format], auth)),
  );
  process.stdout.write(annotations.stdout);
  let result;
  try {
    result = JSON.parse(json.stdout);
  } catch {
    throw new ActionError(failureText(json));
  }
  if (sarif.stdout) writeSarif(sarif.stdout);
  setOutput('valid', result.Valid ? 'true' : 'false');
  const errors = result.Errors ?? [];
  const warnings = result.Warnings ?? [];
  const lines = [`## Pacto: validate \`${path}\``, ''];
  lines.push(result.Valid ? `✅ **valid**${warnings.length ? ` with ${warnings.length} warning(s)` : ''}` : `❌ **invalid**: ${errors.length} error(s)`);
  if (errors.length + warnings.length > 0) {
    lines.push('', '| | Code | Path | Message |', '|---|---|---|---|');
    for (const [level, list] of [['error', errors], ['warning', warnings]]) {
      for (const finding of list) {
        const line = finding.Line ?? finding.line;
        const at = line ? ` (line ${line})` : '';
        lines.push(`| ${level} | \`${cell(finding.Code)}\` | \`${cell(finding.Path)}\`${at} | ${cell(finding.Message)} |`);
      }
    }
  }
  addToSummary(lines.join('\n'));
  if (!result.Valid) throw new ActionError(`${path} is invalid: ${errors.length} error(s)`);
}

async function diff() {
  const failOn = input('fail-on', 'BREAKING');
  if (!FAIL_ON.includes(failOn)) throw new ActionError(`fail-on must be BREAKING, POTENTIAL_BREAKING or none, got "${failOn}"`);
  const ref = reference();
  const old = input('old') || ref;
  if (!old) throw new ActionError('diff needs `old` (the earlier contract) or `ref` (the repository it was published to)');
  const path = input('new') || input('path', '.');
  const auth = credentials();
  // Annotation levels follow the threshold; with none, BREAKING changes are still marked as errors.
  const threshold = ['--fail-on', failOn === 'none' ? 'BREAKING' : failOn];
  const run = (format) => pacto(['diff', old, path, '--output-format', format, ...threshold], auth);
  const [json, markdown, annotations, sarif] = await Promise.all(['json', 'markdown', 'github', 'sarif'].map(run));
  let report;
  try {
    report = JSON.parse(json.stdout);
    // A diff that could not compare prints {"error": …} (exit 2); the stderr line says the same.
    if (report.error) throw new Error(report.error.message);
  } catch {
    if (!input('old') && /no semver tags found|NAME_UNKNOWN|repository name not known|not found/i.test(json.stderr)) {
      // First publication: there is no earlier version to compare with.
      const note = `No published version of ${old.slice('oci://'.length)} to compare with yet.`;
      command('notice', note);
      for (const [name, value] of [['classification', ''], ['has-breaking-changes', 'false'], ['diff-markdown', '']]) setOutput(name, value);
      addToSummary(`## Pacto: diff\n\n${note}`);
      return;
    }
    throw new ActionError(failureText(json));
  }
  const classification = report.classification;
  process.stdout.write(annotations.stdout);
  if (sarif.stdout) writeSarif(sarif.stdout);
  setOutput('classification', classification);
  setOutput('has-breaking-changes', classification === 'BREAKING' ? 'true' : 'false');
  setOutput('diff-markdown', markdown.stdout.trimEnd());
  addToSummary(markdown.stdout);
  if (yes(input('comment-on-pr', 'false'))) await commentOnPullRequest(`${COMMENT_MARKER}\n${markdown.stdout.trimEnd()}\n`);
  if (failOn !== 'none' && RANK[classification] >= RANK[failOn]) {
    throw new ActionError(`breaking changes detected: ${classification} (fail-on ${failOn})`);
  }
}

async function push() {
  const ref = reference();
  if (!ref) throw new ActionError('push needs `ref`, the repository to publish to (e.g. ghcr.io/acme/payments-pacto)');
  const path = input('path', '.');
  const run = await pacto(['push', ref, '--path', path, '--output-format', 'json'], credentials());
  if (run.code !== 0) {
    // Point at the contract lines that stopped the push.
    const annotations = await pacto(['validate', path, '--output-format', 'github']);
    process.stdout.write(annotations.stdout);
    throw new ActionError(failureText(run));
  }
  const pushed = JSON.parse(run.stdout);
  if (pushed.Exists) {
    // `Warning: artifact already exists: … (use --force to overwrite)`: not an error (cli.md §4.4).
    const warning = failureText(run);
    command('warning', warning);
    setOutput('pushed-ref', '');
    addToSummary(`## Pacto: push\n\n${warning}`);
    return;
  }
  setOutput('pushed-ref', pushed.Ref);
  setOutput('digest', pushed.Digest);
  addToSummary(`## Pacto: push\n\nPushed \`${pushed.Name}@${pushed.Version}\` to \`${pushed.Ref}\`\n\nDigest: \`${pushed.Digest}\``);
}

async function doc() {
  const path = input('path', '.');
  const dir = input('docs-dir', 'pacto-docs');
  const run = await pacto(['doc', path, '--output', dir], credentials());
  if (run.code !== 0) throw new ActionError(failureText(run));
  const wrote = /^Wrote (.+)$/m.exec(run.stderr);
  const file = wrote ? wrote[1] : join(dir, 'README.md');
  setOutput('doc-file', file);
  addToSummary(run.stdout);
}

/** Posts the report on the pull request, or updates the comment an earlier run posted. */
async function commentOnPullRequest(body) {
  let event = {};
  try {
    event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  } catch {
    // no event payload
  }
  const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  if (!number) {
    command('notice', 'comment-on-pr: this run is not for a pull request; no comment posted');
    return;
  }
  const token = input('github-token');
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY;
  const headers = {
    authorization: `Bearer ${token}`,
    accept: 'application/vnd.github+json',
    'content-type': 'application/json',
    'user-agent': 'pacto-action',
    'x-github-api-version': '2022-11-28',
  };
  try {
    const list = await fetch(`${api}/repos/${repo}/issues/${number}/comments?per_page=100`, { headers });
    if (!list.ok) throw new Error(`listing comments: HTTP ${list.status}`);
    const existing = (await list.json()).find((comment) => typeof comment.body === 'string' && comment.body.startsWith(COMMENT_MARKER));
    const response = existing
      ? await fetch(`${api}/repos/${repo}/issues/comments/${existing.id}`, { method: 'PATCH', headers, body: JSON.stringify({ body }) })
      : await fetch(`${api}/repos/${repo}/issues/${number}/comments`, { method: 'POST', headers, body: JSON.stringify({ body }) });
    if (!response.ok) throw new Error(`${existing ? 'updating' : 'posting'} the comment: HTTP ${response.status}`);
  } catch (error) {
    // A comment is a convenience (forks get a read-only token): say so, do not fail the check.
    command('warning', `comment-on-pr: ${error.message} (the workflow needs \`permissions: pull-requests: write\`)`);
  }
}

async function main() {
  const name = input('command', 'validate');
  if (!COMMANDS.includes(name)) throw new ActionError(`command must be one of ${COMMANDS.join(', ')}, got "${name}"`);
  await { validate, diff, push, doc }[name]();
}

main().catch((error) => {
  command('error', error instanceof ActionError ? error.message : `pacto action failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
