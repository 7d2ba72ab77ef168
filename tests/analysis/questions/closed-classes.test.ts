import * as tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { constructedOnPurpose } from '../../../src/analysis/questions/closed-classes.js';
import type { ConstructedNode } from '../../../src/analysis/file/classes.js';
import { walk } from '../../../src/analysis/syntax/ast.js';
import { rules } from '../../../src/rules/index.js';
import { analyzeCode } from '../../support/analyze-code.js';
import { ALL_FILES, FILENAMES, languageOptionsFor, type Language } from '../../support/languages.js';

const CP_ESM = `import { spawn } from 'node:child_process';\n`;
const CP_CJS = `const { spawn } = require('node:child_process');\n`;
const CLASS = `class Player { constructor() { this.proc = spawn('mpv', ['--idle']); } stop() { this.proc.kill(); } }\n`;
const TS_CLASS = `class Player { proc: ReturnType<typeof spawn>; constructor() { this.proc = spawn('mpv', ['--idle']); } }\n`;
const FUNCTION = `function Player() { this.proc = spawn('mpv', ['--idle']); }\nPlayer.prototype.stop = function () { this.proc.kill(); };\n`;
const PRIVATE = `export class Player { proc: ReturnType<typeof spawn>; private constructor() { this.proc = spawn('mpv', ['--idle']); } static async create() { return new Player(); } }\n`;
/** A JavaScript class whose constructor throws unless passed its `#private` token; `extra` goes in the class body. */
const MODULE_GATED = (extra = '') =>
  `const initFlag = Symbol();\nexport class Player { constructor(flag) { if (flag !== initFlag) { throw new Error('use initPlayer()'); } this.proc = spawn('mpv', ['--idle']); } }\nexport function initPlayer() { return new Player(initFlag); }\n${extra}`;
const GATED = (extra = '', gate = `if (token !== Player.#token) throw new TypeError('use Player.create()');`) =>
  `export class Player { static #token = Symbol('Player'); ${extra}constructor(token) { ${gate} this.proc = spawn('mpv', ['--idle']); } static create() { return new Player(Player.#token); } }\n`;
/** TypeScript's downlevel class, with `exports` as the end of the file writes it. */
const COMPILED = (end: string) => `var child_process_1 = require('child_process');
var Server = /** @class */ (function (_super) {
  __extends(Server, _super);
  function Server() {
    var _this = _super.call(this) || this;
    _this.listen();
    return _this;
  }
  Server.prototype.listen = function () {
    this.child = (0, child_process_1.fork)('./server.js');
  };
  return Server;
}(Base));
${end}`;

interface Row {
  readonly form: string;
  readonly language: Language;
  /** Every construction is in the file and out of the module's load: the rule leaves the class alone. */
  readonly silent: string;
  /** The same class where code outside the file, or the import, may construct it: reported. */
  readonly reported: string;
}

