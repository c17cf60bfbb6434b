// An esbuild plugin that points named imports of a workspace library (`import { x } from '@pacto/schema'`)
// at the file that defines `x` instead of at the library's index.
//
// Why: with code splitting, esbuild places whole files into chunks by which entry points can reach them
// through import statements, used or not. Importing one function from an index therefore "reaches" every
// file the index re-exports, and anything another entry point uses from that library ends up in a chunk
// this entry point loads too (tar-stream for `pacto validate`, because `pull` reads archives). Importing
// from the defining file keeps each entry point's chunks to what it calls.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packagesDir = fileURLToPath(new URL('../..', import.meta.url));
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'(@pacto\/[a-z-]+)';/g;
const REEXPORT = /export\s*(type\s+)?\{([^}]*)\}\s*from\s*'([^']+)';|export\s*\*\s*from\s*'([^']+)';/g;
const DECLARATION = /^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm;
const LOCAL_EXPORT = /^export\s*\{([^}]*)\};?\s*$/gm;

function tsPath(from, specifier) {
  return resolve(dirname(from), specifier.replace(/\.js$/, '.ts'));
}

/** Exported name -> { file, name } for the values a module exports, following re-exports. */
function exportsOf(file, seen = new Set()) {
  const map = new Map();
  if (seen.has(file)) return map;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(REEXPORT)) {
    const [, typeOnly, names, from, starFrom] = match;
    if (starFrom) {
      for (const [name, target] of exportsOf(tsPath(file, starFrom), seen)) map.set(name, target);
      continue;
    }
    if (typeOnly) continue;
    for (const item of names.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (item.startsWith('type ')) continue;
      const [original, exported = original] = item.split(/\s+as\s+/);
      const target = exportsOf(tsPath(file, from), seen).get(original);
      map.set(exported, target ?? { file: tsPath(file, from), name: original });
    }
  }
  for (const match of text.matchAll(DECLARATION)) map.set(match[1], { file, name: match[1] });
  for (const match of text.matchAll(LOCAL_EXPORT)) {
    for (const item of match[1].split(',').map((s) => s.trim()).filter(Boolean)) {
      if (item.startsWith('type ')) continue;
      const [, exported = item] = item.split(/\s+as\s+/);
      map.set(exported, { file, name: exported });
    }
  }
  return map;
}

const libraries = new Map();
function libraryExports(specifier) {
  if (!libraries.has(specifier)) {
    libraries.set(specifier, exportsOf(join(packagesDir, specifier.slice('@pacto/'.length), 'src', 'index.ts')));
  }
  return libraries.get(specifier);
}

/** Rewrites the named value imports of workspace libraries in one source file; anything unknown stays as it was. */
export function rewriteImports(text) {
  return text.replace(NAMED_IMPORT, (statement, names, specifier) => {
    const exported = libraryExports(specifier);
    const byFile = new Map();
    const kept = [];
    for (const item of names.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (item.startsWith('type ')) continue; // erased anyway
      const [name, local = name] = item.split(/\s+as\s+/);
      const target = exported.get(name);
      if (!target) {
        kept.push(item);
        continue;
      }
      const list = byFile.get(target.file) ?? [];
      list.push(target.name === local ? local : `${target.name} as ${local}`);
      byFile.set(target.file, list);
    }
    const lines = [...byFile].map(([file, list]) => `import { ${list.join(', ')} } from ${JSON.stringify(file)};`);
    if (kept.length > 0) lines.push(`import { ${kept.join(', ')} } from '${specifier}';`);
    // Same number of lines as the statement replaced, so source maps stay right.
    return lines.join(' ') + '\n'.repeat((statement.match(/\n/g) ?? []).length);
  });
}

export const directImports = {
  name: 'direct-imports',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/][a-z-]+[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: rewriteImports(readFileSync(args.path, 'utf8')),
      loader: 'ts',
      resolveDir: dirname(args.path),
    }));
  },
};
