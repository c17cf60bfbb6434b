import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseContract } from '@pacto/schema';

/**
 * The `expected.json` case format of the conformance corpus (its README.md), and the comparison it
 * prescribes. Used by `pnpm test:conformance` on the external corpus and by the suite's own case
 * fixtures, which are written in the same format.
 */

export interface ExpectedFinding {
  readonly code: string;
  readonly path: string;
  readonly layer?: string;
  readonly messageContains?: string;
}

export interface ExpectedReadiness {
  readonly score: number;
  readonly minScore: number;
  readonly passing: boolean;
  readonly totalWeight: number;
  readonly currentWeight: number;
  readonly currentCount: number;
  readonly expiredCount: number;
  readonly invalidCount: number;
  readonly checks: readonly { id: string; status: string; weight: number; expires: string; daysRemaining: number | null }[];
}

export interface Expected {
  readonly valid: boolean;
  readonly errors: readonly ExpectedFinding[];
  readonly warnings: readonly ExpectedFinding[];
  readonly readiness?: ExpectedReadiness;
  readonly readinessGateErrors?: readonly ExpectedFinding[];
}

/** What a run produced, from the library or from the CLI's JSON. */
export interface Outcome {
  readonly valid: boolean;
  readonly errors: readonly ActualFinding[];
  readonly warnings: readonly ActualFinding[];
}

export interface ActualFinding {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export interface ConformanceCase {
  /** `<group>/<name>`, e.g. `invalid/derived-duplicate-interface-name`. */
  readonly id: string;
  readonly dir: string;
  readonly expected: Expected;
}

/** The corpus groups, in the README's order. */
export const GROUPS = ['valid', 'invalid', 'future'] as const;

/** The date the corpus's `readiness` / `readinessGateErrors` keys assume (README: 2026-06-01 UTC). */
export const READINESS_DAY = ['2026-06-01T00:00:00Z', '2026-06-01T12:00:00Z', '2026-06-01T23:59:59Z'] as const;

/** Every `<group>/<case>/` directory that holds an `expected.json`, sorted within each group. */
export function readCases(root: string): ConformanceCase[] {
  return GROUPS.flatMap((group) => {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) return [];
    return readdirSync(groupDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(groupDir, entry.name, 'expected.json')))
      .map((entry) => entry.name)
      .sort()
      .map((name) => {
        const dir = join(groupDir, name);
        return { id: `${group}/${name}`, dir, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected };
      });
  });
}

export const pair = (finding: { code: string; path: string }): string => `${finding.code} @ ${finding.path}`;

/**
 * The README's steps 2-5: `valid`; errors as a set of distinct (code, path) pairs when they are all
 * L1 schema violations, else as an ordered list; warnings as an ordered list; `messageContains`
 * substrings. Returns one line per difference, empty when the outcome conforms.
 */
export function compareOutcome(expected: Expected, actual: Outcome): string[] {
  const problems: string[] = [];
  if (actual.valid !== expected.valid) problems.push(`valid: expected ${expected.valid}, got ${actual.valid}`);
  const structuralOnly =
    expected.errors.length > 0 && expected.errors.every((e) => e.code === 'SCHEMA_VIOLATION' && (e.layer ?? 'structural') === 'structural');
  if (structuralOnly) {
    const want = [...new Set(expected.errors.map(pair))].sort();
    const got = [...new Set(actual.errors.map(pair))].sort();
    if (!sameList(want, got)) problems.push(`errors (distinct code @ path): expected ${show(want)}, got ${show(got)}`);
  } else {
    const want = expected.errors.map(pair);
    const got = actual.errors.map(pair);
    if (!sameList(want, got)) problems.push(`errors: expected ${show(want)}, got ${show(got)}`);
  }
  const wantWarnings = expected.warnings.map(pair);
  const gotWarnings = actual.warnings.map(pair);
  if (!sameList(wantWarnings, gotWarnings)) problems.push(`warnings: expected ${show(wantWarnings)}, got ${show(gotWarnings)}`);
  problems.push(...messageProblems('error', expected.errors, actual.errors));
  problems.push(...messageProblems('warning', expected.warnings, actual.warnings));
  return problems;
}

/** Step 5: each `messageContains` is a substring of the message of the finding with that code and path. */
function messageProblems(kind: string, wanted: readonly ExpectedFinding[], findings: readonly ActualFinding[]): string[] {
  const problems: string[] = [];
  for (const want of wanted) {
    if (want.messageContains === undefined) continue;
    const match = findings.find((f) => f.code === want.code && f.path === want.path);
    if (match !== undefined && !match.message.includes(want.messageContains)) {
      problems.push(`${kind} ${pair(want)}: message ${JSON.stringify(match.message)} does not contain ${JSON.stringify(want.messageContains)}`);
    }
  }
  return problems;
}

