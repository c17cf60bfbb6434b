import { goQuote, type ContractV1Family as Contract } from '@pacto/schema';
import type { CrossFieldContext } from './context.js';

/** Rules 6a, 6b and 7: ports and contract files by interface type. */
export function checkInterfaceShapes(ctx: CrossFieldContext, contract: Contract): void {
  const interfaces = contract.interfaces ?? [];
  interfaces.forEach((item, i) => {
    if ((item.type === 'http' || item.type === 'grpc') && item.port === undefined) {
      ctx.error('PORT_REQUIRED', `interfaces[${i}].port`, `port is required for ${item.type} interface ${goQuote(item.name ?? '')}`);
    }
  });
  interfaces.forEach((item, i) => {
    if (item.type === 'event' && item.port !== undefined) {
      ctx.warning('PORT_IGNORED', `interfaces[${i}].port`, `port is not applicable for event interface ${goQuote(item.name ?? '')}`);
    }
  });
  interfaces.forEach((item, i) => {
    if ((item.type === 'grpc' || item.type === 'event') && !item.contract) {
      ctx.error(
        'CONTRACT_REQUIRED',
        `interfaces[${i}].contract`,
        `contract is required for ${item.type} interface ${goQuote(item.name ?? '')}`,
      );
    }
  });
}

type ProbeKind = 'health' | 'metrics';

const PROBE_TEXT = {
  health: {
    invalid: 'is an event interface; health checks require http or grpc',
    pathRequired: 'health check path is required when the health interface type is http',
    pathIgnored: 'health check path is not used for grpc interfaces; gRPC uses the standard health protocol',
  },
  metrics: {
    invalid: 'is an event interface; metrics require http or grpc',
    pathRequired: 'metrics path is required when the metrics interface type is http',
    pathIgnored: 'metrics path is not used for grpc interfaces',
  },
} as const;

/** Rules 8 and 9: the health / metrics probe names an http or grpc interface, with a path for http. */
export function checkProbe(ctx: CrossFieldContext, contract: Contract, kind: ProbeKind): void {
  const probe = contract.runtime?.[kind];
  if (probe === undefined || probe === null) return;
  const prefix = kind === 'health' ? 'HEALTH' : 'METRICS';
  const name = probe.interface ?? '';
  const target = (contract.interfaces ?? []).find((item) => item.name === name);
  const text = PROBE_TEXT[kind];
  if (target === undefined) {
    ctx.error(
      `${prefix}_INTERFACE_NOT_FOUND`,
      `runtime.${kind}.interface`,
      `${kind} interface ${goQuote(name)} does not match any declared interface`,
    );
    return;
  }
  if (target.type === 'event') {
    ctx.error(`${prefix}_INTERFACE_INVALID`, `runtime.${kind}.interface`, `${kind} interface ${goQuote(name)} ${text.invalid}`);
    return;
  }
  const path = probe.path ?? '';
  if (target.type === 'http' && path === '') {
    ctx.error(`${prefix}_PATH_REQUIRED`, `runtime.${kind}.path`, text.pathRequired);
  } else if (target.type === 'grpc' && path !== '') {
    ctx.warning(`${prefix}_PATH_IGNORED`, `runtime.${kind}.path`, text.pathIgnored);
  }
}
