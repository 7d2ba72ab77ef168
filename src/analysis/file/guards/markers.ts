/**
 * Markers: values a parent sets for the child it starts, so that a test of one tells them apart.
 * `process.argv…` and `process.execArgv…` (the command line), `process.env…`, `workerData.x`, also
 * through constants and destructuring (`const [, , mode] = process.argv`). The command line stays
 * the command line once parsed: `util.parseArgs()`, the result of any call given it
 * (`minimist(process.argv.slice(2))`, `yargsParser(hideBin(process.argv))`, `arg(spec, { argv })`),
 * and what a parser that fills an object reads back after its parse (commander's `program.opts()`,
 * catalog/start-contexts.ts). The script path and the node binary (`argv[1]`, `argv[0]`) are the
 * same in the child: a call given only those is no marker.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { COMMAND_LINE_PARSERS } from '../../catalog/start-contexts.js';
import { skipTransparent } from '../../syntax/ast.js';
import { sourceInitializer } from '../../syntax/scope.js';
import { CALL_RESULT, INSTANCE, isRef, refKey, type ModuleRef, type ReferenceIndex } from '../references.js';
import { followConstant } from '../values.js';

type Node = TSESTree.Node;

export type Marker = 'argv' | 'env' | 'workerData';

const MAX_ALIAS_DEPTH = 4;
/** Calls descended into through their arguments (`yargsParser(hideBin(process.argv))` is two). */
const MAX_CALL_DEPTH = 3;
/** Arguments, and properties of an object literal argument, looked at per call. */
const MAX_ARGUMENTS = 8;
/** Nodes one question looks at: the cost of a marker stays constant per test. */
const MAX_VISITS = 64;

/** A parser object's path as the reference index writes it, with its parser. */
interface ParserObject {
  readonly module: string;
  readonly path: readonly string[];
  readonly parser: (typeof COMMAND_LINE_PARSERS)[number];
}

const PARSER_OBJECTS: readonly ParserObject[] = COMMAND_LINE_PARSERS.flatMap((parser) =>
  parser.objects.map((object) => ({ module: parser.module, path: object.constructed ? [...object.path, INSTANCE] : object.path, parser })),
);

export class MarkerReader {
  /** Per parser object (`refKey`), where the file first parses the command line into it. */
  private parses?: ReadonlyMap<string, number>;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly references: ReferenceIndex,
  ) {}

  /** The marker `node` reads, if any. */
  markerSource(node: Node): Marker | undefined {
    return this.markerWithin(node, { visits: 0 }, 0);
  }

  private markerWithin(node: Node, budget: { visits: number }, depth: number): Marker | undefined {
    for (let current = skipTransparent(node), aliases = 0; ; ) {
      if ((budget.visits += 1) > MAX_VISITS) return undefined;
      const ref = this.references.refOf(current);
      if (ref?.module === 'worker_threads' && ref.path[0] === 'workerData' && ref.path.length > 1) return 'workerData';
      if (ref?.module === 'process') {
        if (ref.path[0] === 'argv' || ref.path[0] === 'execArgv') return 'argv';
        if (ref.path[0] === 'env') return 'env';
      }
      if (ref?.module === 'util' && ref.path[0] === 'parseArgs' && ref.path[1] === CALL_RESULT) return 'argv';
      if (ref && this.readsParsedObject(ref, current)) return 'argv';
      let next: Node | undefined;
      if (current.type === 'MemberExpression') next = current.object;
      else if (current.type === 'CallExpression') {
        if (depth < MAX_CALL_DEPTH && this.givenCommandLine(current, budget, depth + 1)) return 'argv';
        next = current.callee;
      } else if (current.type === 'Identifier' && !ref && aliases++ < MAX_ALIAS_DEPTH) next = sourceInitializer(this.sourceCode, current);
      if (!next) return undefined;
      current = skipTransparent(next);
    }
  }

  /** Whether a call is given the command line: as an argument, spread, or a property of an object literal argument. */
  private givenCommandLine(call: TSESTree.CallExpression, budget: { visits: number }, depth: number): boolean {
    const values: Node[] = [];
    for (const argument of call.arguments.slice(0, MAX_ARGUMENTS)) {
      const value = skipTransparent(argument.type === 'SpreadElement' ? argument.argument : argument);
      if (value.type !== 'ObjectExpression') values.push(value);
      else for (const property of value.properties.slice(0, MAX_ARGUMENTS)) if (property.type === 'Property') values.push(property.value);
    }
    return values.some((value) => this.isCommandLine(value, budget, depth));
  }

  /** A value read from the command line, other than the node binary and the script path. */
  private isCommandLine(value: Node, budget: { visits: number }, depth: number): boolean {
    const ref = this.references.refOf(followConstant(this.sourceCode, value));
    if (isRef(ref, 'process', 'argv', '0') || isRef(ref, 'process', 'argv', '1')) return false;
    return this.markerWithin(value, budget, depth) === 'argv';
  }

  /** `program.opts()`, `program.args` of a parser object the file parsed the command line into before `node`. */
  private readsParsedObject(ref: ModuleRef, node: Node): boolean {
    const object = PARSER_OBJECTS.find(
      (candidate) =>
        candidate.module === ref.module &&
        candidate.path.every((segment, index) => ref.path[index] === segment) &&
        candidate.parser.results.includes(ref.path[candidate.path.length] ?? ''),
    );
    if (!object) return false;
    const parsed = this.parsePositions().get(refKey(object));
    return parsed !== undefined && parsed < node.range[0];
  }

  private parsePositions(): ReadonlyMap<string, number> {
    if (this.parses) return this.parses;
    const parses = new Map<string, number>();
    for (const invocation of this.references.invocations) {
      if (invocation.kind !== 'call' || invocation.node.type !== 'CallExpression') continue;
      const object = PARSER_OBJECTS.find((candidate) => parsesInto(candidate, invocation.callee));
      if (!object || !this.readsCommandLine(invocation.node)) continue;
      const key = refKey(object);
      parses.set(key, Math.min(parses.get(key) ?? Infinity, invocation.node.range[0]));
    }
    return (this.parses = parses);
  }

  /** `parse()` reads `process.argv`; `parse(argv)` the list it is given. */
  private readsCommandLine(call: TSESTree.CallExpression): boolean {
    const [list] = call.arguments;
    return list === undefined || (list.type !== 'SpreadElement' && this.isCommandLine(list, { visits: 0 }, 0));
  }
}

/** `object.parse`, or `object.option(…).parse` through methods that return the object. */
function parsesInto(object: ParserObject, callee: ModuleRef): boolean {
  if (callee.module !== object.module || !object.path.every((segment, index) => callee.path[index] === segment)) return false;
  const rest = callee.path.slice(object.path.length);
  const method = rest.at(-1);
  if (method === undefined || !object.parser.parse.includes(method)) return false;
  for (let index = 0; index < rest.length - 1; index += 2) {
    if (!object.parser.chained.includes(rest[index] ?? '') || rest[index + 1] !== CALL_RESULT) return false;
  }
  return rest.length % 2 === 1;
}
