import type { IDeployment, IStatefulSet } from 'kubernetes-models/apps/v1';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { ICronJob, IJob, IJobSpec } from 'kubernetes-models/batch/v1';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IConfigMap, IContainer, IContainerPort, IPodSpec, IPodTemplateSpec, IProbe, IService, IVolume, IVolumeMount } from 'kubernetes-models/v1';
import { PluginError } from '@pacto/plugin';
import type { ContractV1Family as Contract } from '@pacto/schema';

/** One Kubernetes object and the file it goes to. */
export interface Manifest {
  readonly file: string;
  readonly object: { apiVersion: string; kind: string; metadata?: { name?: string } };
}

/** `--option` settings the plugin understands (all optional). */
export interface KubernetesOptions {
  namespace?: string;
  image?: string;
  storage?: string;
  'storage-class'?: string;
  schedule?: string;
  'cpu-target'?: string;
  'image-pull-secret'?: string;
  'data-path'?: string;
}

export const OPTION_NAMES: readonly (keyof KubernetesOptions)[] = ['namespace', 'image', 'storage', 'storage-class', 'schedule', 'cpu-target', 'image-pull-secret', 'data-path'];

type Interface = NonNullable<Contract['interfaces']>[number];
type Kind = 'Deployment' | 'StatefulSet' | 'CronJob' | 'Job';

/** A DNS-1123 label from any text: lower case, `[a-z0-9-]`, at most `max` characters, no dash at either end. */
export function dnsLabel(text: string, max = 63): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return label || 'x';
}

/** A container or service port name (IANA service name): at most 15 characters, with at least one letter. */
export function portName(text: string): string {
  const name = dnsLabel(text, 15).replace(/--+/g, '-');
  return /[a-z]/.test(name) ? name : `p-${name}`.slice(0, 15);
}

/** Which controller runs the service (docs in README.md). */
export function workloadKind(contract: Contract): Kind {
  const runtime = contract.runtime;
  if (runtime?.workload === 'scheduled') return 'CronJob';
  if (runtime?.workload === 'job') return 'Job';
  const state = runtime?.state;
  if (state?.type === 'stateful') return 'StatefulSet';
  if (state?.type === 'hybrid' && state.persistence?.durability === 'persistent') return 'StatefulSet';
  return 'Deployment';
}

const CRON = /^(\S+\s+){4}\S+$/;

/** The CronJob schedule: `--option schedule`, else a cron-like `schedule` configuration value, else `metadata.schedule`. */
function cronSchedule(contract: Contract, options: KubernetesOptions): { schedule: string; timeZone?: string } {
  const values = (contract.configurations ?? []).map((scope) => scope.values ?? {});
  const fromValues = values.map((v) => v.schedule).find((v): v is string => typeof v === 'string' && CRON.test(v.trim()));
  const fromMetadata = typeof contract.metadata?.schedule === 'string' && CRON.test(contract.metadata.schedule) ? contract.metadata.schedule : undefined;
  const schedule = options.schedule ?? fromValues ?? fromMetadata;
  if (schedule === undefined || !CRON.test(schedule.trim())) {
    throw new PluginError(`${contract.service.name} is a scheduled workload but has no cron schedule`, {
      hint: 'pass --option schedule="30 2 * * *", or give a configuration a "schedule" value',
    });
  }
  const timeZone = values.map((v) => v.timezone ?? v.timeZone).find((v): v is string => typeof v === 'string' && v !== '');
  return timeZone ? { schedule: schedule.trim(), timeZone } : { schedule: schedule.trim() };
}

/** A label value: at most 63 of `[A-Za-z0-9._-]`, alphanumeric at both ends (`1.0.0+build.5` → `1.0.0_build.5`). */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

function labels(contract: Contract): Record<string, string> {
  return {
    'app.kubernetes.io/name': contract.service.name,
    'app.kubernetes.io/version': labelValue(contract.service.version),
    'app.kubernetes.io/managed-by': 'pacto',
  };
}

function metadata(contract: Contract, options: KubernetesOptions, name = contract.service.name) {
  return { name, labels: labels(contract), ...(options.namespace ? { namespace: options.namespace } : {}) };
}

const selector = (contract: Contract) => ({ 'app.kubernetes.io/name': contract.service.name });

/** Interfaces that listen on a port (http and grpc; a port on an event interface is ignored, as validation warns). */
function portInterfaces(contract: Contract): Interface[] {
  return (contract.interfaces ?? []).filter((api) => (api.type === 'http' || api.type === 'grpc') && typeof api.port === 'number');
}

