/**
 * Conditions: what a test expression proves about the running context when it evaluates truthy or
 * falsy: a start context (`isMainThread`, `process.send === undefined`, `require.main === module`,
 * an argv/env/workerData marker), a platform (`process.platform !== 'win32'`, `os.type()`, a
 * project's `isWindows`, a flag imported from another module), or an API's presence (`typeof
 * process.getuid === 'function'`), through negation, `&&`/`||`, constants and local predicates; a
 * constant `false` (or `true`, for the `else`) proves the branch runs on no platform.
 *
 * A platform name compared with a value the analysis cannot identify (`if (options.platform !==
 * 'win32')`, a target passed by the caller) proves the platform as a host test does: such code is
 * taken as that platform's code, and the platform rules stay silent there (unknown stays unknown).
 * So does the host's platform behind a caller's override (`options.platform || process.platform`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { OS_TYPE_PLATFORMS, PLATFORM_FLAG_EXPORTS, PLATFORMS, type Platform } from '../../catalog/platform-apis.js';
import { FLAG_SOURCES, PRESENCE_SOURCES, type ContextSource } from '../../catalog/start-contexts.js';
import { hasSpread, isFunction, isImportMetaMember, isNullish, literalRegExp, memberKey, memberName, propertyValue, returnedExpression, skipTransparent, stringValue, type FunctionNode } from '../../syntax/ast.js';
import { constantInitializer, initializerAtRead, isGlobalIdentifier, parameterDefault, readsParameter, resolveVariable } from '../../syntax/scope.js';
import {
  CALL_RESULT,
  GLOBALS_MODULE,
  isRef,
  refKey,
  REQUIRE_MODULE,
  type ModuleRef,
  type ReferenceIndex,
} from '../references.js';
import { settledProperty } from '../module-properties.js';
import { followConstant, selfReference, type SelfReference } from '../values.js';
import { readOnlyTable } from '../value-sets.js';
import { intersectAll, type Fact, type PlatformFact } from './facts.js';
import { MarkerReader, type Marker } from './markers.js';
import { platformsAnswering, platformStrings, platformValues, type PlatformStrings, type PlatformValueReader } from './platform-values.js';
import { refusalAnswers, type RefusalReader } from './platform-refusals.js';

type Node = TSESTree.Node;

/**
 * The platforms an imported flag stands for (`if (isWindows)` with `isWindows` from another module),
 * read by the project layer (`project/imported-flags.ts`) and handed in from above.
 */
export interface ImportedPlatformFlags {
  platformsOf(node: Node): ReadonlySet<Platform> | undefined;
  /** What `node`, an imported value computed from the platform or a call of an imported function that maps it, is on each platform. */
  platformStrings(node: Node): PlatformStrings | undefined;
}

export interface GuardSettings {
  /** Identifiers or member names (a project's own `isWindows`) that prove a platform when truthy. */
  readonly platformGuards: ReadonlyMap<string, readonly Platform[]>;
}

export const ALL_PLATFORMS: ReadonlySet<Platform> = new Set(PLATFORMS);
const NO_PLATFORMS: ReadonlySet<Platform> = new Set();
const MAX_ALIAS_DEPTH = 4;

