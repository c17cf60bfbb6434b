import { goQuote, interfaceSpecProblem, type BundleFS, type InterfaceV20 } from '@pacto/schema';
import { fileText } from '../file-text.js';
import type { CrossFieldContext } from './context.js';
import { fileNotFoundMessage, readBundleFile } from './files.js';

const SPEC_TYPES: ReadonlySet<string> = new Set(['openapi', 'asyncapi', 'grpc']);

/** Rule 6 per interface: a known type, a ref, and (with the bundle) a spec file that exists and parses. */
export function checkInterfacesV20(ctx: CrossFieldContext, files: BundleFS | undefined, interfaces: readonly Partial<InterfaceV20>[]): void {
  interfaces.forEach((item, i) => {
    const type = item.type ?? '';
    if (!SPEC_TYPES.has(type)) {
      ctx.error('INVALID_INTERFACE_TYPE', `interfaces[${i}].type`, `interface type ${goQuote(type)} is invalid; it must be openapi, asyncapi or grpc`);
    }
    const ref = item.ref ?? '';
    if (ref === '') {
      ctx.error('INTERFACE_REF_REQUIRED', `interfaces[${i}].ref`, `interface ${goQuote(item.name ?? '')} requires a ref to its spec file`);
      return;
    }
    if (files === undefined) return;
    const bytes = readBundleFile(files, ref);
    if (bytes === undefined) {
      ctx.error('FILE_NOT_FOUND', `interfaces[${i}].ref`, fileNotFoundMessage(files, 'interface spec file', ref));
      return;
    }
    const problem = interfaceSpecProblem(ref, fileText(bytes));
    if (problem !== undefined) ctx.error('INVALID_INTERFACE_SPEC', `interfaces[${i}].ref`, `interface spec file ${goQuote(ref)} ${problem}`);
  });
}
