// The plugin's metadata, configs and docs stay consistent with its rules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { PACKAGE_VERSION, REPOSITORY_URL } from '../src/util/package-info.js';

const root = join(import.meta.dirname, '..');
const ruleNames = Object.keys(rules);
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('plugin metadata', () => {
  it('names itself after the package', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'process-guard' });
  });

  it('exports the rules', () => {
    expect(plugin.rules).toBe(rules);
  });

  it('exports every rule file, in alphabetical order', () => {
    const files = readdirSync(join(root, 'src/rules'))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.slice(0, -3));
    expect(ruleNames).toEqual([...files].sort());
  });

  it.each(ruleNames)('%s has docs, a doc page and a test file', (name) => {
    const rule = rules[name as keyof typeof rules];
    expect(rule.meta.docs?.url).toBe(`${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/${name}.md`);
    expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) [^.]+$/);
    expect(existsSync(join(root, 'docs/rules', `${name}.md`))).toBe(true);
    expect(existsSync(join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
    const doc = readFileSync(join(root, 'docs/rules', `${name}.md`), 'utf8');
    for (const section of ['## Examples', '## When Not To Use It']) expect(doc).toContain(section);
    // Rules with options document them; eslint-doc-generator rejects the section for rules without.
    const hasOptions = JSON.stringify(rule.meta.schema) !== '[]';
    expect(doc.includes('## Options')).toBe(hasOptions);
  });
});

describe('configs', () => {
  type Entries = Record<string, unknown>;
  const expected = { recommended: {} as Entries, strict: {} as Entries, all: {} as Entries };
  // strict turns off the allowances a rule's defaults make; all keeps every rule's defaults
  const strictOptions: Entries = { 'no-spawn-in-constructor': { allowSync: false } };
  for (const name of ruleNames) {
    const recommended = rules[name as keyof typeof rules].meta.docs?.recommended;
    if (recommended) {
      expected.recommended[`process-guard/${name}`] = recommended;
      expected.strict[`process-guard/${name}`] = name in strictOptions ? ['error', strictOptions[name]] : 'error';
    }
    expected.all[`process-guard/${name}`] = 'error';
  }

  it.each(['recommended', 'strict', 'all'] as const)('%s is computed from rule metadata', (configName) => {
    const config = plugin.configs[configName];
    expect(config.name).toBe(`process-guard/${configName}`);
    expect(config.rules).toEqual(expected[configName]);
    // The very same object: ESLint throws "Cannot redefine plugin" for a copy.
    expect(config.plugins?.['process-guard']).toBe(plugin);
  });

  it('makes strict report more than all', () => {
    expect(plugin.configs.strict.rules).not.toEqual(plugin.configs.all.rules);
  });

  // no-hazardous-dependency reads the installed packages: only in `all` until its cost on large trees is measured.
  it('puts every rule in recommended but the one that reads installed packages', () => {
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(ruleNames.filter((name) => name !== 'no-hazardous-dependency').map((name) => `process-guard/${name}`));
  });
});

/**
 * Messages are one short sentence (what breaks, where, the fix); the why is on the doc page. Each
 * message is measured with typical data for its placeholders.
 */
describe('message length', () => {
  const SAMPLE: Record<string, string> = {
    name: 'fork()',
    guard: '`isMainThread`',
    wrong: '`isMainThread`',
    child: 'a forked child',
    consequence: 'the child forks again',
    advice: 'guard it with `process.send === undefined`',
    value: 'A Map',
    channel: '`child.send()`',
    outcome: 'arrives as `{}`',
    advanced: "use `serialization: 'advanced'`",
    option: 'transferList',
    path: "'./worker.js'",
    replacement: "new URL('./worker.js', import.meta.url)",
    what: 'a child process',
    className: '`Server`',
    method: 'initialize',
    via: 'startAll()',
    through: ' through start() (./start.js:3)',
    line: '12',
    where: './engine.js:12',
    starter: 'spawn()',
    getter: 'getRunner',
    signal: 'SIGHUP',
    module: 'windows-registry',
    platforms: 'win32',
    command: 'npm',
    location: '`import.meta.url`',
    call: "run('npm')",
    check: '`!isMainThread`',
    marker: 'ownWorker',
    values: 'A Map and an Error',
    remedy: "send plain data, or use `serialization: 'advanced'`",
    condition: 'the user has no name or home directory',
    when: 'this runs while the module loads',
    package: 'detect-libc@1.0.3',
    dependency: 'detect-libc@1.0.3',
  };
  const messages = Object.entries(rules).flatMap(([rule, { meta }]) =>
    Object.entries(meta.messages as Record<string, string>).map(([id, text]) => ({
      id: `${rule}/${id}`,
      text: text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => SAMPLE[key] ?? `<${key}>`),
    })),
  );

  it('gives every placeholder sample data', () => {
    expect(messages.filter((message) => /<\w+>/.test(message.text)).map((message) => message.id)).toEqual([]);
  });

  it.each(messages.map((message) => [message.id, message.text] as const))('%s is at most 140 characters', (_, text) => {
    expect(text.length, text).toBeLessThanOrEqual(140);
  });

  it('keeps the median at most 90 characters', () => {
    const lengths = messages.map((message) => message.text.length).sort((a, b) => a - b);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeLessThanOrEqual(90);
  });
});
