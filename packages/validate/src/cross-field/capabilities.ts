import { goQuote, type Capability, type InterfaceV20 } from '@pacto/schema';
import type { CrossFieldContext } from './context.js';

const CAPABILITY_TYPES: ReadonlySet<string> = new Set(['health', 'metrics', 'extension']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * A capability binding path a probe can be built from safely (contract-2.0.md §5 rule 7b): one leading slash,
 * no fragment, no control characters, valid percent escapes, and no authority hidden behind an escaped slash
 * (`/%2Fevil.example`). With a leading single slash a URL has no scheme, host or user part to carry.
 */
export function isSafeCapabilityPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  if (path.includes('#') || CONTROL.test(path) || BAD_ESCAPE.test(path)) return false;
  const query = path.indexOf('?');
  const pathPart = query < 0 ? path : path.slice(0, query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return false;
  }
  return !decoded.startsWith('//');
}

/** The key a capability is unique by: its type for health and metrics, its ref for an extension. */
export function capabilityKey(capability: Partial<Capability>): string {
  return capability.type === 'extension' ? (capability.ref ?? '') : (capability.type ?? '');
}

function isNamespaced(ref: string): boolean {
  const slash = ref.indexOf('/');
  return slash >= 0 && ref.slice(0, slash).includes('.');
}

/** Rule 7 per capability (the Go tool's order): binding, type, extension ref, uniqueness. */
export function checkCapabilities(
  ctx: CrossFieldContext,
  capabilities: readonly Partial<Capability>[],
  interfaces: readonly Partial<InterfaceV20>[],
): void {
  const declared = new Set(interfaces.map((item) => item.name ?? ''));
  const seen = new Map<string, number>();
  capabilities.forEach((capability, i) => {
    const binding = capability.binding;
    if (binding !== undefined && binding !== null) {
      const name = binding.interface ?? '';
      if (name !== '' && !declared.has(name)) {
        ctx.error(
          'CAPABILITY_INTERFACE_UNKNOWN',
          `capabilities[${i}].binding.interface`,
          `capability binding names interface ${goQuote(name)}, which is not declared in interfaces`,
        );
      }
      const path = binding.path ?? '';
      if (path !== '' && !isSafeCapabilityPath(path)) {
        ctx.error(
          'CAPABILITY_PATH_INVALID',
          `capabilities[${i}].binding.path`,
          `capability binding path ${goQuote(path)} must start with a single "/" and carry no scheme, host, user or fragment`,
        );
      }
    }
    const type = capability.type ?? '';
    if (!CAPABILITY_TYPES.has(type)) {
      ctx.error('INVALID_CAPABILITY_TYPE', `capabilities[${i}].type`, `capability type ${goQuote(type)} is invalid; it must be health, metrics or extension`);
    }
    if (type === 'extension') {
      const ref = capability.ref ?? '';
      if (ref === '') ctx.error('CAPABILITY_REF_REQUIRED', `capabilities[${i}].ref`, 'an extension capability requires a namespaced ref');
      else if (!isNamespaced(ref)) {
        ctx.error('CAPABILITY_REF_INVALID', `capabilities[${i}].ref`, `extension capability ref ${goQuote(ref)} must be namespaced (e.g. example.com/custom)`);
      }
    }
    const key = capabilityKey(capability);
    if (key === '') return;
    const previous = seen.get(key);
    if (previous !== undefined) {
      ctx.error('DUPLICATE_CAPABILITY', `capabilities[${i}]`, `capability ${goQuote(key)} is already declared at capabilities[${previous}]`);
    }
    seen.set(key, i);
  });
}