export class ConditionReader {
  private markers?: MarkerReader;
  /** What each local function read for it returns on each platform (platform-values.ts); null: unknown. */
  private readonly valuesOf = new Map<FunctionNode, PlatformStrings | null>();
  private readingValues = false;
  /** Values being evaluated on each platform, nested: bounded, as their tests may compare other values. */
  private evaluating = 0;
  private readonly stringsOf = new Map<Node, PlatformStrings | null>();
  private valueReader?: PlatformValueReader;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly references: ReferenceIndex,
    private readonly settings: GuardSettings,
    private readonly importedFlags?: ImportedPlatformFlags,
  ) {}

  /** What `test` proves when it evaluates truthy (`assumed` true) or falsy. */
  conditionFacts(test: Node, assumed: boolean, depth = 0): Fact[] {
    const node = skipTransparent(test);
    switch (node.type) {
      case 'UnaryExpression':
        return node.operator === '!' ? this.conditionFacts(node.argument, !assumed, depth) : [];
      case 'LogicalExpression':
        return this.logicalFacts(node, assumed, depth);
      case 'ConditionalExpression':
        return this.conditionalFacts(node, assumed, depth);
      case 'BinaryExpression':
        return this.comparisonFacts(node, assumed);
      case 'Identifier':
        return this.flagFacts(node, assumed, depth);
      case 'MemberExpression':
        return this.memberFacts(node, assumed, depth);
      case 'MetaProperty':
        return this.valueFacts(node, assumed);
      case 'Literal':
        // `if (false)`, or a constant flag `false` (read through flagFacts): the branch that needs the
        // other value runs on no platform. A regular expression is an object, truthy even when this
        // Node cannot build it (its `value` is then null).
        return ('regex' in node || Boolean(node.value)) === assumed ? [] : [{ kind: 'platform', platforms: NO_PLATFORMS, test: node }];
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
    if (depth >= MAX_ALIAS_DEPTH) return [];
    const fn = this.predicateOf(skipTransparent(call.callee));
    const returned = call.arguments.length === 0 ? returnedExpression(fn) : undefined;
    if (returned) {
      return this.conditionFacts(returned, assumed, depth + 1)
        .filter((fact) => fact.kind === 'platform')
        .map((fact) => ({ ...fact, test: call }));
    }
    // A platform refusal (platform-refusals.ts): where its answer is not proven to be what the test needs, the code is not proven to run.
    const answers = fn && refusalAnswers(fn, ALL_PLATFORMS, this.refusalReader(depth));
    if (!answers) return [];
    const needed = assumed ? 'truthy' : 'falsy';
    return [{ kind: 'platform', platforms: new Set([...answers].filter(([, answer]) => answer === needed).map(([platform]) => platform)), test: call }];
  }

  private refusalReader(depth: number): RefusalReader {
    return {
      platformsWhen: (test, holds) => this.platformsWhen(test, holds, depth + 1),
      readsParameter: (test, fn) => readsParameter(this.sourceCode, test, fn),
    };
  }

  /**
   * The platforms on which `subject`, a value computed from the platform (`process.platform.replace('win32',
   * 'windows')`, a table's entry, a call of a local or imported function that maps it), is `value`;
   * undefined when not known (platform-values.ts).
   */
  platformsEqual(subject: Node, value: string): ReadonlySet<Platform> | undefined {
    const values = this.platformStrings(subject);
    return values && platformsAnswering(values, value);
  }

  /**
   * What `subject` is on each platform, when it is computed from the platform only. Kept for each
   * subject asked first (a switch asks for each label), not for those asked while evaluating another,
   * where the bound on nesting may have cut the answer short.
   */
  private platformStrings(subject: Node): PlatformStrings | undefined {
    const outermost = this.evaluating === 0;
    if (outermost && this.stringsOf.has(subject)) return this.stringsOf.get(subject) ?? undefined;
    if (this.evaluating >= MAX_ALIAS_DEPTH) return undefined;
    this.evaluating += 1;
    try {
      const strings = platformStrings(subject, ALL_PLATFORMS, (this.valueReader ??= this.platformValueReader()));
      if (outermost) this.stringsOf.set(subject, strings ?? null);
      return strings;
    } finally {
      this.evaluating -= 1;
    }
  }

  private platformValueReader(): PlatformValueReader {
    return {
      platformsWhen: (test, holds) => this.platformsWhen(test, holds, 0),
      isPlatformSource: (node) => this.platformSourceKind(node) === 'platform',
      valueOf: (node) => {
        if (node.type === 'MemberExpression') return settledProperty(this.sourceCode, node);
        return initializerAtRead(this.sourceCode, node);
      },
      tableOf: (node) => readOnlyTable(this.sourceCode, node),
      foreignValues: (node) => (node.type === 'CallExpression' ? this.callValues(node) : this.importedFlags?.platformStrings(node)),
      declares: (statement) => statement.kind === 'const',
    };
  }

  /** What a call without arguments of a function that maps the platform to names answers on each platform. */
  private callValues(call: TSESTree.CallExpression): PlatformStrings | undefined {
    if (call.arguments.length > 0) return undefined;
    const fn = this.predicateOf(skipTransparent(call.callee));
    if (!fn) return this.importedFlags?.platformStrings(call);
    // A parameter it is not given would be `undefined`, whatever its tests read of it.
    if (fn.params.length > 0) return undefined;
    // One level: inside a function being read, another's answer is unknown, so no chain of
    // functions deepens the stack and an answer never depends on which was asked first.
    if (this.readingValues) return undefined;
    let values = this.valuesOf.get(fn);
    if (values === undefined) {
      this.readingValues = true;
      try {
        values = platformValues(fn, ALL_PLATFORMS, (this.valueReader ??= this.platformValueReader())) ?? null;
      } finally {
        this.readingValues = false;
      }
      this.valuesOf.set(fn, values);
    }
    return values ?? undefined;
  }

  /** The platforms a test allows when it holds (or not), when all it proves is platforms. */
  private platformsWhen(test: Node, holds: boolean, depth: number): ReadonlySet<Platform> | undefined {
    const facts = this.conditionFacts(test, holds, depth + 1);
    if (facts.length === 0 || facts.some((fact) => fact.kind !== 'platform')) return undefined;
    return intersectAll(facts as PlatformFact[]);
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
   * pretend another platform, so it is the platform flag). A flag that combines a platform test with
   * other checks (`(isNode || isDeno) && process.platform === 'win32'`) proves what its platform test
   * does, both ways (see `disjunction`).
   */
  private flagFacts(node: TSESTree.Identifier, assumed: boolean, depth: number): Fact[] {
    const fromRef = this.valueFacts(node, assumed);
    if (fromRef.length > 0 || depth >= MAX_ALIAS_DEPTH) return fromRef;
    const init = initializerAtRead(this.sourceCode, node);
    const fallback = init ? undefined : parameterDefault(this.sourceCode, node);
    const source = init ?? fallback;
    if (!source) return [];
    const facts = this.conditionFacts(source, assumed, depth + 1).map((fact) => ({ ...fact, test: node }));
    // A default proves the platform only: what else it tests, a caller may decide otherwise.
    return fallback ? facts.filter((fact) => fact.kind === 'platform') : facts;
  }

  /**
   * A member: what its value proves, or, for a flag the module sets once on an object it keeps
   * (`exports.IS_WINDOWS = process.platform === 'win32'`, module-properties.ts), what the value set proves.
   */
  private memberFacts(node: TSESTree.MemberExpression, assumed: boolean, depth: number): Fact[] {
    const facts = this.valueFacts(node, assumed);
    if (facts.length > 0 || depth >= MAX_ALIAS_DEPTH) return facts;
    const settled = settledProperty(this.sourceCode, node);
    return settled ? this.conditionFacts(settled, assumed, depth + 1).map((fact) => ({ ...fact, test: node })) : [];
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

  /**
   * A conditional with one branch a boolean literal is a logical expression: `c ? x : false` is
   * `c && x`, `c ? true : x` is `c || x`, and so on. With no such branch it proves nothing.
   */
  private conditionalFacts(node: TSESTree.ConditionalExpression, assumed: boolean, depth: number): Fact[] {
    const consequent = booleanLiteral(node.consequent);
    const alternate = booleanLiteral(node.alternate);
    if ((consequent === undefined) === (alternate === undefined)) return [];
    // The other branch is taken when the test is `testForOther`.
    const [literal, other, testForOther] = consequent === undefined ? [alternate!, node.consequent, true] : [consequent, node.alternate, false];
    const throughOther = [...this.conditionFacts(node.test, testForOther, depth), ...this.conditionFacts(other, assumed, depth)];
    if (literal !== assumed) return throughOther;
    return disjunction(this.conditionFacts(node.test, !testForOther, depth), throughOther, node);
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
    const ran = holds && other.type === 'Literal' && other.value === 0 ? this.probedProgram(subject) : undefined;
    if (ran !== undefined) return [{ kind: 'program-ran', program: ran, test }];

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
    // `process.argv[1] === fileURLToPath(import.meta.url)`, `import.meta.url === pathToFileURL(process.argv[1]).href`,
    // ``import.meta.url === `file://${process.argv[1]}` ``: the launcher's script is this module.
    if (selfReference(this.sourceCode, this.references, subject) === 'process.argv[1]' && namesThisModule(selfReference(this.sourceCode, this.references, other))) {
      return [{ kind: 'entry-module', value: holds, test, entryCheck: 'argv[1]' }];
    }
    if (isRef(subjectRef, 'worker_threads', 'threadId') && other.type === 'Literal' && other.value === 0) {
      return [{ kind: 'main-thread', value: holds, test }];
    }
    const markers = this.markerFacts(subject, holds, test);
    if (markers.length > 0 || literal === undefined) return markers;
    // `getPlatform() !== 'windows'`, `osName === 'mac'` of a value computed from the platform: asked
    // last, as every other comparison with a string is read first.
    const answering = this.platformsEqual(subject, literal);
    return answering ? [{ kind: 'platform', platforms: holds ? answering : without(ALL_PLATFORMS, answering), test }] : [];
  }

  /**
   * The program of `status` read on the result of a `spawnSync()` of a program named by a string,
   * with no shell (`const probe = spawnSync('bash', ['-c', 'declare -A t']); if (probe.status !== 0)
   * return;`): where that status is 0, the program started and exited cleanly.
   */
  private probedProgram(subject: Node): string | undefined {
    if (subject.type !== 'MemberExpression' || memberName(subject) !== 'status') return undefined;
    const call = followConstant(this.sourceCode, subject.object);
    if (call.type !== 'CallExpression' || !isRef(this.references.refOf(call.callee), 'child_process', 'spawnSync')) return undefined;
    const [program, , options] = call.arguments;
    const name = program && stringValue(program);
    const optionsNode = options ?? (call.arguments[1]?.type === 'ObjectExpression' ? call.arguments[1] : undefined);
    if (name === undefined || (optionsNode && (optionsNode.type !== 'ObjectExpression' || hasSpread(optionsNode) || propertyValue(optionsNode, 'shell') !== undefined))) return undefined;
    return name;
  }

  /** Facts from a value tested for presence: `x`, `x != null`, `typeof x !== 'undefined'`. */
  private presenceFacts(valueNode: Node, present: boolean, test: Node): Fact[] {
    const value = skipTransparent(valueNode);
    const ref = this.references.refOf(value);
    const source = contextSource(PRESENCE_SOURCES, ref);
    if (source) return [{ kind: source.kind, value: source.truthy === present, test }];
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
    const source = contextSource(FLAG_SOURCES, ref);
    if (source) return [{ kind: source.kind, value: source.truthy === assumed, test: node }];
    const packageFlag = ref && PLATFORM_FLAG_EXPORTS.find((flag) => isRef(ref, flag.module, ...flag.path, ...(flag.called ? [CALL_RESULT] : [])));
    if (packageFlag) {
      const platforms = new Set(packageFlag.platforms);
      return [{ kind: 'platform', platforms: assumed ? platforms : without(ALL_PLATFORMS, platforms), test: node }];
    }
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
  isUnknownValue(node: Node): boolean {
    const value = followConstant(this.sourceCode, node);
    if (value.type === 'MemberExpression') return followConstant(this.sourceCode, value.object).type !== 'ObjectExpression';
    return value.type === 'Identifier' || value.type === 'CallExpression';
  }

  /** The platform as a key: `process.platform`, or a call of a local function returning it (`table[getPlatform()]`). */
  isPlatformKey(key: Node): boolean {
    if (this.isPlatformSource(key)) return true;
    return key.type === 'CallExpression' && key.arguments.length === 0 && this.isPlatformSource(returnedExpression(this.predicateOf(skipTransparent(key.callee))) ?? key.callee);
  }

  /** `process.platform`, `os.platform()`, `os.type()`, one behind a caller's override (`opts.platform || …`), or a constant holding one. */
  isPlatformSource(node: Node): boolean {
    return this.platformSourceKind(node) !== undefined;
  }

  private platformSourceKind(nodeIn: Node): 'platform' | 'type' | undefined {
    let node = skipTransparent(nodeIn);
    if (node.type === 'Identifier' && !this.references.refOf(node)) {
      const init = constantInitializer(this.sourceCode, node);
      if (init) node = skipTransparent(init);
    }
    // `options.platform || process.platform`: a caller's override claims a platform, as a parameter's default does.
    if (node.type === 'LogicalExpression' && node.operator !== '&&') return this.platformSourceKind(node.right);
    const ref = this.references.refOf(node);
    if (isRef(ref, 'process', 'platform') || isRef(ref, 'os', 'platform', CALL_RESULT)) return 'platform';
    if (isRef(ref, 'os', 'type', CALL_RESULT)) return 'type';
    return undefined;
  }

  /** The platform a literal compared with `source` names: an `os.type()` value ('Windows_NT') or a platform name. */
  platformOf(source: Node, literal: string): Platform | undefined {
    if (this.platformSourceKind(source) === 'type') return OS_TYPE_PLATFORMS.get(literal);
    return ALL_PLATFORMS.has(literal as Platform) ? (literal as Platform) : undefined;
  }

  /** `process.argv…`, `process.env…`, `workerData.x`, a parsed command line (`file/guards/markers.ts`). */
  markerSource(node: Node): Marker | undefined {
    return (this.markers ??= new MarkerReader(this.sourceCode, this.references)).markerSource(node);
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

/** The entry of a start-context table (catalog/start-contexts.ts) that a reference names. */
function contextSource(sources: readonly ContextSource[], ref: ModuleRef | undefined): ContextSource | undefined {
  return ref && sources.find((source) => isRef(ref, source.module, ...source.path));
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

/** Whether a reference names an API (a member of a module), not a module object. */
function isApiRef(ref: ModuleRef): boolean {
  return ref.path.length > 0 && !ref.path.includes(CALL_RESULT);
}

export function without<T>(all: ReadonlySet<T>, removed: ReadonlySet<T>): Set<T> {
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

/** `x.startsWith('win')`, `x.endsWith(…)`, `x.includes(…)`, `x.match(/re/)`, `/re/.test(x)`, `['a', 'b'].includes(x)`. */
function platformStringTest(object: Node, method: string, argument: Node): PlatformStringTest | undefined {
  if (object.type === 'ArrayExpression') {
    if (method !== 'includes') return undefined;
    const listed = object.elements.map((element) => (element ? stringValue(element) : undefined));
    const names = new Set(listed);
    const listsPlatforms = listed.length > 0 && listed.every((name) => name !== undefined && ALL_PLATFORMS.has(name as Platform));
    return { subject: argument, matches: (platform) => names.has(platform), listsPlatforms };
  }
  if (object.type === 'Literal' && 'regex' in object) {
    const regex = method === 'test' ? literalRegExp(object) : undefined;
    return regex && { subject: argument, matches: (platform) => regex.test(platform), pattern: object.regex.pattern };
  }
  if (method === 'match') {
    // `x.match(/win/)` is an array where the pattern matches, null elsewhere; a string is made a pattern.
    const pattern = literalRegExp(argument) ?? regExpOf(stringValue(argument));
    return pattern && { subject: object, matches: (platform) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).test(platform), pattern: pattern.source };
  }
  const needle = stringValue(argument);
  if (needle === undefined) return undefined;
  if (method === 'startsWith') return { subject: object, matches: (platform) => platform.startsWith(needle), pattern: needle };
  if (method === 'endsWith') return { subject: object, matches: (platform) => platform.endsWith(needle), pattern: needle };
  if (method === 'includes') return { subject: object, matches: (platform) => platform.includes(needle), pattern: needle };
  return undefined;
}

function regExpOf(source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** Whether a test of an unknown value is plainly about platforms: a list of names, or a Windows test. */
function namesPlatforms(test: PlatformStringTest, platforms: ReadonlySet<Platform>): boolean {
  if (test.pattern === undefined) return test.listsPlatforms === true;
  return platforms.size === 1 && platforms.has('win32') && /win/i.test(test.pattern);
}

/** Whether a self reference names this module's own file, not the launcher's script. */
function namesThisModule(reference: SelfReference | undefined): boolean {
  return reference !== undefined && reference !== 'process.argv[1]' && reference !== 'require.main.filename';
}

function booleanLiteral(node: Node): boolean | undefined {
  const literal = skipTransparent(node);
  return literal.type === 'Literal' && typeof literal.value === 'boolean' ? literal.value : undefined;
}

/** What `left || right` proves, given what each side proves. */
export function disjunction(left: readonly Fact[], right: readonly Fact[], test: Node): Fact[] {
  const result: Fact[] = [];
  const leftPlatforms = left.filter((fact): fact is PlatformFact => fact.kind === 'platform');
  const rightPlatforms = right.filter((fact): fact is PlatformFact => fact.kind === 'platform');
  // A platform fact is a proof that the code can run there (platform facts only ever silence
  // reports): the disjunction holds on the platforms of the sides that test the platform. A side
  // that does not (`process.platform !== 'win32' || ready`) may hold anywhere, but where it is the
  // only reason, on Windows here, the analysis cannot show that it does, so it proves no platform.
  if (leftPlatforms.length > 0 || rightPlatforms.length > 0) {
    const proven = (facts: readonly PlatformFact[]) => (facts.length > 0 ? intersectAll(facts) : []);
    result.push({ kind: 'platform', platforms: new Set([...proven(leftPlatforms), ...proven(rightPlatforms)]), test });
  }
  // `isMainThread || workerData?.own !== true`: in the child the parent marked, the side that
  // holds when the marker is absent is false, so there the disjunction proves what the other proves.
  // Platform facts say nothing about the start context (`process.env.TARGET !== 'win32'` is both).
  const onlyAbsentMarkers = (facts: readonly Fact[]): boolean => {
    const context = facts.filter((fact) => fact.kind !== 'platform' && fact.kind !== 'program-ran');
    return context.length > 0 && context.every((fact) => fact.kind === 'marker' && !fact.value);
  };
  if (onlyAbsentMarkers(left) !== onlyAbsentMarkers(right)) {
    result.push(...[...left, ...right].filter((fact) => fact.kind !== 'platform' && fact.kind !== 'caught' && fact.kind !== 'program-ran').map((fact) => ({ ...fact, test })));
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
  if (a.kind === 'program-ran' && b.kind === 'program-ran') return a.program === b.program;
  if ('value' in a && 'value' in b) return a.value === b.value;
  return false;
}
