import { describe, expect, it } from 'vitest';

import { shellWords } from '../../src/util/shell-words.js';

describe('shell words', () => {
  it.each<[string, string[]]>([
    ['node x.js', ['node', 'x.js']],
    ['  node   x.js  ', ['node', 'x.js']],
    ["NODE_OPTIONS='--max-old-space-size=4096 --trace-warnings' ts-node ./watch.ts", ['NODE_OPTIONS=--max-old-space-size=4096 --trace-warnings', 'ts-node', './watch.ts']],
    ['A= B="x y" node "my script.js"', ['A=', 'B=x y', 'node', 'my script.js']],
    ["echo 'a \"b\"' \"c 'd'\"", ['echo', 'a "b"', "c 'd'"]],
    ['echo "a \\" b" c\\ d', ['echo', 'a " b', 'c d']],
    ["echo ''", ['echo', '']],
    ['C:\\tools\\x.exe "C:\\Program Files\\y" \\"z', ['C:\\tools\\x.exe', 'C:\\Program Files\\y', '"z']],
    ['echo "unclosed x', ['echo', 'unclosed x']],
    ['', []],
  ])('%s', (command, words) => {
    expect(shellWords(command)).toEqual(words);
  });
});
