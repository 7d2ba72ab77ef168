/**
 * Platform facts from the callers: a local function used only where the platform is known runs
 * only there. `const list = process.platform === 'win32' ? windows : posix` limits `posix` to
 * non-Windows. The platforms are the union over every use of the function's name; any unguarded use
 * proves nothing. An exported function's uses in the modules that import the file count too, when
 * they are known (ImporterCalls, an application's modules); otherwise an export proves nothing. A
 * method is used where its file mentions its name (name-mentions.ts), a dispatch table's row included.
 *
 * Each function's facts are computed once, and the functions that share their uses (the methods
 * of one name) share one union: the cost is one read per use, never a use times the facts above it
 * (the facts at a node come with their platforms already combined, from propagation.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { PLATFORM_COLUMNS, PLATFORMS, type Platform } from '../../catalog/platform-apis.js';
import { exportedFunctionName, isExportedFunction, isFunction, memberKey, memberName, skipTransparent, stringValue, walk, type FunctionNode } from '../../syntax/ast.js';
import { bindingReads, resolveVariable } from '../../syntax/scope.js';
import { ALL_PLATFORMS } from './conditions.js';
import { dispatchedPlatform } from './dispatch.js';
import type { Fact } from './facts.js';
import { nameMentions, type NameMentions } from './name-mentions.js';
import type { StepCounter } from './steps.js';

type Node = TSESTree.Node;

const NO_PLATFORMS: ReadonlySet<Platform> = new Set();

/** What the callers read of the facts at a node (propagation.ts). */
export interface NodeFacts {
  /** The platforms every fact at `node` allows. */
  platformsAt(node: Node): ReadonlySet<Platform>;
  /** Whether the facts at `node` are already known (and with them those of every function above). */
  isKnown(node: Node): boolean;
}

/** Where the modules that import the file call its exports (project/importer-calls.ts). */
export interface ImporterCalls {
  /** The platforms at every use of export `name` in the file's importers; undefined when not known or not only calls. */
  platformsOf(name: string): ReadonlySet<Platform> | undefined;
}

