/**
 * This file's exports as an importer sees them: what calling or constructing each export starts,
 * where, with which shell, on which platforms, whether it returns a child with an IPC channel, and
 * which of its parameters it sends as messages or `kill` signals.
 * The record holds facts about the module; each rule draws its own answer from them. It sits above
 * the questions because recording the shell and the channel asks them; the project layer only
 * stores and reads the result (`project/summary-store.ts`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { Serialization } from '../catalog/vocabulary.js';
import type { FileAnalysis } from '../contract/file-analysis.js';
import type { ClassNode } from '../file/classes.js';
import { possiblePlatforms } from '../file/guards/facts.js';
import type { ImportedName } from '../file/imported-bindings.js';
import { startPointOf, type FunctionSummaries, type StartPoint } from '../file/local-functions.js';
import { followConstant } from '../file/values.js';
import type { ExportedMessage, ExportedRole, ExportedSignal, ExportSummary, ModuleSummary } from '../project/summary-store.js';
import { childChannelOf, messageFlows } from '../questions/ipc-channels.js';
import { listenedSignals, signalFlows } from '../questions/kill-calls.js';
import { isCaughtHere, platformsAt } from '../questions/platform.js';
import { ownOptionsSetCwd } from '../questions/script-paths.js';
import { entryRestartIn } from '../questions/self-spawn.js';
import { shellAtSite, shellOfOptions, strongest } from '../questions/shell-option.js';
import { startFailureThrough } from '../questions/start-failures.js';
import { isFunction, memberName, skipTransparent, stringValue, walk, type FunctionNode } from '../syntax/ast.js';
import { resolveVariable, writeCount } from '../syntax/scope.js';

type Node = TSESTree.Node;

/** The summary of the file an analysis is of, for its importers. */
export function exportSummary(analysis: FileAnalysis, filename: string): ModuleSummary {
  return new ExportSummarizer(analysis, filename).summary();
}

class ExportSummarizer {
  /** The function summaries with the starts of imported calls: what an importer's call runs. */
  private readonly summaries: FunctionSummaries;

  constructor(
    private readonly analysis: FileAnalysis,
    private readonly filename: string,
  ) {
    this.summaries = analysis.imports.summariesWithImportedStarts();
  }

  /** This file's exports as an importer sees them. */
  summary(): ModuleSummary {
    const { sourceCode } = this.analysis;
    const exports = new Map<string, ExportSummary>();
    const reexports = new Map<string, ImportedName>();
    const starExports: string[] = [];
    const add = (name: string, value: Node | undefined) => {
      const summary = value && this.exportSummary(value);
      if (summary) exports.set(name, summary);
    };
    for (const statement of sourceCode.ast.body) {
      switch (statement.type) {
        case 'ExportNamedDeclaration':
          if (statement.source) {
            for (const specifier of statement.specifiers) {
              reexports.set(exportedAs(specifier.exported), { specifier: statement.source.value, name: exportedAs(specifier.local) });
            }
          } else if (statement.declaration) {
            declaredValues(statement.declaration).forEach(([name, value]) => add(name, value));
          } else {
            for (const specifier of statement.specifiers) add(exportedAs(specifier.exported), specifier.local);
          }
          break;
        case 'ExportDefaultDeclaration':
          add('default', statement.declaration);
          break;
        case 'ExportAllDeclaration':
          if (statement.exported) reexports.set(exportedAs(statement.exported), { specifier: statement.source.value, name: '*' });
          else starExports.push(statement.source.value);
          break;
        case 'ExpressionStatement':
          for (const [name, value] of commonJsExports(statement.expression)) add(name, value);
          break;
        default:
          break;
      }
    }
    return { exports, reexports, starExports };
  }


