import { describe, expect, it } from 'vitest';
import { validateCrossField } from '../src/index.js';
import { b10, pairs, rt } from './support/contracts.js';

const http = { name: 'api', type: 'http' as const, port: 8080 };
const grpc = { name: 'rpc', type: 'grpc' as const, port: 9090, contract: 'api.proto' };
const event = { name: 'ev', type: 'event' as const, contract: 'ev.json' };

describe('L2 rules 8-9: health and metrics probes', () => {
  it('health interface not found (case 18)', () => {
    const result = validateCrossField(b10({ runtime: rt({ health: { interface: 'web', path: '/h' } }) }));
    expect(pairs(result.errors)).toEqual(['HEALTH_INTERFACE_NOT_FOUND @ runtime.health.interface']);
    expect(result.errors[0]?.message).toBe('health interface "web" does not match any declared interface');
  });

  it('http health needs a path (case 19)', () => {
    const result = validateCrossField(b10({ interfaces: [http], runtime: rt({ health: { interface: 'api' } }) }));
    expect(pairs(result.errors)).toEqual(['HEALTH_PATH_REQUIRED @ runtime.health.path']);
    expect(result.errors[0]?.message).toBe('health check path is required when the health interface type is http');
  });

  it('grpc health path is ignored with a warning (case 20)', () => {
    const result = validateCrossField(b10({ interfaces: [grpc], runtime: rt({ health: { interface: 'rpc', path: '/healthz' } }) }));
    expect(result.errors).toEqual([]);
    expect(pairs(result.warnings)).toEqual(['HEALTH_PATH_IGNORED @ runtime.health.path']);
    expect(result.warnings[0]?.message).toBe(
      'health check path is not used for grpc interfaces; gRPC uses the standard health protocol',
    );
  });

  it('event metrics interface is invalid (case 21)', () => {
    const result = validateCrossField(b10({ interfaces: [event], runtime: rt({ metrics: { interface: 'ev', path: '/metrics' } }) }));
    expect(pairs(result.errors)).toEqual(['METRICS_INTERFACE_INVALID @ runtime.metrics.interface']);
    expect(result.errors[0]?.message).toBe('metrics interface "ev" is an event interface; metrics require http or grpc');
  });

  it('metrics rules mirror health rules', () => {
    const result = validateCrossField(
      b10({
        interfaces: [http, grpc, event],
        runtime: rt({ health: { interface: 'ev' }, metrics: { interface: 'api' } }),
      }),
    );
    expect(pairs(result.errors)).toEqual(['HEALTH_INTERFACE_INVALID @ runtime.health.interface', 'METRICS_PATH_REQUIRED @ runtime.metrics.path']);
    expect(result.errors.map((e) => e.message)).toEqual([
      'health interface "ev" is an event interface; health checks require http or grpc',
      'metrics path is required when the metrics interface type is http',
    ]);
    const grpcMetrics = validateCrossField(b10({ interfaces: [grpc], runtime: rt({ metrics: { interface: 'rpc', path: '/m' } }) }));
    expect(pairs(grpcMetrics.warnings)).toEqual(['METRICS_PATH_IGNORED @ runtime.metrics.path']);
    expect(grpcMetrics.warnings[0]?.message).toBe('metrics path is not used for grpc interfaces');
    const missing = validateCrossField(b10({ runtime: rt({ metrics: { interface: 'nope' } }) }));
    expect(missing.errors[0]?.message).toBe('metrics interface "nope" does not match any declared interface');
  });

  it('uses the first interface of a duplicated name', () => {
    const result = validateCrossField(
      b10({ interfaces: [event, { ...http, name: 'ev' }], runtime: rt({ health: { interface: 'ev', path: '/h' } }) }),
    );
    expect(pairs(result.errors)).toContain('HEALTH_INTERFACE_INVALID @ runtime.health.interface');
  });
});