function probe(contract: Contract): IProbe | undefined {
  const health = contract.runtime?.health;
  if (!health) return undefined;
  const api = portInterfaces(contract).find((item) => item.name === health.interface);
  if (!api) return undefined;
  const delay = health.initialDelaySeconds !== undefined ? { initialDelaySeconds: health.initialDelaySeconds } : {};
  if (api.type === 'grpc') return { grpc: { port: api.port! }, ...delay };
  return { httpGet: { path: health.path || '/', port: portName(api.name) }, ...delay };
}

function configMaps(contract: Contract, options: KubernetesOptions): { maps: Manifest[]; volumes: IVolume[]; mounts: IVolumeMount[] } {
  const maps: Manifest[] = [];
  const volumes: IVolume[] = [];
  const mounts: IVolumeMount[] = [];
  for (const scope of contract.configurations ?? []) {
    if (!scope.values || Object.keys(scope.values).length === 0) continue;
    const scopeName = dnsLabel(scope.name, 40);
    const name = dnsLabel(`${contract.service.name}-${scopeName}`, 253);
    const data: Record<string, string> = {};
    for (const [key, value] of Object.entries(scope.values)) {
      // ConfigMap keys are [-._a-zA-Z0-9]+; values are strings (structures as JSON).
      const safeKey = key.replace(/[^-._a-zA-Z0-9]/g, '_');
      data[safeKey] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    const configMap: IConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(contract, options, name), data };
    maps.push({ file: `configmap-${scopeName}.yaml`, object: configMap });
    const volume = dnsLabel(`config-${scopeName}`, 63);
    volumes.push({ name: volume, configMap: { name } });
    mounts.push({ name: volume, mountPath: `/etc/${contract.service.name}/${scopeName}`, readOnly: true });
  }
  return { maps, volumes, mounts };
}

function metricsAnnotations(contract: Contract): Record<string, string> | undefined {
  const metrics = contract.runtime?.metrics;
  const api = metrics && portInterfaces(contract).find((item) => item.name === metrics.interface);
  if (!metrics || !api || api.type !== 'http') return undefined;
  return { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(api.port), 'prometheus.io/path': metrics.path || '/metrics' };
}

function podTemplate(contract: Contract, options: KubernetesOptions, volumes: IVolume[], mounts: IVolumeMount[], restartPolicy?: 'OnFailure'): IPodTemplateSpec {
  const ports: IContainerPort[] = portInterfaces(contract).map((api) => ({ name: portName(api.name), containerPort: api.port!, protocol: 'TCP' }));
  const check = probe(contract);
  const container: IContainer = {
    name: dnsLabel(contract.service.name),
    image: options.image ?? contract.service.image?.ref ?? `${contract.service.name}:${contract.service.version}`,
    ...(ports.length > 0 ? { ports } : {}),
    ...(check ? { readinessProbe: check, livenessProbe: { ...check, periodSeconds: 20 } } : {}),
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
  };
  const grace = contract.runtime?.lifecycle?.gracefulShutdownSeconds;
  const pullSecret = options['image-pull-secret'];
  const spec: IPodSpec = {
    containers: [container],
    ...(grace !== undefined ? { terminationGracePeriodSeconds: grace } : {}),
    ...(volumes.length > 0 ? { volumes } : {}),
    ...(pullSecret ? { imagePullSecrets: [{ name: pullSecret }] } : {}),
    ...(restartPolicy ? { restartPolicy } : {}),
  };
  const annotations = metricsAnnotations(contract);
  return { metadata: { labels: labels(contract), ...(annotations ? { annotations } : {}) }, spec };
}

/** Fixed replicas, or the HPA range; `scaling.replicas` wins (the parser also copies it into min/max). */
function replicaPlan(contract: Contract): { replicas: number; autoscale?: { min: number; max: number } } {
  const scaling = contract.scaling;
  if (!scaling) return { replicas: 1 };
  if (scaling.replicas !== undefined) return { replicas: scaling.replicas };
  const min = scaling.min ?? 1;
  const max = scaling.max ?? min;
  // An HPA needs at least one replica (scale to zero is an alpha feature) and max >= min.
  if (max < 1 || min === max) return { replicas: min };
  return { replicas: Math.max(min, 1), autoscale: { min: Math.max(min, 1), max } };
}

/**
 * The Kubernetes objects for a contract: the workload controller, a Service for the ports, a ConfigMap per
 * configuration with values, an HPA for a min/max range and a PodDisruptionBudget for two or more replicas.
 */