const ROWS: readonly Row[] = [
  { form: 'constructed in an exported function / `export class`', language: 'esm', silent: `${CP_ESM}${CLASS}export function play() { return new Player(); }`, reported: `${CP_ESM}export ${CLASS}export function play() { return new Player(); }` },
  { form: 'constructed in a method / `export default class`', language: 'esm', silent: `${CP_ESM}${CLASS}export class App { run() { this.player = new Player(); } }`, reported: `${CP_ESM}export default ${CLASS}` },
  { form: 'not exported / `export { Player }`', language: 'esm', silent: `${CP_ESM}${CLASS}export const play = () => new Player();`, reported: `${CP_ESM}${CLASS}export { Player };\nexport const play = () => new Player();` },
  { form: 'not exported / `export default Player`', language: 'esm', silent: `${CP_ESM}${CLASS}export default function play() { return new Player(); }`, reported: `${CP_ESM}${CLASS}export default Player;` },
  { form: 'class expression / exported declarator', language: 'esm', silent: `${CP_ESM}const Player = ${CLASS}export const play = () => new Player();`, reported: `${CP_ESM}export const Player = ${CLASS}` },
  { form: 'not exported / `module.exports = Player`', language: 'cjs', silent: `${CP_CJS}${CLASS}module.exports = () => new Player();`, reported: `${CP_CJS}${CLASS}module.exports = Player;` },
  { form: 'not exported / `exports.Player = Player`', language: 'cjs', silent: `${CP_CJS}${CLASS}exports.play = () => new Player();`, reported: `${CP_CJS}${CLASS}exports.Player = Player;` },
  { form: 'not exported / `module.exports = { Player }`', language: 'cjs', silent: `${CP_CJS}${CLASS}module.exports = { play: () => new Player() };`, reported: `${CP_CJS}${CLASS}module.exports = { Player };` },
  { form: 'not exported / a property of an exported object', language: 'esm', silent: `${CP_ESM}${CLASS}export const api = {};\napi.play = () => new Player();`, reported: `${CP_ESM}${CLASS}export const api = {};\napi.Player = Player;` },
  { form: 'not exported / returned from an exported function', language: 'esm', silent: `${CP_ESM}${CLASS}export function play() { return new Player(); }`, reported: `${CP_ESM}${CLASS}export function playerClass() { return Player; }` },
  { form: 'constructed / passed as a value', language: 'esm', silent: `${CP_ESM}${CLASS}export function play(register) { register(new Player()); }`, reported: `${CP_ESM}${CLASS}export function play(register) { register(Player); }` },
  { form: 'constructed in a function / at the top level', language: 'esm', silent: `${CP_ESM}${CLASS}export function main() { new Player(); }`, reported: `${CP_ESM}${CLASS}new Player();` },
  { form: 'constructed in a function / in a function the top level calls', language: 'esm', silent: `${CP_ESM}${CLASS}export function main() { new Player(); }`, reported: `${CP_ESM}${CLASS}function main() { new Player(); }\nmain();\nexport const version = 1;` },
  // A program's load is its run: started, never imported (a shebang here), nothing imports the construction.
  { form: 'constructed at load in a program / in a module', language: 'esm', silent: `#!/usr/bin/env node\n${CP_ESM}${CLASS}async function main() { new Player(); }\nmain();`, reported: `${CP_ESM}${CLASS}async function main() { new Player(); }\nmain();\nexport const version = 1;` },
  { form: 'constructed at load in a program / in a module that exports nothing', language: 'cjs', silent: `#!/usr/bin/env node\n${CP_CJS}${CLASS}new Player();`, reported: `${CP_CJS}${CLASS}new Player();` },
  { form: 'not extended / extended by an exported class', language: 'esm', silent: `${CP_ESM}${CLASS}export class Jukebox { play() { this.player = new Player(); } }`, reported: `${CP_ESM}${CLASS}export class Jukebox extends Player {}` },
  { form: 'no static code / a static field that constructs at load', language: 'esm', silent: `${CP_ESM}${CLASS}export const play = () => new Player();`, reported: `${CP_ESM}class Player { static shared = new this(); constructor() { this.proc = spawn('mpv', ['--idle']); } }\nexport const play = () => new Player();` },
  { form: 'TypeScript, not exported / exported', language: 'ts', silent: `${CP_ESM}${TS_CLASS}export function play(): Player { return new Player(); }`, reported: `${CP_ESM}export ${TS_CLASS}` },
  { form: 'TypeScript, type-only reads / `typeof Player` as a value', language: 'ts', silent: `${CP_ESM}${TS_CLASS}let last: Player | undefined;\nexport function play(): typeof last { return (last = new Player()); }`, reported: `${CP_ESM}${TS_CLASS}export const kind: typeof Player = Player;` },
  { form: '`private constructor` / a public constructor of an exported class', language: 'ts', silent: `${CP_ESM}${PRIVATE}`, reported: `${CP_ESM}${PRIVATE.replace('private constructor', 'constructor')}` },
  { form: '`private constructor`, exported by `export { Player }`/ its factory called at the top level', language: 'ts', silent: `${CP_ESM}${PRIVATE.replace('export ', '')}export { Player };`, reported: `${CP_ESM}${PRIVATE}export const shared = Player.create();` },
  { form: '`private constructor` / a static field that constructs at load', language: 'ts', silent: `${CP_ESM}${PRIVATE}`, reported: `${CP_ESM}${PRIVATE.replace('static async create', 'static shared = new Player();\n  static async create')}` },
  { form: 'constructor gated by a `#private` token / the token handed out', language: 'esm', silent: `${CP_ESM}${GATED()}`, reported: `${CP_ESM}${GATED('static get token() { return Player.#token; } ')}` },
  { form: 'constructor gated by a `#private` token / a start before the gate', language: 'esm', silent: `${CP_ESM}${GATED()}`, reported: `${CP_ESM}${GATED(`child = spawn('mpv'); `)}` },
  { form: 'constructor gated by a `#private` token / a gate that does not throw', language: 'esm', silent: `${CP_ESM}${GATED()}`, reported: `${CP_ESM}${GATED('', `if (token !== Player.#token) console.warn('use Player.create()');`)}` },
  { form: 'constructor gated by a `#private` token / a token anyone can pass', language: 'esm', silent: `${CP_ESM}${GATED()}`, reported: `${CP_ESM}${GATED().replace("Symbol('Player')", "'player'")}` },
  // A token the module keeps to itself (sass-embedded's `initFlag`): only the module's own code gets past the gate.
  { form: 'constructor gated by a module token / the token exported', language: 'esm', silent: `${CP_ESM}${MODULE_GATED()}`, reported: `${CP_ESM}${MODULE_GATED().replace('const initFlag', 'export const initFlag')}` },
  { form: 'constructor gated by a module token / the token passed to other code', language: 'esm', silent: `${CP_ESM}${MODULE_GATED()}`, reported: `${CP_ESM}${MODULE_GATED('register(initFlag);\n')}` },
  { form: 'constructor gated by a module token / its factory called at load', language: 'esm', silent: `${CP_ESM}${MODULE_GATED()}`, reported: `${CP_ESM}${MODULE_GATED('export const shared = initPlayer();\n')}` },
  { form: 'constructor gated by a module token / a token anyone can pass', language: 'esm', silent: `${CP_ESM}${MODULE_GATED()}`, reported: `${CP_ESM}${MODULE_GATED().replace('Symbol()', "'player'")}` },
  { form: 'ES5 constructor function, not exported / `module.exports = Player`', language: 'cjs', silent: `${CP_CJS}${FUNCTION}module.exports = { play: () => new Player() };`, reported: `${CP_CJS}${FUNCTION}module.exports = Player;` },
  { form: 'ES5 constructor function with an instanceof guard / `exports.Player`', language: 'cjs', silent: `${CP_CJS}function Player() { if (!(this instanceof Player)) return new Player(); this.proc = spawn('mpv', ['--idle']); }\nexports.play = () => new Player();`, reported: `${CP_CJS}function Player() { if (!(this instanceof Player)) return new Player(); this.proc = spawn('mpv', ['--idle']); }\nexports.Player = Player;` },
  { form: 'ES5 constructor function / `Player.prototype.constructor` handed out', language: 'cjs', silent: `${CP_CJS}${FUNCTION}exports.play = () => new Player();`, reported: `${CP_CJS}${FUNCTION}exports.make = Player.prototype.constructor;` },
  { form: 'compiled class, not exported / `exports.Server = Server`', language: 'cjs', silent: COMPILED('exports.start = function () { return new Server(); };'), reported: COMPILED('exports.Server = Server;') },
];

/** The class or constructor function named `name` in the file. */
function classNamed(code: string, language: Language, name: string): { analysis: ReturnType<typeof analyzeCode>; node: ConstructedNode } {
  const analysis = analyzeCode(code, language);
  let found: ConstructedNode | undefined;
  walk(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression' || node.type === 'FunctionDeclaration') && analysis.classes.shapeOf(node)) {
      const id = node.id ?? (node.parent?.type === 'VariableDeclarator' ? (node.parent.id as TSESTree.Identifier) : undefined);
      if (id?.name === name) found ??= node;
    }
    return true;
  });
  if (!found) throw new Error(`no class ${name}`);
  return { analysis, node: found };
}

