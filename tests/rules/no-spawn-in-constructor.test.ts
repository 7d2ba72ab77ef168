import rule from '../../src/rules/no-spawn-in-constructor.js';
import { cjs, cts, esm, ts } from '../support/languages.js';
import { runRuleTests } from '../support/rule-tester.js';
import { TS_ASYNC_HELPERS } from '../support/compiled-helpers.js';

const PROCESS = 'a child process';
const NODE_PROCESS = 'a Node.js child process';
const THREAD = 'a worker thread';

type Suggestion = { messageId: 'moveToInitialize'; data: { method: string }; output: string };

/** The suggestion, with its output. */
const moveTo = (output: string, method = 'initialize'): Suggestion => ({ messageId: 'moveToInitialize', data: { method }, output });

/** A starter run by the constructor or a field initializer. */
const starts = (
  line: number,
  column: number,
  name: string,
  what: string,
  className: string,
  suggestions: Suggestion[] = [],
  method = 'initialize',
) => ({
  messageId: 'duringConstruction' as const,
  line,
  column,
  data: { name, what, className, method },
  suggestions,
});

/** A `this.method()` call in the constructor that reaches a starter. */
const startsVia = (
  line: number,
  column: number,
  via: string,
  name: string,
  what: string,
  className: string,
  suggestions: Suggestion[] = [],
) => ({
  messageId: 'duringConstructionVia' as const,
  line,
  column,
  data: { via, name, what, className, method: 'initialize' },
  suggestions,
});


/** A class that starts only when its caller passes `true`, constructed by another class's constructor as `construction`. */
const detectorBuiltWith = (construction: string) => `import { spawn } from 'node:child_process';
class Detector {
  constructor(root, autoRefresh) {
    this.root = root;
    if (autoRefresh) this.watch();
  }
  watch() {
    this.child = spawn('watcher', [this.root]);
  }
}
export class Nix {
  constructor(root) {
    this.detector = ${construction};
  }
}`;

/** A class that starts only when its caller's options turn `autoStart` on, constructed by another class's constructor as `construction`. */
const serviceBuiltWith = (construction: string) => `const { fork } = require('child_process');
class Service {
  constructor(options) {
    this.options = Object.assign({}, { autoStart: false }, options);
    if (this.options.autoStart) this.child = fork(__dirname + '/service.js');
  }
}
module.exports = class App {
  constructor(settings) {
    this.service = ${construction};
  }
};`;

/** A compiled class whose constructor calls an async method compiled to the helpers; `body` is the state machine's. */
const compiledAsync = (body: string) => `${TS_ASYNC_HELPERS}var child_process_1 = require("child_process");
var Server = /** @class */ (function () {
    function Server() {
        this.proc = null;
        this.start();
    }
    Server.prototype.start = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
${body}
            });
        });
    };
    return Server;
}());
exports.Server = Server;`;

/** A compiled class whose constructor calls `start()`, which calls `startUp()`; both compiled async methods, `startUp`'s state machine body is `body`. */
const compiledChain = (body: string) => `${TS_ASYNC_HELPERS}var child_process_1 = require("child_process");
var Server = /** @class */ (function () {
    function Server() {
        this.proc = null;
        this.start();
    }
    Server.prototype.start = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                this.running = this.startUp();
                return [2 /*return*/, this.running];
            });
        });
    };
    Server.prototype.startUp = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
${body}
            });
        });
    };
    return Server;
}());
exports.Server = Server;`;

