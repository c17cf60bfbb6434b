import type { Contract } from '@pacto/schema';
import { interfaceViews, runtimeView, scalingOf, type InterfaceView } from '../contract-view.js';
import { dependencyEdges, nodesBreadthFirst, type DocGraph, type DocGraphNode } from './doc-graph.js';

/** Mermaid-safe identifier: the name with every non-alphanumeric removed. */
export function nodeId(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '');
}

/**
 * The `graph TB` block of the Architecture section (cli.md §4.8.1 item 6): one subgraph per service
 * (the root, then resolved dependencies breadth-first), and an edge per dependency. Without a resolved
 * graph, or for a dependency that could not be resolved, the declared dependency is drawn as a node.
 */
export function architectureDiagram(contract: Contract, graph?: DocGraph): string {
  const services: { contract: Contract; name: string; version: string }[] = [
    { contract, name: contract.service.name, version: contract.service.version },
  ];
  for (const node of graph ? nodesBreadthFirst(graph.root) : []) {
    services.push({ contract: node.bundle?.contract ?? bare(node), name: node.name, version: node.version });
  }
  const lines = ['```mermaid', 'graph TB'];
  if (services.some((s) => interfaceViews(s.contract).some((i) => i.visibility === 'public'))) {
    lines.push('  external(["External User"])');
  }
  for (const service of services) lines.push(...serviceBlock(service.contract, service.name, service.version));

  const id = nodeId(contract.service.name);
  if (!graph) {
    for (const dep of contract.dependencies ?? []) lines.push(declaredEdge(id, dep.name, dep.ref, dep.required, dep.compatibility));
  } else {
    const edges = new Set<string>();
    for (const node of [graph.root, ...nodesBreadthFirst(graph.root)]) {
      for (const edge of dependencyEdges(node)) {
        const line = edge.node
          ? `  ${nodeId(node.name)} --> ${nodeId(edge.node.name)}`
          : declaredEdge(nodeId(node.name), '', edge.ref, edge.required, edge.compatibility);
        if (!edges.has(line)) lines.push(line);
        edges.add(line);
      }
    }
  }
  lines.push('```');
  return `${lines.join('\n')}\n`;
}

function serviceBlock(contract: Contract, name: string, version: string): string[] {
  const id = nodeId(name);
  const interfaces = interfaceViews(contract);
  const lines = [`  subgraph ${id}["${label(name)} v${label(version)}"]`, '    direction TB'];
  const state = stateLabel(contract);
  if (state !== undefined) lines.push(`    ${id}_state[("${state}")]`);
  for (const iface of interfaces) lines.push(`    ${interfaceNode(id, iface)}["${interfaceLabel(contract, iface)}"]`);
  if (state === undefined && interfaces.length === 0) lines.push(`    ${id}_info["${label(name)}"]`);
  lines.push('  end');
  for (const iface of interfaces) {
    if (iface.visibility === 'public') lines.push(`  external --> ${interfaceNode(id, iface)}`);
  }
  return lines;
}

function declaredEdge(from: string, name: string, ref: string, required: boolean | undefined, compatibility: string): string {
  const shown = refName(ref);
  const target = `dep_${nodeId(name || shown)}["${label(shown)}"]`;
  const edge = required ? `-->|"required · ${label(compatibility)}"|` : `-.->|"optional · ${label(compatibility)}"|`;
  return `  ${from} ${edge} ${target}`;
}

/** A node whose bundle is not at hand (a shared copy): drawn by name only. */
function bare(node: DocGraphNode): Contract {
  return { pactoVersion: '', service: { name: node.name, version: node.version } };
}

function interfaceNode(serviceId: string, iface: InterfaceView): string {
  return `${serviceId}_iface_${nodeId(iface.name)}`;
}

function stateLabel(contract: Contract): string | undefined {
  const runtime = runtimeView(contract);
  const scaling = scalingOf(contract);
  const state = runtime?.state;
  if (!state) return undefined;
  const parts = [
    state.type,
    `${state.dataCriticality} criticality`,
    `${state.persistence?.scope} ${state.persistence?.durability}`,
  ];
  if (scaling?.replicas !== undefined) parts.push(`${scaling.replicas} replicas`);
  else if (scaling?.min !== undefined && scaling.max !== undefined) parts.push(`${scaling.min}–${scaling.max} replicas`);
  return label(parts.join(' · '));
}

function interfaceLabel(contract: Contract, iface: InterfaceView): string {
  const parts = [label(iface.name), iface.port === undefined ? iface.type : `${iface.type} :${iface.port}`];
  if (iface.visibility) parts.push(iface.visibility);
  const runtime = runtimeView(contract);
  if (runtime?.health?.interface === iface.name) parts.push('♥ health');
  if (runtime?.metrics?.interface === iface.name) parts.push('📊 metrics');
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
