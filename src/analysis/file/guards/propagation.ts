/**
 * Propagation: which facts hold at a node, carried down the tree from the conditions that lead to
 * it: `if`/`else`, ternaries, `&&`/`||`, `switch` cases, early exits (`if (!ok) return;`,
 * node:assert's `assert(ok)` and a local function that throws unless `ok` prove `ok` after them),
 * `try` blocks with a `catch`, tests that run only on some platforms (test-guards.ts), the callers
 * of a function (callers.ts), and the platforms a file's path names (its Program).
 *
 * The facts of a node are its own edge's facts over its parent's, so each ancestor is computed once
 * per file and a query costs the path to the nearest ancestor already known; the platforms those
 * facts allow are combined on the same pass, so that reading them at a node costs nothing more.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Platform } from '../../catalog/platform-apis.js';
import { isFunction, stringValue, walk, type FunctionNode } from '../../syntax/ast.js';
import { localFunction, writeCount } from '../../syntax/scope.js';
import type { ReferenceIndex } from '../references.js';
import { assertedCondition } from './assertions.js';
import { ALL_PLATFORMS, disjunction, without, type ConditionReader } from './conditions.js';
import { alwaysExits, endsWithJump, isExitCall, throwingCalls } from './exits.js';
import type { Fact } from './facts.js';
import type { StepCounter } from './steps.js';
import { isTestSkipCall, testCallbackFacts, testSkipCondition } from './test-guards.js';

type Node = TSESTree.Node;
/** Branches of an `if`/`else if` chain read for what holds after it. */
const MAX_EXIT_CHAIN = 8;

/** The early-exit facts of one statement list, computed in one pass. */
interface EarlyExits {
  readonly facts: readonly Fact[];
  /** For each statement, and after the last, how many of `facts` come from the statements before it. */
  readonly countBefore: readonly number[];
  /** For each statement, and after the last, the platforms the exits before it allow. */
  readonly platformsBefore: readonly ReadonlySet<Platform>[];
  readonly indexOf: ReadonlyMap<Node, number>;
  /**
   * By count: the exits before a statement over the list's parent's facts, what a statement with no
   * facts of its own holds. Shared by the statements between two exits instead of copied into each.
   */
  readonly withParentFacts: Map<number, readonly Fact[]>;
}