runRuleTests('no-spawn-in-constructor', rule, {
  valid: [
    // Started only when the caller asks for it, by an option of the constructor: \`new GitTools(dir, { immediateClone: true })\`.
    esm(`import { execa } from 'execa';
export class GitTools {
  constructor(directory, options) {
    this.directory = directory;
    this.options = Object.assign({}, { immediateClone: false }, options);
    if (this.options.immediateClone) {
      this.initPromise = this.init();
    }
  }
  async init() {
    await execa('git', ['clone', this.directory]);
  }
}`),
    cjs(`const { fork } = require('child_process');
class ScheduledTask {
  constructor(path, options = {}) {
    this.path = path;
    if (options.scheduled) this.child = fork(path);
  }
}
module.exports = ScheduledTask;`),
    ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private child?: ChildProcess;
  constructor(private readonly command: string, autoStart = false) {
    autoStart && this.start();
  }
  start(): void {
    this.child = spawn(this.command, [], { stdio: 'inherit' });
  }
}`),
    // A compiled async method: what follows its first yield runs after `new` returned.
    cjs(compiledAsync(`                switch (_a.label) {
                    case 0: return [4 /*yield*/, delay(10)];
                    case 1:
                        this.proc = (0, child_process_1.spawn)('node', ['server.js']);
                        return [2 /*return*/];
                }`)),
    // Through two compiled async methods: the start follows the second one's first yield.
    cjs(compiledChain(`                switch (_a.label) {
                    case 0: return [4 /*yield*/, delay(10)];
                    case 1:
                        this.proc = (0, child_process_1.spawn)('mongod', []);
                        return [2 /*return*/];
                }`)),
    // A chain of methods scheduled on a timer runs after `new` returned.
    ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class ReplSet {
  child?: ChildProcess;
  constructor() {
    setTimeout(() => this.start(), 0);
  }
  start() {
    this.launch();
  }
  private launch() {
    this.child = spawn('mongod', ['--replSet', 'rs0']);
  }
}`),
    // ES5 constructor functions, compiled classes and factories: starts that wait for a method call.
    cjs(`const { spawn } = require('child_process');
function Player() {
  this.proc = null;
}
Player.prototype.start = function () {
  this.proc = spawn('mpv', ['--idle']);
};
module.exports = Player;`),
    // `initialize()` already lazy.
    cjs(`const { spawn } = require('child_process');
function Player() {
  this.proc = null;
}
Player.prototype.initialize = function () {
  this.proc = spawn('mpv', ['--idle']);
};
const player = new Player();
player.initialize();`),
    // A function that assigns `this` members but that nothing constructs here is no constructor this file can see.
    esm(`import { spawn } from 'node:child_process';
export function attach() {
  this.proc = spawn('mpv');
}`),
    // The method runs from a callback the constructor schedules, after `new` returned.
    esm(`import { fork } from 'node:child_process';
export function Pool() {
  var self = this;
  self.size = 2;
  setTimeout(function () { self.start(); }, 0);
}
Pool.prototype = {
  start: function () {
    this.worker = fork('./worker.js');
  },
};`),
    // Compiled output: the start is in a method the constructor does not call.
    cjs(`var child_process_1 = require("child_process");
var Server = /** @class */ (function (_super) {
    __extends(Server, _super);
    function Server() {
        var _this = _super.call(this) || this;
        _this.proc = null;
        return _this;
    }
    Server.prototype.start = function () {
        this.proc = (0, child_process_1.spawn)('node', ['server.js']);
    };
    return Server;
}(Base));
exports.Server = Server;`),
    // Compiled async method: inside the helper's callbacks nothing is known to run before the constructor returns.
    cjs(`var child_process_1 = require("child_process");
var Server = /** @class */ (function () {
    function Server() {
        this.proc = null;
        this.start();
    }
    Server.prototype.start = function () {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                this.proc = (0, child_process_1.spawn)('node', ['server.js']);
                return [2 /*return*/];
            });
        });
    };
    return Server;
}());
exports.Server = Server;`),
    // A factory's class that starts in a method.
    ts(`import { spawn, type ChildProcess } from 'node:child_process';
export function makeRunner(command: string) {
  class Runner {
    child?: ChildProcess;
    run() {
      this.child = spawn(command);
    }
  }
  return Runner;
}`),
    ts(`import { spawn } from 'node:child_process';
export function Daemon(this: { proc?: unknown }) {
  this.proc = undefined;
}
Daemon.prototype.start = function (this: { proc?: unknown }) {
  this.proc = spawn('daemon');
};`),
    // Web Workers: started by a method, or a global Worker where nothing says one exists.
    esm(`import ResizeWorker from './resize.js?worker';
export class Resizer {
  start() { this.worker = new ResizeWorker(); }
}`),
    esm(`export class Client {
  constructor() { this.worker = new Worker('./w.js'); }
}`),
    // Synchronous starts finish before `new` returns and leave nothing running (`allowSync`, on by default).
    esm(`import { spawnSync, execFileSync } from 'node:child_process';
export class Probe {
  constructor(file) {
    this.info = spawnSync('ffprobe', [file]).stderr?.toString() ?? '';
    this.version = execFileSync('ffprobe', ['-version']).toString();
  }
}`),
    // An async method the constructor calls starts after its first await: `new` has returned by then.
    esm(`import { spawn } from 'node:child_process';
export class Server {
  constructor() {
    this.ready = this.start();
  }
  async start() {
    await new Promise((resolve) => setTimeout(resolve, 10));
    this.child = spawn('node', ['server.js']);
  }
}`),
    esm(`import { fork } from 'node:child_process';
export class Client {
  constructor() {
    this.ready = new Promise(async (resolve) => {
      await Promise.resolve();
      resolve(fork('driver.js'));
    });
  }
}`),
    // A class only this file constructs, outside the module's load: the code that writes `new` wrote the
    // constructor, and constructs the object to start it.
    esm(`import { spawn } from 'node:child_process';
class Player {
  constructor() {
    this.proc = spawn('mpv', ['--idle']);
  }
}
export function play() {
  return new Player();
}`),
    // A private constructor: only the static factory constructs it.
    ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Player {
  private readonly proc: ChildProcess;
  private constructor() {
    this.proc = spawn('mpv', ['--idle']);
  }
  static async create(): Promise<Player> {
    return new Player();
  }
}`),
    // The same for an ES5 constructor function the module's own function constructs.
    cjs(`const { spawn } = require('child_process');
function Player() {
  this.proc = spawn('mpv', ['--idle']);
}
Player.prototype.stop = function () {
  this.proc.kill();
};
module.exports = { play: () => new Player() };`),
    // Constructing an object that starts only when asked starts nothing.
    esm(`import { fork } from 'node:child_process';
class Engine {
  constructor(model) {
    this.model = model;
  }
  start() {
    this.worker = fork(new URL('./synthesis.js', import.meta.url), [this.model]);
  }
}
export class AudioPort {
  constructor() {
    this.engine = new Engine('en');
  }
}`),
    // Starting from an explicit method is the fix.
    esm(`import { fork } from 'node:child_process';
export class Runner {
  constructor(script) {
    this.script = script;
  }
  async initialize() {
    this.child = fork(this.script);
  }
  start() {
    return fork(this.script);
  }
}`),
    // Storing a factory or a closure starts nothing.
    esm(`import { Worker } from 'node:worker_threads';
export class Lazy {
  constructor(file) {
    this.create = () => new Worker(file);
    this.start = function () {
      return new Worker(file);
    };
  }
}`),
    // Receiving a ready worker, or only setting options.
    ts(`import type { Worker } from 'node:worker_threads';
import type { ChildProcess } from 'node:child_process';
export class Wrapper {
  constructor(private readonly worker: Worker, private child: ChildProcess) {}
}`),
    cjs(`const workerpool = require('workerpool');
module.exports = class Options {
  constructor(options) {
    this.options = { ...options, minWorkers: 0 };
  }
};`),
    // Static methods and static factories run when called.
    ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private constructor(private readonly child: ChildProcess) {}
  static start(args: string[]) {
    return new Server(spawn('node', args));
  }
}`),
    // Static fields and blocks run at load: no-top-level-spawn reports them.
    esm(`import Piscina from 'piscina';
export class Shared {
  static pool = new Piscina({ filename: './w.js' });
}`),
    // workerpool without minWorkers starts nothing until the first task.
    esm(`import workerpool from 'workerpool';
export class Jobs {
  constructor() {
    this.pool = workerpool.pool('./worker.js', { maxWorkers: 4 });
    this.idle = workerpool.pool('./worker.js', { minWorkers: 0 });
  }
}`),
    // Callbacks registered in the constructor run later.
    esm(`import { spawn, fork } from 'node:child_process';
export class Reloader {
  constructor() {
    process.on('SIGHUP', () => {
      this.child = spawn('reload');
    });
    setTimeout(() => fork('./c.js'), 0);
    queueMicrotask(() => this.start());
  }
  start() {
    this.child = spawn('start');
  }
}`),
    // Arrow-function fields only run when called.
    esm(`import { spawn } from 'node:child_process';
export class Field {
  start = () => spawn('ls');
  worker = null;
}`),
    // Not the real starters.
    esm(`import { Worker } from './my-worker.js';
function spawn(command) { return command; }
export class Local {
  constructor() {
    this.worker = new Worker('./w.js');
    this.child = spawn('ls');
  }
}`),
    cts(`import cp = require('node:child_process');
export class Later {
  child?: cp.ChildProcess;
  start() {
    this.child = cp.spawn('ls');
  }
}`),
    // A method the constructor calls that starts nothing; a lazy getter.
    esm(`import { Worker } from 'node:worker_threads';
export class Configured {
  #worker;
  constructor(options) {
    this.configure(options);
  }
  configure(options) {
    this.options = { ...options };
  }
  get worker() {
    return (this.#worker ??= new Worker(this.options.file));
  }
}`),
    // Not a class: an object literal method named constructor.
    esm(`import { spawn } from 'node:child_process';
export const api = {
  constructor() {
    return spawn('ls');
  },
};`),
    // Abstract start, implemented elsewhere; a workerpool required lazily.
    ts(`import workerpool = require('workerpool');
export abstract class Base {
  protected pool = workerpool.pool('./w.js');
  abstract start(): void;
}`),
    cjs(`module.exports = class Pool {
  constructor() {
    this.pool = require('workerpool').pool(__dirname + '/w.js', { maxWorkers: 2 });
  }
};`),
    ts(`import type { spawn } from 'node:child_process';
declare const run: typeof spawn;
export class Typed {
  child = run('ls');
}`),
    // A class that starts only on its caller's request, constructed without the option, with it
    // off, or with what the analysis cannot read: nothing is proven to start.
    ...['new Detector(root, false)', 'new Detector(root)', 'new Detector(root, undefined)', 'new Detector(root, options.refresh)', 'new Detector(...root)'].map((construction) => esm(detectorBuiltWith(construction))),
    ...['new Service({ autoStart: false })', 'new Service({ port: 80 })', 'new Service({ ...settings, autoStart: true })', 'new Service(settings)'].map((construction) => cjs(serviceBuiltWith(construction))),
  ],
  invalid: [
    {
      // The same classes constructed with the option on: the construction starts them.
      ...esm(detectorBuiltWith('new Detector(root, true)')),
      errors: [
        {
          messageId: 'constructsStarting',
          line: 13,
          column: 21,
          data: { name: '`new Detector()`', what: PROCESS, starter: 'spawn()', where: 'line 8', className: '`Nix`', method: 'initialize' },
          suggestions: [moveTo(`import { spawn } from 'node:child_process';
class Detector {
  constructor(root, autoRefresh) {
    this.root = root;
    if (autoRefresh) this.watch();
  }
  watch() {
    this.child = spawn('watcher', [this.root]);
  }
}
export class Nix {
  constructor(root) {
    this.root = root;
  }

  initialize() {
    this.detector = new Detector(this.root, true);
  }
}`)],
        },
      ],
    },
    {
      ...cjs(serviceBuiltWith('new Service({ port: 80, autoStart: true })')),
      errors: [
        {
          messageId: 'constructsStarting',
          line: 10,
          column: 20,
          data: { name: '`new Service()`', what: NODE_PROCESS, starter: 'fork()', where: 'line 5', className: '`App`', method: 'initialize' },
          suggestions: [moveTo(`const { fork } = require('child_process');
class Service {
  constructor(options) {
    this.options = Object.assign({}, { autoStart: false }, options);
    if (this.options.autoStart) this.child = fork(__dirname + '/service.js');
  }
}
module.exports = class App {
  constructor(settings) {}

  initialize() {
    this.service = new Service({ port: 80, autoStart: true });
  }
};`)],
        },
      ],
    },
    {
      // Reported twin of an option: on by default, so every plain \`new Server()\` starts.
      ...cjs(`const { spawn } = require('child_process');
class Server {
  constructor(opts = {}) {
    this.opts = opts;
    if (this.opts.autoStart !== false) this.start();
  }
  start() {
    this.child = spawn('mongod', ['--port', '0']);
  }
}
module.exports = Server;`),
      errors: [
        startsVia(5, 40, 'this.start', 'spawn()', PROCESS, '`Server`', [
          moveTo(`const { spawn } = require('child_process');
class Server {
  constructor(opts = {}) {
    this.opts = opts;
  }

  initialize() {
    if (this.opts.autoStart !== false) this.start();
  }
  start() {
    this.child = spawn('mongod', ['--port', '0']);
  }
}
module.exports = Server;`),
        ]),
      ],
    },
    {
      // Reported twins of an option: a condition that reads no parameter, and a parameter read after a start.
      ...esm(`import { spawn } from 'node:child_process';
export class Watcher {
  constructor(options) {
    this.options = options;
    if (process.env.WATCH) this.child = spawn('watchman', ['watch']);
  }
}
export class Runner {
  constructor(command) {
    this.child = spawn('node', ['run.js']);
    if (command) this.child.send(command);
  }
}`),
      errors: [
        starts(5, 41, 'spawn()', PROCESS, '`Watcher`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Watcher {
  constructor(options) {
    this.options = options;
  }

  initialize() {
    if (process.env.WATCH) this.child = spawn('watchman', ['watch']);
  }
}
export class Runner {
  constructor(command) {
    this.child = spawn('node', ['run.js']);
    if (command) this.child.send(command);
  }
}`),
        ]),
        starts(10, 18, 'spawn()', PROCESS, '`Runner`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Watcher {
  constructor(options) {
    this.options = options;
    if (process.env.WATCH) this.child = spawn('watchman', ['watch']);
  }
}
export class Runner {
  constructor(command) {
    this.command = command;
  }

  initialize() {
    this.child = spawn('node', ['run.js']);
    if (this.command) this.child.send(this.command);
  }
}`),
        ]),
      ],
    },
    {
      // Two compiled async methods, each before its first yield: the start runs while `new` runs.
      ...cjs(compiledChain(`                this.proc = (0, child_process_1.spawn)('mongod', []);
                return [4 /*yield*/, delay(10)];`)),
      errors: [startsVia(16, 9, 'this.start', 'spawn()', PROCESS, '`Server`')],
    },
    {
      // A chain of methods the constructor runs: reported at its own call, which moves.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class ReplSet {
  child?: ChildProcess;
  constructor() {
    this.start();
  }
  start() {
    this.launch();
  }
  private launch() {
    this.child = spawn('mongod', ['--replSet', 'rs0']);
  }
}`),
      errors: [
        startsVia(5, 5, 'this.start', 'spawn()', PROCESS, '`ReplSet`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
export class ReplSet {
  child?: ChildProcess;
  initialize() {
    this.start();
  }
  start() {
    this.launch();
  }
  private launch() {
    this.child = spawn('mongod', ['--replSet', 'rs0']);
  }
}`),
        ]),
      ],
    },
    {
      // The same chain in an ES5 constructor function: the call moves to a prototype method.
      ...cjs(`const { spawn } = require('child_process');
function ReplSet(name) {
  this.name = name;
  this.start();
}
ReplSet.prototype.start = function () {
  this.launch();
};
ReplSet.prototype.launch = function () {
  this.child = spawn('mongod', ['--replSet', this.name]);
};
module.exports = ReplSet;`),
      errors: [
        startsVia(4, 3, 'this.start', 'spawn()', PROCESS, '`ReplSet`', [
          moveTo(`const { spawn } = require('child_process');
function ReplSet(name) {
  this.name = name;
}

ReplSet.prototype.initialize = function () {
  this.start();
};
ReplSet.prototype.start = function () {
  this.launch();
};
ReplSet.prototype.launch = function () {
  this.child = spawn('mongod', ['--replSet', this.name]);
};
module.exports = ReplSet;`),
        ]),
      ],
    },
    {
      // A compiled async method the constructor calls: before its first yield it runs while `new` runs.
      ...cjs(compiledAsync(`                switch (_a.label) {
                    case 0:
                        this.proc = (0, child_process_1.spawn)('node', ['server.js']);
                        return [4 /*yield*/, delay(10)];
                    case 1: return [2 /*return*/];
                }`)),
      errors: [startsVia(16, 9, 'this.start', 'spawn()', PROCESS, '`Server`')],
    },
    {
      // A prototype built from other objects may already hold `initialize`; a statement that stays reads the instance after the start: no suggestion.
      ...cjs(`const { spawn } = require('child_process');
const extend = require('lodash/extend');
function Player(binary) {
  this.proc = spawn(binary);
  this.name = this.describe();
}
Player.prototype = extend({ describe: function () { return 'mpv'; } }, require('./controls'));
module.exports = Player;`),
      errors: [starts(4, 15, 'spawn()', PROCESS, '`Player`')],
    },
    {
      // A construction before the new method exists, and one whose value has no name: no suggestion.
      ...cjs(`const { spawn } = require('child_process');
const early = new Player();
function Player() {
  this.proc = spawn('mpv');
}
Player.prototype.stop = function () {};
use(new Player());`),
      errors: [starts(4, 15, 'spawn()', PROCESS, '`Player`')],
    },
    {
      // node-mpv's shape: an ES5 constructor function spawns; the suggestion moves the start to the prototype.
      ...cjs(`const { spawn } = require('child_process');
function Player(options) {
  this.options = options;
  this.proc = spawn('mpv', ['--idle']);
  this.proc.on('exit', () => {});
}
Player.prototype.stop = function () {
  this.proc.kill();
};
const player = new Player({});
module.exports = Player;`),
      errors: [
        starts(4, 15, 'spawn()', PROCESS, '`Player`', [
          moveTo(`const { spawn } = require('child_process');
function Player(options) {
  this.options = options;
}

Player.prototype.initialize = function () {
  this.proc = spawn('mpv', ['--idle']);
  this.proc.on('exit', () => {});
};
Player.prototype.stop = function () {
  this.proc.kill();
};
const player = new Player({});
player.initialize();
module.exports = Player;`),
        ]),
      ],
    },
    {
      // A function expression, a whole prototype object: the method goes after it.
      ...esm(`import { fork } from 'node:child_process';
export const Pool = function () {
  this.worker = fork('./worker.js');
};
Pool.prototype = {
  stop: function () {
    this.worker.kill();
  },
};
new Pool();`),
      errors: [
        starts(3, 17, 'fork()', NODE_PROCESS, '`Pool`', [
          moveTo(`import { fork } from 'node:child_process';
export const Pool = function () {
};
Pool.prototype = {
  stop: function () {
    this.worker.kill();
  },
};

Pool.prototype.initialize = function () {
  this.worker = fork('./worker.js');
};
new Pool().initialize();`),
        ]),
      ],
    },
    {
      // Through `self`, into a prototype method: the moved call would need the local, so no suggestion.
      ...esm(`import { fork } from 'node:child_process';
export function Pool() {
  var self = this;
  self.size = 2;
  self.start();
}
Pool.prototype = {
  start: function () {
    this.worker = fork('./worker.js');
  },
};`),
      errors: [startsVia(5, 3, 'self.start', 'fork()', NODE_PROCESS, '`Pool`')],
    },
    {
      // node:util's inherits makes it a constructor; a base prototype the file cannot see: no suggestion.
      ...cjs(`const util = require('util');
const EventEmitter = require('events');
const { spawn } = require('child_process');
function Watcher() {
  EventEmitter.call(this);
  this.child = spawn('inotifywait', ['-m', '.']);
}
util.inherits(Watcher, EventEmitter);
module.exports = Watcher;`),
      errors: [starts(6, 16, 'spawn()', PROCESS, '`Watcher`')],
    },
    {
      // TypeScript's downlevel class: the constructor through `_this`, and a method it calls. Generated code: no suggestion.
      ...cjs(`var child_process_1 = require("child_process");
var Server = /** @class */ (function (_super) {
    __extends(Server, _super);
    function Server() {
        var _this = _super.call(this) || this;
        _this.proc = (0, child_process_1.spawn)('node', ['server.js']);
        _this.start();
        return _this;
    }
    Server.prototype.start = function () {
        this.worker = (0, child_process_1.fork)('./worker.js');
    };
    return Server;
}(Base));
exports.Server = Server;`),
      errors: [starts(6, 22, 'spawn()', PROCESS, '`Server`'), startsVia(7, 9, '_this.start', 'fork()', NODE_PROCESS, '`Server`')],
    },
    {
      // A factory's declared class.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export function makeRunner(command: string) {
  class Runner {
    child: ChildProcess;
    constructor() {
      this.child = spawn(command);
    }
  }
  return Runner;
}`),
      errors: [
        starts(6, 20, 'spawn()', PROCESS, '`Runner`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
export function makeRunner(command: string) {
  class Runner {
    child!: ChildProcess;
    initialize() {
      this.child = spawn(command);
    }
  }
  return Runner;
}`),
        ]),
      ],
    },
    {
      // A constructor function in TypeScript: reported; TypeScript rejects `new` of a function, so no suggestion.
      ...ts(`import { spawn } from 'node:child_process';
export function Daemon(this: { proc?: unknown }) {
  this.proc = spawn('daemon');
}
Daemon.prototype.stop = function () {};`),
      errors: [starts(3, 15, 'spawn()', PROCESS, '`Daemon`')],
    },
    {
      // CommonJS TypeScript factory returning a class expression, with the start in a method its constructor calls.
      ...cts(`import { fork } from 'node:child_process';
export const makeHost = (script: string) =>
  class {
    child: ReturnType<typeof fork> | undefined;
    constructor() {
      this.boot();
    }
    boot() {
      this.child = fork(script);
    }
  };`),
      errors: [
        startsVia(6, 7, 'this.boot', 'fork()', NODE_PROCESS, 'this class', [
          moveTo(`import { fork } from 'node:child_process';
export const makeHost = (script: string) =>
  class {
    child: ReturnType<typeof fork> | undefined;
    initialize() {
      this.boot();
    }
    boot() {
      this.child = fork(script);
    }
  };`),
        ]),
      ],
    },
    {
      // comlink's shape: the Web Worker starts with the object.
      ...esm(`import { wrap } from 'comlink';
import ResizeWorker from './resize.js?worker';
export class Resizer {
  constructor() {
    this.api = wrap(new ResizeWorker());
  }
}`),
      errors: [
        starts(5, 21, 'new ResizeWorker()', THREAD, '`Resizer`', [
          moveTo(`import { wrap } from 'comlink';
import ResizeWorker from './resize.js?worker';
export class Resizer {
  initialize() {
    this.api = wrap(new ResizeWorker());
  }
}`),
        ]),
      ],
    },
    {
      ...esm(`export class Client {
  worker = new Worker(new URL('./w.js', import.meta.url), { type: 'module' });
}`),
      errors: [
        starts(2, 12, 'new Worker()', THREAD, '`Client`', [
          moveTo(`export class Client {
  worker;

  initialize() {
    this.worker = new Worker(new URL('./w.js', import.meta.url), { type: 'module' });
  }
}`),
        ]),
      ],
    },
    {
      // Before its first await, an async method the constructor calls still runs during construction.
      ...esm(`import { spawn } from 'node:child_process';
export class Server {
  constructor() {
    this.ready = this.start();
  }
  async start() {
    this.child = spawn('node', ['server.js']);
    await new Promise((resolve) => this.child.once('spawn', resolve));
  }
}`),
      errors: [
        startsVia(4, 18, 'this.start', 'spawn()', PROCESS, '`Server`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Server {
  initialize() {
    this.ready = this.start();
  }
  async start() {
    this.child = spawn('node', ['server.js']);
    await new Promise((resolve) => this.child.once('spawn', resolve));
  }
}`),
        ]),
      ],
    },
    {
      ...esm(`import { spawnSync } from 'node:child_process';
export class Probe {
  constructor(file) {
    this.info = spawnSync('ffprobe', [file]).stderr?.toString() ?? '';
  }
}`),
      options: [{ initializeMethodName: 'initialize', allowSync: false }],
      errors: [
        starts(4, 17, 'spawnSync()', PROCESS, '`Probe`', [
          moveTo(`import { spawnSync } from 'node:child_process';
export class Probe {
  constructor(file) {
    this.file = file;
  }

  initialize() {
    this.info = spawnSync('ffprobe', [this.file]).stderr?.toString() ?? '';
  }
}`),
        ]),
      ],
    },
    {
      // The constructions in this file call the new method, so the program still starts the pool.
      ...esm(`import { Worker } from 'node:worker_threads';
class Pool {
  constructor() {
    this.worker = new Worker(new URL('./w.js', import.meta.url));
  }
}
export const pool = new Pool();
export function second() {
  let other;
  other = new Pool();
  new Pool();
  return other;
}`),
      errors: [
        starts(4, 19, 'new Worker()', THREAD, '`Pool`', [
          moveTo(`import { Worker } from 'node:worker_threads';
class Pool {
  initialize() {
    this.worker = new Worker(new URL('./w.js', import.meta.url));
  }
}
export const pool = new Pool();
pool.initialize();
export function second() {
  let other;
  other = new Pool();
  other.initialize();
  new Pool().initialize();
  return other;
}`),
        ]),
      ],
    },
    {
      // A construction whose value has no name to call the method on: no suggestion.
      ...esm(`import { Worker } from 'node:worker_threads';
export class Pool {
  constructor() {
    this.worker = new Worker(new URL('./w.js', import.meta.url));
  }
}
export const create = () => new Pool();`),
      errors: [starts(4, 19, 'new Worker()', THREAD, '`Pool`', [])],
    },
    {
      // RealtimeSTT's shape in one file: the port constructs an engine whose constructor forks. The engine,
      // which only the port constructs, is left alone at its own fork; the port is reported.
      ...esm(`import { fork } from 'node:child_process';
class Engine {
  constructor(model) {
    this.worker = fork(new URL('./synthesis.js', import.meta.url), [model]);
  }
}
export class AudioPort {
  constructor() {
    this.engine = new Engine('en');
  }
}`),
      errors: [
        {
          messageId: 'constructsStarting',
          line: 9,
          column: 19,
          data: { name: '`new Engine()`', what: NODE_PROCESS, starter: 'fork()', where: 'line 4', className: '`AudioPort`', method: 'initialize' },
          suggestions: [
            moveTo(`import { fork } from 'node:child_process';
class Engine {
  constructor(model) {
    this.worker = fork(new URL('./synthesis.js', import.meta.url), [model]);
  }
}
export class AudioPort {
  initialize() {
    this.engine = new Engine('en');
  }
}`),
          ],
        },
      ],
    },
    {
      // The example of the issue: a parameter property becomes `this.codec`, `readonly` goes, `!` keeps the other uses typed.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Encoder {
  private readonly proc: ChildProcess;
  constructor(private codec: string) {
    this.proc = spawn('ffmpeg', ['-c', codec]);
    this.proc.on('exit', () => this.onExit());
  }
  private onExit() {}
  stop() {
    this.proc.kill();
  }
}`),
      errors: [
        starts(5, 17, 'spawn()', PROCESS, '`Encoder`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
export class Encoder {
  private proc!: ChildProcess;
  constructor(private codec: string) {}

  initialize() {
    this.proc = spawn('ffmpeg', ['-c', this.codec]);
    this.proc.on('exit', () => this.onExit());
  }
  private onExit() {}
  stop() {
    this.proc.kill();
  }
}`),
        ]),
      ],
    },
    {
      // A plain parameter the constructor stores is read back from its field.
      ...esm(`import { Worker } from 'node:worker_threads';
export class Pool {
  constructor(options) {
    this.options = options;
    this.worker = new Worker(options.file);
    this.worker.on('error', (error) => this.fail(error));
  }
  fail() {}
}`),
      errors: [
        starts(5, 19, 'new Worker()', THREAD, '`Pool`', [
          moveTo(`import { Worker } from 'node:worker_threads';
export class Pool {
  constructor(options) {
    this.options = options;
  }

  initialize() {
    this.worker = new Worker(this.options.file);
    this.worker.on('error', (error) => this.fail(error));
  }
  fail() {}
}`),
        ]),
      ],
    },
    {
      ...ts(`import { Worker } from 'node:worker_threads';
interface Options { file: string; }
export class Configured {
  private options: Options;
  private worker: Worker;
  constructor(options: Options) {
    this.options = options;
    this.worker = new Worker(options.file, { workerData: { options } });
  }
  get threadId() { return this.worker.threadId; }
}`),
      errors: [
        starts(8, 19, 'new Worker()', THREAD, '`Configured`', [
          moveTo(`import { Worker } from 'node:worker_threads';
interface Options { file: string; }
export class Configured {
  private options: Options;
  private worker!: Worker;
  constructor(options: Options) {
    this.options = options;
  }

  initialize() {
    this.worker = new Worker(this.options.file, { workerData: { options: this.options } });
  }
  get threadId() { return this.worker.threadId; }
}`),
        ]),
      ],
    },
    {
      // A plain parameter nothing stores yet: the constructor stores it in a field of its name.
      ...esm(`import { spawn } from 'node:child_process';
export class Tail {
  constructor(file) {
    this.child = spawn('tail', ['-f', file]);
  }
}`),
      errors: [
        starts(4, 18, 'spawn()', PROCESS, '`Tail`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Tail {
  constructor(file) {
    this.file = file;
  }

  initialize() {
    this.child = spawn('tail', ['-f', this.file]);
  }
}`),
        ]),
      ],
    },
    {
      // In TypeScript the new field repeats the parameter's type; it goes after super() and before the constructor's comment.
      ...ts(`import { Worker } from 'node:worker_threads';
import { EventEmitter } from 'node:events';
export class Service extends EventEmitter {
  private worker: Worker;
  private readonly name: string;
  /** Creates the service. */
  constructor(file: string, name: string, options?: { eager: boolean }, onExit?: (code: number) => void) {
    super();
    this.name = name;
    this.worker = new Worker(file, { workerData: options });
    if (onExit) this.worker.on('exit', onExit);
  }
  get threadId() {
    return this.worker.threadId;
  }
}`),
      errors: [
        starts(10, 19, 'new Worker()', THREAD, '`Service`', [
          moveTo(`import { Worker } from 'node:worker_threads';
import { EventEmitter } from 'node:events';
export class Service extends EventEmitter {
  private worker!: Worker;
  private readonly name: string;
  private readonly file: string;
  private readonly options: { eager: boolean } | undefined;
  private readonly onExit: ((code: number) => void) | undefined;
  /** Creates the service. */
  constructor(file: string, name: string, options?: { eager: boolean }, onExit?: (code: number) => void) {
    super();
    this.file = file;
    this.options = options;
    this.onExit = onExit;
    this.name = name;
  }

  initialize() {
    this.worker = new Worker(this.file, { workerData: this.options });
    if (this.onExit) this.worker.on('exit', this.onExit);
  }
  get threadId() {
    return this.worker.threadId;
  }
}`),
        ]),
      ],
    },
    {
      // Destructured parameters, and names already in use, cannot be stored.
      ...esm(`import { spawn } from 'node:child_process';
export class Destructured {
  constructor({ command }) {
    this.child = spawn(command);
  }
}
export class Taken {
  constructor(command) {
    this.child = spawn(command);
  }
  get command() {
    return 'ls';
  }
}`),
      errors: [starts(4, 18, 'spawn()', PROCESS, '`Destructured`'), starts(9, 18, 'spawn()', PROCESS, '`Taken`')],
    },
    {
      // Overload signatures come first: the constructor with a body is the one that runs.
      ...ts(`import { fork, type ChildProcess } from 'node:child_process';
export class Pool {
  private child?: ChildProcess;
  constructor(size: number);
  constructor(size: string);
  constructor(size: number | string) {
    this.start(String(size));
  }
  private start(size: string) {
    this.child = fork('./worker.js', [size]);
  }
}`),
      errors: [
        startsVia(7, 5, 'this.start', 'fork()', NODE_PROCESS, '`Pool`', [
          // The new field goes before the overloads: nothing may come between them and the constructor.
          moveTo(`import { fork, type ChildProcess } from 'node:child_process';
export class Pool {
  private child?: ChildProcess;
  private readonly size: number | string;
  constructor(size: number);
  constructor(size: string);
  constructor(size: number | string) {
    this.size = size;
  }

  initialize() {
    this.start(String(this.size));
  }
  private start(size: string) {
    this.child = fork('./worker.js', [size]);
  }
}`),
        ]),
      ],
    },
    {
      // TypeScript without a written parameter type: the field type is unknown.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Untyped {
  child: ChildProcess;
  constructor(command = 'ls') {
    this.child = spawn(command);
  }
}`),
      errors: [starts(5, 18, 'spawn()', PROCESS, '`Untyped`')],
    },
    {
      // Stored under a different type: reading the field back would not type-check.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Tail {
  private file: unknown;
  private child: ChildProcess;
  constructor(file: string) {
    this.file = file;
    this.child = spawn('tail', ['-f', file]);
  }
}`),
      errors: [starts(7, 18, 'spawn()', PROCESS, '`Tail`')],
    },
    {
      // Field initializers become declarations plus assignments.
      ...ts(`import Piscina from 'piscina';
export class Resizer {
  private readonly pool = new Piscina({ filename: new URL('./w.js', import.meta.url).href });
  private size = 0;
  run(image: Buffer) {
    return this.pool.run(image);
  }
}`),
      errors: [
        starts(3, 27, 'new Piscina()', THREAD, '`Resizer`', [
          moveTo(`import Piscina from 'piscina';
export class Resizer {
  private pool!: InstanceType<typeof Piscina>;
  private size = 0;

  initialize() {
    this.pool = new Piscina({ filename: new URL('./w.js', import.meta.url).href });
  }
  run(image: Buffer) {
    return this.pool.run(image);
  }
}`),
        ]),
      ],
    },
    {
      ...ts(`import { Worker } from 'node:worker_threads';
export class Typed {
  private readonly worker: Worker = new Worker(new URL('./w.js', import.meta.url));
  constructor(private readonly name: string) {}
  post(message: string) {
    this.worker.postMessage({ name: this.name, message });
  }
}`),
      errors: [
        starts(3, 37, 'new Worker()', THREAD, '`Typed`', [
          moveTo(`import { Worker } from 'node:worker_threads';
export class Typed {
  private worker!: Worker;
  constructor(private readonly name: string) {}

  initialize() {
    this.worker = new Worker(new URL('./w.js', import.meta.url));
  }
  post(message: string) {
    this.worker.postMessage({ name: this.name, message });
  }
}`),
        ]),
      ],
    },
    {
      ...esm(`import Tinypool from 'tinypool';
export class Thumbnails {
  #pool = new Tinypool({ filename: new URL('./thumb.js', import.meta.url).href });
  resize(image) {
    return this.#pool.run(image);
  }
}`),
      errors: [
        starts(3, 11, 'new Tinypool()', THREAD, '`Thumbnails`', [
          moveTo(`import Tinypool from 'tinypool';
export class Thumbnails {
  #pool;

  initialize() {
    this.#pool = new Tinypool({ filename: new URL('./thumb.js', import.meta.url).href });
  }
  resize(image) {
    return this.#pool.run(image);
  }
}`),
        ]),
      ],
    },
    {
      // A field that reads a moved one moves with it.
      ...esm(`import { Worker } from 'node:worker_threads';
export class Ids {
  worker = new Worker('./w.js');
  id = this.worker.threadId;
}`),
      errors: [
        starts(3, 12, 'new Worker()', THREAD, '`Ids`', [
          moveTo(`import { Worker } from 'node:worker_threads';
export class Ids {
  worker;
  id;

  initialize() {
    this.worker = new Worker('./w.js');
    this.id = this.worker.threadId;
  }
}`),
        ]),
      ],
    },
    {
      // ...but in TypeScript its type cannot be written without type information.
      ...ts(`import { Worker } from 'node:worker_threads';
export class Ids {
  worker = new Worker('./w.js');
  id = this.worker.threadId;
}`),
      errors: [starts(3, 12, 'new Worker()', THREAD, '`Ids`')],
    },
    {
      // A field typed by the constructor's assignment gets the instance type.
      ...ts(`import { Worker } from 'node:worker_threads';
export class Holder {
  worker;
  constructor() {
    this.worker = new Worker('./w.js');
  }
  ping() {
    this.worker.postMessage('ping');
  }
}`),
      errors: [
        starts(5, 19, 'new Worker()', THREAD, '`Holder`', [
          moveTo(`import { Worker } from 'node:worker_threads';
export class Holder {
  worker!: InstanceType<typeof Worker>;
  initialize() {
    this.worker = new Worker('./w.js');
  }
  ping() {
    this.worker.postMessage('ping');
  }
}`),
        ]),
      ],
    },
    {
      // Private fields, and a field whose type already admits undefined needs no `!`.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
import Piscina from 'piscina';
export class Both {
  #proc: ChildProcess;
  pool: Piscina | undefined;
  constructor() {
    this.#proc = spawn('ls');
    this.pool = new Piscina({ filename: './w.js' });
  }
  get pid() {
    return this.#proc.pid;
  }
}`),
      errors: [
        starts(7, 18, 'spawn()', PROCESS, '`Both`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
import Piscina from 'piscina';
export class Both {
  #proc!: ChildProcess;
  pool: Piscina | undefined;
  initialize() {
    this.#proc = spawn('ls');
    this.pool = new Piscina({ filename: './w.js' });
  }
  get pid() {
    return this.#proc.pid;
  }
}`),
        ]),
        starts(8, 17, 'new Piscina()', THREAD, '`Both`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
import Piscina from 'piscina';
export class Both {
  #proc!: ChildProcess;
  pool: Piscina | undefined;
  initialize() {
    this.#proc = spawn('ls');
    this.pool = new Piscina({ filename: './w.js' });
  }
  get pid() {
    return this.#proc.pid;
  }
}`),
        ]),
      ],
    },
    {
      // Eager pools: workerpool with minWorkers; a parameter property is read as a field.
      ...ts(`import workerpool from 'workerpool';
export class Jobs {
  private readonly pool: workerpool.Pool;
  constructor(private readonly script: string) {
    this.pool = workerpool.pool(script, { minWorkers: 2 });
  }
  run(task: string) {
    return this.pool.exec(task);
  }
}`),
      errors: [
        starts(5, 17, 'workerpool.pool()', THREAD, '`Jobs`', [
          moveTo(`import workerpool from 'workerpool';
export class Jobs {
  private pool!: workerpool.Pool;
  constructor(private readonly script: string) {}

  initialize() {
    this.pool = workerpool.pool(this.script, { minWorkers: 2 });
  }
  run(task: string) {
    return this.pool.exec(task);
  }
}`),
        ]),
      ],
    },
    {
      ...ts(`import workerpool from 'workerpool';
export class Jobs {
  private readonly pool: workerpool.Pool;
  constructor(script: string) {
    this.pool = workerpool.pool(script, { minWorkers: 'max' });
  }
}`),
      errors: [
        starts(5, 17, 'workerpool.pool()', THREAD, '`Jobs`', [
          moveTo(`import workerpool from 'workerpool';
export class Jobs {
  private pool!: workerpool.Pool;
  private readonly script: string;
  constructor(script: string) {
    this.script = script;
  }

  initialize() {
    this.pool = workerpool.pool(this.script, { minWorkers: 'max' });
  }
}`),
        ]),
      ],
    },
    {
      // One hop through this.method(): reported at the call, naming the method.
      ...ts(`import { Worker } from 'node:worker_threads';
export class Service {
  private worker?: Worker;
  constructor() {
    this.#start();
  }
  #start() {
    this.worker = new Worker(new URL('./w.js', import.meta.url));
  }
}`),
      errors: [
        startsVia(5, 5, 'this.#start', 'new Worker()', THREAD, '`Service`', [
          moveTo(`import { Worker } from 'node:worker_threads';
