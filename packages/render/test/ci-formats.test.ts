import { readFileSync } from 'node:fs';
import * as AjvDraft04 from 'ajv-draft-04';
import type { Options, ValidateFunction } from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { buildDiffReport } from '@pacto/diff';
import type { Contract } from '@pacto/schema';
import { parseContract } from '@pacto/schema';
import { buildCodeQuality, buildSarif, diffFindings, renderCodeQuality, renderGithubAnnotations, renderSarif, validationFindings } from '../src/index.js';

const schema = JSON.parse(readFileSync(new URL('./fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
// CommonJS default export: under NodeNext the class sits on `.default`.
type AjvLike = { addFormat(name: string, format: RegExp): void; compile(schema: object): ValidateFunction };
const Ajv = (AjvDraft04 as unknown as { default: new (options: Options) => AjvLike }).default;
// The schema's `language` pattern is not valid with the `u` flag, so patterns are compiled without it.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addFormat('uri', /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/);
ajv.addFormat('uri-reference', /^[^\s]*$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const validateSarif = ajv.compile(schema);

const OLD = `pactoVersion: "1.1"
service:
  name: svc
  version: 1.0.0
interfaces:
  - name: api
    type: http
    port: 8080
  - name: admin
    type: http
    port: 9000
`;
const NEW = `pactoVersion: "1.1"
service:
  name: svc
  version: 1.1.0
interfaces:
  - name: api
    type: http
    port: 9090
    visibility: internal
`;

function parsed(text: string) {
  const result = parseContract(text, 'svc/pacto.yaml');
  if (!result.ok) throw result.error;
  return result;
}

function report() {
  const oldParsed = parsed(OLD);
  const newParsed = parsed(NEW);
  return {
    report: buildDiffReport({ oldPath: 'old', newPath: 'svc', old: { contract: oldParsed.contract as Contract }, new: { contract: newParsed.contract as Contract } }),
    locate: (path: string) => newParsed.positions.locate(path),
  };
}

describe('GitHub annotations', () => {
  it('points each diff change at its line of the new contract', () => {
    const { report: r, locate } = report();
    expect(renderGithubAnnotations(diffFindings(r, { file: './svc/pacto.yaml', locate }))).toBe(
      [
        '::notice file=svc/pacto.yaml,line=4,col=12,title=pacto diff%3A NON_BREAKING::[NON_BREAKING] service.version (modified): service.version modified [1.0.0 -> 1.1.0]',
        '::error file=svc/pacto.yaml,line=6,col=3,title=pacto diff%3A BREAKING::[BREAKING] interfaces (removed): interfaces removed [- admin]',
        '::error file=svc/pacto.yaml,line=8,col=11,title=pacto diff%3A BREAKING::[BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]',
        '::warning file=svc/pacto.yaml,line=9,col=17,title=pacto diff%3A POTENTIAL_BREAKING::[POTENTIAL_BREAKING] interfaces.visibility (modified): interfaces.visibility modified [api:  -> api: internal]',
        '',
      ].join('\n'),
    );
  });

  it('makes POTENTIAL_BREAKING an error under --fail-on POTENTIAL_BREAKING', () => {
    const { report: r } = report();
    const levels = diffFindings(r, { failOn: 'POTENTIAL_BREAKING' }).map((f) => f.level);
    expect(levels).toEqual(['notice', 'error', 'error', 'error']);
  });

  it('escapes workflow-command characters and reports validation findings', () => {
    const text = renderGithubAnnotations(
      validationFindings(
        {
          valid: false,
          errors: [{ path: 'service.name', code: 'SCHEMA_VIOLATION', message: 'bad, very bad: 100%\nnext', line: 3, column: 9 }],
          warnings: [{ path: '', code: 'TAG_NOT_DIGEST', message: 'use a digest' }],
        },
        'a,b/pacto.yaml',
      ),
    );
    expect(text).toBe(
      '::error file=a%2Cb/pacto.yaml,line=3,col=9,title=pacto validate%3A SCHEMA_VIOLATION::service.name: bad, very bad: 100%25%0Anext\n' +
        '::warning file=a%2Cb/pacto.yaml,title=pacto validate%3A TAG_NOT_DIGEST::use a digest\n',
    );
  });
});

describe('diff finding locations', () => {
  it('points schema changes at the schema line and policy/schema.json changes at that file', () => {
    const text = 'pactoVersion: "1.1"\nservice:\n  name: svc\n  version: 1.0.0\nconfigurations:\n  - name: app\n    schema: configuration/schema.json\n';
    const fs = (files: Record<string, string>) => ({
      stat: (path: string) => (path in files ? ('file' as const) : undefined),
      readFile: (path: string) => (path in files ? new TextEncoder().encode(files[path]) : undefined),
    });
    const parsedNew = parsed(text);
    const r = buildDiffReport({
      oldPath: 'o',
      newPath: 'n',
      old: { contract: parsed(text).contract as Contract, files: fs({ 'configuration/schema.json': '{"required":[]}' }) },
      new: { contract: parsedNew.contract as Contract, files: fs({ 'configuration/schema.json': '{"required":["a"]}', 'policy/schema.json': '{}' }) },
    });
    expect(renderGithubAnnotations(diffFindings(r, { file: 'svc/pacto.yaml', locate: (path) => parsedNew.positions.locate(path) }))).toBe(
      '::error file=svc/pacto.yaml,line=7,col=13,title=pacto diff%3A BREAKING::[BREAKING] schema.required[a] (added): schema.required a added [+ a]\n' +
        '::warning file=svc/policy/schema.json,title=pacto diff%3A POTENTIAL_BREAKING::[POTENTIAL_BREAKING] policy/schema.json (added): policy/schema.json added [+ policy/schema.json]\n',
    );
  });
});

describe('SARIF', () => {
  it('diff output validates against the SARIF 2.1.0 schema', () => {
    const { report: r, locate } = report();
    const log = buildSarif(diffFindings(r, { file: 'svc/pacto.yaml', locate }), { name: 'pacto', version: '0.1.0', informationUri: 'https://github.com/TrianaLab/pacto' });
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const run = (log.runs as any[])[0];
    expect(run.tool.driver.rules.map((rule: any) => rule.id)).toEqual(['pacto/diff/NON_BREAKING', 'pacto/diff/BREAKING', 'pacto/diff/POTENTIAL_BREAKING']);
    expect(run.results[2]).toEqual({
      ruleId: 'pacto/diff/BREAKING',
      ruleIndex: 1,
      level: 'error',
      message: { text: '[BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'svc/pacto.yaml' }, region: { startLine: 8, startColumn: 11 } } }],
    });
  });

  it('validate output (with and without positions, and empty) validates too', () => {
    const findings = validationFindings(
      {
        valid: false,
        errors: [{ path: 'interfaces[0].port', code: 'SCHEMA_VIOLATION', message: 'too big', line: 7, column: 11 }],
        warnings: [{ path: 'dependencies[0].ref', code: 'TAG_NOT_DIGEST', message: 'pin it' }],
      },
      'my service/pacto.yaml',
    );
    for (const log of [buildSarif(findings, { name: 'pacto', version: '0.1.0' }), buildSarif([], { name: 'pacto', version: '0.1.0' })]) {
      expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    }
    const text = renderSarif(findings, { name: 'pacto', version: '0.1.0' });
    expect(JSON.parse(text).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20service/pacto.yaml');
    expect(JSON.parse(text).runs[0].results[1].level).toBe('warning');
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });
});

describe('GitLab Code Quality', () => {
  it('gives each diff change a severity, its line and a stable fingerprint', () => {
    const { report: r, locate } = report();
    const issues = buildCodeQuality(diffFindings(r, { file: 'svc/pacto.yaml', locate }), { fallbackPath: 'svc' });
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin])).toEqual([
      ['pacto/diff/NON_BREAKING', 'info', 'svc/pacto.yaml', 4],
      ['pacto/diff/BREAKING', 'critical', 'svc/pacto.yaml', 6],
      ['pacto/diff/BREAKING', 'critical', 'svc/pacto.yaml', 8],
      ['pacto/diff/POTENTIAL_BREAKING', 'minor', 'svc/pacto.yaml', 9],
    ]);
    expect(issues[2]!.description).toBe('[BREAKING] interfaces.port (modified): interfaces.port modified [8080 -> 9090]');
    for (const issue of issues) expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    // Same findings, same fingerprints: GitLab matches issues between pipelines by them.
    expect(buildCodeQuality(diffFindings(r, { file: 'svc/pacto.yaml', locate }), { fallbackPath: 'svc' })).toEqual(issues);
  });

  it('reports validation findings; findings without a file point at the contract argument', () => {
    const findings = validationFindings(
      {
        valid: false,
        errors: [
          { path: 'service.version', code: 'INVALID_SEMVER', message: 'not semver', line: 4, column: 12 },
          { path: 'service.version', code: 'INVALID_SEMVER', message: 'not semver', line: 4, column: 12 },
        ],
        warnings: [{ path: 'dependencies[0].ref', code: 'TAG_NOT_DIGEST', message: 'pin it' }],
      },
      undefined,
    );
    const text = renderCodeQuality(findings, { fallbackPath: 'oci://ghcr.io/acme/svc-pacto:1.0.0' });
    expect(text.endsWith('}\n]\n')).toBe(true);
    const issues = JSON.parse(text) as ReturnType<typeof buildCodeQuality>;
    expect(issues[0]).toEqual({
      description: 'service.version: not semver',
      check_name: 'INVALID_SEMVER',
      fingerprint: issues[0]!.fingerprint,
      severity: 'major',
      location: { path: 'oci://ghcr.io/acme/svc-pacto:1.0.0', lines: { begin: 4 } },
    });
    expect(issues[1]!.fingerprint).not.toBe(issues[0]!.fingerprint);
    expect(issues[2]).toMatchObject({ check_name: 'TAG_NOT_DIGEST', severity: 'minor' });
    expect(renderCodeQuality([], { fallbackPath: 'x' })).toBe('[]\n');
  });
});
