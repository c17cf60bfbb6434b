import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlugin } from '@pacto/plugin/testing';
import { parseContract, type Contract } from '@pacto/schema';
import plugin from '../src/plugin.js';
import { EXAMPLES as EXAMPLE_NAMES, REPO } from '../../plugin-test-support.js';
import { checkManifest, type KubernetesObject } from './kubernetes-schemas.js';

const EXAMPLES = join(REPO, 'examples');

async function objects(dir: string, options: Record<string, string> = {}, contract?: Contract): Promise<Map<string, KubernetesObject>> {
  const run = await runPlugin(plugin, dir, { options, ...(contract ? { contract } : {}) });
  const out = new Map<string, KubernetesObject>();
  for (const file of run.files) if (file.path !== 'kustomization.yaml') out.set(file.path, checkManifest(file.path, file.content));
  return out;
}

function contractOf(yaml: string): Contract {
  const parsed = parseContract(yaml, 'pacto.yaml');
  if (!parsed.ok) throw parsed.error;
  return parsed.contract;
}

const base = (extra: string) => `pactoVersion: "1.0"
service: { name: shop, version: 1.0.0+build.7, image: { ref: ghcr.io/acme/shop:1.0.0 } }
interfaces:
  - { name: public-http-apis, type: http, port: 8080, contract: api.yaml }
  - { name: rpc, type: grpc, port: 9090, contract: api.proto }
  - { name: events, type: event, contract: events.json }
${extra}`;

