import type { ContractV1Family as Contract } from '@pacto/schema';
import { warningFinding, type LayerResult } from './finding.js';

/** Layer 3 (contract.md §7): warnings only. */
export function validateSemantic(contract: Contract): LayerResult {
  const warnings = [];
  if (contract.runtime?.lifecycle?.upgradeStrategy === 'ordered' && contract.runtime.state?.type === 'stateless') {
    warnings.push(
      warningFinding(
        'semantic',
        'UPGRADE_STRATEGY_STATE_MISMATCH',
        'runtime.lifecycle.upgradeStrategy',
        'ordered upgrade strategy is typically used with stateful services, but state is stateless',
      ),
    );
  }
  return { errors: [], warnings };
}
