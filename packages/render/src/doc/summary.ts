import type { Contract } from '@pacto/schema';
import { artifactsOf, runtimeView, scalingOf } from '../contract-view.js';
import { displayOwner } from '../owner.js';
import { code } from './markdown.js';

/** The one-line summary under the title (cli.md §4.8.1 item 2). */
export function summaryParagraph(contract: Contract): string {
  const { service } = contract;
  const runtime = runtimeView(contract);
  let line = `**${service.name}** ${code(`v${service.version}`)}`;
  // A parsed but unvalidated contract (a dependency) may lack parts of runtime; print what is there.
  if (runtime) {
    const parts: (string | undefined)[] = [runtime.state?.type, runtime.workload];
    const kind = parts.filter((part): part is string => Boolean(part)).map(code);
    line += ` is a ${kind.join(' ')} workload`;
  }
  const interfaces = contract.interfaces?.length ?? 0;
  if (interfaces > 0) line += ` exposing ${interfaces} ${interfaces === 1 ? 'interface' : 'interfaces'}`;
  const dependencies = contract.dependencies?.length ?? 0;
  if (dependencies > 0) line += ` with ${dependencies} ${dependencies === 1 ? 'dependency' : 'dependencies'}`;
  line += '.';
  const details = summaryDetails(contract);
  if (details.length > 0) {
    const sentence = details.join(', ');
    line += ` ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  }
  return `${line}\n`;
}

function summaryDetails(contract: Contract): string[] {
  const { service } = contract;
  const scaling = scalingOf(contract);
  const { image, chart } = artifactsOf(contract);
  const details: string[] = [];
  const owner = displayOwner(service.owner);
  if (owner !== undefined) details.push(`owned by ${code(owner)}`);
  if (image) details.push(`packaged as ${code(image.ref)} (${code(image.private ? 'private' : 'public')})`);
  if (chart) details.push(`deployed via Helm chart ${code(chart.ref)} version ${code(chart.version)}`);
  if (scaling?.replicas !== undefined) details.push(`runs ${code(scaling.replicas)} replicas`);
  else if (scaling?.min !== undefined && scaling.max !== undefined) {
    details.push(`scales from ${code(scaling.min)} to ${code(scaling.max)} replicas`);
  }
  return details;
}