export class Service {
  private worker?: Worker;
  initialize() {
    this.#start();
  }
  #start() {
    this.worker = new Worker(new URL('./w.js', import.meta.url));
  }
}`),
        ]),
      ],
    },
    {
      // Once per call, however many starters the method has.
      ...esm(`import { fork } from 'node:child_process';
export class Runner {
  constructor(script) {
    this.script = script;
    this.launch();
  }
  launch = () => {
    this.child = fork(this.script);
    this.backup = fork(this.script);
  };
}`),
      errors: [
        startsVia(5, 5, 'this.launch', 'fork()', NODE_PROCESS, '`Runner`', [
          moveTo(`import { fork } from 'node:child_process';
export class Runner {
  constructor(script) {
    this.script = script;
  }

  initialize() {
    this.launch();
  }
  launch = () => {
    this.child = fork(this.script);
    this.backup = fork(this.script);
  };
}`),
        ]),
      ],
    },
    {
      // The jest-worker form: the method is already called initialize, so there is no suggestion.
      ...cjs(`const { fork } = require('child_process');
class ChildProcessWorker {
  constructor(options) {
    this._options = options;
    this.initialize();
  }
  initialize() {
    this._child = fork(this._options.workerPath);
  }
}
module.exports = ChildProcessWorker;`),
      errors: [startsVia(5, 5, 'this.initialize', 'fork()', NODE_PROCESS, '`ChildProcessWorker`')],
    },
    {
      // super() stays first.
      ...esm(`import { EventEmitter } from 'node:events';
