/**
 * Guards: what a condition proves about the running context, and which of those facts hold at a
 * node through `if`/`else`, ternaries, `&&`/`||`, negation, `switch`, early exits, aliases and
 * `try`/`catch`.
 *
 * Code written for one platform, where the analysis cannot tell whether that platform is the
 * host's, is taken as that platform's code, and the platform rules stay silent there (unknown stays
 * unknown): a platform name compared with a value the analysis cannot identify
 * (`if (options.platform !== 'win32')`, a target passed by the caller), and a file whose path names
 * a platform (file-model.ts), prove the platform as a host test does. Platform facts only ever
 * silence reports (rules report where `win32` is possible, and stay silent where the platforms are
 * only those an API exists on), so a narrower fact can only remove findings.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { OS_TYPE_PLATFORMS, PLATFORM_COLUMNS, PLATFORMS, type Platform } from '../../catalog/platform-apis.js';
import { isFunction, isImportMetaMember, memberKey, memberName, returnedExpression, skipTransparent, stringValue, type FunctionNode } from '../../syntax/ast.js';
import {
  CALL_RESULT,
  GLOBALS_MODULE,
  isRef,
  refKey,
  REQUIRE_MODULE,
  type ModuleRef,
  type ReferenceIndex,
} from '../references.js';
import { bindingReads, constantInitializer, isGlobalIdentifier, parameterDefault, resolveVariable, sourceInitializer } from '../../syntax/scope.js';
import { intersectAll, possiblePlatforms, type Fact } from './facts.js';
import { nameMentions, type NameMentions } from './name-mentions.js';
import { isRuntimeCheck, type RuntimeCheckScope } from './runtime-checks.js';
import { dispatchedPlatform } from './dispatch.js';
import { isTestSkipCall, testCallbackFacts, testSkipCondition } from './test-guards.js';
import { followConstant, selfReference } from '../values.js';

type Node = TSESTree.Node;

/**
 * The platforms an imported flag stands for (`if (isWindows)` with `isWindows` from another module),
 * read by the project layer (`project/imported-flags.ts`) and handed in from above.
 */
export interface ImportedPlatformFlags {
  platformsOf(node: Node): ReadonlySet<Platform> | undefined;
}


export interface GuardSettings {
  /** Identifiers or member names (a project's own `isWindows`) that prove a platform when truthy. */
  readonly platformGuards: ReadonlyMap<string, readonly Platform[]>;
}

/** The early-exit facts of one statement list, computed in one pass. */
interface EarlyExits {
  readonly facts: readonly Fact[];
  /** For each statement, how many of `facts` come from the statements before it. */
  readonly countBefore: readonly number[];
  readonly indexOf: ReadonlyMap<Node, number>;
}

const ALL_PLATFORMS: ReadonlySet<Platform> = new Set(PLATFORMS);
const MAX_ALIAS_DEPTH = 4;

