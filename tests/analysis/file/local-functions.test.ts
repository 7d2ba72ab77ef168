import { describe, expect, it } from 'vitest';

import type { FileAnalysis } from '../../../src/analysis/index.js';
import type { FunctionNode } from '../../../src/analysis/syntax/ast.js';
import { analyzeCode, allNodes } from '../../support/analyze-code.js';

/** The function declared or bound under `name`. */
function fn(analysis: FileAnalysis, name: string): FunctionNode {
  const found = allNodes(analysis).find(
    (node): node is FunctionNode =>
      (node.type === 'FunctionDeclaration' && node.id?.name === name) ||
      ((node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') &&
        ((node.parent.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier' && node.parent.id.name === name) ||
          (node.parent.type === 'Property' && node.parent.key.type === 'Identifier' && node.parent.key.name === name))),
  );
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

/** A summary as plain data: `index: use path @line via n` per role. */
function describeSummary(analysis: FileAnalysis, name: string): { starts: boolean; roles: string[] } | undefined {
  const summary = analysis.summaries.summaryOf(fn(analysis, name));
  if (!summary) return undefined;
  const roles = [...summary.parameterRoles].flatMap(([index, list]) =>
    list.map((role) => `${index}: ${role.use} [${role.path.join('.')}] @${role.site.node.loc.start.line} via ${role.via.length}`),
  );
  return { starts: summary.startsWhenCalled, roles };
}

describe('function summaries', () => {
  it('records the parameters that reach a starter', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';
function run(cmd, args, options) {
  return spawn(cmd, args, { stdio: 'inherit', ...options });
}`);
    expect(describeSummary(analysis, 'run')).toEqual({ starts: true, roles: ['0: command [] @3 via 0', '2: options [] @3 via 0'] });
  });

  it('follows wrappers of wrappers to the innermost starter', () => {
    const analysis = analyzeCode(`const { execSync } = require('child_process');
const sh = (line) => execSync(line);
function npm(args) { return sh('npm ' + args); }
const build = (dir) => sh(dir);
function all(dir) { npm('ci'); return build(dir); }`, 'cjs');
    expect(describeSummary(analysis, 'sh')).toEqual({ starts: true, roles: ['0: shell-command [] @2 via 0'] });
    expect(describeSummary(analysis, 'npm')).toEqual({ starts: true, roles: [] });
    expect(describeSummary(analysis, 'build')).toEqual({ starts: true, roles: ['0: shell-command [] @2 via 1'] });
    expect(describeSummary(analysis, 'all')).toEqual({ starts: true, roles: ['0: shell-command [] @2 via 2'] });
    expect(analysis.summaries.wrapperCalls.map((call) => call.name).sort()).toEqual(['build', 'sh', 'sh']);
  });

  it('places a value inside a parameter: an element or a property', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';
function sh(command) {
  const [file, ...args] = command;
  return spawn(file, args);
}
function pm(config) { return spawn(config.bin, ['install']); }`);
    expect(describeSummary(analysis, 'sh')?.roles).toEqual(['0: command [0] @4 via 0']);
    expect(describeSummary(analysis, 'pm')?.roles).toEqual(['0: command [bin] @6 via 0']);
  });

  it('knows object methods and promise executors', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';
const tools = {
  run(cmd) {
    return new Promise((resolve) => spawn(cmd).on('exit', resolve));
  },
};
export const go = () => tools.run('git');`);
    expect(describeSummary(analysis, 'run')).toEqual({ starts: true, roles: ['0: command [] @4 via 0'] });
    expect(describeSummary(analysis, 'go')).toEqual({ starts: true, roles: [] });
  });

  it('follows methods of the same class called on this, without taking the call to start anything', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';
export class Runner {
  private run(cmd: string) { return spawn(cmd, []); }
  install(tool: string) { return this.run(tool); }
}`, 'ts');
    const install = allNodes(analysis).find(
      (node): node is FunctionNode => node.type === 'FunctionExpression' && node.parent.type === 'MethodDefinition' && node.parent.key.type === 'Identifier' && node.parent.key.name === 'install',
    );
    const summary = install && analysis.summaries.summaryOf(install);
    expect(summary?.startsWhenCalled).toBe(false);
    expect([...(summary?.parameterRoles ?? [])].map(([index, roles]) => `${index}: ${roles.map((role) => `${role.use} via ${role.via.length}`).join()}`)).toEqual(['0: command via 1']);
    expect(analysis.summaries.wrapperCalls.map((call) => call.name)).toEqual(['this.run']);
  });

  it('does not start anything from a function that only defines a callback', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';
function later(cmd) { process.on('exit', () => spawn(cmd)); }`);
    expect(describeSummary(analysis, 'later')).toEqual({ starts: false, roles: ['0: command [] @2 via 0'] });
  });

  it('ignores a parameter that is reassigned and a local function named like a starter', () => {
    const analysis = analyzeCode(`import { spawn } from 'node:child_process';
function run(cmd) { cmd = cmd.trim(); return spawn(cmd); }
function local(spawn) { return spawn('npm'); }`);
    expect(describeSummary(analysis, 'run')).toEqual({ starts: true, roles: [] });
    expect(describeSummary(analysis, 'local')).toBeUndefined();
  });

  it('stays linear on a long chain of wrappers', () => {
    const count = 2000;
    const lines = [`const { spawn } = require('child_process');`, `function w0(cmd) { return spawn(cmd); }`];
    for (let index = 1; index <= count; index += 1) lines.push(`function w${index}(cmd) { return w${index - 1}(cmd); }`);
    lines.push(`w${count}('npm');`);
    const analysis = analyzeCode(lines.join('\n'), 'cjs');
    expect(describeSummary(analysis, 'w8')?.roles).toEqual(['0: command [] @2 via 8']);
    // Past the bound on intermediate calls, a wrapper is no longer followed.
    expect(describeSummary(analysis, `w${count}`)).toEqual({ starts: true, roles: [] });
  });
});
