import type { ContractV1Family as Contract } from '@pacto/schema';
import type { CrossFieldContext } from './context.js';

/** Rules 21, 22 and 23: scaling bounds, job scaling and the stateless/persistent conflict. */
export function checkRuntimeRules(ctx: CrossFieldContext, contract: Contract): void {
  const scaling = contract.scaling;
  if (scaling !== undefined && scaling !== null) {
    // The parser already copies `replicas` into min and max; do it here too for hand-built contracts.
    const min = scaling.replicas ?? scaling.min ?? 0;
    const max = scaling.replicas ?? scaling.max ?? 0;
    if (min > max) ctx.error('SCALING_MIN_EXCEEDS_MAX', 'scaling', `scaling min (${min}) must not exceed max (${max})`);
    if (contract.runtime?.workload === 'job') {
      ctx.error('JOB_SCALING_NOT_ALLOWED', 'scaling', 'scaling must not be applied to job workloads');
    }
  }
  const state = contract.runtime?.state;
  if (state?.type === 'stateless' && state.persistence?.durability === 'persistent') {
    ctx.error(
      'STATELESS_PERSISTENT_CONFLICT',
      'runtime.state.persistence.durability',
      'stateless services must use ephemeral durability; persistent durability requires stateful or hybrid',
    );
  }
}
