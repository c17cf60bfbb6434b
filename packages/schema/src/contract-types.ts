import type { Contract1x } from './model.js';
import type { ContractV12 } from './model-v12.js';
import type { ContractV20 } from './model-v20.js';
import { formatOfVersion, type ContractFormat } from './pacto-versions.js';
import type { ContractV10, ContractV11 } from './model.js';

/**
 * A contract as stage P produces it, in the model its `pactoVersion` selects (contract-2.0.md §1). Narrow it with
 * `isContractV20` / `isContractV12` / `isContract1x`, or `contractFormat`: a 1.x contract's `pactoVersion` is any
 * text other than 1.2 and 2.0, so comparing the field alone does not narrow the 1.x member away.
 */
export type Contract = Contract1x | ContractV12 | ContractV20;

/** The 1.x family (1.0, 1.1, 1.2): runtime, scaling, ports and the image, the shape the 1.x rules read. */
export type ContractV1Family = Contract1x | ContractV12;

/** A contract that passed L1: the discriminated union of the four formats, as their JSON Schemas describe them. */
export type PactoContract = ContractV10 | ContractV11 | ContractV12 | ContractV20;

export function contractFormat(contract: Pick<Contract, 'pactoVersion'>): ContractFormat {
  return formatOfVersion(contract.pactoVersion);
}

export function isContractV20(contract: Contract): contract is ContractV20 {
  return contract.pactoVersion === '2.0';
}

export function isContractV12(contract: Contract): contract is ContractV12 {
  return contract.pactoVersion === '1.2';
}

export function isContractV1Family(contract: Contract): contract is ContractV1Family {
  return contract.pactoVersion !== '2.0';
}

export function isContract1x(contract: Contract): contract is Contract1x {
  return formatOfVersion(contract.pactoVersion) === '1.x';
}
