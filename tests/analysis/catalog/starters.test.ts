/** The starter catalog's invariants: every spec well-formed, none listed twice. */
import { describe, expect, it } from 'vitest';

import { BUILTIN_STARTERS, WEB_WORKER_MODULE, type StarterSpec } from '../../../src/analysis/catalog/starters.js';

const label = (spec: StarterSpec) => `${spec.module}:${spec.path.join('.')}:${spec.invocation}`;
const cases = BUILTIN_STARTERS.map((spec) => [label(spec), spec] as const);

describe('the starter catalog', () => {
  it('lists each module member and invocation once', () => {
    const labels = BUILTIN_STARTERS.map(label);
    expect(labels.filter((item, index) => labels.indexOf(item) !== index)).toEqual([]);
  });

  it('covers every mechanism', () => {
    expect(new Set(BUILTIN_STARTERS.map((spec) => spec.mechanism))).toEqual(new Set(['process', 'fork', 'thread', 'cluster']));
  });

  it.each(cases)('%s names its module and member plainly', (_label, spec) => {
    // `#web`: the pseudo-module of the Web Worker globals and of bundler worker imports (`./w.js?worker`).
    const web = spec.module === WEB_WORKER_MODULE;
    if (!web) expect(spec.module).toMatch(/^(@[a-z0-9-]+\/)?[a-z0-9_-]+$/);
    expect(spec.module.startsWith('node:')).toBe(false);
    for (const part of spec.path) expect(part).toMatch(web ? /^(?:[A-Z][A-Za-z]*|\?[a-z&]+)$/ : /^[A-Za-z_$][\w$]*$/);
    expect(spec.name.length).toBeGreaterThan(0);
    expect(['call', 'construct', 'call-or-construct']).toContain(spec.invocation);
  });

  it.each(cases)('%s takes its target from one place', (_label, spec) => {
    if (!spec.target) {
      // Only starters that take no script of the caller's: cluster (the entry script), pino.
      expect(['cluster', 'thread']).toContain(spec.mechanism);
      return;
    }
    const { argument, option } = spec.target;
    expect(argument !== undefined && option !== undefined).toBe(false);
    // Neither: the template of a tagged call (`$\`cmd\``).
    if (argument === undefined && option === undefined) {
      expect(spec.invocation).toBe('call');
      expect(spec.configuredByOptionsCall).toBe(true);
    }
    if (argument !== undefined) {
      expect(Number.isInteger(argument) && argument >= 0 && argument <= 3).toBe(true);
      // The target comes before the options (a pool's options may follow its script from index 0).
      if (spec.optionsFrom !== undefined && spec.optionsFrom > 0) expect(argument).toBeLessThan(spec.optionsFrom);
    }
    if (option !== undefined) {
      expect(spec.optionsFrom).toBeDefined();
      expect(option).toMatch(/^\w+$/);
    }
  });

  it.each(cases)('%s runs the kind of target its mechanism runs', (_label, spec) => {
    if (!spec.target) return;
    const expected = spec.mechanism === 'process' ? ['command', 'shell-command'] : ['script'];
    expect(expected).toContain(spec.target.role);
  });

  it.each(cases)('%s starts on a condition it can read', (_label, spec) => {
    if (spec.starts === 'always') return;
    expect('whenOption' in spec.starts ? spec.starts.whenOption : spec.starts.unlessZero).toMatch(/^\w+$/);
    expect(spec.optionsFrom).toBeDefined();
  });

  it.each(cases)('%s has only the options of its kind', (_label, spec) => {
    if (spec.optionsFrom !== undefined) expect(Number.isInteger(spec.optionsFrom) && spec.optionsFrom >= 0).toBe(true);
    // A process mode switches a thread pool to child processes.
    if (spec.processMode) {
      expect(spec.mechanism).toBe('thread');
      expect(spec.optionsFrom).toBeDefined();
    }
    // How Windows runs a command only concerns starters of programs.
    if (spec.windows) expect(spec.mechanism).toBe('process');
    // `$({ cwd })` configures: only calls can be options calls.
    if (spec.configuredByOptionsCall) expect(spec.invocation).toBe('call');
  });
});
