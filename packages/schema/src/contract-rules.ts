// The value grammars and cross-field rules of the contract model (contract.md §3), with the words every message
// uses for them. In a module of their own, without zod, so validators can word their findings the same way
// without loading the model.

export const SERVICE_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
export const OWNER_TEAM_PATTERN = /^[a-zA-Z0-9._/-]+$/;
export const OWNER_DRI_PATTERN = /^[a-zA-Z0-9._@/-]+$/;
export const READINESS_ID_PATTERN = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;
/** A 2.0 capability binding path: one leading slash, then anything that does not start another slash. */
export const CAPABILITY_PATH_PATTERN = /^\/([^/].*)?$/;

/** A pattern of the model in words: what the value is, and what it may hold. Messages never show the pattern. */
export interface PatternWords {
  /** `service name` */
  readonly subject: string;
  /** `lower-case letters, digits and hyphens, starting and ending with a letter or digit` */
  readonly rule: string;
}

const PATTERN_WORDS = new Map<string, PatternWords>([
  [SERVICE_NAME_PATTERN.source, { subject: 'service name', rule: 'lower-case letters, digits and hyphens, starting and ending with a letter or digit' }],
  [OWNER_TEAM_PATTERN.source, { subject: 'team', rule: 'letters, digits and the characters . _ / -' }],
  [OWNER_DRI_PATTERN.source, { subject: 'responsible person', rule: 'letters, digits and the characters . _ @ / -' }],
  [
    READINESS_ID_PATTERN.source,
    { subject: 'check id', rule: 'lower-case letters, digits and the characters . _ -, starting and ending with a letter or digit' },
  ],
  [CAPABILITY_PATH_PATTERN.source, { subject: 'binding path', rule: 'a path that starts with a single "/"' }],
]);

/** The words for a pattern of the contract model, given its source text; undefined for any other pattern. */
export function describePattern(source: string): PatternWords | undefined {
  return PATTERN_WORDS.get(source);
}

/** `use <rule>` — the message of a value that does not fit one of the model's patterns. */
export function patternMessage(words: PatternWords): string {
  return `use ${words.rule}`;
}

/** The rules that tie keys of one object together, as messages. */
export const CONTRACT_RULES = {
  configurationSource: 'a configuration needs either schema (with optional values) or ref alone',
  policySource: 'a policy needs exactly one of schema and ref',
  scalingForm: 'scaling needs replicas alone, or min and max',
  statelessDurability: 'stateless services must have ephemeral durability',
} as const;
