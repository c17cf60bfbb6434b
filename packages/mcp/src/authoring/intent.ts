// What a person means ("it stores data that must survive a restart") mapped to contract primitives
// (runtime.state, workload, interfaces): the intent mapping of cli.md §4.15.

export type Workload = 'service' | 'job' | 'scheduled';
export type Criticality = 'low' | 'medium' | 'high';

/** The four data questions of pacto_create / pacto_edit. */
export interface DataIntent {
  readonly storesData?: boolean | undefined;
  readonly survivesRestart?: boolean | undefined;
  readonly sharedAcrossInstances?: boolean | undefined;
  readonly lossImpact?: Criticality | undefined;
}

export interface StateBlock {
  type: 'stateless' | 'stateful' | 'hybrid';
  persistence: { scope: 'local' | 'shared'; durability: 'ephemeral' | 'persistent' };
  dataCriticality: Criticality;
}

/**
 * `stores_data` → stateful with medium criticality; `data_survives_restart` → persistent;
 * `data_shared_across_instances` → shared scope; `data_loss_impact` sets the criticality. A service
 * that stores nothing is stateless, local and ephemeral (the only durability a stateless one may have).
 */
export function deriveState(intent: DataIntent): StateBlock {
  const stores = intent.storesData === true;
  return {
    type: stores ? 'stateful' : 'stateless',
    persistence: {
      scope: stores && intent.sharedAcrossInstances ? 'shared' : 'local',
      durability: stores && intent.survivesRestart ? 'persistent' : 'ephemeral',
    },
    dataCriticality: intent.lossImpact ?? (stores ? 'medium' : 'low'),
  };
}

export function hasDataIntent(intent: DataIntent | undefined): boolean {
  return intent !== undefined && Object.values(intent).some((value) => value !== undefined);
}

/** The intent a state block expresses (the inverse of deriveState), so an edit can change one answer. */
export function intentOf(state: Partial<StateBlock> | undefined): DataIntent {
  if (!state) return {};
  return {
    storesData: state.type !== undefined && state.type !== 'stateless',
    survivesRestart: state.persistence?.durability === 'persistent',
    sharedAcrossInstances: state.persistence?.scope === 'shared',
    ...(state.dataCriticality ? { lossImpact: state.dataCriticality } : {}),
  };
}

export const CRITICALITIES: readonly Criticality[] = ['low', 'medium', 'high'];
export const WORKLOADS: readonly Workload[] = ['service', 'job', 'scheduled'];

/** What the free-text description suggests; explicit inputs always win over it. */
export interface DescriptionHints {
  readonly http: boolean;
  readonly grpc: boolean;
  readonly events: boolean;
  readonly storesData: boolean;
  readonly durable: boolean;
  readonly shared: boolean;
  readonly workload?: Workload;
  /** The words that matched, for the `derived` list of the result. */
  readonly matched: readonly string[];
}

interface Rule {
  readonly words: RegExp;
  readonly apply: (hints: MutableHints) => void;
}

type MutableHints = { -readonly [K in keyof DescriptionHints]: DescriptionHints[K] } & { matched: string[] };

const RULES: readonly Rule[] = [
  { words: /\b(rest|http|https|api|web|graphql|webhooks?)\b/i, apply: (h) => (h.http = true) },
  { words: /\bgrpc\b/i, apply: (h) => (h.grpc = true) },
  { words: /\b(events?|kafka|nats|pub\/?sub|queues?|messages?|messaging|rabbitmq|sqs|amqp)\b/i, apply: (h) => (h.events = true) },
  {
    words: /\b(postgres(ql)?|mysql|mariadb|database|db|mongo(db)?|dynamo(db)?|cockroach(db)?|sql|cassandra|elasticsearch)\b/i,
    apply: (h) => {
      h.storesData = true;
      h.durable = true;
      h.shared = true;
    },
  },
  { words: /\b(redis|cache|caching|memcached?)\b/i, apply: (h) => (h.storesData = true) },
  { words: /\b(stateful|persistent|persists|durable|stores? data)\b/i, apply: (h) => {
    h.storesData = true;
    h.durable = true;
  } },
  { words: /\b(worker|consumer|processor|one-off|migration)\b/i, apply: (h) => (h.workload ??= 'job') },
  { words: /\b(cron|scheduled|periodic|nightly|hourly|daily|batch)\b/i, apply: (h) => (h.workload = 'scheduled') },
];

/** Keyword inference from `description` (REST/HTTP, gRPC, PostgreSQL, Kafka, Redis, cron…). */
export function inferFromDescription(description: string | undefined): DescriptionHints {
  const hints: MutableHints = { http: false, grpc: false, events: false, storesData: false, durable: false, shared: false, matched: [] };
  if (!description) return hints;
  for (const rule of RULES) {
    const match = rule.words.exec(description);
    if (!match) continue;
    rule.apply(hints);
    hints.matched.push(match[0]);
  }
  return hints;
}
