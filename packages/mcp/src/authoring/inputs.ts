import { describe, isPlainObject, type ToolArguments } from '../arguments.js';
import { ToolInputError } from '../tool-error.js';
import { CRITICALITIES, WORKLOADS, type Criticality, type DataIntent, type Workload } from './intent.js';

// The list inputs of pacto_create and pacto_edit, read from their JSON into typed values. Only the shape is
// checked here (an object with a string `name`, an integer `port`); what the values mean (enums, ranges,
// references) is left to contract validation, which runs on the result before anything is written.

export interface InterfaceInput {
  readonly name: string;
  readonly type?: string;
  readonly port?: number;
  readonly visibility?: string;
  readonly contract?: string;
}

export interface DependencyInput {
  readonly ref: string;
  readonly name?: string;
  readonly required?: boolean;
  readonly compatibility?: string;
}

export interface ConfigPropertyInput {
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly description?: string;
}

type FieldType = 'string' | 'integer' | 'boolean';

function readItems<T>(field: string, items: unknown[] | undefined, keys: Record<string, FieldType>, required: string): T[] | undefined {
  if (items === undefined) return undefined;
  return items.map((item, index) => {
    const where = `invalid ${field}: item ${index + 1}`;
    if (!isPlainObject(item)) throw new ToolInputError(`${where} must be an object, got ${describe(item)}`);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      const type = keys[key];
      if (type === undefined) {
        throw new ToolInputError(`${where} has an unknown key ${JSON.stringify(key)} (expected ${Object.keys(keys).join(', ')})`);
      }
      if (value === null || value === undefined) continue;
      const ok = type === 'integer' ? Number.isSafeInteger(value) : typeof value === type;
      if (!ok) throw new ToolInputError(`${where}: ${key} must be ${type === 'integer' ? 'an integer' : `a ${type}`}, got ${describe(value)}`);
      out[key] = value;
    }
    if (typeof out[required] !== 'string' || out[required] === '') throw new ToolInputError(`${where}: ${required} is required`);
    return out as T;
  });
}

export function readInterfaces(args: ToolArguments, field: string): InterfaceInput[] | undefined {
  return readItems(field, args.array(field), { name: 'string', type: 'string', port: 'integer', visibility: 'string', contract: 'string' }, 'name');
}

export function readDependencies(args: ToolArguments, field: string): DependencyInput[] | undefined {
  return readItems(field, args.array(field), { ref: 'string', name: 'string', required: 'boolean', compatibility: 'string' }, 'ref');
}

export function readConfigProperties(args: ToolArguments, field: string): ConfigPropertyInput[] | undefined {
  return readItems(field, args.array(field), { name: 'string', type: 'string', required: 'boolean', description: 'string' }, 'name');
}

export function readWorkload(args: ToolArguments): Workload | undefined {
  return oneOf(args, 'workload', WORKLOADS);
}

/** The four data questions; each stays undefined when not asked, so an edit changes only what it names. */
export function readDataIntent(args: ToolArguments): DataIntent {
  return {
    storesData: args.boolean('stores_data'),
    survivesRestart: args.boolean('data_survives_restart'),
    sharedAcrossInstances: args.boolean('data_shared_across_instances'),
    lossImpact: oneOf(args, 'data_loss_impact', CRITICALITIES) as Criticality | undefined,
  };
}

export interface ScalingInput {
  readonly replicas?: number | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

export function readScaling(args: ToolArguments): ScalingInput {
  return { replicas: args.integer('replicas'), min: args.integer('min_replicas'), max: args.integer('max_replicas') };
}

function oneOf<T extends string>(args: ToolArguments, field: string, values: readonly T[]): T | undefined {
  const value = args.text(field);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw new ToolInputError(`${field} must be one of ${values.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}