export class CallerFacts {
  // Plain maps: they live only as long as the file's analysis, and V8 marks large WeakMaps slowly.
  private readonly factsOf = new Map<FunctionNode, readonly Fact[]>();
  /** Functions whose caller facts are being computed (a function reached from itself). */
  private readonly pending = new Set<FunctionNode>();
  private readonly usesOf = new Map<FunctionNode, readonly Node[] | undefined>();
  /** The uses of each public method name: members and strings that name it. */
  private readonly usesOfName = new Map<string, readonly Node[]>();
  /** The platforms over a list of uses, for the functions that share it. */
  private readonly platformsOfUseList = new Map<readonly Node[], ReadonlySet<Platform>>();
  private readonly mentionsOf = new Map<Node, NameMentions>();
  /** Whether a class body names a member of `this` by a computed key, read once per class. */
  private readonly computedThisAccess = new Map<TSESTree.ClassBody, boolean>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly nodes: NodeFacts,
    private readonly counter: StepCounter,
    /** Whether a computed key is the platform (`table[process.platform]`), for dispatch by name. */
    private readonly isPlatformKey: (key: Node) => boolean,
    private readonly importers?: ImporterCalls,
  ) {}

  /** The platform facts `fn`'s uses prove about its body. */
  platformFacts(fn: FunctionNode): readonly Fact[] {
    const cached = this.factsOf.get(fn);
    if (cached) return cached;
    // A function reached from itself proves nothing about its own platform.
    if (this.pending.has(fn)) return [];
    // The functions around the uses are resolved first, innermost caller first, with an explicit
    // stack: a chain of thousands of local functions must not deepen the call stack.
    const stack: FunctionNode[] = [fn];
    while (stack.length > 0) {
      const top = stack.at(-1) as FunctionNode;
      this.counter.steps += 1;
      if (this.factsOf.has(top)) {
        stack.pop();
      } else if (this.sharedResult(top)) {
        // Another function with the same uses resolved them: their facts are all known.
        stack.pop();
        this.factsOf.set(top, this.factsFrom(top));
        this.pending.delete(top);
      } else if (!this.pending.has(top)) {
        this.pending.add(top);
        for (const caller of this.enclosingFunctionsOfUses(top)) {
          if (!this.factsOf.has(caller) && !this.pending.has(caller)) stack.push(caller);
        }
      } else {
        stack.pop();
        this.factsOf.set(top, this.factsFrom(top));
        this.pending.delete(top);
      }
    }
    return this.factsOf.get(fn) ?? [];
  }

  /** Where the file mentions each member name and string (name-mentions.ts), indexed on the first question. */
  mentions(): NameMentions {
    const program = this.sourceCode.ast;
    let found = this.mentionsOf.get(program);
    if (!found) {
      found = nameMentions(program, this.sourceCode.visitorKeys);
      this.mentionsOf.set(program, found);
    }
    return found;
  }

  private sharedResult(fn: FunctionNode): boolean {
    const uses = this.outsideUses(fn);
    return uses !== undefined && this.platformsOfUseList.has(uses);
  }

  private factsFrom(fn: FunctionNode): readonly Fact[] {
    // `{ darwin() {…} }` read only as `table[process.platform]` (dispatch.ts)
    const dispatched = dispatchedPlatform(this.sourceCode, fn, this.isPlatformKey);
    if (dispatched) return [{ kind: 'platform', platforms: new Set([dispatched]), test: fn }];
    const uses = this.outsideUses(fn);
    if (!uses) {
      // Callers not known: a function exported under a platform's name (`export function darwin()`,
      // `exports.linux = …`, dispatched as `finder[process.platform]()` elsewhere) is that platform's
      // code, as a file named after one is (file-model.ts); platform facts only silence.
      const named = platformNamed(fn);
      return named ? [{ kind: 'platform', platforms: new Set([named]), test: fn }] : [];
    }
    const imported = isExportedFunction(fn) ? this.importerPlatforms(fn) : undefined;
    // A private method nothing names never runs: only its class could call it.
    if (uses.length === 0 && !imported) return this.neverCalled(fn) ? [{ kind: 'platform', platforms: NO_PLATFORMS, test: fn }] : [];
    let platforms = this.platformsOfUseList.get(uses);
    if (!platforms) {
      platforms = this.platformsOfUses(uses);
      this.platformsOfUseList.set(uses, platforms);
    }
    if (imported) platforms = new Set([...platforms, ...imported]);
    return platforms.size < ALL_PLATFORMS.size ? [{ kind: 'platform', platforms, test: fn }] : [];
  }

  /**
   * Whether a method without uses is one only its class can call: `#name()`, or TypeScript's
   * `private`, in a class that names no member of `this` by a computed key (`this[name]()` may be it).
   */
  private neverCalled(fn: FunctionNode): boolean {
    const method = fn.parent;
    if (method?.type !== 'MethodDefinition' || method.kind !== 'method') return false;
    if (method.key.type !== 'PrivateIdentifier' && method.accessibility !== 'private') return false;
    let computed = this.computedThisAccess.get(method.parent);
    if (computed === undefined) {
      let found = false;
      walk(method.parent, this.sourceCode.visitorKeys, (node) => {
        if (!found && node.type === 'MemberExpression' && node.computed && stringValue(node.property) === undefined) found = holdsThis(this.sourceCode, node.object);
        return !found;
      });
      this.computedThisAccess.set(method.parent, (computed = found));
    }
    return !computed;
  }

  /** The platforms the file's importers call an exported function on; undefined when not known. */
  private importerPlatforms(fn: FunctionNode): ReadonlySet<Platform> | undefined {
    const name = exportedFunctionName(fn);
    return name === undefined ? undefined : this.importers?.platformsOf(name);
  }

  /**
   * Uses of a local function's name outside the function itself; undefined when exported and its
   * importers' calls are not known (then its callers are anyone). A
   * method is used where its file mentions its name: a private method (`#start()`) where its class
   * reads `#start`, a public one (or a TypeScript `private static` one) wherever a member or a
   * string names it. A public method's callers
   * in other modules are not known, and are taken to call it where its own module does.
   */
  private outsideUses(fn: FunctionNode): readonly Node[] | undefined {
    if (this.usesOf.has(fn)) return this.usesOf.get(fn);
    const named = this.methodUses(fn);
    const uses = isExportedFunction(fn) && !this.importerPlatforms(fn) ? undefined : (named?.uses ?? bindingReads(this.sourceCode, fn));
    // Calls from inside the function itself (recursion) run where the outer call runs. The list is
    // kept as it is when none is inside, so that the methods of one name share it.
    const inside = named ? named.sorted.some((list) => within(list, fn).length > 0) : uses?.some((use) => isWithin(use, fn));
    const outside = inside ? uses?.filter((use) => !isWithin(use, fn)) : uses;
    this.usesOf.set(fn, outside);
    return outside;
  }

  /** A method's uses, and the lists in source order they are made of (for a search instead of a scan). */
  private methodUses(fn: FunctionNode): { uses: readonly Node[]; sorted: readonly (readonly Node[])[] } | undefined {
    const method = fn.parent;
    // A method, or a field that holds a function (`suspend = () => { … }`): both are read by name.
    const isMethod = method?.type === 'MethodDefinition' && method.kind === 'method';
    const isFunctionField = method?.type === 'PropertyDefinition' && method.value === fn && !method.declare;
    if (!isMethod && !isFunctionField) return undefined;
    const name = memberKey(method);
    if (name === undefined) return undefined;
    const { members, strings } = this.mentions();
    if (method.key.type === 'PrivateIdentifier') {
      const uses = within(members.get(name) ?? [], method.parent);
      return { uses, sorted: [uses] };
    }
    // A public static method is called by its class's name from other modules too; a TypeScript
    // `private` one only inside its class, so its file's mentions are all its uses.
    if (method.static && method.accessibility !== 'private') return undefined;
    const sorted = [members.get(name) ?? [], strings.get(name) ?? []];
    let uses = this.usesOfName.get(name);
    if (!uses) {
      uses = sorted.flat();
      this.usesOfName.set(name, uses);
    }
    return { uses, sorted };
  }

  /** The functions whose caller facts the facts at the uses include. */
  private enclosingFunctionsOfUses(fn: FunctionNode): FunctionNode[] {
    const found: FunctionNode[] = [];
    for (const use of this.outsideUses(fn) ?? []) {
      for (let current: Node = use, parent = use.parent; parent; current = parent, parent = parent.parent) {
        this.counter.steps += 1;
        // Known facts already include everything above.
        if (this.nodes.isKnown(current)) break;
        if (isFunction(parent) && current === parent.body) found.push(parent);
      }
    }
    return found;
  }

  private platformsOfUses(uses: readonly Node[]): ReadonlySet<Platform> {
    const platforms = new Set<Platform>();
    for (const use of uses) {
      this.counter.steps += 1;
      const key = dispatchedPlatform(this.sourceCode, use, this.isPlatformKey);
      const excluded = key ? undefined : this.tableRowExclusions(use);
      for (const platform of this.nodes.platformsAt(use)) if ((key === undefined || platform === key) && !excluded?.has(platform)) platforms.add(platform);
    }
    return platforms;
  }

  /**
   * The platforms a row of a table rules out for a string in it, in a column the file reads:
   * `{ cmd: 'checkBinPermission', windows: false }` with `if (isWindows && row.windows === false)`
   * before `this[row.cmd]()`. The row's name is used on the other platforms only.
   */
  private tableRowExclusions(use: Node): ReadonlySet<Platform> | undefined {
    const property = use.parent;
    if (property?.type !== 'Property' || property.value !== use || property.parent.type !== 'ObjectExpression') return undefined;
    const excluded = new Set<Platform>();
    for (const column of property.parent.properties) {
      if (column.type !== 'Property' || column.computed || column.value.type !== 'Literal' || column.value.value !== false) continue;
      const name = column.key.type === 'Identifier' ? column.key.name : stringValue(column.key);
      const platforms = name === undefined ? undefined : PLATFORM_COLUMNS.get(name.toLowerCase());
      if (name !== undefined && platforms && this.mentions().members.has(name)) for (const platform of platforms) excluded.add(platform);
    }
    return excluded.size > 0 ? excluded : undefined;
  }
}

