import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();
// A heap this small turns unbounded memory use on hostile input into a failed test.
const BOUNDED = { NODE_OPTIONS: '--max-old-space-size=128' };

function billionLaughs(): string {
  const lines = ['pactoVersion: "1.0"', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i += 1) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  lines.push('service:\n  name: svc\n  version: 1.0.0');
  return `${lines.join('\n')}\n`;
}

function hugeContract(): string {
  const entries = ['pactoVersion: "1.0"', 'service:', '  name: svc', '  version: 1.0.0', 'metadata:'];
  const filler = 'x'.repeat(200);
  for (let i = 0; entries.length * 210 < 20 * 1024 * 1024; i += 1) entries.push(`  key${i}: ${filler}`);
  return `${entries.join('\n')}\n`;
}

async function validateBroken(setup: (dir: string) => void) {
  const cwd = tempDir();
  const dir = join(cwd, 'svc');
  mkdirSync(dir);
  setup(dir);
  const run = await runPacto(['validate', 'svc'], { cwd, env: BOUNDED });
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('svc is invalid\n');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^ {2}ERROR \[(PARSE_ERROR|UNSUPPORTED_PACTO_VERSION|FILE_TOO_LARGE)\] /);
  expect(lines[1]).toBe('validation failed with 1 error(s)');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe('bad input: one clear line, exit 1, no stack trace, bounded memory', () => {
  it('empty file', async () => {
    const line = await validateBroken((dir) => writeFileSync(join(dir, 'pacto.yaml'), ''));
    expect(line).toBe(
      '  ERROR [PARSE_ERROR] : failed to parse YAML: the file has no content; write the contract there, or run `pacto init <name>` to create one (svc/pacto.yaml)',
    );
  });

  it('text that is not YAML names file, line and column', async () => {
    const line = await validateBroken((dir) =>
      writeFileSync(join(dir, 'pacto.yaml'), 'pactoVersion: "1.0"\nservice:\n  name: [unclosed\n  version: 1.0.0\n'),
    );
    expect(line).toMatch(/^ {2}ERROR \[PARSE_ERROR\] : failed to parse YAML: [^\n]+ \(svc\/pacto\.yaml:\d+:\d+\)$/);
  });

  it('binary file', async () => {
    const line = await validateBroken((dir) =>
      writeFileSync(join(dir, 'pacto.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0xff, 0xfe, 0x00, 0x10])),
    );
    expect(line).toBe(
      '  ERROR [PARSE_ERROR] : failed to parse YAML: control character U+007F is not allowed (is this a binary file?) (svc/pacto.yaml:1:1)',
    );
  });

  it('YAML alias bomb ("billion laughs")', async () => {
    const line = await validateBroken((dir) => writeFileSync(join(dir, 'pacto.yaml'), billionLaughs()));
    expect(line).toBe('  ERROR [PARSE_ERROR] : failed to parse YAML: the document contains excessive aliasing (svc/pacto.yaml)');
  });

  it('a 20 MB contract', async () => {
    const line = await validateBroken((dir) => writeFileSync(join(dir, 'pacto.yaml'), hugeContract()));
    expect(line).toMatch(/^ {2}ERROR \[FILE_TOO_LARGE\] : file svc\/pacto\.yaml is 20(\.\d)? MiB, over the 10 MiB limit for one file of a bundle$/);
  });

  it('a directory without pacto.yaml', async () => {
    const line = await validateBroken(() => undefined);
    expect(line).toBe('  ERROR [PARSE_ERROR] : no pacto.yaml found in svc; run `pacto init <name>` to create one');
  });

  it('an unreadable pacto.yaml', async () => {
    const line = await validateBroken((dir) => {
      if (process.getuid?.() === 0) {
        // root reads any file whatever its mode; a directory in its place cannot be read either.
        mkdirSync(join(dir, 'pacto.yaml'));
      } else {
        writeFileSync(join(dir, 'pacto.yaml'), 'pactoVersion: "1.0"\n');
        chmodSync(join(dir, 'pacto.yaml'), 0o000);
      }
    });
    expect(line).toMatch(/svc\/pacto\.yaml/);
  });

  it('a contract path 1 MB long, 500,000 segments deep, is reported missing without exhausting memory', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'svc'));
    const path = `${'a/'.repeat(1 << 19)}openapi.yaml`;
    writeFileSync(
      join(cwd, 'svc', 'pacto.yaml'),
      `pactoVersion: "1.0"\nservice:\n  name: svc\n  version: 1.0.0\ninterfaces:\n  - name: api\n    type: http\n    port: 80\n    contract: "${path}"\n`,
    );
    const run = await runPacto(['validate', 'svc'], { cwd, env: BOUNDED });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ERROR \[FILE_NOT_FOUND\] interfaces\[0\]\.contract: interface contract file "a\/a\/a.*characters left out/);
    expect(run.stderr.length).toBeLessThan(2000);
  }, 60_000);
});
