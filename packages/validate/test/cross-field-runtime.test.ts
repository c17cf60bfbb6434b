import { describe, expect, it } from 'vitest';
import { validateCrossField, validateSemantic } from '../src/index.js';
import { b10, pairs, rt } from './support/contracts.js';

describe('L2 rules 21-23: scaling and state', () => {
  it('min must not exceed max (case 39)', () => {
    const result = validateCrossField(b10({ scaling: { min: 5, max: 2 } }));
    expect(pairs(result.errors)).toEqual(['SCALING_MIN_EXCEEDS_MAX @ scaling']);
    expect(result.errors[0]?.message).toBe('scaling min (5) must not exceed max (2)');
  });

  it('replicas count as both bounds', () => {
    expect(validateCrossField(b10({ scaling: { replicas: 3 } })).errors).toEqual([]);
  });

  it('jobs must not scale (case 40); scheduled workloads may', () => {
    const job = validateCrossField(b10({ runtime: rt({ workload: 'job' }), scaling: { replicas: 1 } }));
    expect(pairs(job.errors)).toEqual(['JOB_SCALING_NOT_ALLOWED @ scaling']);
    expect(job.errors[0]?.message).toBe('scaling must not be applied to job workloads');
    expect(validateCrossField(b10({ runtime: rt({ workload: 'scheduled' }), scaling: { min: 1, max: 2 } })).errors).toEqual([]);
  });

  it('stateless services cannot be persistent (library only)', () => {
    const runtime = rt();
    const result = validateCrossField(
      b10({ runtime: { ...runtime, state: { ...runtime.state, persistence: { scope: 'local', durability: 'persistent' } } } }),
    );
    expect(pairs(result.errors)).toEqual(['STATELESS_PERSISTENT_CONFLICT @ runtime.state.persistence.durability']);
  });
});

describe('L3: semantic warnings', () => {
  it('ordered upgrades of stateless services warn (case 42)', () => {
    const result = validateSemantic(b10({ runtime: rt({ lifecycle: { upgradeStrategy: 'ordered' } }) }));
    expect(result.errors).toEqual([]);
    expect(pairs(result.warnings)).toEqual(['UPGRADE_STRATEGY_STATE_MISMATCH @ runtime.lifecycle.upgradeStrategy']);
    expect(result.warnings[0]).toMatchObject({
      layer: 'semantic',
      severity: 'warning',
      message: 'ordered upgrade strategy is typically used with stateful services, but state is stateless',
    });
  });

  it('says nothing otherwise', () => {
    expect(validateSemantic(b10({ runtime: rt({ lifecycle: { upgradeStrategy: 'rolling' } }) })).warnings).toEqual([]);
    const runtime = rt({ lifecycle: { upgradeStrategy: 'ordered' } });
    expect(validateSemantic(b10({ runtime: { ...runtime, state: { ...runtime.state, type: 'stateful' } } })).warnings).toEqual([]);
  });
});