export class GuardEvaluator {
  // Plain maps: they live only as long as the file's analysis, and V8 marks large WeakMaps slowly.
  private readonly factsCache = new Map<Node, readonly Fact[]>();
  private readonly callerPlatformCache = new Map<Node, readonly Fact[]>();
  private mentionsCache: NameMentions | undefined;
  private readonly skipsTest = (expression: Node): boolean => isTestSkipCall(this.sourceCode, expression);
  /** The platform as a key: `process.platform`, or a call of a local function returning it. */
  private readonly isPlatformKey = (key: Node): boolean =>
    this.isPlatformSource(key) || (key.type === 'CallExpression' && key.arguments.length === 0 && this.isPlatformSource(returnedExpression(this.predicateOf(skipTransparent(key.callee))) ?? key.callee));
  /** Functions whose caller facts are being computed (a function reached from itself). */
  private readonly callerPlatformPending = new Set<Node>();
  /** The early-exit facts of each statement list, by the index of the statement they precede. */
  private readonly exitFactsCache = new Map<readonly Node[], EarlyExits>();
  private readonly runtimeScope: RuntimeCheckScope = {
    isGlobal: (identifier) => isGlobalIdentifier(this.sourceCode, identifier, identifier.name),
    constantOf: (identifier) => constantInitializer(this.sourceCode, identifier),
  };

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly references: ReferenceIndex,
    private readonly settings: GuardSettings,
    private readonly importedFlags?: ImportedPlatformFlags,
    /** The platforms the file's path names and its CI runs it on (file-model.ts): the facts of its Program. */
    private readonly filePlatforms?: ReadonlySet<Platform>,
  ) {}

  /**
   * Every fact that holds when `node` runs, from its enclosing conditions and earlier exits.
   * The facts of a node are its own edge's facts over its parent's, so each ancestor is computed
   * once per file and a query costs the path to the nearest ancestor already known.
   */
  factsAt(node: Node): readonly Fact[] {
    const pending: Node[] = [];
    let current: Node | undefined = node;
    while (current && !this.factsCache.has(current)) {
      pending.push(current);
      current = current.parent;
    }
    // Innermost facts first, as the rules read them.
    let inherited: readonly Fact[] = current ? (this.factsCache.get(current) ?? []) : [];
    for (let index = pending.length - 1; index >= 0; index -= 1) {
      const child = pending[index] as Node;
      const parent = child.parent;
      const own = parent ? this.factsFromParent(child, parent) : this.programFacts(child);
      if (parent && isFunction(parent) && child === parent.body) own.push(...this.callerPlatformFacts(parent));
      if (own.length > 0) inherited = [...own, ...inherited];
      this.factsCache.set(child, inherited);
    }
    return inherited;
  }

  /** What holds in the whole file: the platforms its path names. */
  private programFacts(program: Node): Fact[] {
    return this.filePlatforms ? [{ kind: 'platform', platforms: this.filePlatforms, test: program }] : [];
  }

  /** What `test` proves when it evaluates truthy (`assumed` true) or falsy. */
  conditionFacts(test: Node, assumed: boolean, depth = 0): Fact[] {
    const node = skipTransparent(test);
    switch (node.type) {
      case 'UnaryExpression':
        return node.operator === '!' ? this.conditionFacts(node.argument, !assumed, depth) : [];
      case 'LogicalExpression':
        return this.logicalFacts(node, assumed, depth);
      case 'BinaryExpression':
        return this.comparisonFacts(node, assumed);
      case 'Identifier':
        return this.flagFacts(node, assumed, depth);
      case 'MemberExpression':
      case 'MetaProperty':
        return this.valueFacts(node, assumed);
      case 'CallExpression':
        return [
          ...this.ownPropertyFacts(node, assumed),
          ...this.callFacts(node, assumed),
          ...this.valueFacts(node, assumed),
          ...this.predicateFacts(node, assumed, depth),
        ];
      default:
        return [];
    }
  }

  /**
   * A call of a local predicate that returns a platform test: `isLinux()` with
   * `function isLinux() { return process.platform === 'linux' }`, or `this.shouldRun()` with a method
   * of the enclosing class that does. Only the platform is taken from it.
   */
  private predicateFacts(call: TSESTree.CallExpression, assumed: boolean, depth: number): Fact[] {
    if (call.arguments.length > 0 || depth >= MAX_ALIAS_DEPTH) return [];
    const returned = returnedExpression(this.predicateOf(skipTransparent(call.callee)));
    if (!returned) return [];
    return this.conditionFacts(returned, assumed, depth + 1)
      .filter((fact) => fact.kind === 'platform')
      .map((fact) => ({ ...fact, test: call }));
  }

  private predicateOf(callee: Node): FunctionNode | undefined {
    if (callee.type === 'Identifier') {
      const init = constantInitializer(this.sourceCode, callee);
      if (init && isFunction(init)) return init;
      const variable = resolveVariable(this.sourceCode, callee);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      return definition?.type === 'FunctionName' && isFunction(definition.node) ? definition.node : undefined;
    }
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'ThisExpression' || callee.computed) return undefined;
    const name = memberKey(callee);
    const method = enclosingClassBody(callee)?.body.find(
      (member): member is TSESTree.MethodDefinition => member.type === 'MethodDefinition' && member.kind === 'method' && !member.static && memberKey(member) === name,
    );
    return method?.value.type === 'FunctionExpression' ? method.value : undefined;
  }

  /**
   * A flag: `const isWindows = process.platform === 'win32'`, or a parameter that defaults to a
   * platform test (`(pid, isWin32 = process.platform === 'win32') => …`: callers pass it only to
   * pretend another platform, so it is the platform flag). A flag that conjoins one platform test
   * with runtime checks (`(isNode || isDeno) && process.platform === 'win32'`) is falsy off that
   * platform: where it is false only because the runtime differs, the platform is unknown, and
   * unknown is not reported.
   */
  private flagFacts(node: TSESTree.Identifier, assumed: boolean, depth: number): Fact[] {
    const fromRef = this.valueFacts(node, assumed);
    if (fromRef.length > 0 || depth >= MAX_ALIAS_DEPTH) return fromRef;
    const init = constantInitializer(this.sourceCode, node);
    const fallback = init ? undefined : parameterDefault(this.sourceCode, node);
    const source = init ?? fallback;
    if (!source) return [];
    const tested = assumed ? source : (this.platformConjunct(source, depth) ?? source);
    const facts = this.conditionFacts(tested, assumed, depth + 1).map((fact) => ({ ...fact, test: node }));
    // A default proves the platform only: what else it tests, a caller may decide otherwise.
    return fallback ? facts.filter((fact) => fact.kind === 'platform') : facts;
  }

  /** The one platform test among a conjunction's operands when all the others are runtime checks. */
  private platformConjunct(init: Node, depth: number): Node | undefined {
    const node = skipTransparent(init);
    if (node.type !== 'LogicalExpression' || node.operator !== '&&') return undefined;
    const operands: Node[] = [];
    for (const pending: Node[] = [node]; pending.length > 0; ) {
      const current = skipTransparent(pending.pop() as Node);
      if (current.type === 'LogicalExpression' && current.operator === '&&') pending.push(current.right, current.left);
      else operands.push(current);
    }
    // The cheap, bounded runtime check first: only one operand is then evaluated as a condition.
    const others = operands.filter((operand) => !isRuntimeCheck(operand, this.runtimeScope));
    const [test] = others;
    if (others.length !== 1 || !test) return undefined;
    return this.conditionFacts(test, false, depth + 1).some((fact) => fact.kind === 'platform') ? test : undefined;
  }

  /**
   * `process.hasOwnProperty('getgid')`, `Object.hasOwn(process, 'getgid')` and
   * `Object.prototype.hasOwnProperty.call(process, 'getgid')` prove the member is there, as `in` does.
   */
  private ownPropertyFacts(node: TSESTree.CallExpression, assumed: boolean): Fact[] {
    if (!assumed) return [];
    const callee = skipTransparent(node.callee);
    if (callee.type !== 'MemberExpression') return [];
    const method = memberName(callee);
    let [object, name]: (Node | undefined)[] = [callee.object, node.arguments[0]];
    if (method === 'hasOwn' || method === 'call') {
      const owner = method === 'hasOwn' ? callee.object : skipTransparent(callee.object);
      const isHasOwn = method === 'hasOwn' && owner.type === 'Identifier' && isGlobalIdentifier(this.sourceCode, owner, 'Object');
      const isHasOwnPropertyCall = method === 'call' && owner.type === 'MemberExpression' && memberName(owner) === 'hasOwnProperty';
      if (!isHasOwn && !isHasOwnPropertyCall) return [];
      [object, name] = [node.arguments[0], node.arguments[1]];
    } else if (method !== 'hasOwnProperty') {
      return [];
    }
    const key = name && stringValue(name);
    const ref = object && object.type !== 'SpreadElement' ? this.references.refOf(skipTransparent(object)) : undefined;
    if (key === undefined || !ref) return [];
    return [{ kind: 'api', key: refKey({ module: ref.module, path: [...ref.path, key] }), test: node }];
  }

  private factsFromParent(child: Node, parent: Node): Fact[] {
    switch (parent.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child === parent.consequent) return this.conditionFacts(parent.test, true);
        if (child === parent.alternate) return this.conditionFacts(parent.test, false);
        return [];
      case 'LogicalExpression':
        if (child !== parent.right) return [];
        if (parent.operator === '&&') return this.conditionFacts(parent.left, true);
        if (parent.operator === '||') return this.conditionFacts(parent.left, false);
        return [];
      case 'SwitchCase':
        return child === parent.test ? [] : [...this.switchFacts(parent), ...this.earlyExitFacts(parent.consequent, child)];
      case 'BlockStatement':
      case 'StaticBlock':
        return this.earlyExitFacts(parent.body, child);
      case 'Program':
        return this.earlyExitFacts(parent.body, child);
      case 'TryStatement':
        return child === parent.block && parent.handler ? [{ kind: 'caught', test: parent }] : [];
      case 'CallExpression':
        return testCallbackFacts(this.sourceCode, child, parent, (test, assumed) => this.conditionFacts(test, assumed));
      default:
        return [];
    }
  }

  /**
   * A local function used only where the platform is known runs only there:
   * `const list = process.platform === 'win32' ? windows : posix` limits `posix` to non-Windows.
   * The platforms are the union over every use of the function's name; an export or any unguarded
   * use proves nothing.
   */
  private callerPlatformFacts(fn: FunctionNode): readonly Fact[] {
    const cached = this.callerPlatformCache.get(fn);
    if (cached) return cached;
    // A function reached from itself proves nothing about its own platform.
    if (this.callerPlatformPending.has(fn)) return [];
    // The functions around the uses are resolved first, innermost caller first, with an explicit
    // stack: a chain of thousands of local functions must not deepen the call stack.
    const stack: FunctionNode[] = [fn];
    while (stack.length > 0) {
      const top = stack.at(-1) as FunctionNode;
      if (this.callerPlatformCache.has(top)) {
        stack.pop();
      } else if (!this.callerPlatformPending.has(top)) {
        this.callerPlatformPending.add(top);
        for (const caller of this.enclosingFunctionsOfUses(top)) {
          if (!this.callerPlatformCache.has(caller) && !this.callerPlatformPending.has(caller)) stack.push(caller);
        }
      } else {
        stack.pop();
        this.callerPlatformCache.set(top, this.platformsOfUses(top));
        this.callerPlatformPending.delete(top);
      }
    }
    return this.callerPlatformCache.get(fn) ?? [];
  }

  /**
   * Uses of a local function's name outside the function itself; undefined when exported. A
   * method is used where its file mentions its name (name-mentions.ts): a private method (`#start()`)
   * where its class reads `#start`, a public one wherever a member or a string names it, a dispatch
   * table's row included. A public method's callers in other modules are not known, and are taken to
   * call it where its own module does.
   */
  private outsideUses(fn: FunctionNode): readonly Node[] | undefined {
    const uses = isExported(fn) ? undefined : (this.methodUses(fn) ?? bindingReads(this.sourceCode, fn));
    // Calls from inside the function itself (recursion) run where the outer call runs.
    return uses?.filter(
      (use) => use.range[0] < fn.range[0] || use.range[1] > fn.range[1],
    );
  }

  private methodUses(fn: FunctionNode): readonly Node[] | undefined {
    const method = fn.parent;
    if (method?.type !== 'MethodDefinition' || method.kind !== 'method') return undefined;
    const name = memberKey(method);
    if (name === undefined) return undefined;
    const { members, strings } = this.mentions();
    if (method.key.type === 'PrivateIdentifier') {
      const classBody = method.parent;
      return (members.get(name) ?? []).filter((use) => use.range[0] >= classBody.range[0] && use.range[1] <= classBody.range[1]);
    }
    return method.static ? undefined : [...(members.get(name) ?? []), ...(strings.get(name) ?? [])];
  }

  /** Where the file mentions each member name and string (name-mentions.ts), indexed on the first question. */
  mentions(): NameMentions {
    this.mentionsCache ??= nameMentions(this.sourceCode.ast, this.sourceCode.visitorKeys);
    return this.mentionsCache;
  }

  /** The functions whose caller facts the facts at `fn`'s uses include. */
  private enclosingFunctionsOfUses(fn: FunctionNode): FunctionNode[] {
    const found: FunctionNode[] = [];
    for (const use of this.outsideUses(fn) ?? []) {
      for (let current: Node = use, parent = use.parent; parent; current = parent, parent = parent.parent) {
        // Known facts already include everything above.
        if (this.factsCache.has(current)) break;
        if (isFunction(parent) && current === parent.body) found.push(parent);
      }
    }
    return found;
  }

  private platformsOfUses(fn: FunctionNode): readonly Fact[] {
    // `{ darwin() {…} }` read only as `table[process.platform]` (dispatch.ts)
    const dispatched = dispatchedPlatform(this.sourceCode, fn, this.isPlatformKey);
    if (dispatched) return [{ kind: 'platform', platforms: new Set([dispatched]), test: fn }];
    const uses = this.outsideUses(fn);
    if (!uses || uses.length === 0) return [];
    const platforms = new Set<Platform>();
    for (const use of uses) {
      const key = dispatchedPlatform(this.sourceCode, use, this.isPlatformKey);
      const row = key ? [{ kind: 'platform' as const, platforms: new Set([key]), test: use }] : this.tableRowFacts(use);
      const facts = this.factsAt(use);
      for (const platform of possiblePlatforms(row.length > 0 ? [...row, ...facts] : facts)) platforms.add(platform);
    }
    return platforms.size < ALL_PLATFORMS.size ? [{ kind: 'platform', platforms, test: fn }] : [];
  }

  /**
   * A string in a row of a table that rules the row out on a platform, in a column the file reads:
   * `{ cmd: 'checkBinPermission', windows: false }` with `if (isWindows && row.windows === false)`
   * before `this[row.cmd]()`. The row's name is used on the other platforms only.
   */
  private tableRowFacts(use: Node): Fact[] {
    const property = use.parent;
    if (property?.type !== 'Property' || property.value !== use || property.parent.type !== 'ObjectExpression') return [];
    const excluded = new Set<Platform>();
    for (const column of property.parent.properties) {
      if (column.type !== 'Property' || column.computed || column.value.type !== 'Literal' || column.value.value !== false) continue;
      const name = column.key.type === 'Identifier' ? column.key.name : stringValue(column.key);
      const platforms = name === undefined ? undefined : PLATFORM_COLUMNS.get(name.toLowerCase());
      if (name !== undefined && platforms && this.mentions().members.has(name)) for (const platform of platforms) excluded.add(platform);
    }
    return excluded.size > 0 ? [{ kind: 'platform', platforms: without(ALL_PLATFORMS, excluded), test: property.parent }] : [];
  }

  /** `if (!ok) return;` before `child` in the same statement list proves `ok` at `child`. */
  private earlyExitFacts(statements: readonly Node[], child: Node): Fact[] {
    let exits = this.exitFactsCache.get(statements);
    if (!exits) {
      exits = this.scanEarlyExits(statements);
      this.exitFactsCache.set(statements, exits);
    }
    const index = exits.indexOf.get(child);
    return exits.facts.slice(0, index === undefined ? exits.facts.length : (exits.countBefore[index] ?? 0));
  }

  /** One pass over a statement list: the exit facts in order, and how many precede each statement. */
  private scanEarlyExits(statements: readonly Node[]): EarlyExits {
    const facts: Fact[] = [];
    const countBefore: number[] = [];
    const indexOf = new Map<Node, number>();
    statements.forEach((statement, index) => {
      countBefore.push(facts.length);
      indexOf.set(statement, index);
      facts.push(...this.exitFactsOf(statement));
    });
    return { facts, countBefore, indexOf };
  }

  /** What the statements after `statement` may assume because it exits otherwise. */
  private exitFactsOf(statement: Node): Fact[] {
    // `test.skip(cond)` in a Playwright test
    const skipped = testSkipCondition(this.sourceCode, statement);
    if (skipped) return this.conditionFacts(skipped, false);
    if (statement.type === 'IfStatement') {
      const thenExits = alwaysExits(statement.consequent, this.references, this.skipsTest);
      const elseExits = statement.alternate ? alwaysExits(statement.alternate, this.references, this.skipsTest) : false;
      if (thenExits && !elseExits) return this.conditionFacts(statement.test, false);
      if (elseExits && !thenExits) return this.conditionFacts(statement.test, true);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'LogicalExpression') {
      // `ok || process.exit(1)`
      const { left, right, operator } = statement.expression;
      if (operator !== '??' && isExitCall(right, this.references)) return this.conditionFacts(left, operator === '||');
    }
    return [];
  }

  private switchFacts(switchCase: TSESTree.SwitchCase): Fact[] {
    const { discriminant } = switchCase.parent;
    // `switch (command)` on an argv or env value: a case runs when the marker is set.
    const marker = this.markerSource(discriminant);
    const facts: Fact[] = marker ? [{ kind: 'marker', value: switchCase.test !== null, test: discriminant, marker }] : [];
    // `switch (process.platform)`, or `switch (options.platform)` on a target the analysis cannot identify.
    if (this.isPlatformSource(discriminant) || this.isUnknownValue(discriminant)) facts.push(...this.switchPlatformFacts(switchCase));
    return facts;
  }

  /** The platforms a case of a switch on a platform runs on, when every case it depends on names one. */
  private switchPlatformFacts(switchCase: TSESTree.SwitchCase): Fact[] {
    const statement = switchCase.parent;
    const cases = statement.cases;
    const index = cases.indexOf(switchCase);
    if (switchCase.test === null) {
      // `default`: every case that does not fall through into it is excluded.
      const excluded = new Set<Platform>();
      for (let other = 0; other < cases.length; other += 1) {
        const candidate = cases[other];
        if (!candidate || candidate === switchCase || !candidate.test) continue;
        const falls = other === index - 1 && !endsWithJump(candidate.consequent);
        const platform = caseToPlatform(candidate.test);
        if (!platform) return [];
        if (!falls) excluded.add(platform);
      }
      return [{ kind: 'platform', platforms: without(ALL_PLATFORMS, excluded), test: statement.discriminant }];
    }
    // This case and the empty cases that fall through into it.
    const included = new Set<Platform>();
    for (let other = index; other >= 0; other -= 1) {
      const candidate = cases[other];
      if (!candidate) break;
      if (other < index && candidate.consequent.length > 0) break;
      if (!candidate.test) return [];
      const platform = caseToPlatform(candidate.test);
      if (!platform) return [];
      included.add(platform);
    }
    return [{ kind: 'platform', platforms: included, test: statement.discriminant }];
  }

  private logicalFacts(node: TSESTree.LogicalExpression, assumed: boolean, depth: number): Fact[] {
    if (node.operator === '??') return [];
    const conjunction = (node.operator === '&&') === assumed;
    const left = this.conditionFacts(node.left, assumed, depth);
    const right = this.conditionFacts(node.right, assumed, depth);
    // `a && b` truthy, or `a || b` falsy: both hold.
    if (conjunction) return [...left, ...right];
    // A disjunction proves only what both sides prove: the union of platform sets, shared contexts.
    return disjunction(left, right, node);
  }

  private comparisonFacts(node: TSESTree.BinaryExpression, assumed: boolean): Fact[] {
    if (node.operator === 'in') {
      const name = stringValue(node.left);
      const object = this.references.refOf(skipTransparent(node.right));
      if (name === undefined || !object) return [];
      return assumed ? [{ kind: 'api', key: refKey({ module: object.module, path: [...object.path, name] }), test: node }] : [];
    }
    const negated = node.operator === '!==' || node.operator === '!=';
    if (!negated && node.operator !== '===' && node.operator !== '==') return [];
    const holds = assumed !== negated;
    return [...this.compare(node.left, node.right, holds, node), ...this.compare(node.right, node.left, holds, node)];
  }

  /** Facts from `subject == other` holding (`holds`) or not. */
  private compare(subjectNode: Node, otherNode: Node, holds: boolean, test: Node): Fact[] {
    const subject = skipTransparent(subjectNode);
    const other = skipTransparent(otherNode);
    const literal = stringValue(other);

    if (literal !== undefined && this.isPlatformSource(subject)) {
      const platform = this.platformOf(subject, literal);
      if (!platform) return [];
      const platforms = new Set<Platform>([platform]);
      return [{ kind: 'platform', platforms: holds ? platforms : without(ALL_PLATFORMS, platforms), test }];
    }
    if (literal !== undefined && ALL_PLATFORMS.has(literal as Platform) && this.isUnknownValue(subject)) {
      // `platform !== 'win32'` on a target platform: taken as that platform's code (see the header),
      // and still a marker when the value is one (`process.env.TARGET === 'linux'`).
      const platforms = new Set<Platform>([literal as Platform]);
      return [{ kind: 'platform', platforms: holds ? platforms : without(ALL_PLATFORMS, platforms), test }, ...this.markerFacts(subject, holds, test)];
    }
    if (literal !== undefined && subject.type === 'UnaryExpression' && subject.operator === 'typeof') {
      // `typeof process.send === 'function'`, `typeof process.getuid !== 'undefined'`
      const present = literal === 'undefined' ? !holds : holds;
      return this.presenceFacts(subject.argument, present, test);
    }
    if (isNullish(other)) return this.presenceFacts(subject, !holds, test);
    if (other.type === 'Literal' && typeof other.value === 'boolean') {
      return this.conditionFacts(subject, holds === other.value).map((fact) => ({ ...fact, test }));
    }
    const subjectRef = this.references.refOf(subject);
    if (isRef(subjectRef, REQUIRE_MODULE, 'main') && isRef(this.references.refOf(other), GLOBALS_MODULE, 'module')) {
      return [{ kind: 'entry-module', value: holds, test, entryCheck: 'require.main' }];
    }
    if (isRef(subjectRef, 'process', 'argv', '1') && selfReference(this.sourceCode, this.references, other)) {
      return [{ kind: 'entry-module', value: holds, test, entryCheck: 'argv[1]' }];
    }
    if (isRef(subjectRef, 'worker_threads', 'threadId') && other.type === 'Literal' && other.value === 0) {
      return [{ kind: 'main-thread', value: holds, test }];
    }
    return this.markerFacts(subject, holds, test);
  }

  /** Facts from a value tested for presence: `x`, `x != null`, `typeof x !== 'undefined'`. */
  private presenceFacts(valueNode: Node, present: boolean, test: Node): Fact[] {
    const value = skipTransparent(valueNode);
    const ref = this.references.refOf(value);
    if (isRef(ref, 'process', 'send') || isRef(ref, 'process', 'connected') || isRef(ref, 'process', 'channel')) {
      return [{ kind: 'ipc-child', value: present, test }];
    }
    if (isRef(ref, 'worker_threads', 'parentPort') || isRef(ref, 'worker_threads', 'workerData')) {
      return [{ kind: 'main-thread', value: !present, test }];
    }
    if (isRef(ref, GLOBALS_MODULE, 'module', 'parent')) {
      return [{ kind: 'entry-module', value: !present, test, entryCheck: 'module.parent' }];
    }
    if (isImportMetaMember(value, 'main')) {
      return [{ kind: 'entry-module', value: present, test, entryCheck: 'import.meta.main' }];
    }
    const marker = this.markerFacts(value, present, test);
    if (marker.length > 0) return marker;
    if (ref && present && isApiRef(ref)) return [{ kind: 'api', key: refKey(ref), test }];
    return [];
  }

  /** Facts from a value used as a condition. */
  private valueFacts(node: Node, assumed: boolean): Fact[] {
    const ref = this.references.refOf(node);
    if (isRef(ref, 'worker_threads', 'isMainThread')) return [{ kind: 'main-thread', value: assumed, test: node }];
    if (isRef(ref, 'cluster', 'isPrimary') || isRef(ref, 'cluster', 'isMaster')) {
      return [{ kind: 'cluster-primary', value: assumed, test: node }];
    }
    if (isRef(ref, 'cluster', 'isWorker')) return [{ kind: 'cluster-primary', value: !assumed, test: node }];
    const guardName = this.platformGuardName(node);
    if (guardName !== undefined) {
      const platforms = new Set(this.settings.platformGuards.get(guardName));
      return [{ kind: 'platform', platforms: assumed ? platforms : without(ALL_PLATFORMS, platforms), test: node }];
    }
    // `import { IS_WINDOWS } from '../../questions/platform.js'`
    const imported = ref ? undefined : this.importedFlags?.platformsOf(node);
    if (imported) return [{ kind: 'platform', platforms: assumed ? new Set(imported) : without(ALL_PLATFORMS, imported), test: node }];
    return this.presenceFacts(node, assumed, node);
  }

  /**
   * `process.platform.startsWith('win')`, `/^win/.test(process.platform)`, `[…].includes(platform)`.
   * On a value the analysis cannot identify (a target platform), only the tests that are plainly
   * about platforms count: a list of platform names, or a Windows test (`platform.startsWith('win')`);
   * `name.startsWith('--')` or `/a/.test(word)` says nothing about a platform.
   */
  private callFacts(node: TSESTree.CallExpression, assumed: boolean): Fact[] {
    const callee = skipTransparent(node.callee);
    if (callee.type !== 'MemberExpression') return [];
    const method = memberName(callee);
    const [argument] = node.arguments;
    if (!argument || method === undefined) return [];
    // `process.argv.includes('--child')`
    const markers = this.markerFacts(callee.object, assumed, node);
    const stringTest = argument.type === 'SpreadElement' ? undefined : platformStringTest(callee.object, method, argument);
    if (!stringTest) return markers;
    const platforms = new Set(PLATFORMS.filter(stringTest.matches));
    const counts =
      this.isPlatformSource(stringTest.subject) || (this.isUnknownValue(stringTest.subject) && namesPlatforms(stringTest, platforms));
    if (!counts) return markers;
    return [{ kind: 'platform', platforms: assumed ? platforms : without(ALL_PLATFORMS, platforms), test: node }, ...markers];
  }

  /**
   * A value the analysis cannot identify: a parameter, a member (`options.platform`, `target.os`,
   * `process.env.TARGET`) or a call result, also through constants. A string the file shows
   * (`const p = 'linux'`, a member of an object literal) is known, and comparing it proves nothing.
   */
  private isUnknownValue(node: Node): boolean {
    const value = followConstant(this.sourceCode, node);
    if (value.type === 'MemberExpression') return followConstant(this.sourceCode, value.object).type !== 'ObjectExpression';
    return value.type === 'Identifier' || value.type === 'CallExpression';
  }

  /** `process.platform`, `os.platform()`, `os.type()`, or a constant holding one. */
  private isPlatformSource(node: Node): boolean {
    return this.platformSourceKind(node) !== undefined;
  }

  private platformSourceKind(nodeIn: Node): 'platform' | 'type' | undefined {
    let node = skipTransparent(nodeIn);
    if (node.type === 'Identifier' && !this.references.refOf(node)) {
      const init = constantInitializer(this.sourceCode, node);
      if (init) node = skipTransparent(init);
    }
    const ref = this.references.refOf(node);
    if (isRef(ref, 'process', 'platform') || isRef(ref, 'os', 'platform', CALL_RESULT)) return 'platform';
    if (isRef(ref, 'os', 'type', CALL_RESULT)) return 'type';
    return undefined;
  }

  private platformOf(source: Node, literal: string): Platform | undefined {
    if (this.platformSourceKind(source) === 'type') return OS_TYPE_PLATFORMS.get(literal);
    return ALL_PLATFORMS.has(literal as Platform) ? (literal as Platform) : undefined;
  }

  /**
   * `process.argv…`, `process.env…`, `workerData.x`: values a parent sets for the child it starts,
   * also through constants and destructuring (`const [, , mode] = process.argv`) and `util.parseArgs()` results.
   */
  private markerSource(node: Node): 'argv' | 'env' | 'workerData' | undefined {
    for (let current = skipTransparent(node), aliases = 0; ; ) {
      const ref = this.references.refOf(current);
      if (ref?.module === 'worker_threads' && ref.path[0] === 'workerData' && ref.path.length > 1) return 'workerData';
      if (ref?.module === 'process') {
        if (ref.path[0] === 'argv' || ref.path[0] === 'execArgv') return 'argv';
        if (ref.path[0] === 'env') return 'env';
      }
      if (ref?.module === 'util' && ref.path[0] === 'parseArgs' && ref.path[1] === CALL_RESULT) return 'argv';
      let next: Node | undefined;
      if (current.type === 'MemberExpression') next = current.object;
      else if (current.type === 'CallExpression') next = current.callee;
      else if (current.type === 'Identifier' && !ref && aliases++ < MAX_ALIAS_DEPTH) next = sourceInitializer(this.sourceCode, current);
      if (!next) return undefined;
      current = skipTransparent(next);
    }
  }

  private markerFacts(node: Node, value: boolean, test: Node): Fact[] {
    const marker = this.markerSource(node);
    return marker ? [{ kind: 'marker', value, test, marker }] : [];
  }

  private platformGuardName(node: Node): string | undefined {
    if (this.settings.platformGuards.size === 0) return undefined;
    const inner = skipTransparent(node);
    if (inner.type === 'CallExpression' && inner.arguments.length === 0) return this.platformGuardName(inner.callee);
    let name: string | undefined;
    if (inner.type === 'Identifier') {
      // A local `const isWindows = …` is judged by its initializer, not by its name.
      const local = constantInitializer(this.sourceCode, inner);
      name = local ? undefined : inner.name;
      if (name !== undefined && isGlobalIdentifier(this.sourceCode, inner, name) && !this.settings.platformGuards.has(name)) {
        return undefined;
      }
    } else if (inner.type === 'MemberExpression') {
      name = memberName(inner);
    }
    return name !== undefined && this.settings.platformGuards.has(name) ? name : undefined;
  }
}


