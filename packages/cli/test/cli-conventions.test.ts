import { describe, expect, it } from 'vitest';
import { runPacto } from './support/run-pacto.js';

describe('pacto conventions', () => {
  it('prints four aligned build lines for version', async () => {
    const run = await runPacto(['version']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, 22).trimEnd())).toEqual(['Pacto:', 'Git Commit:', 'Build Date:', 'Runtime:']);
    expect(lines[3]).toBe(`Runtime:              Node ${process.version} ${process.platform}/${process.arch}`);
  });

  it('rejects unknown commands and flags with one line and exit 1', async () => {
    expect(await runPacto(['bogus'])).toEqual({ code: 1, stdout: '', stderr: 'unknown command "bogus" for "pacto"\n' });
    expect(await runPacto(['validate', '--bogus'])).toEqual({ code: 1, stdout: '', stderr: 'unknown flag: --bogus\n' });
    expect(await runPacto(['validate', 'a', 'b'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'accepts at most 1 arg(s), received 2\n',
    });
  });

  it('teaches through --help: description, options and examples', async () => {
    const run = await runPacto(['validate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Validate a contract');
    expect(run.stdout).toContain('--readiness');
    expect(run.stdout).toContain('pacto validate my-service --output-format json');
    expect(run.stdout).not.toContain('\u001b[');
  });
});
