// Generated fleets of contracts for scale benchmarks and tests: sibling directories `svc-00000`, … whose
// `file://` dependencies (relative to the root contract's directory, diff.md §9.2) form a chain or a fan.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const serviceName = (i) => `svc-${String(i).padStart(5, '0')}`;

function writeService(dir, i, dependencies) {
  const name = serviceName(i);
  const deps = dependencies.map(
    (j) => `  - name: ${serviceName(j)}\n    ref: file://../${serviceName(j)}\n    required: true\n    compatibility: ^1.0.0\n`,
  );
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(
    join(dir, name, 'pacto.yaml'),
    `pactoVersion: "1.0"\nservice:\n  name: ${name}\n  version: 1.0.0\n${deps.length > 0 ? `dependencies:\n${deps.join('')}` : ''}`,
  );
}

/**
 * `count` services where each depends on the next: a dependency chain `count - 1` edges deep.
 * Returns the root contract's directory.
 */
export function writeChain(dir, count) {
  for (let i = 0; i < count; i += 1) writeService(dir, i, i + 1 < count ? [i + 1] : []);
  return join(dir, serviceName(0));
}

/** A root service with `count - 1` direct dependencies that have none. Returns the root's directory. */
export function writeFan(dir, count) {
  writeService(dir, 0, Array.from({ length: count - 1 }, (_, i) => i + 1));
  for (let i = 1; i < count; i += 1) writeService(dir, i, []);
  return join(dir, serviceName(0));
}
