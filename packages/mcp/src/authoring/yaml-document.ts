import { Document, isMap, isScalar } from 'yaml';

/** Contract YAML from a plain object: keys in the given order, a blank line between top-level sections. */
export function contractYaml(contract: Record<string, unknown>): string {
  const doc = new Document(contract);
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, index) => {
      if (index > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
    });
  }
  return doc.toString({ lineWidth: 0 });
}
