export interface ProtoRpc {
  readonly service: string;
  readonly name: string;
  readonly request: string;
  readonly response: string;
  readonly clientStreaming: boolean;
  readonly serverStreaming: boolean;
}

const RPC = /\brpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)/g;

/**
 * The RPCs of every `service` block of a .proto file, in file order. A light reader, not a protobuf
 * compiler: comments and string literals are blanked out first, then service bodies are matched by braces.
 */
export function protoRpcs(text: string): ProtoRpc[] {
  const source = withoutCommentsAndStrings(text);
  const rpcs: ProtoRpc[] = [];
  for (const match of source.matchAll(/\bservice\s+(\w+)\s*\{/g)) {
    const service = match[1]!;
    const body = blockBody(source, match.index + match[0].length);
    for (const rpc of body.matchAll(RPC)) {
      rpcs.push({
        service,
        name: rpc[1]!,
        request: rpc[3]!,
        response: rpc[5]!,
        clientStreaming: rpc[2] !== undefined,
        serverStreaming: rpc[4] !== undefined,
      });
    }
  }
  return rpcs;
}

/** Text from `start` (just after an opening brace) to its matching closing brace. */
function blockBody(source: string, start: number): string {
  let depth = 1;
  for (let i = start; i < source.length; i += 1) {
    if (source[i] === '{') depth += 1;
    else if (source[i] === '}' && --depth === 0) return source.slice(start, i);
  }
  return source.slice(start);
}

function withoutCommentsAndStrings(text: string): string {
  return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => m.replace(/[^\n]/g, ' '));
}
