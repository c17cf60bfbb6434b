import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PACTO_BIN, runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

// Issue 9 §2/§3: every finding carries file:line:column in piped text and in JSON, reads as one line that says
// what was expected and what was found, and has a hint where the fix is plain. Each row of the table is
// checked in piped text and in JSON.

const tempDir = useTempDirs();
// Each test runs the CLI several times; on a busy machine that takes longer than vitest's default 5 s.
vi.setConfig({ testTimeout: 60_000 });

/** A scaffolded contract `svc` in a new directory, edited by `edit`. */
async function contract(edit: (text: string) => string): Promise<string> {
  const cwd = tempDir();
  await runPacto(['init', 'svc'], { cwd });
  const file = join(cwd, 'svc', 'pacto.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return cwd;
}

interface Finding {
  readonly Path: string;
  readonly Code: string;
  readonly Message: string;
  readonly File?: string;
  readonly Line?: number;
  readonly Column?: number;
  readonly Hint?: string;
}

/** `pacto validate <arg>` piped, as text and as JSON: the finding lines and the findings. */
async function validateBoth(cwd: string, arg = 'svc'): Promise<{ lines: string[]; errors: Finding[] }> {
  const text = await runPacto(['validate', arg], { cwd });
  expect(text.code).toBe(1);
  expect(text.stdout).toBe(`${arg} is invalid\n`);
  const lines = text.stderr.trimEnd().split('\n');
  expect(lines.pop()).toMatch(/^validation failed with \d+ error\(s\)$/);
  const json = await runPacto(['validate', arg, '--output-format', 'json'], { cwd });
  expect(json.code).toBe(1);
  const parsed = JSON.parse(json.stdout) as { Valid: boolean; Errors: Finding[] };
  expect(parsed.Valid).toBe(false);
  expect(parsed.Errors).toHaveLength(lines.length);
  return { lines, errors: parsed.Errors };
}

describe('messages a person can act on (issue 9 §3), in piped text and in JSON', () => {
  it('a typo in a key: one line at the key, the bracketed path, and the closest field', async () => {
    const cwd = await contract((text) => text.replace('    visibility: internal', '    visiblity: internal'));
    const { lines, errors } = await validateBoth(cwd);
    expect(lines).toEqual([
      '  ERROR [PARSE_ERROR] : unknown field "visiblity" in interfaces[0]; did you mean "visibility"? (svc/pacto.yaml:17:5)',
    ]);
    expect(errors).toEqual([
      {
        Path: '',
        Code: 'PARSE_ERROR',
        Message: 'unknown field "visiblity" in interfaces[0]',
        File: 'svc/pacto.yaml',
        Line: 17,
        Column: 5,
        Hint: 'did you mean "visibility"?',
      },
    ]);
  });

  it('a word where a port belongs: what was expected, what was found', async () => {
    const cwd = await contract((text) => text.replace('port: 8080', 'port: "eighty"'));
    const { lines, errors } = await validateBoth(cwd);
    expect(lines).toEqual([
      '  ERROR [PARSE_ERROR] : expected an integer port (1–65535) in interfaces[0], got the string "eighty" (svc/pacto.yaml:16:11)',
    ]);
    expect(errors).toEqual([
      {
        Path: '',
        Code: 'PARSE_ERROR',
        Message: 'expected an integer port (1–65535) in interfaces[0], got the string "eighty"',
        File: 'svc/pacto.yaml',
        Line: 16,
        Column: 11,
      },
    ]);
  });

  it('an unquoted pactoVersion: 1.0 is a number; the message says to quote it', async () => {
    const cwd = await contract((text) => text.replace('pactoVersion: "1.0"', 'pactoVersion: 1.0'));
    const { lines, errors } = await validateBoth(cwd);
    expect(lines).toEqual([
      '  ERROR [UNSUPPORTED_PACTO_VERSION] pactoVersion: pactoVersion must be a string: write "1.0" in quotes (svc/pacto.yaml:2:15)',
    ]);
    expect(errors).toEqual([
      {
        Path: 'pactoVersion',
        Code: 'UNSUPPORTED_PACTO_VERSION',
        Message: 'pactoVersion must be a string: write "1.0" in quotes',
        File: 'svc/pacto.yaml',
        Line: 2,
        Column: 15,
      },
    ]);
  });

  it('a quote that is never closed is reported on the line where it opens, not at the end of the file', async () => {
    const cwd = await contract((text) => text.replace('    contract: interfaces/openapi.yaml', '    contract: "interfaces/openapi.yaml'));
    const { lines, errors } = await validateBoth(cwd);
    expect(lines).toEqual([
      '  ERROR [PARSE_ERROR] : failed to parse YAML: the double-quoted string that starts here is never closed; add the closing " (svc/pacto.yaml:18:15)',
    ]);
    expect(errors).toEqual([
      {
        Path: '',
        Code: 'PARSE_ERROR',
        Message: 'failed to parse YAML: the double-quoted string that starts here is never closed',
        File: 'svc/pacto.yaml',
        Line: 18,
        Column: 15,
        Hint: 'add the closing "',
      },
    ]);
  });

  it('a 30 MB file in the bundle: its own code, the size in MiB, and how to leave it out', async () => {
    const cwd = await contract((text) => text);
    mkdirSync(join(cwd, 'svc', 'data'));
    writeFileSync(join(cwd, 'svc', 'data', 'dump.sql'), Buffer.alloc(30 * 1024 * 1024, 0x61));
    const { lines, errors } = await validateBoth(cwd);
    expect(lines).toEqual([
      '  ERROR [FILE_TOO_LARGE] : file svc/data/dump.sql is 30 MiB, over the 10 MiB limit for one file of a bundle; leave it out of the bundle with a line in .pactoignore such as "data/dump.sql"',
    ]);
    expect(errors).toEqual([
      {
        Path: '',
        Code: 'FILE_TOO_LARGE',
        Message: 'file svc/data/dump.sql is 30 MiB, over the 10 MiB limit for one file of a bundle',
        Hint: 'leave it out of the bundle with a line in .pactoignore such as "data/dump.sql"',
      },
    ]);
  });

  it('a service name in the wrong case: the rule in words, no regular expression', async () => {
    const cwd = await contract((text) => text.replace('  name: svc', '  name: My_Service'));
    const { lines, errors } = await validateBoth(cwd);
    const message = '"My_Service" is not a valid service name: use lower-case letters, digits and hyphens, starting and ending with a letter or digit';
    expect(lines).toEqual([`  ERROR [SCHEMA_VIOLATION] service.name: ${message} (svc/pacto.yaml:5:9)`]);
    expect(errors).toEqual([{ Path: 'service.name', Code: 'SCHEMA_VIOLATION', Message: message, File: 'svc/pacto.yaml', Line: 5, Column: 9 }]);
  });

  it('a directory without pacto.yaml: how to create one', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'svc'));
    const { lines, errors } = await validateBoth(cwd);
    expect(lines).toEqual(['  ERROR [PARSE_ERROR] : no pacto.yaml found in svc; run `pacto init <name>` to create one']);
    expect(errors).toEqual([
      { Path: '', Code: 'PARSE_ERROR', Message: 'no pacto.yaml found in svc', Hint: 'run `pacto init <name>` to create one' },
    ]);
  });

  it('a .tgz made by pack -o is read like a .tar.gz', async () => {
    const cwd = await contract((text) => text);
    expect((await runPacto(['pack', 'svc', '-o', 'x.tgz'], { cwd })).code).toBe(0);
    expect(await runPacto(['validate', 'x.tgz'], { cwd })).toEqual({ code: 0, stdout: 'x.tgz is valid\n', stderr: '' });
    const json = await runPacto(['validate', 'x.tgz', '--output-format', 'json'], { cwd });
    expect(JSON.parse(json.stdout)).toEqual({ Path: 'x.tgz', Valid: true, Errors: null, Warnings: null });
    expect((await runPacto(['explain', 'x.tgz'], { cwd })).stdout).toContain('svc');
  });

  it('several problems that a YAML library reports in one block: one finding each, one line each', async () => {
    const cwd = await contract((text) =>
      text.replace('port: 8080', 'port: "8080"').replace('    visibility: internal', '    visiblity: internal\n    owner: me'),
    );
    const { lines, errors } = await validateBoth(cwd);
    expect(lines).toEqual([
      '  ERROR [PARSE_ERROR] : expected an integer port (1–65535) in interfaces[0], got the string "8080"; write 8080 without quotes (svc/pacto.yaml:16:11)',
      '  ERROR [PARSE_ERROR] : unknown field "visiblity" in interfaces[0]; did you mean "visibility"? (svc/pacto.yaml:17:5)',
      '  ERROR [PARSE_ERROR] : unknown field "owner" in interfaces[0]; the fields in interfaces[0] are name, type, port, visibility, contract (svc/pacto.yaml:18:5)',
    ]);
    expect(errors.map((e) => [e.Code, e.Path, e.Line, e.Column])).toEqual([
      ['PARSE_ERROR', '', 16, 11],
      ['PARSE_ERROR', '', 17, 5],
      ['PARSE_ERROR', '', 18, 5],
    ]);
    for (const error of errors) expect(error.Message).not.toMatch(/\n|contract\.|!!|unmarshal/);
  });
});