  private exportSummary(valueIn: Node): ExportSummary | undefined {
    const value = this.definitionOf(valueIn);
    if (!value) return undefined;
    if (value.type === 'ClassDeclaration' || value.type === 'ClassExpression') {
      const point = this.analysis.imports.classStart(value);
      return point ? { constructed: this.located(point), roles: [] } : undefined;
    }
    const summary = this.summaries.summaryOf(value);
    // A function that starts nothing may still send its parameter as a message.
    const roles = summary ? this.exportedRoles(value) : [];
    const called = summary?.startPoint && this.located(summary.startPoint);
    const returnsChild = summary ? this.returnedChild(value) : undefined;
    const restart = summary ? entryRestartIn(this.analysis, value) : undefined;
    const rerunsEntry = restart && this.located(startPointOf(restart.site));
    const messages = this.exportedMessages(value);
    const signals = this.exportedSignals(value);
    if (!called && roles.length === 0 && !returnsChild && !rerunsEntry && messages.length === 0 && signals.length === 0) return undefined;
    return {
      ...(called ? { called } : {}),
      roles,
      ...(returnsChild ? { returnsChild } : {}),
      ...(rerunsEntry ? { rerunsEntry } : {}),
      ...(messages.length > 0 ? { messages } : {}),
      ...(signals.length > 0 ? { signals } : {}),
    };
  }


  /** A function or class an exported expression names, through the scope manager. */
  private definitionOf(valueIn: Node): FunctionNode | ClassNode | undefined {
    const value = skipTransparent(valueIn);
    if (isFunction(value) || value.type === 'ClassDeclaration' || value.type === 'ClassExpression') return value;
    if (value.type !== 'Identifier') return undefined;
    const variable = resolveVariable(this.analysis.sourceCode, value);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // A binding assigned again may hold anything by the time an importer calls it (exports are live).
    if (!variable || !definition || writeCount(variable) > (definition.type === 'Variable' ? 1 : 0)) return undefined;
    if (definition.type === 'FunctionName' || definition.type === 'ClassName') return definition.node as FunctionNode | ClassNode;
    if (definition.type !== 'Variable' || !definition.node.init || definition.node.id.type !== 'Identifier') return undefined;
    const init = skipTransparent(definition.node.init);
    return isFunction(init) || init.type === 'ClassExpression' ? init : undefined;
  }


  /** The channel of the child `fn` returns, when every `return` of it returns one `fork()` (or a const holding it). */
  private returnedChild(fn: FunctionNode): Serialization | undefined {
    const returned = fn.body.type === 'BlockStatement' ? returnedValues(fn.body, this.analysis.sourceCode) : [fn.body];
    const channels = returned.map((node) => childChannelOf(this.analysis, skipTransparent(followConstant(this.analysis.sourceCode, node))));
    const [first] = channels;
    return first !== undefined && channels.every((channel) => channel === first) ? first : undefined;
  }


  private exportedRoles(fn: FunctionNode): ExportedRole[] {
    const summary = this.summaries.summaryOf(fn);
    if (!summary) return [];
    const roles: ExportedRole[] = [];
    for (const [index, parameterRoles] of summary.parameterRoles) {
      for (const role of parameterRoles) {
        const optionParameters = [...summary.parameterRoles]
          .filter(([, others]) => others.some((other) => other.use === 'options' && other.site === role.site))
          .map(([position]) => position);
        const facts = [role.site.node, ...role.via].flatMap((node) => this.analysis.guards.factsAt(node));
        const setsCwd = role.use === 'script' ? ownOptionsSetCwd(this.analysis, role.site, role.fixedOptions) : undefined;
        const failure = startFailureThrough(this.analysis, role.site, role.via);
        roles.push({
          index,
          use: role.use,
          path: role.path,
          spec: role.site.spec,
          shell: strongest([shellAtSite(this.analysis, role.site, true), ...role.fixedOptions.map((options) => shellOfOptions(this.analysis, options))]),
          platforms: possiblePlatforms(facts),
          optionParameters,
          point: this.located(startPointOf(role.site)),
          ...(setsCwd === undefined ? {} : { setsCwd }),
          ...(failure === undefined ? {} : { failure }),
        });
      }
    }
    return roles;
  }


