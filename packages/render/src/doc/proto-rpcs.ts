export interface ProtoRpc {
  readonly service: string;
  readonly name: string;
  readonly request: string;
  readonly response: string;
  readonly clientStreaming: boolean;
  readonly serverStreaming: boolean;
}

const RPC = /\brpc\s+(\w+)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)/g;

const SERVICE = /\bservice\s+(\w+)\s*\{/g;

/**
 * The RPCs of every `service` block of a .proto file, in file order. A light reader, not a protobuf
 * compiler: comments and string literals are blanked out first, then service bodies are matched by braces.
 * Linear in the size of the file (a bundle's .proto file is untrusted input).
 */
export function protoRpcs(text: string): ProtoRpc[] {
  const source = withoutCommentsAndStrings(text);
  const rpcs: ProtoRpc[] = [];
  SERVICE.lastIndex = 0;
  for (let match = SERVICE.exec(source); match !== null; match = SERVICE.exec(source)) {
    const service = match[1]!;
    const bodyStart = match.index + match[0].length;
    const bodyEnd = closingBrace(source, bodyStart);
    for (const rpc of source.slice(bodyStart, bodyEnd).matchAll(RPC)) {
      rpcs.push({
        service,
        name: rpc[1]!,
        request: rpc[3]!,
        response: rpc[5]!,
        clientStreaming: rpc[2] !== undefined,
        serverStreaming: rpc[4] !== undefined,
      });
    }
    // Services do not nest: the next one is looked for after this body, so no text is read twice.
    SERVICE.lastIndex = Math.max(bodyEnd, SERVICE.lastIndex);
  }
  return rpcs;
}

/** The index of the brace closing the block that starts at `start` (just after its `{`), or the text's end. */
function closingBrace(source: string, start: number): number {
  let depth = 1;
  for (let i = start; i < source.length; i += 1) {
    if (source[i] === '{') depth += 1;
    else if (source[i] === '}' && --depth === 0) return i;
  }
  return source.length;
}

/** The end (after the closing quote) of the string literal opening at `start`, or minus the index where it fails. */
function stringLiteralEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === quote) return i + 1;
    if (c === '\n') return -i;
    if (c === '\\') {
      if (i + 1 >= text.length || text[i + 1] === '\n') return -(i + 1);
      i += 1;
    }
  }
  return -text.length;
}

/**
 * Comments (`//…`, `/* … *\/`) and string literals (`"…"`, `'…'`, one line, `\` escapes) replaced by spaces,
 * line breaks kept so positions stay. An unterminated literal or comment is left as it is.
 */
function withoutCommentsAndStrings(text: string): string {
  let out = '';
  let copied = 0;
  // A literal that fails at index f makes every literal of the same quote opening before f fail there too.
  const failsBefore: Record<string, number> = { '"': -1, "'": -1 };
  let blockCommentsClose = true;
  const blank = (from: number, to: number) => {
    out += text.slice(copied, from) + text.slice(from, to).replace(/[^\n]/g, ' ');
    copied = to;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      blank(i, end);
      i = end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*' && blockCommentsClose) {
      const close = text.indexOf('*/', i + 2);
      if (close >= 0) {
        blank(i, close + 2);
        i = close + 2;
        continue;
      }
      blockCommentsClose = false;
    }
    if ((c === '"' || c === "'") && i > failsBefore[c]!) {
      const end = stringLiteralEnd(text, i);
      if (end > 0) {
        blank(i, end);
        i = end;
        continue;
      }
      failsBefore[c] = -end;
    }
    i += 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