/** The class body around `node` where `this` is the instance: not across a non-arrow function. */
function enclosingClassBody(node: Node): TSESTree.ClassBody | undefined {
  let crossedFunction = false;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return crossedFunction ? current : undefined;
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      // A method's own function is where `this` is the instance; any other function rebinds it.
      if (current.parent?.type !== 'MethodDefinition') return undefined;
      crossedFunction = true;
    }
  }
  return undefined;
}

/** `export function f`, `export default function`, `export const f = () => …`: callable from anywhere. */
function isExported(fn: FunctionNode): boolean {
  const holder = fn.parent?.type === 'VariableDeclarator' ? fn.parent.parent?.parent : fn.parent;
  return holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration';
}

/** Whether a reference names an API (a member of a module), not a module object. */
function isApiRef(ref: ModuleRef): boolean {
  return ref.path.length > 0 && !ref.path.includes(CALL_RESULT);
}

function isNullish(node: Node): boolean {
  if (node.type === 'Literal' && node.value === null) return true;
  if (node.type === 'Identifier' && node.name === 'undefined') return true;
  return node.type === 'UnaryExpression' && node.operator === 'void';
}

function caseToPlatform(test: Node): Platform | undefined {
  const literal = stringValue(test);
  return literal !== undefined && ALL_PLATFORMS.has(literal as Platform) ? (literal as Platform) : undefined;
}