function constructed(code: string, language: Language): boolean {
  const { analysis, node } = classNamed(code, language, code.includes('function Server') ? 'Server' : 'Player');
  return constructedOnPurpose(analysis, node);
}

type RuleName = 'no-spawn-in-constructor' | 'no-top-level-spawn';

/** The messages of `rule` for a snippet. */
function lint(rule: RuleName, code: string, language: Language): string[] {
  const plugin = { rules: { [rule]: rules[rule] } };
  const languageOptions = languageOptionsFor(language);
  if (language === 'ts' || language === 'cts') languageOptions.parser = tsParser;
  const messages = new Linter().verify(
    code,
    [{ files: ALL_FILES, plugins: { pg: plugin as never }, rules: { [`pg/${rule}`]: 'error' }, languageOptions }],
    FILENAMES[language],
  );
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal) throw new Error(fatal.message);
  return messages.map((message) => message.message);
}

describe('classes constructed only on purpose', () => {
  const rows = ROWS.map((row) => [`${row.form} (${row.language})`, row] as const);
  it.each(rows)('%s: silent', (_, row) => {
    expect(constructed(row.silent, row.language)).toBe(true);
    expect(lint('no-spawn-in-constructor', row.silent, row.language)).toEqual([]);
  });
  it.each(rows)('%s: reported', (_, row) => {
    expect(constructed(row.reported, row.language)).toBe(false);
    expect(lint('no-spawn-in-constructor', row.reported, row.language)).not.toEqual([]);
  });

  // A construction at load starts on import: one of the two rules reports it, whatever the class.
  it.each([
    ['a top-level `new`', 'esm', `${CP_ESM}${CLASS}export const player = new Player();`],
    ['a top-level `new` in CommonJS', 'cjs', `${CP_CJS}${FUNCTION}module.exports = new Player();`],
    ['a `new` in a function the top level calls', 'esm', `${CP_ESM}${CLASS}function main() { return new Player(); }\nexport const player = main();`],
    ['a static field', 'esm', `${CP_ESM}class Player { static shared = new Player(); constructor() { this.proc = spawn('mpv'); } }`],
    ['a private constructor\'s factory at the top level', 'ts', `${CP_ESM}${PRIVATE}export const shared = Player.create();`],
    ['a token-gated constructor\'s factory at the top level', 'esm', `${CP_ESM}${GATED()}export const shared = Player.create();`],
  ] as const)('%s is reported', (_, language, code) => {
    expect([...lint('no-spawn-in-constructor', code, language), ...lint('no-top-level-spawn', code, language)]).not.toEqual([]);
  });
});
