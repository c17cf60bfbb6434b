import type { Reporter, TestModule } from 'vitest/node';
import { decisionTitles, expectationFor, hasRefPolicy, readCases, readSupersessions } from './harness.js';

const PARTS = ['library', 'readiness', 'CLI', 'migrate'] as const;
type Part = (typeof PARTS)[number];
const LABELS: Record<Part, string> = {
  library: 'library, local policy mode',
  readiness: 'readiness at 2026-06-01',
  CLI: 'CLI, validate --output-format json',
  migrate: 'pacto migrate to 2.0, then validate (valid/ cases)',
};

/**
 * The conformance summary: per way of running, how many cases conform; which cases failed, which were
 * compared by the library only, and which expectations a decision of ours supersedes.
 */
export default class ConformanceReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const corpus = process.env['PACTO_CONFORMANCE_DIR'] ?? '';
    const cases = readCases(corpus);
    const supersessions = readSupersessions();
    // case id -> part -> every test of that part passed
    const results = new Map<string, Map<Part, boolean>>();
    for (const module of testModules) {
      for (const suite of module.children.suites()) {
        const parts = new Map<Part, boolean>();
        for (const test of suite.children.allTests()) {
          const part = PARTS.find((p) => test.name.startsWith(p));
          if (part === undefined) continue;
          parts.set(part, (parts.get(part) ?? true) && test.result().state === 'passed');
        }
        results.set(suite.name, parts);
      }
    }
    const lines = [`conformance corpus: ${corpus} (${cases.length} cases)`];
    for (const part of PARTS) {
      const ran = cases.filter((c) => results.get(c.id)?.has(part));
      if (ran.length === 0) continue;
      const passed = ran.filter((c) => results.get(c.id)?.get(part) === true).length;
      lines.push(`  ${LABELS[part]}: ${passed} of ${ran.length} cases conform`);
    }
    const libraryOnly = cases.filter((c) => hasRefPolicy(c.dir)).map((c) => c.id);
    if (libraryOnly.length > 0) lines.push(`  compared by the library only (a ref policy needs its registry): ${libraryOnly.join(', ')}`);
    const titles = decisionTitles();
    for (const c of cases) {
      const superseded = supersessions[c.id];
      if (superseded === undefined) continue;
      const valid = expectationFor(c, supersessions).valid ? 'valid' : 'invalid';
      const missing = titles.has(superseded.decision) ? '' : '; FAILED: docs/decisions.md has no such entry';
      lines.push(`  superseded by docs/decisions.md "${superseded.decision}": ${c.id} (now expected ${valid}${missing})`);
    }
    const failed = cases.filter((c) => [...(results.get(c.id)?.values() ?? [false])].includes(false));
    for (const c of failed) {
      const parts = [...(results.get(c.id) ?? new Map<Part, boolean>())].filter(([, ok]) => !ok).map(([part]) => part);
      lines.push(`  FAILED ${c.id}${parts.length > 0 ? ` (${parts.join(', ')})` : ' (not run)'}`);
    }
    lines.push(`conformance: ${cases.length - failed.length} of ${cases.length} cases conform${failed.length > 0 ? `, ${failed.length} ${failed.length === 1 ? 'does' : 'do'} not` : ''}`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