function without<T>(all: ReadonlySet<T>, removed: ReadonlySet<T>): Set<T> {
  return new Set([...all].filter((item) => !removed.has(item)));
}

/** A string test a platform value can be put to: which value it tests, and what it accepts. */
interface PlatformStringTest {
  readonly subject: Node;
  readonly matches: (platform: Platform) => boolean;
  /** The needle or regular expression source; undefined for a list. */
  readonly pattern?: string;
  /** For a list: whether every element is a platform name. */
  readonly listsPlatforms?: boolean;
}

/** `x.startsWith('win')`, `x.endsWith(…)`, `x.includes(…)`, `/re/.test(x)`, `['a', 'b'].includes(x)`. */
function platformStringTest(object: Node, method: string, argument: Node): PlatformStringTest | undefined {
  if (object.type === 'ArrayExpression') {
    if (method !== 'includes') return undefined;
    const listed = object.elements.map((element) => (element ? stringValue(element) : undefined));
    const names = new Set(listed);
    const listsPlatforms = listed.length > 0 && listed.every((name) => name !== undefined && ALL_PLATFORMS.has(name as Platform));
    return { subject: argument, matches: (platform) => names.has(platform), listsPlatforms };
  }
  if (object.type === 'Literal' && 'regex' in object) {
    const regex = method === 'test' ? safeRegExp(object.regex.pattern, object.regex.flags) : undefined;
    return regex && { subject: argument, matches: (platform) => regex.test(platform), pattern: object.regex.pattern };
  }
  const needle = stringValue(argument);
  if (needle === undefined) return undefined;
  if (method === 'startsWith') return { subject: object, matches: (platform) => platform.startsWith(needle), pattern: needle };
  if (method === 'endsWith') return { subject: object, matches: (platform) => platform.endsWith(needle), pattern: needle };
  if (method === 'includes') return { subject: object, matches: (platform) => platform.includes(needle), pattern: needle };
  return undefined;
}

