import { describe, expect, it } from 'vitest';

import { createRule, mergedOptionsCache, withDefaults } from '../../src/util/create-rule.js';
import { PACKAGE_VERSION, REPOSITORY_URL } from '../../src/util/package-info.js';

describe('withDefaults', () => {
  it('uses the defaults when no options are given', () => {
    expect(withDefaults([{ a: 1, b: { c: 2 } }], undefined)).toEqual([{ a: 1, b: { c: 2 } }]);
    expect(withDefaults([{ a: 1 }], [])).toEqual([{ a: 1 }]);
  });

  it('merges objects deeply and replaces everything else', () => {
    expect(withDefaults([{ a: 1, b: { c: 2, d: 3 }, list: ['x'] }], [{ b: { c: 9 }, list: ['y'] }])).toEqual([
      { a: 1, b: { c: 9, d: 3 }, list: ['y'] },
    ]);
    expect(withDefaults(['x', 1], ['y'])).toEqual(['y', 1]);
  });

  it('never hands out the defaults object itself', () => {
    const defaults = [{ list: ['x'] }] as const;
    const [merged] = withDefaults(defaults, undefined);
    expect(merged).not.toBe(defaults[0]);
  });
});

describe('mergedOptionsCache', () => {
  it('merges once per configuration: the same or an equal options array gives the same options', () => {
    const merged = mergedOptionsCache([{ a: 1, b: { c: 2 } }]);
    const user = [{ b: { c: 3 } }];
    const first = merged(user);
    expect(first).toEqual([{ a: 1, b: { c: 3 } }]);
    expect(merged(user)).toBe(first);
    // ESLint hands each file a fresh array.
    expect(merged([{ b: { c: 3 } }])).toBe(first);
    expect(merged([{ b: { c: 4 } }])).toEqual([{ a: 1, b: { c: 4 } }]);
    expect(merged(user)).toBe(first);
    expect(merged(undefined)).toEqual([{ a: 1, b: { c: 2 } }]);
    expect(merged([])).toEqual([{ a: 1, b: { c: 2 } }]);
  });
});

describe('createRule', () => {
  it('adds the docs URL and passes merged options to create', () => {
    let received: unknown;
    const rule = createRule<[{ flag: boolean; name: string }], 'id'>({
      name: 'sample-rule',
      meta: {
        type: 'problem',
        docs: { description: 'Disallow samples' },
        schema: [],
        defaultOptions: [{ flag: false, name: 'x' }],
        messages: { id: 'message' },
      },
      create(_context, [options]) {
        received = options;
        return {};
      },
    });
    expect(rule.meta.docs?.url).toBe(`${REPOSITORY_URL}/blob/v${PACKAGE_VERSION}/docs/rules/sample-rule.md`);
    rule.create({ options: [{ flag: true }] } as never);
    expect(received).toEqual({ flag: true, name: 'x' });
  });
});
