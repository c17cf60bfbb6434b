#!/usr/bin/env node
import { definePlugin, PluginError, type Contract } from '@pacto/plugin';
import type { ContractV1Family } from '@pacto/schema';
import { stringify } from 'yaml';
import { kubernetesManifests, OPTION_NAMES, workloadKind, type KubernetesOptions } from './manifests.js';

/**
 * pacto-plugin-kubernetes: Kubernetes manifests from a contract, one file per object plus a
 * kustomization.yaml, so `kubectl apply -k <output>` deploys them.
 */
/** The manifests come from 1.x fields (image, ports, runtime, scaling) that pactoVersion 2.0 leaves to the deployment. */
const isV1Family = (contract: Contract): contract is ContractV1Family => contract.pactoVersion !== '2.0';

export default definePlugin(({ contract, options }) => {
  if (!isV1Family(contract)) {
    throw new PluginError(`${contract.service.name} is a pactoVersion 2.0 contract, which has no image, ports or scaling to build manifests from`, {
      hint: 'generate from a 1.x contract, or keep the Kubernetes manifests of a 2.0 service in your deployment repository',
    });
  }
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
