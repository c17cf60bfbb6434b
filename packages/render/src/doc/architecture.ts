import type { Contract, Interface } from '@pacto/schema';

/** Mermaid-safe identifier: the name with every non-alphanumeric removed. */
export function nodeId(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '');
}

/** The `graph TB` block of the Architecture section (cli.md §4.8.1 item 6), for the contract and its declared dependencies. */
export function architectureDiagram(contract: Contract): string {
  const lines = ['```mermaid', 'graph TB'];
  const interfaces = contract.interfaces ?? [];
  const publicInterfaces = interfaces.filter((i) => i.visibility === 'public');
  if (publicInterfaces.length > 0) lines.push('  external(["External User"])');

  const id = nodeId(contract.service.name);
  lines.push(`  subgraph ${id}["${label(contract.service.name)} v${label(contract.service.version)}"]`, '    direction TB');
  const state = stateLabel(contract);
  if (state !== undefined) lines.push(`    ${id}_state[("${state}")]`);
  for (const iface of interfaces) lines.push(`    ${interfaceNode(id, iface)}["${interfaceLabel(contract, iface)}"]`);
  if (state === undefined && interfaces.length === 0) lines.push(`    ${id}_info["${label(contract.service.name)}"]`);
  lines.push('  end');
  for (const iface of publicInterfaces) lines.push(`  external --> ${interfaceNode(id, iface)}`);

  for (const dep of contract.dependencies ?? []) {
    const name = refName(dep.ref);
    const target = `dep_${nodeId(dep.name || name)}["${label(name)}"]`;
    const edge = dep.required
      ? `-->|"required · ${label(dep.compatibility)}"|`
      : `-.->|"optional · ${label(dep.compatibility)}"|`;
    lines.push(`  ${id} ${edge} ${target}`);
  }
  lines.push('```');
  return `${lines.join('\n')}\n`;
}

function interfaceNode(serviceId: string, iface: Interface): string {
  return `${serviceId}_iface_${nodeId(iface.name)}`;
}

function stateLabel(contract: Contract): string | undefined {
  const { runtime, scaling } = contract;
  if (!runtime) return undefined;
  const { state } = runtime;
  const parts = [
    state.type,
    `${state.dataCriticality} criticality`,
    `${state.persistence.scope} ${state.persistence.durability}`,
  ];
  if (scaling?.replicas !== undefined) parts.push(`${scaling.replicas} replicas`);
  else if (scaling?.min !== undefined && scaling.max !== undefined) parts.push(`${scaling.min}–${scaling.max} replicas`);
  return label(parts.join(' · '));
}

function interfaceLabel(contract: Contract, iface: Interface): string {
  const parts = [label(iface.name), iface.port === undefined ? iface.type : `${iface.type} :${iface.port}`];
  if (iface.visibility) parts.push(iface.visibility);
  if (contract.runtime?.health?.interface === iface.name) parts.push('♥ health');
  if (contract.runtime?.metrics?.interface === iface.name) parts.push('📊 metrics');
  return parts.join('<br/>');
}

/** Last path segment of a reference without scheme, tag or digest: what a dependency node is called. */
export function refName(ref: string): string {
  const withoutScheme = ref.replace(/^(oci|file):\/\//, '');
  const withoutDigest = withoutScheme.split('@')[0] ?? withoutScheme;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastColon = withoutDigest.lastIndexOf(':');
  const withoutTag = lastColon > lastSlash ? withoutDigest.slice(0, lastColon) : withoutDigest;
  const segments = withoutTag.split('/').filter((s) => s !== '' && s !== '.');
  return segments.at(-1) ?? withoutTag;
}

// Mermaid labels sit in double quotes; a quote in user text would end the label.
function label(text: string): string {
  return text.replace(/"/g, '#quot;');
}