  /** The parameters `fn` sends as a whole message, with the channel they are sent on. */
  private exportedMessages(fn: FunctionNode): ExportedMessage[] {
    const messages: ExportedMessage[] = [];
    for (const [index, sinks] of messageFlows(this.analysis).sinksOf(fn)) {
      for (const { sink, path } of sinks) {
        const { call, channel, serialization } = sink.message;
        // A pool's remedy names its library's options, which an importer does not see.
        if (path.length > 0 || channel === 'pool') continue;
        const sender = `\`${this.analysis.sourceCode.getText(call.callee)}()\``;
        messages.push({ index, channel, serialization, sender, point: { file: this.filename, line: call.loc.start.line } });
      }
    }
    return messages;
  }


  /** The parameters `fn` sends as a `kill` signal where nothing catches the failure, with the platforms and listeners there. */
  private exportedSignals(fn: FunctionNode): ExportedSignal[] {
    const signals: ExportedSignal[] = [];
    for (const [index, sinks] of signalFlows(this.analysis).sinksOf(fn)) {
      for (const { sink, path, via } of sinks) {
        const chain = [...via, sink.kill.call];
        if (path.length > 0 || chain.some((node) => isCaughtHere(this.analysis, node))) continue;
        const { call, name } = sink.kill;
        const platforms = platformsAt(this.analysis, call, via);
        const listened = chain.flatMap((node) => listenedSignals(this.analysis, node));
        signals.push({ index, name, platforms, listened, point: { file: this.filename, line: call.loc.start.line } });
      }
    }
    return signals;
  }


  private located(point: StartPoint): StartPoint {
    return point.file === undefined ? { ...point, file: this.filename } : point;
  }
}

/** The values a function body returns, not those of functions nested in it; [] when it can return nothing. */
function returnedValues(body: TSESTree.BlockStatement, sourceCode: Readonly<TSESLint.SourceCode>): Node[] {
  const values: Node[] = [];
  let bare = false;
  walk(body, sourceCode.visitorKeys, (node) => {
    if (isFunction(node) || node.type === 'ClassBody') return false;
    if (node.type === 'ReturnStatement') {
      if (node.argument) values.push(node.argument);
      else bare = true;
    }
    return undefined;
  });
  return bare ? [] : values;
}


function exportedAs(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}


/** The names and values an exported declaration gives: `export function f`, `export const a = …, b = …`. */
function declaredValues(declaration: TSESTree.NamedExportDeclarations): [string, Node][] {
  if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
    return [[declaration.id.name, declaration]];
  }
  if (declaration.type !== 'VariableDeclaration') return [];
  return declaration.declarations.flatMap((declarator): [string, Node][] =>
    declarator.id.type === 'Identifier' && declarator.init ? [[declarator.id.name, declarator.init]] : [],
  );
}


/** `module.exports = f`, `module.exports = { a, b: c }`, `exports.a = …`, `module.exports.a = …`. */
function commonJsExports(expression: Node): [string, Node][] {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return [];
  const target = expression.left;
  if (target.type !== 'MemberExpression') return [];
  const value = expression.right;
  if (isModuleExports(target)) {
    const object = skipTransparent(value);
    if (object.type !== 'ObjectExpression') return [['default', value]];
    return object.properties.flatMap((property): [string, Node][] => {
      if (property.type !== 'Property' || property.computed) return [];
      const key = property.key.type === 'Identifier' ? property.key.name : stringValue(property.key);
      return key === undefined ? [] : [[key, property.value]];
    });
  }
  const name = memberName(target);
  const holder = target.object;
  const onExports = (holder.type === 'Identifier' && holder.name === 'exports') || isModuleExports(holder);
  return name !== undefined && onExports ? [[name, value]] : [];
}


function isModuleExports(node: Node): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && memberName(node) === 'exports';
}