export function kubernetesManifests(contract: Contract, options: KubernetesOptions = {}): Manifest[] {
  const name = contract.service.name;
  const kind = workloadKind(contract);
  const { maps, volumes, mounts } = configMaps(contract, options);
  const out: Manifest[] = [];
  const ports = portInterfaces(contract);
  const plan = replicaPlan(contract);

  if (kind === 'CronJob' || kind === 'Job') {
    const jobSpec: IJobSpec = { template: podTemplate(contract, options, volumes, mounts, 'OnFailure'), backoffLimit: 3 };
    if (kind === 'Job') {
      const job: IJob = { apiVersion: 'batch/v1', kind: 'Job', metadata: metadata(contract, options), spec: jobSpec };
      out.push({ file: 'job.yaml', object: job });
    } else {
      const { schedule, timeZone } = cronSchedule(contract, options);
      const forbid = String(contract.metadata?.['concurrency-policy'] ?? '').toLowerCase() === 'forbid';
      const cronJob: ICronJob = {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: metadata(contract, options),
        spec: {
          schedule,
          ...(timeZone ? { timeZone } : {}),
          concurrencyPolicy: forbid ? 'Forbid' : 'Allow',
          jobTemplate: { metadata: { labels: labels(contract) }, spec: jobSpec },
        },
      };
      out.push({ file: 'cronjob.yaml', object: cronJob });
    }
  } else if (kind === 'StatefulSet') {
    const persistent = contract.runtime?.state?.persistence?.durability === 'persistent';
    const template = podTemplate(contract, options, volumes, persistent ? [...mounts, { name: 'data', mountPath: options['data-path'] ?? '/data' }] : mounts);
    const ordered = contract.runtime?.lifecycle?.upgradeStrategy === 'ordered';
    const statefulSet: IStatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: metadata(contract, options),
      spec: {
        serviceName: `${name}-headless`,
        replicas: plan.replicas,
        selector: { matchLabels: selector(contract) },
        podManagementPolicy: ordered ? 'OrderedReady' : 'Parallel',
        updateStrategy: contract.runtime?.lifecycle?.upgradeStrategy === 'recreate' ? { type: 'OnDelete' } : { type: 'RollingUpdate' },
        template,
        ...(persistent
          ? {
              volumeClaimTemplates: [
                {
                  metadata: { name: 'data' },
                  spec: {
                    accessModes: ['ReadWriteOnce'],
                    ...(options['storage-class'] ? { storageClassName: options['storage-class'] } : {}),
                    resources: { requests: { storage: options.storage ?? '1Gi' } },
                  },
                },
              ],
            }
          : {}),
      },
    };
    out.push({ file: 'statefulset.yaml', object: statefulSet });
    const headless: IService = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(contract, options, `${name}-headless`),
      spec: {
        clusterIP: 'None',
        selector: selector(contract),
        ...(ports.length > 0 ? { ports: ports.map((api) => ({ name: portName(api.name), port: api.port!, targetPort: portName(api.name) })) } : {}),
      },
    };
    out.push({ file: 'service-headless.yaml', object: headless });
  } else {
    const strategy = { type: contract.runtime?.lifecycle?.upgradeStrategy === 'recreate' ? ('Recreate' as const) : ('RollingUpdate' as const) };
    const deployment: IDeployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(contract, options),
      spec: { replicas: plan.replicas, selector: { matchLabels: selector(contract) }, strategy, template: podTemplate(contract, options, volumes, mounts) },
    };
    out.push({ file: 'deployment.yaml', object: deployment });
  }

  if (ports.length > 0) {
    const service: IService = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(contract, options),
      spec: {
        type: 'ClusterIP',
        selector: selector(contract),
        ports: ports.map((api) => ({ name: portName(api.name), port: api.port!, targetPort: portName(api.name), protocol: 'TCP' })),
      },
    };
    out.push({ file: 'service.yaml', object: service });
  }

  const longRunning = kind === 'Deployment' || kind === 'StatefulSet';
  if (longRunning && plan.autoscale) {
    const target = Number(options['cpu-target'] ?? '80');
    if (!Number.isInteger(target) || target < 1 || target > 100) {
      throw new PluginError(`--option cpu-target must be a whole percentage from 1 to 100, got ${JSON.stringify(options['cpu-target'])}`);
    }
    const hpa: IHorizontalPodAutoscaler = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(contract, options),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind, name },
        minReplicas: plan.autoscale.min,
        maxReplicas: plan.autoscale.max,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }],
      },
    };
    out.push({ file: 'hpa.yaml', object: hpa });
  }
  if (longRunning && plan.replicas >= 2) {
    const pdb: IPodDisruptionBudget = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: metadata(contract, options),
      spec: { maxUnavailable: 1, selector: { matchLabels: selector(contract) } },
    };
    out.push({ file: 'pdb.yaml', object: pdb });
  }
  return [...out, ...maps];
}
