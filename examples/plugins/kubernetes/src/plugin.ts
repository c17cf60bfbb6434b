#!/usr/bin/env node
import { definePlugin, PluginError } from '@pacto/plugin';
import { stringify } from 'yaml';
import { kubernetesManifests, OPTION_NAMES, workloadKind, type KubernetesOptions } from './manifests.js';

/**
 * pacto-plugin-kubernetes: Kubernetes manifests from a contract, one file per object plus a
 * kustomization.yaml, so `kubectl apply -k <output>` deploys them.
 */
export default definePlugin(({ contract, options }) => {
  const unknown = Object.keys(options).filter((key) => !(OPTION_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new PluginError(`unknown option ${unknown.map((key) => JSON.stringify(key)).join(', ')}`, {
      hint: `options are ${OPTION_NAMES.join(', ')}`,
    });
  }
  const manifests = kubernetesManifests(contract, options as KubernetesOptions);
  // No anchors and aliases: the readiness and liveness probes share an object, the YAML should not.
  const yaml = (value: unknown) => stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
  const files = manifests.map(({ file, object }) => ({ path: file, content: yaml(object) }));
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    ...(options.namespace ? { namespace: options.namespace } : {}),
    resources: manifests.map(({ file }) => file),
  };
  files.push({ path: 'kustomization.yaml', content: yaml(kustomization) });
  const image = contract.service.image?.ref || options.image ? '' : `; no service.image, so the image is ${contract.service.name}:${contract.service.version} (--option image=<ref> to set it)`;
  return {
    files,
    message: `${manifests.map(({ object }) => object.kind).join(', ')} for ${workloadKind(contract)} ${contract.service.name}${image}`,
  };
});
