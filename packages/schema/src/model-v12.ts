import { z } from 'zod';
import { SERVICE_NAME_PATTERN, chartSchema, patterned, contractV1xFields, imageSchema, ownerInfoSchema } from './model.js';
import { readinessV12Schema } from './model-readiness-claims.js';

// pactoVersion 1.2 (contract-2.0.md §9): the 1.1 contract with an object-only owner and the claims-style
// readiness whose list is still named `checks`.

export const serviceV12Schema = z
  .strictObject({
    name: patterned(SERVICE_NAME_PATTERN).describe('Service name: lower-case letters, digits and inner hyphens.'),
    version: z.string().min(1).describe('Service version (semantic version).'),
    owner: ownerInfoSchema.optional(),
    image: imageSchema.optional(),
    chart: chartSchema.optional(),
  })
  .describe('Identity of the service.');

export const contractV12Schema = z
  .strictObject({
    pactoVersion: z.literal('1.2').describe('Version of the contract format.'),
    ...contractV1xFields,
    service: serviceV12Schema,
    readiness: readinessV12Schema.optional(),
  })
  .describe('A Pacto service contract, format 1.2.');

export type ServiceV12 = z.infer<typeof serviceV12Schema>;
export type ContractV12 = z.infer<typeof contractV12Schema>;
