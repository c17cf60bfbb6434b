import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialChain, type CommandRunner } from '../src/credentials.js';
import { tempDir } from './support/bundles.js';

const REGISTRY = 'registry.example:5000';
const good = Buffer.from('user:secret').toString('base64');

/** A home with Pacto's config.json and Docker's config.json holding the given JSON texts. */
function home(files: { pacto?: string; docker?: string }) {
  const dir = tempDir();
  const env = { XDG_CONFIG_HOME: join(dir, 'cfg'), DOCKER_CONFIG: join(dir, 'docker') };
  mkdirSync(join(dir, 'cfg', 'pacto'), { recursive: true });
  mkdirSync(join(dir, 'docker'));
  if (files.pacto !== undefined) writeFileSync(join(dir, 'cfg', 'pacto', 'config.json'), files.pacto);
  if (files.docker !== undefined) writeFileSync(join(dir, 'docker', 'config.json'), files.docker);
  return { env, homeDir: dir };
}

async function lookup(files: { pacto?: string; docker?: string }, runCommand?: CommandRunner) {
  const lines: string[] = [];
  const credential = await credentialChain({ ...home(files), debug: (line) => lines.push(line), ...(runCommand ? { runCommand } : {}) }).get(REGISTRY);
  return { credential, lines };
}

describe('malformed credential entries mean no credentials from that source (oci.md §11.1)', () => {
  it.each([
    ['a number as auth', { auths: { [REGISTRY]: { auth: 123 } } }, `"auth" is a number, not a string`],
    ['an object as password', { auths: { [REGISTRY]: { username: 'u', password: { x: 1 } } } }, `"password" is an object, not a string`],
    ['a string as entry', { auths: { [REGISTRY]: 'dXNlcjpzZWNyZXQ=' } }, 'the entry is a string, not an object'],
    ['null as entry', { auths: { [REGISTRY]: null } }, 'the entry is null, not an object'],
    ['an array as auths', { auths: [1, 2] }, '"auths" is an array, not an object'],
  ])('in Pacto config.json: %s falls through to Docker config.json, said with -v', async (_name, pacto, problem) => {
    const { credential, lines } = await lookup({
      pacto: JSON.stringify(pacto),
      docker: JSON.stringify({ auths: { [REGISTRY]: { auth: good } } }),
    });
    expect(credential).toMatchObject({ username: 'user', password: 'secret' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(problem);
    expect(lines[0]).toContain(join('cfg', 'pacto', 'config.json'));
  });

  it('in Docker config.json: a number as auth means anonymous, said with -v', async () => {
    const { credential, lines } = await lookup({ docker: JSON.stringify({ auths: { [`https://${REGISTRY}/v1/`]: { auth: 123 } } }) });
    expect(credential).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^ignoring the credentials for https:\/\/registry\.example:5000\/v1\/ in .*config\.json: "auth" is a number, not a string$/)]);
  });

  it('a config file that is not JSON, or not an object, is skipped with a line', async () => {
    const notJson = await lookup({ pacto: '{"auths": ', docker: '[1]' });
    expect(notJson.credential).toBeUndefined();
    expect(notJson.lines).toEqual([
      expect.stringMatching(/^ignoring .*pacto.config\.json: not valid JSON \(/),
      expect.stringMatching(/^ignoring .*docker.config\.json: it holds an array, not a JSON object$/),
    ]);
  });

  it('a credential helper named by a number, or answering garbage, gives no credentials', async () => {
    const calls: string[] = [];
    const run: CommandRunner = async (command) => {
      calls.push(command);
      return { code: 0, stdout: '{"Username": 5, "Secret": ["x"]}' };
    };
    const numbered = await lookup({ docker: JSON.stringify({ credHelpers: { [REGISTRY]: 7 } }) }, run);
    expect(numbered.credential).toBeUndefined();
    expect(numbered.lines).toEqual([expect.stringContaining('ignoring the credential helper for registry.example:5000')]);
    const garbage = await lookup({ docker: JSON.stringify({ credsStore: 'broken' }) }, run);
    expect(garbage.credential).toBeUndefined();
    expect(garbage.lines).toEqual(['ignoring the answer of docker-credential-broken: "Secret" and "Username" must be strings']);
    expect(calls).toEqual(['docker-credential-broken']);
  });

  it('well-formed entries are still read without any line', async () => {
    const { credential, lines } = await lookup({ pacto: JSON.stringify({ auths: { [REGISTRY]: { auth: good } } }) });
    expect(credential).toMatchObject({ username: 'user', password: 'secret' });
    expect(lines).toEqual([]);
  });
});
