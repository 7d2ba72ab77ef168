/**
 * The layers of docs/ARCHITECTURE.md, checked on the import graph of src/: no import cycle
 * (type-only imports included), and every import points down the layer order. `eslint.config.js`
 * fences the same order per folder; this test also sees what a lint fence cannot: cycles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { LAYERS, layerOf, ruleOwnerOf } from '../support/layers.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

/** Each module of src/ and the modules of src/ it imports, type-only imports and re-exports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  // Iterative, so that a deep graph cannot overflow the stack.
  for (const root of graph.keys()) {
    if (indices.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    indices.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!graph.has(target)) continue;
        if (!indices.has(target)) {
          indices.set(target, index);
          low.set(target, index++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, indices.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || targets.includes(frame.node)) found.push(component.map((file) => path.relative(SRC, file)));
      }
    }
  }
  return found;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('has no cycle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['b.ts', 'a.ts']]);
  });

  it('imports only downward through the layers', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(path.relative(SRC, file));
      for (const target of targets) {
        const to = layerOf(path.relative(SRC, target));
        if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) upward.push(`${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('reaches the analysis from above only through its face, src/analysis/index.ts', () => {
    const deep: string[] = [];
    for (const [file, targets] of graph) {
      const from = path.relative(SRC, file);
      if (from.startsWith(`analysis${path.sep}`)) continue;
      for (const target of targets) {
        const to = path.relative(SRC, target);
        if (to.startsWith(`analysis${path.sep}`) && to !== path.join('analysis', 'index.ts')) deep.push(`${from} → ${to}`);
      }
    }
    expect(deep).toEqual([]);
  });

  it('keeps the rules apart: a rule imports only its own utils and src/rules/shared/ of its layer', () => {
    const crossing: string[] = [];
    for (const [file, targets] of graph) {
      const from = path.relative(SRC, file);
      if (layerOf(from) !== 'rules' || ruleOwnerOf(from) === 'index') continue;
      for (const target of targets) {
        const to = path.relative(SRC, target);
        if (layerOf(to) !== 'rules') continue;
        const owner = ruleOwnerOf(to);
        if (owner !== ruleOwnerOf(from) && owner !== 'shared') crossing.push(`${from} → ${to}`);
      }
    }
    expect(crossing).toEqual([]);
  });

  it('places every module of src/ in a layer of docs/ARCHITECTURE.md', () => {
    const architecture = readFileSync(path.join(SRC, '..', 'docs', 'ARCHITECTURE.md'), 'utf8');
    for (const layer of LAYERS) expect(architecture, layer).toContain(`\`${layer}\``);
  });
});
