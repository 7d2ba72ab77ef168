/**
 * The layers of src/, lowest first, as docs/ARCHITECTURE.md lists them. A module may import its own
 * layer and the layers before it, never one after it.
 */
import path from 'node:path';

export const LAYERS = [
  'util',
  'analysis/catalog',
  'analysis/syntax',
  'analysis/file',
  'analysis/project',
  'analysis/contract',
  'analysis/questions',
  'analysis/model',
  'analysis/index.ts',
  'fixes',
  'rules',
  'plugin',
  'reporting',
  'cli',
] as const;

export type Layer = (typeof LAYERS)[number];

/** The layer of a module, from its path relative to src/. */
export function layerOf(file: string): Layer {
  const parts = file.split(path.sep);
  const [top = '', second = ''] = parts;
  if (top === 'analysis') {
    if (parts.length === 2) return 'analysis/index.ts';
    const layer = `analysis/${second}`;
    if ((LAYERS as readonly string[]).includes(layer)) return layer as Layer;
    throw new Error(`${file}: src/analysis/${second} is no layer of docs/ARCHITECTURE.md`);
  }
  if (top === 'util' || top === 'fixes' || top === 'rules' || top === 'cli') return top;
  if (top === 'configs' || file === 'index.ts') return 'plugin';
  if (file === 'sarif.ts' || file === 'sarif-formatter.ts') return 'reporting';
  if (file === 'cli.ts') return 'cli';
  throw new Error(`${file} is in no layer of docs/ARCHITECTURE.md`);
}

/**
 * Whose a module of src/rules/ is: `no-top-level-spawn` for `no-top-level-spawn.ts` and the files of
 * `no-top-level-spawn-utils/`, `shared` for `shared/`, `index` for the registry. A rule's files may
 * import only their own files and `shared/` of this layer (the registry imports them all).
 */
export function ruleOwnerOf(file: string): string {
  const [, first = ''] = file.split(path.sep);
  if (first.endsWith('.ts')) return first.slice(0, -'.ts'.length);
  return first.endsWith('-utils') ? first.slice(0, -'-utils'.length) : first;
}