import { fork } from 'node:child_process';
export class Supervisor extends EventEmitter {
  constructor() {
    super();
    this.child = fork('./child.js');
    this.child.on('exit', (code) => this.emit('exit', code));
  }
}`),
      errors: [
        starts(6, 18, 'fork()', NODE_PROCESS, '`Supervisor`', [
          moveTo(`import { EventEmitter } from 'node:events';
import { fork } from 'node:child_process';
export class Supervisor extends EventEmitter {
  constructor() {
    super();
  }

  initialize() {
    this.child = fork('./child.js');
    this.child.on('exit', (code) => this.emit('exit', code));
  }
}`),
        ]),
      ],
    },
    {
      // The starter feeds super(): nothing can move.
      ...esm(`import { fork } from 'node:child_process';
class Base {
  constructor(child) {
    this.child = child;
  }
}
export class Supervisor extends Base {
  constructor() {
    super(fork('./child.js'));
  }
}`),
      errors: [starts(9, 11, 'fork()', NODE_PROCESS, '`Supervisor`')],
    },
    {
      // A local base class already has the method.
      ...esm(`import { spawn } from 'node:child_process';
class Base {
  initialize() {}
}
export class Derived extends Base {
  constructor() {
    super();
    this.child = spawn('ls');
  }
}`),
      errors: [starts(8, 18, 'spawn()', PROCESS, '`Derived`')],
    },
    {
      // A constructor that returns.
      ...esm(`import { spawn } from 'node:child_process';