describe('pacto-plugin-kubernetes (in-process)', () => {
  it.each(EXAMPLE_NAMES)('examples/%s: every object is valid against the Kubernetes schemas', async (name) => {
    const run = await runPlugin(plugin, join(EXAMPLES, name), { options: { namespace: 'shop' } });
    const manifests = run.files.filter((file) => file.path !== 'kustomization.yaml');
    expect(manifests.length).toBeGreaterThan(0);
    for (const file of manifests) expect(checkManifest(file.path, file.content).metadata.namespace).toBe('shop');
    expect(run.file('kustomization.yaml')).toContain('namespace: shop');
    expect(run.message).toMatch(/ for (Deployment|StatefulSet|CronJob|Job) /);
  });

  it('a stateless service: Deployment, a Service port per interface port, HPA from min/max, PDB, probes, ConfigMap', async () => {
    const manifests = await objects(join(EXAMPLES, 'nginx'));
    expect([...manifests.keys()].sort()).toEqual(['configmap-routing.yaml', 'deployment.yaml', 'hpa.yaml', 'pdb.yaml', 'service.yaml']);
    const deployment = manifests.get('deployment.yaml')!;
    expect(deployment.spec!.replicas).toBe(2);
    const container = deployment.spec!.template.spec.containers[0];
    expect(container.image).toBe('docker.io/library/nginx:1.27.3-alpine');
    expect(container.ports).toEqual([
      { name: 'edge', containerPort: 8443, protocol: 'TCP' },
      { name: 'status', containerPort: 8081, protocol: 'TCP' },
    ]);
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/healthz', port: 'status' } });
    expect(deployment.spec!.template.spec.terminationGracePeriodSeconds).toBe(15);
    expect(manifests.get('service.yaml')!.spec!.ports.map((p: { port: number }) => p.port)).toEqual([8443, 8081]);
    expect(manifests.get('hpa.yaml')!.spec).toMatchObject({ minReplicas: 2, maxReplicas: 10, scaleTargetRef: { kind: 'Deployment', name: 'nginx' } });
    expect(manifests.get('pdb.yaml')!.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'nginx' } } });
    expect(manifests.get('configmap-routing.yaml')!.data).toEqual({
      server_name: 'shop.example.com',
      client_max_body_size: '8m',
      upstreams: '{"inventory":"inventory:50051","sessions":"session-cache:8080"}',
    });
  });

  it('a stateful service: StatefulSet with a claim for persistent data and a headless Service; one replica, no HPA or PDB', async () => {
    const manifests = await objects(join(EXAMPLES, 'postgresql'), { storage: '20Gi', 'storage-class': 'ssd', 'data-path': '/var/lib/postgresql/data' });
    expect([...manifests.keys()].sort()).toEqual(['configmap-server.yaml', 'service-headless.yaml', 'service.yaml', 'statefulset.yaml']);
    const set = manifests.get('statefulset.yaml')!;
    expect(set.spec!.serviceName).toBe('postgresql-headless');
    expect(set.spec!.podManagementPolicy).toBe('OrderedReady');
    expect(set.spec!.volumeClaimTemplates[0].spec).toEqual({ accessModes: ['ReadWriteOnce'], storageClassName: 'ssd', resources: { requests: { storage: '20Gi' } } });
    expect(set.spec!.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/postgresql/data' });
    expect(set.spec!.template.spec.containers[0].readinessProbe.initialDelaySeconds).toBe(30);
    expect(manifests.get('service-headless.yaml')!.spec!.clusterIP).toBe('None');
  });

  it('a scheduled worker: CronJob with the schedule and time zone of its configuration values', async () => {
    const manifests = await objects(join(EXAMPLES, 'cron-worker'));
    const cron = manifests.get('cronjob.yaml')!;
    expect(cron.spec).toMatchObject({ schedule: '30 2 * * *', timeZone: 'Europe/Madrid', concurrencyPolicy: 'Forbid' });
    expect(cron.spec!.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(manifests.has('hpa.yaml')).toBe(false);
    expect(manifests.has('service.yaml')).toBe(false);
  });

  it('a gRPC health interface gives a gRPC probe; event interfaces get no port; versions become label values', async () => {
    const contract = contractOf(base(`runtime:
  workload: service
  state: { type: stateless, persistence: { scope: local, durability: ephemeral }, dataCriticality: low }
  health: { interface: rpc, initialDelaySeconds: 5 }
scaling: { replicas: 3 }`));
    const manifests = await objects(join(EXAMPLES, 'nginx'), {}, contract);
    const deployment = manifests.get('deployment.yaml')!;
    expect(deployment.metadata.labels!['app.kubernetes.io/version']).toBe('1.0.0_build.7');
    expect(deployment.spec!.replicas).toBe(3);
    const container = deployment.spec!.template.spec.containers[0];
    expect(container.readinessProbe).toEqual({ grpc: { port: 9090 }, initialDelaySeconds: 5 });
    expect(container.ports.map((p: { name: string }) => p.name)).toEqual(['public-http-api', 'rpc']);
    expect(manifests.has('hpa.yaml')).toBe(false);
    expect(manifests.has('pdb.yaml')).toBe(true);
  });

  it('a job workload runs as a Job; a hybrid service with durable state as a StatefulSet', async () => {
    const job = await objects(join(EXAMPLES, 'nginx'), {}, contractOf(base(`runtime:
  workload: job
  state: { type: stateless, persistence: { scope: local, durability: ephemeral }, dataCriticality: low }`)));
    expect(job.get('job.yaml')!.spec!.template.spec.restartPolicy).toBe('OnFailure');
    const hybrid = await objects(join(EXAMPLES, 'nginx'), {}, contractOf(base(`runtime:
  workload: service
  state: { type: hybrid, persistence: { scope: shared, durability: persistent }, dataCriticality: high }
scaling: { min: 2, max: 4 }`)));
    expect(hybrid.get('hpa.yaml')!.spec!.scaleTargetRef.kind).toBe('StatefulSet');
  });

  it('refuses unknown options and a scheduled workload without a schedule, with one line to show', async () => {
    await expect(runPlugin(plugin, join(EXAMPLES, 'nginx'), { options: { namespcae: 'x' } })).rejects.toThrow('unknown option "namespcae"');
    const noSchedule = contractOf(base(`runtime:
  workload: scheduled
  state: { type: stateless, persistence: { scope: local, durability: ephemeral }, dataCriticality: low }`));
    await expect(runPlugin(plugin, join(EXAMPLES, 'nginx'), { contract: noSchedule })).rejects.toThrow('shop is a scheduled workload but has no cron schedule');
  });

  it('the schema check is real: it refuses a broken object', () => {
    expect(() => checkManifest('bad.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: "two" }\n')).toThrow(/bad.yaml: .*must have required property|must be integer/);
  });
});