/** `this`, or a variable that holds it (`const self = this as any`). */
function holdsThis(sourceCode: Readonly<TSESLint.SourceCode>, objectIn: Node): boolean {
  const object = skipTransparent(objectIn);
  if (object.type === 'ThisExpression') return true;
  if (object.type !== 'Identifier') return false;
  const definition = resolveVariable(sourceCode, object)?.defs[0];
  return definition?.type === 'Variable' && definition.node.init !== null && skipTransparent(definition.node.init).type === 'ThisExpression';
}

/** The platform a function is named after, exactly (`darwin`, `linux`, `win32`), by its declaration or its export. */
function platformNamed(fn: FunctionNode): Platform | undefined {
  const holder = fn.parent;
  let name: string | undefined;
  if (fn.type === 'FunctionDeclaration') name = fn.id?.name;
  else if (holder?.type === 'VariableDeclarator' && holder.init === fn && holder.id.type === 'Identifier') name = holder.id.name;
  else if (holder?.type === 'AssignmentExpression' && holder.right === fn && holder.left.type === 'MemberExpression') name = memberName(holder.left);
  return PLATFORMS.find((platform) => platform === name);
}

function isWithin(node: Node, outer: Node): boolean {
  return node.range[0] >= outer.range[0] && node.range[1] <= outer.range[1];
}

/** The nodes of a list in source order that lie within `outer`, found by binary search. */
function within<T extends Node>(sorted: readonly T[], outer: Node): T[] {
  let low = 0;
  for (let high = sorted.length; low < high; ) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as T).range[0] < outer.range[0]) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < sorted.length && isWithin(sorted[end] as T, outer)) end += 1;
  return sorted.slice(low, end);
}