/** Whether a test of an unknown value is plainly about platforms: a list of names, or a Windows test. */
function namesPlatforms(test: PlatformStringTest, platforms: ReadonlySet<Platform>): boolean {
  if (test.pattern === undefined) return test.listsPlatforms === true;
  return platforms.size === 1 && platforms.has('win32') && /win/i.test(test.pattern);
}

function safeRegExp(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return undefined;
  }
}

/** The facts both sides of a disjunction prove. */
function disjunction(left: readonly Fact[], right: readonly Fact[], test: Node): Fact[] {
  const result: Fact[] = [];
  const leftPlatforms = left.filter((fact) => fact.kind === 'platform');
  const rightPlatforms = right.filter((fact) => fact.kind === 'platform');
  if (leftPlatforms.length > 0 && rightPlatforms.length > 0) {
    result.push({
      kind: 'platform',
      platforms: new Set([...intersectAll(leftPlatforms), ...intersectAll(rightPlatforms)]),
      test,
    });
  }
  // `isMainThread || workerData?.own !== true`: in the child the parent marked, the side that
  // holds when the marker is absent is false, so there the disjunction proves what the other proves.
  // Platform facts say nothing about the start context (`process.env.TARGET !== 'win32'` is both).
  const onlyAbsentMarkers = (facts: readonly Fact[]): boolean => {
    const context = facts.filter((fact) => fact.kind !== 'platform');
    return context.length > 0 && context.every((fact) => fact.kind === 'marker' && !fact.value);
  };
  if (onlyAbsentMarkers(left) !== onlyAbsentMarkers(right)) {
    result.push(...[...left, ...right].filter((fact) => fact.kind !== 'platform' && fact.kind !== 'caught').map((fact) => ({ ...fact, test })));
    return result;
  }
  for (const fact of left) {
    if (fact.kind === 'platform' || fact.kind === 'caught') continue;
    const shared = right.some((other) => sameFact(fact, other));
    if (shared) result.push({ ...fact, test });
  }
  return result;
}