export class Once {
  constructor(cache) {
    if (cache.instance) return cache.instance;
    this.child = spawn('ls');
  }
}`),
      errors: [starts(5, 18, 'spawn()', PROCESS, '`Once`')],
    },
    {
      // The name is taken.
      ...esm(`import { spawn } from 'node:child_process';
export class Server {
  constructor() {
    this.child = spawn('node', ['server.js']);
  }
  initialize() {}
}`),
      errors: [starts(4, 18, 'spawn()', PROCESS, '`Server`')],
    },
    {
      // Another name through the option.
      ...esm(`import { spawn } from 'node:child_process';
export class Server {
  constructor() {
    this.child = spawn('node', ['server.js']);
  }
  initialize() {}
}`),
      options: [{ initializeMethodName: 'start', allowSync: true }],
      errors: [
        starts(
          4,
          18,
          'spawn()',
          PROCESS,
          '`Server`',
          [
            moveTo(
              `import { spawn } from 'node:child_process';
export class Server {
  start() {
    this.child = spawn('node', ['server.js']);
  }
  initialize() {}
}`,
              'start',
            ),
          ],
          'start',
        ),
      ],
    },
    {
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  start?: () => void;
  child: ChildProcess = spawn('node', ['server.js']);
}`),
      options: [{ initializeMethodName: 'start', allowSync: true }],
      errors: [starts(4, 25, 'spawn()', PROCESS, '`Server`', [], 'start')],
    },
    {
      // Locals move with what they start; statements that only set options stay.
      ...esm(`import { spawn } from 'node:child_process';
export class Watcher {
  constructor(dir) {
    this.dir = dir;
    const child = spawn('watch', [dir]);
    child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child = child;
    this.lines = [];
  }
  onData() {}
}`),
      errors: [
        starts(5, 19, 'spawn()', PROCESS, '`Watcher`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Watcher {
  constructor(dir) {
    this.dir = dir;
    this.lines = [];
  }

  initialize() {
    const child = spawn('watch', [this.dir]);
    child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child = child;
  }
  onData() {}
}`),
        ]),
      ],
    },
    {
      // A local only the starter reads moves along.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Transcoder {
  private proc: ChildProcess;
  constructor(private readonly input: string) {
    const args = ['-i', input, '-f', 'null', '-'];
    this.proc = spawn('ffmpeg', args);
  }
  stop() {
    this.proc.kill();
  }
}`),
      errors: [
        starts(6, 17, 'spawn()', PROCESS, '`Transcoder`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
export class Transcoder {
  private proc!: ChildProcess;
  constructor(private readonly input: string) {}

  initialize() {
    const args = ['-i', this.input, '-f', 'null', '-'];
    this.proc = spawn('ffmpeg', args);
  }
  stop() {
    this.proc.kill();
  }
}`),
        ]),
      ],
    },
    {
      // A local that what stays also reads cannot move.
      ...esm(`import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
export class Pool {
  constructor(dir) {
    const file = resolve(dir, 'w.js');
    this.file = file;
    this.worker = new Worker(file);
  }
}`),
      errors: [starts(7, 19, 'new Worker()', THREAD, '`Pool`')],
    },
    {
      // What stays would change a value the moved code reads.
      ...esm(`import { Worker } from 'node:worker_threads';
export class Stale {
  constructor() {
    this.file = './w.js';
    this.worker = new Worker(this.file);
    this.file = null;
  }
}`),
      errors: [starts(5, 19, 'new Worker()', THREAD, '`Stale`')],
    },
    {
      // A statement calling a method that uses what was started moves too.
      ...esm(`import { spawn } from 'node:child_process';
export class Logs {
  constructor() {
    this.proc = spawn('journalctl', ['-f']);
    this.watch();
    this.ready = true;
  }
  watch() {
    this.proc.stdout.on('data', () => {});
  }
}`),
      errors: [
        starts(4, 17, 'spawn()', PROCESS, '`Logs`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Logs {
  constructor() {
    this.ready = true;
  }

  initialize() {
    this.proc = spawn('journalctl', ['-f']);
    this.watch();
  }
  watch() {
    this.proc.stdout.on('data', () => {});
  }
}`),
        ]),
      ],
    },
    {
      // arguments and new.target belong to the constructor.
      ...esm(`import { spawn } from 'node:child_process';
export class Args {
  constructor() {
    this.child = spawn('ls', [...arguments]);
    this.other = spawn(new.target.name);
  }
}`),
      errors: [starts(4, 18, 'spawn()', PROCESS, '`Args`'), starts(5, 18, 'spawn()', PROCESS, '`Args`')],
    },
    {
      // A starter in a parameter default cannot move.
      ...esm(`import { spawn } from 'node:child_process';
export class Defaulted {
  constructor(child = spawn('ls')) {
    this.child = child;
  }
}`),
      errors: [starts(3, 23, 'spawn()', PROCESS, '`Defaulted`')],
    },
    {
      // Class expressions; a constructor left empty goes away.
      ...esm(`import { spawn } from 'node:child_process';
export const Service = class {
  constructor() { this.child = spawn('ls'); }
};`),
      errors: [
        starts(3, 32, 'spawn()', PROCESS, '`Service`', [
          moveTo(`import { spawn } from 'node:child_process';
export const Service = class {
  initialize() {
    this.child = spawn('ls');
  }
};`),
        ]),
      ],
    },
    {
      // CommonJS, aliases and the node: prefix; one report per starter, each with the whole refactor.
      ...cjs(`const cp = require('node:child_process');
const { Worker: Thread } = require('worker_threads');
module.exports = class {
  constructor() {
    this.child = cp.fork('./c.js');
    this.thread = new Thread('./t.js');
  }
};`),
      errors: [
        starts(5, 18, 'cp.fork()', NODE_PROCESS, 'this class', [
          moveTo(`const cp = require('node:child_process');
const { Worker: Thread } = require('worker_threads');
module.exports = class {
  initialize() {
    this.child = cp.fork('./c.js');
    this.thread = new Thread('./t.js');
  }
};`),
        ]),
        starts(6, 19, 'new Thread()', THREAD, 'this class', [
          moveTo(`const cp = require('node:child_process');
const { Worker: Thread } = require('worker_threads');
module.exports = class {
  initialize() {
    this.child = cp.fork('./c.js');
    this.thread = new Thread('./t.js');
  }
};`),
        ]),
      ],
    },
    {
      ...esm(`import * as cp from 'child_process';
import { Worker as Thread } from 'node:worker_threads';
import cluster from 'node:cluster';
export default class Cluster {
  constructor() {
    this.worker = cluster.fork();
    this.thread = new Thread(new URL('./t.js', import.meta.url));
    this.out = cp.execSync('git rev-parse HEAD');
  }
}`),
      // With `allowSync: false`, the synchronous start is reported too.
      options: [{ initializeMethodName: 'initialize', allowSync: false }],
      errors: [
        starts(6, 19, 'cluster.fork()', 'a cluster worker', '`Cluster`', [
          moveTo(`import * as cp from 'child_process';
import { Worker as Thread } from 'node:worker_threads';
import cluster from 'node:cluster';
export default class Cluster {
  initialize() {
    this.worker = cluster.fork();
    this.thread = new Thread(new URL('./t.js', import.meta.url));
    this.out = cp.execSync('git rev-parse HEAD');
  }
}`),
        ]),
        starts(7, 19, 'new Thread()', THREAD, '`Cluster`', [
          moveTo(`import * as cp from 'child_process';
import { Worker as Thread } from 'node:worker_threads';
import cluster from 'node:cluster';
export default class Cluster {
  initialize() {
    this.worker = cluster.fork();
    this.thread = new Thread(new URL('./t.js', import.meta.url));
    this.out = cp.execSync('git rev-parse HEAD');
  }
}`),
        ]),
        starts(8, 16, 'cp.execSync()', PROCESS, '`Cluster`', [
          moveTo(`import * as cp from 'child_process';
import { Worker as Thread } from 'node:worker_threads';
import cluster from 'node:cluster';
export default class Cluster {
  initialize() {
    this.worker = cluster.fork();
    this.thread = new Thread(new URL('./t.js', import.meta.url));
    this.out = cp.execSync('git rev-parse HEAD');
  }
}`),
        ]),
      ],
    },
    {
      // Synchronous callbacks run during construction; the whole statement moves.
      ...esm(`import { Worker } from 'node:worker_threads';
export class Many {
  constructor() {
    this.workers = [];
    ['a.js', 'b.js'].forEach((file) => this.workers.push(new Worker(file)));
  }
}`),
      errors: [
        starts(5, 58, 'new Worker()', THREAD, '`Many`', [
          moveTo(`import { Worker } from 'node:worker_threads';
export class Many {
  constructor() {
    this.workers = [];
  }

  initialize() {
    ['a.js', 'b.js'].forEach((file) => this.workers.push(new Worker(file)));
  }
}`),
        ]),
      ],
    },
    {
      // Conditions and try blocks move whole; a stored parameter is read back; comments travel.
      ...ts(`import Piscina from 'piscina';
interface Options { eager: boolean; file: string }
export class Maybe {
  private pool: Piscina | undefined;
  private readonly options: Options;
  constructor(options: Options) {
    this.options = options;
    // Start the pool right away when the environment asks.
    if (process.env.EAGER_POOL) {
      this.pool = new Piscina({ filename: options.file });
    }
  }
  run(task: unknown) {
    return this.pool?.run(task);
  }
}`),
      errors: [
        starts(10, 19, 'new Piscina()', THREAD, '`Maybe`', [
          moveTo(`import Piscina from 'piscina';
interface Options { eager: boolean; file: string }
export class Maybe {
  private pool: Piscina | undefined;
  private readonly options: Options;
  constructor(options: Options) {
    this.options = options;
  }

  initialize() {
    // Start the pool right away when the environment asks.
    if (process.env.EAGER_POOL) {
      this.pool = new Piscina({ filename: this.options.file });
    }
  }
  run(task: unknown) {
    return this.pool?.run(task);
  }
}`),
        ]),
      ],
    },
    {
      ...esm(`import { spawn } from 'node:child_process';
export class Daemon {
  constructor() {
    // the daemon
    try {
      this.child = spawn('daemon'); // started here
    } catch {
      this.child = null;
    }
  }
}`),
      errors: [
        starts(6, 20, 'spawn()', PROCESS, '`Daemon`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Daemon {
  initialize() {
    // the daemon
    try {
      this.child = spawn('daemon'); // started here
    } catch {
      this.child = null;
    }
  }
}`),
        ]),
      ],
    },
    {
      // execa and friends.
      ...ts(`import { execa } from 'execa';
export class Compose {
  readonly ready: Promise<{ stdout: string }>;
  readonly name: string;
  constructor() {
    this.name = 'stack';
    this.ready = execa('docker', ['compose', 'up', '-d']);
  }
  async url() {
    await this.ready;
    return this.name;
  }
}`),
      errors: [
        starts(7, 18, 'execa()', PROCESS, '`Compose`', [
          moveTo(`import { execa } from 'execa';
export class Compose {
  ready!: Promise<{ stdout: string }>;
  readonly name: string;
  constructor() {
    this.name = 'stack';
  }

  initialize() {
    this.ready = execa('docker', ['compose', 'up', '-d']);
  }
  async url() {
    await this.ready;
    return this.name;
  }
}`),
        ]),
      ],
    },
    {
      // A class declared in a function, indented deeper.
      ...ts(`import { fork, type ChildProcess } from 'node:child_process';
export function makeHost(script: string) {
  return class Host {
    child: ChildProcess;
    constructor() {
      this.child = fork(script);
      this.child.on('message', (message) => {
        console.log(message);
      });
    }
  };
}`),
      errors: [
        starts(6, 20, 'fork()', NODE_PROCESS, '`Host`', [
          moveTo(`import { fork, type ChildProcess } from 'node:child_process';
export function makeHost(script: string) {
  return class Host {
    child!: ChildProcess;
    initialize() {
      this.child = fork(script);
      this.child.on('message', (message) => {
        console.log(message);
      });
    }
  };
}`),
        ]),
      ],
    },
    {
      // Overload signatures are skipped; the implementation keeps its parameters.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Overloaded {
  private child: ChildProcess;
  constructor();
  constructor(command?: string) {
    this.child = spawn('ls');
  }
}`),
      errors: [
        starts(6, 18, 'spawn()', PROCESS, '`Overloaded`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
export class Overloaded {
  private child!: ChildProcess;
  constructor();
  constructor(command?: string) {}

  initialize() {
    this.child = spawn('ls');
  }
}`),
        ]),
      ],
    },
    {
      // An arrow-function field is a method: it stays, and what hands it on moves.
      ...esm(`import { spawn } from 'node:child_process';
export class Exit {
  onExit = () => this.proc.kill();
  constructor() {
    this.proc = spawn('server');
    process.on('exit', this.onExit);
  }
}
export class Plain {
  constructor(command) {
    this.child = spawn(command);
  }
}`),
      errors: [
        starts(5, 17, 'spawn()', PROCESS, '`Exit`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Exit {
  onExit = () => this.proc.kill();
  initialize() {
    this.proc = spawn('server');
    process.on('exit', this.onExit);
  }
}
export class Plain {
  constructor(command) {
    this.child = spawn(command);
  }
}`),
        ]),
        starts(11, 18, 'spawn()', PROCESS, '`Plain`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Exit {
  onExit = () => this.proc.kill();
  constructor() {
    this.proc = spawn('server');
    process.on('exit', this.onExit);
  }
}
export class Plain {
  constructor(command) {
    this.command = command;
  }

