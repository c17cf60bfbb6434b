import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

/**
 * Validators compiled from the Kubernetes OpenAPI definitions (kubernetes-models): required fields, types,
 * integer formats and enums of every nested object. Unknown keys are not caught there; the plugin's
 * manifests are typed with the same package's interfaces, so the type check catches misspelled fields.
 */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/CronJob': CronJob,
  'batch/v1/Job': Job,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, any>;
  data?: Record<string, string>;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Parses one generated YAML file and checks it against the schema of its kind plus the name rules the API server enforces. */
export function checkManifest(file: string, text: string): KubernetesObject {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.length !== 1) throw new Error(`${file}: expected one YAML document`);
  const document = documents[0]!;
  if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
  const object = document.toJS() as KubernetesObject;
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`${file}: no schema for ${object.apiVersion} ${object.kind}`);
  try {
    new Model(object as never).validate();
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const name = object.metadata.name;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) throw new Error(`${file}: invalid name ${name}`);
  for (const [key, value] of Object.entries(object.metadata.labels ?? {})) {
    if (value.length > 63 || !LABEL_VALUE.test(value)) throw new Error(`${file}: invalid label value ${key}=${value}`);
  }
  const podSpec = object.spec?.template?.spec ?? object.spec?.jobTemplate?.spec?.template?.spec;
  const ports = [...(object.kind === 'Service' ? object.spec?.ports ?? [] : []), ...(podSpec?.containers ?? []).flatMap((c: { ports?: unknown[] }) => c.ports ?? [])];
  for (const port of ports as { name?: string }[]) {
    if (port.name !== undefined && (port.name.length > 15 || !PORT_NAME.test(port.name))) throw new Error(`${file}: invalid port name ${port.name}`);
  }
  return object;
}