describe('positions in every output (issue 9 §2)', () => {
  it('explain, doc and diff of a broken contract fail with the same positioned line', async () => {
    const cwd = await contract((text) => text.replace('    visibility: internal', '    visiblity: internal'));
    const expected = 'svc/pacto.yaml:17:5: unknown field "visiblity" in interfaces[0]\nhint: did you mean "visibility"?\n';
    expect(await runPacto(['explain', 'svc'], { cwd })).toEqual({ code: 1, stdout: '', stderr: expected });
    const doc = await runPacto(['doc', 'svc'], { cwd });
    expect(doc.code).toBe(1);
    expect(doc.stderr).toContain('unknown field "visiblity" in interfaces[0]; did you mean "visibility"? (svc/pacto.yaml:17:5)');
    const diff = await runPacto(['diff', 'svc', 'svc'], { cwd });
    expect(diff.code).not.toBe(0);
    expect(diff.stderr).toContain('svc/pacto.yaml:17:5: unknown field "visiblity" in interfaces[0]');
  });

  it('on a terminal, each finding is followed by its line with a caret; piped output has none', async () => {
    const cwd = await contract((text) => text.replace('    visibility: internal', '    visiblity: internal'));
    // `script` runs the command on a pseudo-terminal (util-linux), as a person's shell would.
    const run = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(PACTO_BIN)} validate svc`, '/dev/null'], {
      cwd,
      env: { ...process.env, PACTO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(run.status).toBe(1);
    const output = run.stdout.replace(/\r\n/g, '\n');
    expect(output).toContain(
      '  ERROR [PARSE_ERROR] : unknown field "visiblity" in interfaces[0]; did you mean "visibility"? (svc/pacto.yaml:17:5)\n' +
        '    17 |     visiblity: internal\n' +
        '       |     ^\n',
    );
    const piped = await runPacto(['validate', 'svc'], { cwd });
    expect(piped.stderr).not.toContain('|');
  });

  it('findings of a valid contract path keep their place in warnings too, and github/sarif agree', async () => {
    const cwd = await contract((text) => text.replace('  name: svc', '  name: My_Service'));
    const github = await runPacto(['validate', 'svc', '--output-format', 'github'], { cwd });
    expect(github.stdout).toContain('::error file=svc/pacto.yaml,line=5,col=9,title=pacto validate%3A SCHEMA_VIOLATION::service.name: "My_Service"');
    const sarif = JSON.parse((await runPacto(['validate', 'svc', '--output-format', 'sarif'], { cwd })).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 5, startColumn: 9 });
  });
});
