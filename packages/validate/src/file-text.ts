// Bundle files are bytes; schema and YAML checks need text. Decoding is cached per byte array, and the
// BOM is kept so that JSON parsing rejects it as Go's encoding/json does.

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const decoded = new WeakMap<Uint8Array, string>();

export function fileText(bytes: Uint8Array): string {
  let text = decoded.get(bytes);
  if (text === undefined) {
    text = decoder.decode(bytes);
    decoded.set(bytes, text);
  }
  return text;
}
