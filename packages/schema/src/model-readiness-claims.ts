import { z } from 'zod';
import { READINESS_ID_PATTERN, patterned } from './model.js';

// The claims-style readiness assessment shared by pactoVersion 1.2 (list named `checks`) and 2.0 (list named
// `claims`): one assessment-level expiry, a status per claim, partial credit and a history (contract-2.0.md §3.9).

export const CLAIM_STATUSES = ['done', 'partial', 'not-done', 'deferred'] as const;

export const CLAIM_CATEGORIES = [
  'architecture',
  'testing',
  'code-quality',
  'observability',
  'security',
  'documentation',
  'infrastructure',
  'ci-cd',
  'deployment',
  'resilience',
  'backup-recovery',
  'incident-response',
  'compliance',
  'other',
] as const;

export const readinessClaimSchema = z
  .strictObject({
    id: patterned(READINESS_ID_PATTERN).min(1).describe('Requirement identifier, unique in the contract; policies usually name it.'),
    type: z
      .enum(['url', 'document', 'ticket', 'report', 'artifact', 'identifier', 'other'])
      .describe('Kind of evidence pointer.'),
    category: z.enum(CLAIM_CATEGORIES).optional().describe('Area of engineering the requirement belongs to.'),
    status: z
      .enum(CLAIM_STATUSES)
      .describe('How far the requirement is met: done earns its weight, partial a share, deferred is left out of the score.'),
    evidence: z.string().min(1).max(2048).describe('Where the evidence is (URL, ticket, bundle path…); stored verbatim, never fetched.'),
    weight: z.int().min(0).max(100).describe('Contribution of this requirement to the readiness score.'),
    description: z.string().min(1).optional().describe('What the evidence shows.'),
  })
  .describe('One declared readiness requirement and how far it is met.');

export const readinessRevisionSchema = z
  .strictObject({
    date: z.string().describe('Date of the change (YYYY-MM-DD).'),
    version: z.string().min(1).describe('Contract version at the time of the change.'),
    author: z.string().min(1).describe('Who made the change.'),
    description: z.string().min(1).describe('What changed.'),
  })
  .describe('One entry of the assessment history.');

const assessmentShape = {
  minScore: z.int().min(0).max(100).optional().describe('Score the readiness gate requires; 100 when absent.'),
  expires: z.string().describe('Date (YYYY-MM-DD, UTC) after which the whole assessment is stale and scores 0.'),
  partialCredit: z.number().min(0).max(1).optional().describe('Share of its weight a partial requirement earns; 0.5 when absent.'),
  history: z.array(readinessRevisionSchema).optional().describe('Changes to the assessment over time.'),
};

export const readinessV20Schema = z
  .strictObject({
    ...assessmentShape,
    claims: z.array(readinessClaimSchema).min(1).describe('The requirements of operational readiness.'),
  })
  .describe('Declared operational readiness: requirements with a status, scored as a weighted share.');

export const readinessV12Schema = z
  .strictObject({
    ...assessmentShape,
    checks: z.array(readinessClaimSchema).min(1).describe('The requirements of operational readiness.'),
  })
  .describe('Declared operational readiness (1.2): requirements with a status, scored as a weighted share.');

export type ReadinessClaim = z.infer<typeof readinessClaimSchema>;
export type ReadinessClaimStatus = ReadinessClaim['status'];
export type ReadinessRevision = z.infer<typeof readinessRevisionSchema>;
export type ReadinessV20 = z.infer<typeof readinessV20Schema>;
export type ReadinessV12 = z.infer<typeof readinessV12Schema>;
