// Contracts of about 1 MB built to be as slow as possible for each grammar and for the YAML reader:
// shared by `pnpm bench` (hostile inputs) and the fuzz script.
const MB = 1 << 20;
const fill = (unit, size = MB) => unit.repeat(Math.ceil(size / unit.length));

const HEAD = `pactoVersion: "1.0"
service:
  name: hostile
  version: 1.0.0
`;

/** `count` dependencies whose compatibility ranges are each `length` characters of `unit`. */
function dependencies(unit, length, count) {
  const range = JSON.stringify(fill(unit, length).slice(0, length));
  const lines = ['dependencies:'];
  for (let i = 0; i < count; i++) lines.push(`  - name: dep${i}`, `    ref: oci://r.io/dep${i}:1.0.0`, `    compatibility: ${range}`, '    required: true');
  return lines.join('\n');
}

/** name → pacto.yaml text, each about 1 MB. */
export function hostileContracts() {
  return {
    'one 1 MB range (digits)': `${HEAD}dependencies:\n  - name: dep\n    ref: oci://r.io/dep:1.0.0\n    compatibility: "${fill('1')}!"\n`,
    'one 1 MB range (hyphenated)': `${HEAD}dependencies:\n  - name: dep\n    ref: oci://r.io/dep:1.0.0\n    compatibility: "${fill('1-')}!"\n`,
    '1,000 ranges of 1,000 digits': `${HEAD}${dependencies('1', 1000, 1000)}\n`,
    '1,000 ranges of 1,000 `1-`': `${HEAD}${dependencies('1-', 1000, 1000)}\n`,
    '1,000 ranges of 1,000 `1 - `': `${HEAD}${dependencies('1 - ', 1000, 1000)}\n`,
    '1 MB service version': `pactoVersion: "1.0"\nservice:\n  name: hostile\n  version: "${fill('1.')}"\n`,
    '1 MB image reference': `${HEAD}  image:\n    ref: "${fill('a:')}"\n`,
    '1 MB chart version': `${HEAD}  chart:\n    ref: oci://r.io/chart\n    version: "${fill('1-a.')}!"\n`,
    '1 MB interface contract path': `${HEAD}interfaces:\n  - name: api\n    type: http\n    port: 80\n    contract: "${fill('a/')}x"\n`,
    '1 MB readiness date': `pactoVersion: "1.1"\nservice:\n  name: hostile\n  version: 1.0.0\nreadiness:\n  checks:\n    - id: c\n      type: url\n      evidence: https://x\n      weight: 1\n      expires: "${fill('2024-')}"\n`,
    '1 MB evidence URL': `pactoVersion: "1.1"\nservice:\n  name: hostile\n  version: 1.0.0\nreadiness:\n  checks:\n    - id: c\n      type: url\n      evidence: "https://${fill('a.')}"\n      weight: 1\n`,
    '20,000 nested flow sequences': `${HEAD}metadata:\n  deep: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
    '60,000 anchors and aliases': `${HEAD}metadata:\n${Array.from({ length: 30000 }, (_, i) => `  k${i}: &a${i} v\n  r${i}: *a${i}`).join('\n')}\n`,
    '60,000 tagged values': `${HEAD}metadata:\n${Array.from({ length: 60000 }, (_, i) => `  k${i}: !!str v`).join('\n')}\n`,
    '1 MB flow sequence over 100,000 lines': `${HEAD}metadata:\n  k: [${Array.from({ length: 100000 }, (_, i) => `a${i}`).join(',\n    ')}]\n`,
    // The largest file the complete reader is still given (just under 256 KiB), in its slowest shape found.
    '256 KiB of tagged list items': `${HEAD}metadata:\n  k:\n${'  - !!str a\n'.repeat(Math.floor((256 * 1024 - 200) / 12))}`,
    '1 MB of one-character keys': `${HEAD}metadata:\n${Array.from({ length: 100000 }, (_, i) => `  ${i.toString(36)}: 1`).join('\n')}\n`,
  };
}
