import { describe, expect, it } from 'vitest';
import type { Contract } from '@pacto/schema';
import { buildLock, isLockError, type LockResolver } from '@pacto/lock';

// The closure of a generated chain of 10,000 contracts: every walk over it is a loop.

const name = (i: number) => `svc-${String(i).padStart(5, '0')}`;
const digest = (i: number) => `sha256:${i.toString(16).padStart(64, '0')}`;

function chain(count: number, missing?: number): { root: Contract; resolver: LockResolver } {
  const contract = (i: number): Contract =>
    ({
      pactoVersion: '1.0',
      service: { name: name(i), version: '1.0.0' },
      ...(i + 1 < count ? { dependencies: [{ name: name(i + 1), ref: `oci://r.example/${name(i + 1)}:1.0.0`, compatibility: '^1.0.0', required: true }] } : {}),
    }) as Contract;
  const resolver: LockResolver = {
    dependency: async (request) => {
      const i = Number(request.ref.slice('oci://r.example/svc-'.length, -':1.0.0'.length));
      if (i === missing) throw new Error('manifest unknown');
      return { contract: contract(i), pin: { source: 'oci', digest: digest(i) } };
    },
    reference: async (ref) => {
      throw new Error(`no reference ${ref}`);
    },
  };
  return { root: contract(0), resolver };
}

describe('buildLock over a chain of 10,000 dependencies', () => {
  it('pins every dependency, each naming the next', async () => {
    const { root, resolver } = chain(10_000);
    const lock = await buildLock(root, resolver, { pactoVersion: '0.1.0' });
    expect(lock.dependencies).toHaveLength(9_999);
    expect(lock.dependencies[0]).toMatchObject({ name: 'svc-00001', digest: digest(1), dependsOn: ['svc-00002'] });
    expect(lock.dependencies.at(-1)).toMatchObject({ name: 'svc-09999', digest: digest(9_999), dependsOn: [] });
  });

  it('names the unresolved dependency at the bottom of the chain', async () => {
    const { root, resolver } = chain(10_000, 9_999);
    const error = await buildLock(root, resolver, { pactoVersion: '0.1.0' }).catch((e: unknown) => e);
    expect(isLockError(error) && error.code).toBe('LOCK_UNRESOLVED');
    expect((error as Error).message).toContain('cannot resolve oci://r.example/svc-09999:1.0.0: manifest unknown');
  });
});
