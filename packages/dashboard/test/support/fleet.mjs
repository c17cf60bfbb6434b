// A generated fleet of services with several versions each, for the dashboard's tests and for `pnpm bench`.
// Plain JavaScript so the bench runs it with node; fleet.d.mts types it for the tests.
import { packBundle } from '@pacto/bundle';

const DAY = 86_400_000;

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The contract of one service version. */
export function fleetContract(spec) {
  const lines = [
    'pactoVersion: "1.1"',
    '',
    'service:',
    `  name: ${spec.name}`,
    `  version: ${spec.version}`,
    `  owner: ${spec.owner}`,
    '',
    'interfaces:',
    '  - name: api',
    '    type: http',
    `    port: ${spec.port}`,
    '    visibility: internal',
  ];
  if (spec.dependencies.length > 0) {
    lines.push('', 'dependencies:');
    for (const dep of spec.dependencies) {
      lines.push(`  - name: ${dep.name}`, `    ref: ${dep.ref}`, `    required: ${dep.required}`, `    compatibility: "${dep.compatibility}"`);
    }
  }
  lines.push(
    '',
    'runtime:',
    `  workload: ${spec.workload}`,
    '  state:',
    `    type: ${spec.stateful ? 'stateful' : 'stateless'}`,
    '    persistence:',
    '      scope: local',
    `      durability: ${spec.stateful ? 'persistent' : 'ephemeral'}`,
    '    dataCriticality: medium',
  );
  if (spec.workload === 'service') lines.push('  health:', '    interface: api', '    path: /health');
  if (spec.workload === 'service') lines.push('', 'scaling:', `  min: ${spec.scaling[0]}`, `  max: ${spec.scaling[1]}`);
  if (spec.readiness) {
    lines.push('', 'readiness:', `  minScore: ${spec.readiness.minScore}`, '  checks:');
    for (const check of spec.readiness.checks) {
      lines.push(`    - id: ${check.id}`, '      type: document', `      evidence: ${check.id.toUpperCase()}-1`, `      weight: ${check.weight}`, `      expires: "${check.expires}"`);
    }
  }
  if (spec.configurationRefs?.length) {
    lines.push('', 'configurations:');
    spec.configurationRefs.forEach((ref, i) => lines.push(`  - name: shared-${i}`, `    ref: ${ref}`));
  }
  if (spec.revision) lines.push('', 'metadata:', `  revision: "${spec.revision}"`);
  return `${lines.join('\n')}\n`;
}

export function serviceName(i) {
  return `svc-${String(i).padStart(String(Math.max(99, i)).length, '0')}`;
}

/**
 * Plans a fleet of `count` services in `<registry>/<prefix>/<name>`, each with versions 1.0.0, 1.1.0
 * (non-breaking: metadata) and 2.0.0 (breaking: the API port moves). Service i requires service (i-1)/2 and
 * every fifth one optionally uses its predecessor, so the graph is a tree with cross edges. Some services
 * carry readiness evidence (one set expiring soon, one below its minimum) and `invalidIndex` publishes an
 * invalid 2.0.0 (scaling min above max).
 */
export function planFleet({ registry, prefix, count, now = Date.now(), invalidIndex = 7, versions: versionCount = 3 }) {
  const plan = [];
  for (let i = 0; i < count; i++) {
    const name = serviceName(i);
    const repository = `${registry}/${prefix}/${name}`;
    const versions = ['1.0.0', '1.1.0', '2.0.0'].slice(3 - versionCount).map((version, k) => {
      const v = k + 3 - versionCount;
      const major = version.startsWith('2') ? 2 : 1;
      const dependencies = [];
      if (i > 0) {
        const parent = serviceName(Math.floor((i - 1) / 2));
        dependencies.push({ name: parent, ref: `oci://${registry}/${prefix}/${parent}`, required: true, compatibility: `^${major}.0.0` });
      }
      if (i > 1 && i % 5 === 0) {
        const sibling = serviceName(i - 1);
        dependencies.push({ name: sibling, ref: `oci://${registry}/${prefix}/${sibling}`, required: false, compatibility: `^${major}.0.0` });
      }
      let readiness;
      if (i % 4 === 0) {
        const expires = i % 8 === 0 ? isoDate(now + 10 * DAY) : '2099-12-31';
        readiness = { minScore: 50, checks: [{ id: 'runbook', weight: 50, expires }, { id: 'threat-model', weight: 50, expires: '2099-12-31' }] };
      } else if (i % 16 === 3) {
        readiness = { minScore: 100, checks: [{ id: 'load-test', weight: 60, expires: isoDate(now - 30 * DAY) }, { id: 'runbook', weight: 40, expires: '2099-12-31' }] };
      }
      const invalid = i === invalidIndex && major === 2;
      return {
        version,
        text: fleetContract({
          name,
          version,
          owner: `team-${['payments', 'identity', 'catalog', 'search', 'platform'][i % 5]}`,
          port: (major === 2 ? 9000 : 8000) + (i % 900),
          dependencies,
          workload: i % 9 === 8 ? 'job' : 'service',
          stateful: i % 6 === 5,
          scaling: invalid ? [5, 2] : [1, 3 + v],
          ...(readiness ? { readiness } : {}),
          ...(v === 1 ? { revision: '2' } : {}),
        }),
      };
    });
    plan.push({ name, repository, versions });
  }
  return plan;
}

/** Pushes every version of every planned service (`concurrency` services at a time). */
export async function pushFleet(plan, client, { concurrency = 8 } = {}) {
  const queue = [...plan];
  const worker = async () => {
    for (let service = queue.shift(); service; service = queue.shift()) {
      for (const version of service.versions) {
        const archive = await packBundle({ files: new Map([['pacto.yaml', new TextEncoder().encode(version.text)]]) });
        await client.push(`oci://${service.repository}:${version.version}`, archive, { labels: { name: service.name, version: version.version, pactoVersion: '1.1' } });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
