import type { Lifecycle, Persistence, Runtime, State } from '@pacto/schema';

// What each runtime enum value means, for the concept table of `pacto doc`.
// These live here rather than in the zod model because the validator compiles the
// model's JSON Schema with Ajv in strict mode, which rejects vendor keywords such as
// `x-enum-descriptions`. Typed as complete records so a new enum value fails to compile.

export const WORKLOAD_DESCRIPTIONS: Record<Runtime['workload'], string> = {
  service: 'Long-running process that serves requests',
  job: 'Runs to completion once, then exits',
  scheduled: 'Runs to completion on a schedule',
};

export const STATE_DESCRIPTIONS: Record<State['type'], string> = {
  stateless: 'Keeps no data between requests; any instance can serve any request',
  stateful: 'Owns data that must survive across requests',
  hybrid: 'Keeps a cache or session data that can be rebuilt if lost',
};

export const SCOPE_DESCRIPTIONS: Record<Persistence['scope'], string> = {
  local: 'State belongs to a single instance',
  shared: 'State is shared between instances',
};

export const DURABILITY_DESCRIPTIONS: Record<Persistence['durability'], string> = {
  ephemeral: 'State may be lost on restart',
  persistent: 'State must survive restarts',
};

export const CRITICALITY_DESCRIPTIONS: Record<State['dataCriticality'], string> = {
  low: 'Losing the data is an inconvenience',
  medium: 'Losing the data degrades the service',
  high: 'Losing the data is a serious incident',
};

export const UPGRADE_DESCRIPTIONS: Record<NonNullable<Lifecycle['upgradeStrategy']>, string> = {
  rolling: 'Instances are replaced gradually while the service stays available',
  recreate: 'All instances stop before new ones start',
  ordered: 'Instances are replaced one at a time in a fixed order',
};