  initialize() {
    this.child = spawn(this.command);
  }
}`),
        ]),
      ],
    },
    {
      // Stored plain parameters on a one-line constructor.
      ...esm(`import { spawn } from 'node:child_process';
export class Job {
  constructor(command, args) { this.command = command; this.args = args; this.child = spawn(command, args); this.retries = 0; }
}`),
      errors: [
        starts(3, 87, 'spawn()', PROCESS, '`Job`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Job {
  constructor(command, args) { this.command = command; this.args = args; this.retries = 0; }

  initialize() {
    this.child = spawn(this.command, this.args);
  }
}`),
        ]),
      ],
    },
    {
      // A one-line constructor that gains a store is laid out one statement per line.
      ...esm(`import { spawn } from 'node:child_process';
export class Job {
  constructor(command, args) { this.child = spawn(command, args); this.retries = 0; }
}`),
      errors: [
        starts(3, 45, 'spawn()', PROCESS, '`Job`', [
          moveTo(`import { spawn } from 'node:child_process';
export class Job {
  constructor(command, args) {
    this.command = command;
    this.args = args;
    this.retries = 0;
  }

  initialize() {
    this.child = spawn(this.command, this.args);
  }
}`),
        ]),
      ],
    },
    {
      // The pino incident: a thread-stream created by a constructor.
      ...esm(`import ThreadStream from 'thread-stream';
export class Logger {
  constructor(options) {
    this.options = options;
    this.stream = new ThreadStream({ filename: options.transport, workerData: options.data });
    this.stream.unref();
  }
  write(line) {
    this.stream.write(line);
  }
}`),
      errors: [
        starts(5, 19, 'new ThreadStream()', THREAD, '`Logger`', [
          moveTo(`import ThreadStream from 'thread-stream';
export class Logger {
  constructor(options) {
    this.options = options;
  }

  initialize() {
    this.stream = new ThreadStream({ filename: this.options.transport, workerData: this.options.data });
    this.stream.unref();
  }
  write(line) {
    this.stream.write(line);
  }
}`),
        ]),
      ],
    },
    {
      // A computed field key would be evaluated twice.
      ...esm(`import { spawn } from 'node:child_process';
const key = () => 'child';
export class Keyed {
  [key()] = spawn('ls');
}`),
      errors: [starts(4, 13, 'spawn()', PROCESS, '`Keyed`')],
    },
    {
      // A stored parameter whose field a method reassigns could be stale.
      ...esm(`import { spawn } from 'node:child_process';
export class Retargetable {
  constructor(command) {
    this.command = command;
    this.child = spawn(command);
  }
  retarget(command) {
    this.command = command;
  }
}`),
      errors: [starts(5, 18, 'spawn()', PROCESS, '`Retargetable`')],
    },
    {
      // The constructor still assigns the field first: only `readonly` goes.
      ...ts(`import { spawn, type ChildProcess } from 'node:child_process';
export class Restartable {
  private readonly child: ChildProcess | null;
  constructor(private readonly command: string) {
    this.child = null;
    this.child = spawn(command);
  }
  stop() {
    this.child?.kill();
  }
}`),
      errors: [
        starts(6, 18, 'spawn()', PROCESS, '`Restartable`', [
          moveTo(`import { spawn, type ChildProcess } from 'node:child_process';
export class Restartable {
  private child: ChildProcess | null;
  constructor(private readonly command: string) {
    this.child = null;
  }

  initialize() {
    this.child = spawn(this.command);
  }
  stop() {
    this.child?.kill();
  }
}`),
        ]),
      ],
    },
    {
      // CommonJS TypeScript with import = require.
      ...cts(`import cp = require('node:child_process');
export class Git {
  readonly child: cp.ChildProcess;
  constructor(private readonly cwd: string) {
    this.child = cp.spawn('git', ['status'], { cwd });
  }
}`),
      errors: [
        starts(5, 18, 'cp.spawn()', PROCESS, '`Git`', [
          moveTo(`import cp = require('node:child_process');
export class Git {
  child!: cp.ChildProcess;
  constructor(private readonly cwd: string) {}

  initialize() {
    this.child = cp.spawn('git', ['status'], { cwd: this.cwd });
  }
}`),
        ]),
      ],
    },
  ],
});