function sameFact(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'api' && b.kind === 'api') return a.key === b.key;
  if ('value' in a && 'value' in b) return a.value === b.value;
  return false;
}

/** `process.exit()`, `process.abort()`, `process.exitCode`-free exits. */
export function isExitCall(node: Node, references: ReferenceIndex): boolean {
  const inner = skipTransparent(node);
  if (inner.type !== 'CallExpression') return false;
  const callee = references.refOf(inner.callee);
  return isRef(callee, 'process', 'exit') || isRef(callee, 'process', 'abort') || isRef(callee, 'process', 'reallyExit');
}

/** Whether a statement always leaves the enclosing statement list: return, throw, exit, jump (or a test skip). */
export function alwaysExits(statement: Node, references: ReferenceIndex, skips?: (expression: Node) => boolean): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
    case 'BreakStatement':
      return true;
    case 'ExpressionStatement':
      return isExitCall(statement.expression, references) || skips?.(statement.expression) === true;
    case 'BlockStatement':
      return statement.body.some((inner) => alwaysExits(inner, references, skips));
    case 'IfStatement':
      return (
        statement.alternate !== null &&
        statement.alternate !== undefined &&
        alwaysExits(statement.consequent, references, skips) &&
        alwaysExits(statement.alternate, references, skips)
      );
    default:
      return false;
  }
}

function endsWithJump(statements: readonly Node[]): boolean {
  const last = statements.at(-1);
  if (!last) return false;
  if (last.type === 'BlockStatement') return endsWithJump(last.body);
  return last.type === 'BreakStatement' || last.type === 'ReturnStatement' || last.type === 'ThrowStatement' || last.type === 'ContinueStatement';
}

