import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyOverrides, BundleError, parseOverrides } from '../src/index.js';

const BASE = `# service contract
pactoVersion: "1.0"
service:
  name: demo   # the name
  version: 1.0.0
  owner: team-a
interfaces:
  - name: api
    type: http
    port: 8080
  - name: events
    type: event
metadata:
  tags: [a, b]
`;

const apply = (input: Parameters<typeof applyOverrides>[1]) => applyOverrides(BASE, input);
const data = (text: string) => parse(text, { version: '1.2' }) as Record<string, any>;

describe('applyOverrides', () => {
  it('returns the text untouched without overrides', () => {
    expect(apply({})).toBe(BASE);
    expect(apply({ values: [], sets: [] })).toBe(BASE);
  });

  it('deep-merges values files in order, replacing scalars and lists', () => {
    const out = apply({
      values: [
        { fileName: 'a.yaml', text: 'service:\n  version: 2.0.0\n  chart: {ref: oci://x, version: 1.0.0}\nmetadata:\n  tags: [c]\n' },
        { fileName: 'b.yaml', text: 'service:\n  version: 3.0.0\n' },
      ],
    });
    const doc = data(out);
    expect(doc.service).toEqual({ name: 'demo', version: '3.0.0', owner: 'team-a', chart: { ref: 'oci://x', version: '1.0.0' } });
    expect(doc.metadata.tags).toEqual(['c']);
    expect(doc.interfaces).toHaveLength(2);
    expect(out).toContain('# service contract');
    expect(out).toContain('# the name');
  });

  it('applies --set after values files and types values as int, float, bool, else string', () => {
    const out = apply({
      values: [{ fileName: 'v.yaml', text: 'service:\n  version: 9.9.9\n' }],
      sets: ['service.version=1.0.0', 'metadata.int=1', 'metadata.float=1.0', 'metadata.exp=2.5e3', 'metadata.bool=true', 'metadata.word=yes', 'metadata.empty=', 'metadata.big=9223372036854775807', 'metadata.eq=a=b'],
    });
    const doc = data(out);
    expect(doc.service.version).toBe('1.0.0');
    expect(doc.metadata).toMatchObject({ int: 1, float: 1, exp: 2500, bool: true, word: 'yes', empty: '', eq: 'a=b' });
    expect(out).toMatch(/float: 1\.0\n/);
    expect(out).toMatch(/big: 9223372036854775807\n/);
  });

  it('sets list elements with name[index] and appends at the end', () => {
    const doc = data(apply({ sets: ['interfaces[0].port=9090', 'interfaces[1].name=bus', 'metadata.tags[2]=z', 'metadata.new[0].x=1'] }));
    expect(doc.interfaces[0]).toEqual({ name: 'api', type: 'http', port: 9090 });
    expect(doc.interfaces[1].name).toBe('bus');
    expect(doc.metadata.tags).toEqual(['a', 'b', 'z']);
    expect(doc.metadata.new).toEqual([{ x: 1 }]);
  });

  it('creates missing maps and replaces scalars on the way', () => {
    const doc = data(apply({ sets: ['runtime.health.path=/healthz', 'service.owner.team=core'] }));
    expect(doc.runtime).toEqual({ health: { path: '/healthz' } });
    expect(doc.service.owner).toEqual({ team: 'core' });
  });

  it('changes an aliased place only', () => {
    const text = 'base: &b {x: 1}\ncopy: *b\n';
    const doc = data(applyOverrides(text, { sets: ['copy.x=2'] }));
    expect(doc).toEqual({ base: { x: 1 }, copy: { x: 2 } });
  });

  it('fills a null document and leaves empty or unparsable text for the parser to report', () => {
    expect(data(applyOverrides('null\n', { sets: ['a.b=1'] }))).toEqual({ a: { b: 1 } });
    expect(applyOverrides('', { sets: ['a=1'] })).toBe('');
    expect(applyOverrides('- x\n', { sets: ['a=1'] })).toBe('- x\n');
    expect(applyOverrides('a: [', { sets: ['a=1'] })).toBe('a: [');
  });

  it.each([
    [{ sets: ['service.version'] }, 'invalid --set "service.version": expected key=value'],
    [{ sets: ['=x'] }, 'invalid --set "=x": invalid key ""'],
    [{ sets: ['a..b=x'] }, 'invalid --set "a..b=x": invalid key "a..b"'],
    [{ sets: ['a[x]=1'] }, 'invalid --set "a[x]=1": invalid key "a[x]"'],
    [{ sets: ['interfaces[5].port=1'] }, 'invalid --set "interfaces[5].port=1": index 5 out of range (list has 2 element(s))'],
    [{ values: [{ fileName: 'bad.yaml', text: 'a: [' }] }, /^failed to parse values file bad\.yaml: /],
    [{ values: [{ fileName: 'list.yaml', text: '- a\n' }] }, 'failed to parse values file list.yaml: the document must be a mapping'],
  ])('rejects %j', (input, message) => {
    const error = (() => {
      try {
        apply(input);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('INVALID_OVERRIDE');
    if (typeof message === 'string') expect((error as BundleError).message).toBe(message);
    else expect((error as BundleError).message).toMatch(message);
  });

  it('reports bad overrides up front through parseOverrides', () => {
    expect(() => parseOverrides({ sets: ['ok=1', 'broken'] })).toThrow('invalid --set "broken": expected key=value');
    expect(parseOverrides({ sets: ['a.b[1]=x'] }).sets[0]?.path).toEqual([{ key: 'a' }, { key: 'b' }, { index: 1 }]);
  });
});