/** The README's step 6: the readiness evaluation and the errors `--readiness` adds, at one instant. */
export function compareReadiness(expected: Expected, readiness: object | undefined, gateErrors: readonly ActualFinding[]): string[] {
  const problems: string[] = [];
  if (expected.readiness !== undefined) {
    const { checks, ...summary } = expected.readiness as ExpectedReadiness & { evaluatedAt?: string };
    delete summary.evaluatedAt;
    if (readiness === undefined) {
      problems.push('readiness: expected an evaluation, got none');
    } else {
      const actual = readiness as Record<string, unknown> & { checks: ExpectedReadiness['checks'] };
      for (const [key, value] of Object.entries(summary)) {
        if (actual[key] !== value) problems.push(`readiness.${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual[key])}`);
      }
      const got = actual.checks.map(({ id, status, weight, expires, daysRemaining }) => ({ id, status, weight, expires, daysRemaining }));
      if (JSON.stringify(got) !== JSON.stringify(checks)) problems.push(`readiness.checks: expected ${JSON.stringify(checks)}, got ${JSON.stringify(got)}`);
    }
  }
  const want = (expected.readinessGateErrors ?? []).map(pair);
  const got = gateErrors.map(pair);
  if (!sameList(want, got)) problems.push(`readiness gate errors: expected ${show(want)}, got ${show(got)}`);
  problems.push(...messageProblems('readiness gate error', expected.readinessGateErrors ?? [], gateErrors));
  return problems;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function show(list: readonly string[]): string {
  return list.length === 0 ? '(none)' : list.join(', ');
}

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The suite's own cases, in the corpus format: the hand-written ones under
 * packages/validate/test/fixtures/cases, and every directory of examples/ (valid, no warnings).
 */
export function ownCases(): ConformanceCase[] {
  const examples = join(REPO, 'examples');
  const exampleCases = readdirSync(examples, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(examples, entry.name, 'pacto.yaml')))
    .map((entry) => entry.name)
    .sort()
    .map((name): ConformanceCase => ({ id: `examples/${name}`, dir: join(examples, name), expected: { valid: true, errors: [], warnings: [] } }));
  return [...readCases(join(REPO, 'packages/validate/test/fixtures/cases')), ...exampleCases];
}

/** Whether the case's contract names a policy by `ref`: `pacto validate` then needs a registry to resolve it. */
export function hasRefPolicy(dir: string): boolean {
  const parsed = parseContract(readFileSync(join(dir, 'pacto.yaml')), 'pacto.yaml');
  return parsed.ok && (parsed.contract.policies ?? []).some((policy) => policy.ref);
}

/**
 * Where a documented decision of ours departs from a corpus expectation: the keys of `expected` replace
 * those of the case's expected.json, and `decision` is the bold title of its entry in docs/decisions.md.
 */
export interface Supersession {
  readonly decision: string;
  readonly expected: Partial<Expected>;
}

/** test/conformance/superseded.json, or the file PACTO_CONFORMANCE_SUPERSEDED names (tests of the runner). */
export function readSupersessions(): Record<string, Supersession> {
  const file = process.env['PACTO_CONFORMANCE_SUPERSEDED'] ?? join(REPO, 'test/conformance/superseded.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { cases: Record<string, Supersession> }).cases;
}

/** The expectation a case is held to: the corpus's, unless a decision of ours supersedes it. */
export function expectationFor(testCase: ConformanceCase, supersessions: Record<string, Supersession>): Expected {
  const superseded = supersessions[testCase.id];
  return superseded === undefined ? testCase.expected : { ...testCase.expected, ...superseded.expected };
}

/** The bold entry titles of docs/decisions.md (`**Title.**` gives `Title`). */
export function decisionTitles(): Set<string> {
  // A title opens its entry (`- **Title.** …`); matching only there keeps a glob such as `docs/**` elsewhere from
  // pairing its `**` with the next title's.
  const text = readFileSync(join(REPO, 'docs/decisions.md'), 'utf8');
  return new Set([...text.matchAll(/^[ \t]*(?:[-*][ \t]+)?\*\*(.+?)\.?\*\*/gm)].map((match) => match[1] as string));
}

interface ValidateJsonFinding {
  readonly Path: string;
  readonly Code: string;
  readonly Message: string;
}

/** The JSON `pacto validate --output-format json` prints (Go keys). */
export interface ValidateJson {
  readonly Path: string;
  readonly Valid: boolean;
  readonly Errors: readonly ValidateJsonFinding[] | null;
  readonly Warnings: readonly ValidateJsonFinding[] | null;
}

/** The outcome `pacto validate --output-format json` printed on stdout. */
export function outcomeFromValidateJson(json: ValidateJson): Outcome {
  const findings = (list: readonly ValidateJsonFinding[] | null) => (list ?? []).map((f) => ({ code: f.Code, path: f.Path, message: f.Message }));
  return { valid: json.Valid, errors: findings(json.Errors), warnings: findings(json.Warnings) };
}