export class FactPropagation {
  // Plain maps: they live only as long as the file's analysis, and V8 marks large WeakMaps slowly.
  private readonly factsOf = new Map<Node, readonly Fact[]>();
  private readonly platformsOf = new Map<Node, ReadonlySet<Platform>>();
  /** The early-exit facts of each statement list, by the index of the statement they precede. */
  private readonly exitsOf = new Map<readonly Node[], EarlyExits>();
  private readonly skipsTest = (expression: Node): boolean => isTestSkipCall(this.sourceCode, expression);
  /** The facts of the calls each statement always makes that throw on some platforms (throwingFacts). */
  private readonly thrownBy = new Map<Node, readonly Fact[]>();
  /** The platform facts a local function's completion proves (assertionFacts). */
  private readonly assertedBy = new Map<FunctionNode, readonly Fact[]>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly references: ReferenceIndex,
    private readonly conditions: ConditionReader,
    /** The facts a function's callers prove about its body (callers.ts). */
    private readonly callerFacts: (fn: FunctionNode) => readonly Fact[],
    private readonly counter: StepCounter,
    /** The platforms the file's path names and its CI runs it on (file-model.ts): the facts of its Program. */
    private readonly filePlatforms?: ReadonlySet<Platform>,
  ) {}

  /** Every fact that holds when `node` runs, innermost first, as the rules read them. */
  factsAt(node: Node): readonly Fact[] {
    this.compute(node);
    return this.factsOf.get(node) ?? [];
  }

  /** The platforms every fact at `node` allows. */
  platformsAt(node: Node): ReadonlySet<Platform> {
    this.compute(node);
    return this.platformsOf.get(node) ?? ALL_PLATFORMS;
  }

  isKnown(node: Node): boolean {
    return this.factsOf.has(node);
  }

  /** Computes the facts of `node` and of its ancestors not yet known, outermost first. */
  private compute(node: Node): void {
    const pending: Node[] = [];
    let current: Node | undefined = node;
    while (current && !this.factsOf.has(current)) {
      pending.push(current);
      current = current.parent;
    }
    let inherited: readonly Fact[] = current ? (this.factsOf.get(current) ?? []) : [];
    let platforms = current ? (this.platformsOf.get(current) ?? ALL_PLATFORMS) : ALL_PLATFORMS;
    for (let index = pending.length - 1; index >= 0; index -= 1) {
      const child = pending[index] as Node;
      const parent = child.parent;
      const own = parent ? this.factsFromParent(child, parent) : this.programFacts(child);
      const statements = parent && this.statementsAround(child, parent);
      const before = statements ? this.earlyExitsBefore(statements, child) : undefined;
      const callers = parent && isFunction(parent) && child === parent.body ? this.callerFacts(parent) : [];
      this.counter.steps += 1 + own.length + callers.length;
      platforms = narrowed(narrowed(platforms, own), callers);
      // The exits before a statement come with their platforms combined once per statement list.
      const exitPlatforms = before ? (before.exits.platformsBefore[before.index] ?? ALL_PLATFORMS) : ALL_PLATFORMS;
      if (exitPlatforms !== ALL_PLATFORMS) platforms = intersection(platforms, exitPlatforms);
      // Innermost facts first, each edge's in the order: its own, the exits before it, its callers'.
      const count = before ? (before.exits.countBefore[before.index] ?? 0) : 0;
      if (before && count > 0 && own.length === 0 && callers.length === 0) {
        const { exits } = before;
        let shared = exits.withParentFacts.get(count);
        if (!shared) exits.withParentFacts.set(count, (shared = [...exits.facts.slice(0, count), ...inherited]));
        inherited = shared;
      } else {
        const added = count > 0 ? [...own, ...(before?.exits.facts.slice(0, count) ?? []), ...callers] : [...own, ...callers];
        if (added.length > 0) inherited = [...added, ...inherited];
      }
      this.factsOf.set(child, inherited);
      this.platformsOf.set(child, platforms);
    }
  }

  /** What holds in the whole file: the platforms its path names. */
  private programFacts(program: Node): Fact[] {
    return this.filePlatforms ? [{ kind: 'platform', platforms: this.filePlatforms, test: program }] : [];
  }

  /** The facts `child`'s edge from `parent` adds, but for the early exits (earlyExitsBefore). */
  private factsFromParent(child: Node, parent: Node): Fact[] {
    switch (parent.type) {
      case 'IfStatement':
        // The test ran first: a call in it that throws on some platforms holds in both branches.
        if (child === parent.consequent) return [...this.conditions.conditionFacts(parent.test, true), ...this.throwingFacts(parent)];
        if (child === parent.alternate) return [...this.conditions.conditionFacts(parent.test, false), ...this.throwingFacts(parent)];
        return [];
      case 'ConditionalExpression':
        if (child === parent.consequent) return this.conditions.conditionFacts(parent.test, true);
        if (child === parent.alternate) return this.conditions.conditionFacts(parent.test, false);
        return [];
      case 'LogicalExpression':
        if (child !== parent.right) return [];
        if (parent.operator === '&&') return this.conditions.conditionFacts(parent.left, true);
        if (parent.operator === '||') return this.conditions.conditionFacts(parent.left, false);
        return [];
      case 'SwitchCase':
        return child === parent.test ? [] : this.switchFacts(parent);
      case 'TryStatement':
        return child === parent.block && parent.handler ? [{ kind: 'caught', test: parent }] : [];
      case 'CallExpression':
        return testCallbackFacts(this.sourceCode, child, parent, (test, assumed) => this.conditions.conditionFacts(test, assumed));
      default:
        return [];
    }
  }

  /** The statement list `child` is in, whose earlier exits hold at it. */
  private statementsAround(child: Node, parent: Node): readonly Node[] | undefined {
    switch (parent.type) {
      case 'SwitchCase':
        return child === parent.test ? undefined : parent.consequent;
      case 'BlockStatement':
      case 'StaticBlock':
      case 'Program':
        return parent.body;
      default:
        return undefined;
    }
  }

  /** `if (!ok) return;` before `child` in the same statement list proves `ok` at `child`: the list's exits, and `child`'s index in them. */
  private earlyExitsBefore(statements: readonly Node[], child: Node): { readonly exits: EarlyExits; readonly index: number } {
    let exits = this.exitsOf.get(statements);
    if (!exits) {
      exits = this.scanEarlyExits(statements);
      this.exitsOf.set(statements, exits);
    }
    return { exits, index: exits.indexOf.get(child) ?? statements.length };
  }

  /** One pass over a statement list: the exit facts in order, and how many precede each statement. */
  private scanEarlyExits(statements: readonly Node[]): EarlyExits {
    const facts: Fact[] = [];
    const countBefore: number[] = [];
    const platformsBefore: ReadonlySet<Platform>[] = [];
    const indexOf = new Map<Node, number>();
    let platforms = ALL_PLATFORMS;
    statements.forEach((statement, index) => {
      countBefore.push(facts.length);
      platformsBefore.push(platforms);
      indexOf.set(statement, index);
      const exits = this.exitFactsOf(statement);
      this.counter.steps += 1 + exits.length;
      facts.push(...exits);
      platforms = narrowed(platforms, exits);
    });
    // After the last statement: what a node outside the list (a `switch` case's test) sees.
    countBefore.push(facts.length);
    platformsBefore.push(platforms);
    return { facts, countBefore, platformsBefore, indexOf, withParentFacts: new Map() };
  }

  /**
   * What the statements after `statement` may assume because it exits otherwise. `followCalls`:
   * also through a local function that asserts (off while one is read, so that it reads one level).
   */
  private exitFactsOf(statement: Node, followCalls = true): readonly Fact[] {
    const thrown = this.throwingFacts(statement);
    const exits = this.exitFactsOfStatement(statement, followCalls);
    return thrown.length === 0 ? exits : [...exits, ...thrown];
  }

  /** `process.getuid()` throws on Windows: what follows a statement that always calls it runs elsewhere. */
  private throwingFacts(statement: Node): readonly Fact[] {
    // Read once per statement: an `if`'s branches and the statements after it ask for the same.
    let facts = this.thrownBy.get(statement);
    if (!facts) {
      const calls = throwingCalls(statement, this.references);
      this.counter.steps += calls.length;
      this.thrownBy.set(statement, (facts = calls.map(({ call, platforms }) => ({ kind: 'platform', platforms, test: call }))));
    }
    return facts;
  }

  private exitFactsOfStatement(statement: Node, followCalls: boolean): readonly Fact[] {
    // `test.skip(cond)` in a Playwright test
    const skipped = testSkipCondition(this.sourceCode, statement);
    if (skipped) return this.conditions.conditionFacts(skipped, false);
    if (statement.type === 'IfStatement') {
      return this.completionFacts(statement);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression') {
      // `assert(ok)` throws unless `ok`
      const asserted = assertedCondition(this.sourceCode, statement.expression);
      if (asserted) return this.conditions.conditionFacts(asserted, true);
      if (followCalls) return this.assertionFacts(statement.expression, false);
    } else if (followCalls && statement.type === 'ExpressionStatement' && statement.expression.type === 'AwaitExpression' && statement.expression.argument.type === 'CallExpression') {
      return this.assertionFacts(statement.expression.argument, true);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'LogicalExpression') {
      // `ok || process.exit(1)`
      const { left, right, operator } = statement.expression;
      if (operator !== '??' && isExitCall(right, this.references)) return this.conditions.conditionFacts(left, operator === '||');
    }
    return [];
  }

  /**
   * What a call of a local function that throws unless a platform test holds proves after it
   * (`assertSupported();` with `function assertSupported() { if (!isMac) throw … }`): the
   * platform facts of the exits of its body, when it has no `return`, so that it completes only
   * past them. An async function's throw stops its caller only through `await`. One level: the
   * calls in its body are not followed, so no chain of functions deepens the stack.
   */
  private assertionFacts(call: TSESTree.CallExpression, awaited: boolean): readonly Fact[] {
    const local = call.callee.type === 'Identifier' ? localFunction(this.sourceCode, call.callee) : undefined;
    if (!local) return [];
    const { variable, fn } = local;
    if (fn.body.type !== 'BlockStatement' || fn.generator || (fn.async && !awaited)) return [];
    if (writeCount(variable) !== (fn.type === 'FunctionDeclaration' ? 0 : 1)) return [];
    let facts = this.assertedBy.get(fn);
    if (facts === undefined) {
      const body = fn.body;
      facts = hasReturn(body, this.sourceCode.visitorKeys) ? [] : body.body.flatMap((statement) => this.exitFactsOf(statement, false)).filter((fact) => fact.kind === 'platform');
      this.counter.steps += 1 + body.body.length;
      this.assertedBy.set(fn, facts);
    }
    return facts;
  }

  /**
   * What holds after an `if`/`else if` chain that completes: what one of the branches that do not
   * always exit proves (`if (darwin) … else if (linux) … else throw` proves darwin or linux after it;
   * `if (!ok) return` proves `ok`). Nothing when every branch completes, or for a chain longer than
   * MAX_EXIT_CHAIN (each branch carries the tests before it).
   */
  private completionFacts(statement: TSESTree.IfStatement): Fact[] {
    const completing: Fact[][] = [];
    let failed: Fact[] = [];
    let branches = 0;
    let current: Node | null | undefined = statement;
    for (; current?.type === 'IfStatement' && branches < MAX_EXIT_CHAIN; current = current.alternate, branches += 1) {
      if (!alwaysExits(current.consequent, this.references, this.skipsTest)) completing.push([...failed, ...this.conditions.conditionFacts(current.test, true)]);
      failed = [...failed, ...this.conditions.conditionFacts(current.test, false)];
    }
    if (current?.type === 'IfStatement') return [];
    branches += 1;
    if (!current || !alwaysExits(current, this.references, this.skipsTest)) completing.push(failed);
    if (completing.length === branches || completing.length === 0) return [];
    return completing.reduce((left, right) => disjunction(left, right, statement.test));
  }

  private switchFacts(switchCase: TSESTree.SwitchCase): Fact[] {
    const { discriminant } = switchCase.parent;
    // `switch (command)` on an argv or env value: a case runs when the marker is set.
    const marker = this.conditions.markerSource(discriminant);
    const facts: Fact[] = marker ? [{ kind: 'marker', value: switchCase.test !== null, test: discriminant, marker }] : [];
    // `switch (process.platform)`, `switch (getPlatform())` on a value computed from it, or `switch
    // (options.platform)` on a target the analysis cannot identify.
    facts.push(...this.switchPlatformFacts(switchCase));
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
        const platforms = this.casePlatforms(statement.discriminant, candidate.test);
        if (!platforms) return [];
        if (!falls) for (const platform of platforms) excluded.add(platform);
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
      const platforms = this.casePlatforms(statement.discriminant, candidate.test);
      if (!platforms) return [];
      for (const platform of platforms) included.add(platform);
    }
    return [{ kind: 'platform', platforms: included, test: statement.discriminant }];
  }

  /**
   * The platforms a case label stands for: the platform it names under `process.platform` (`'Darwin'`
   * under `os.type()`), those on which a value computed from the platform is the label, or the
   * platform it names for a target the analysis cannot identify.
   */
  private casePlatforms(discriminant: Node, test: Node): ReadonlySet<Platform> | undefined {
    const literal = stringValue(test);
    if (literal === undefined) return undefined;
    if (this.conditions.isPlatformSource(discriminant)) {
      const platform = this.conditions.platformOf(discriminant, literal);
      return platform && new Set([platform]);
    }
    const computed = this.conditions.platformsEqual(discriminant, literal);
    if (computed) return computed;
    const platform = this.conditions.isUnknownValue(discriminant) ? this.conditions.platformOf(discriminant, literal) : undefined;
    return platform && new Set([platform]);
  }
}

/** `platforms` less what the platform facts among `facts` rule out; the same set when they rule out nothing. */
function narrowed(platforms: ReadonlySet<Platform>, facts: readonly Fact[]): ReadonlySet<Platform> {
  let result = platforms;
  for (const fact of facts) {
    if (fact.kind !== 'platform' || [...result].every((platform) => fact.platforms.has(platform))) continue;
    result = new Set([...result].filter((platform) => fact.platforms.has(platform)));
  }
  return result;
}

function intersection(platforms: ReadonlySet<Platform>, allowed: ReadonlySet<Platform>): ReadonlySet<Platform> {
  return new Set([...platforms].filter((platform) => allowed.has(platform)));
}

/** Whether a function body has a `return` of its own (not of a function inside it). */
function hasReturn(body: TSESTree.BlockStatement, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(body, visitorKeys, (node) => {
    if (found || (node !== body && isFunction(node))) return false;
    if (node.type === 'ReturnStatement') found = true;
    return !found;
  });
  return found;
}
