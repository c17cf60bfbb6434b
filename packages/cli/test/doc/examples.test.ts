import { join } from 'node:path';
import { loadBundleDir, packBundle, readBundleArchive } from '@pacto/bundle';
import { renderExplainText } from '@pacto/render';
import { evaluateContractReadiness, validateContract } from '@pacto/validate';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, EXAMPLES_DIR } from './examples.js';

describe('examples/', () => {
  it('holds the eight example bundles', () => {
    expect(EXAMPLES).toEqual([
      'cron-worker',
      'event-processor',
      'grpc-service',
      'hybrid-cache',
      'nginx',
      'postgresql',
      'rabbitmq',
      'redis',
    ]);
  });

  describe.each(EXAMPLES)('%s', (name) => {
    const dir = join(EXAMPLES_DIR, name);

    it('validates with no errors and no warnings', async () => {
      const bundle = await loadBundleDir(dir);
      const result = await validateContract(bundle);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it('round-trips through pack: the archive holds the same files, byte for byte', async () => {
      const bundle = await loadBundleDir(dir);
      const archive = await readBundleArchive(await packBundle(bundle.contents));
      expect([...archive.files.keys()].sort()).toEqual([...bundle.contents.files.keys()].sort());
      for (const [path, bytes] of bundle.contents.files) expect(Buffer.from(archive.files.get(path)!).equals(Buffer.from(bytes))).toBe(true);
      expect(archive.files.has('README.md')).toBe(true);
    });

    it('explains the contract read back from its archive', async () => {
      const bundle = await loadBundleDir(dir);
      const archive = await readBundleArchive(await packBundle(bundle.contents));
      const text = new TextDecoder().decode(archive.files.get('pacto.yaml'));
      const result = await validateContract({ fileName: 'pacto.yaml', text });
      expect(result.contract).toBeDefined();
      const contract = result.contract!;
      const explained = renderExplainText(contract, evaluateContractReadiness(contract, new Date('2030-01-01T00:00:00Z')));
      expect(explained.startsWith(`Service: ${contract.service.name}@${contract.service.version}\n`)).toBe(true);
      if (contract.readiness) expect(explained).toMatch(/Gate: PASS/);
    });
  });
});
