import { describe, expect, it } from 'vitest';

import { commandsOf, programsOf } from '../../../src/analysis/questions/command-line.js';
import { UNKNOWN_PART } from '../../../src/analysis/file/values.js';

describe('the programs of a command line', () => {
  it.each<[string, string, string[]]>([
    ['one program', 'npm install', ['npm']],
    ['a pipe', 'ls -la | grep x', ['ls', 'grep']],
    ['and, or, sequence, background', 'a && b || c; d & e', ['a', 'b', 'c', 'd', 'e']],
    ['a line break', 'a\nb', ['a', 'b']],
    ['environment assignments', 'NODE_ENV=test DEBUG=1 node app.js', ['node']],
    ['a subshell', '(cd dir && make all)', ['cd', 'make']],
    ['operators inside quotes', `echo "a | b && c" | wc`, ['echo', 'wc']],
    ['single quotes', `grep 'x;y' file`, ['grep']],
    ['a quoted program name', `'rm' -rf dist`, ['rm']],
    ['redirections are not operators', 'make 2>&1 | tee log', ['make', 'tee']],
    ['&> is a redirection', 'make &>log', ['make']],
    ['empty segments', 'a ;; b', ['a', 'b']],
    ['an empty line', '', []],
    ['only assignments', 'A=1', []],
    ['an assignment whose quoted value has blanks', `NODE_OPTIONS='--max-old-space-size=4096 --trace-warnings' node app.js`, ['node']],
  ])('%s', (_name, line, expected) => {
    expect(programsOf(line)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['a program the file does not show', `${UNKNOWN_PART} install`, []],
    ['a partly unknown program', `npm${UNKNOWN_PART} install && git push`, ['git']],
    ['a command substitution ends what is known', 'echo $(which node) && rm x', ['echo']],
    ['a backquote ends what is known', 'echo `date` && rm x', ['echo']],
    ['a variable as program', '$CMD run', []],
  ])('%s', (_name, line, expected) => {
    expect(programsOf(line)).toEqual(expected);
  });
});

describe('the commands of a command line', () => {
  it.each<[string, string, string[][]]>([
    ['one command', 'node scripts/a.js --fast', [['node', 'scripts/a.js', '--fast']]],
    ['after environment assignments', 'CI=1 node a.js && npm test', [['node', 'a.js'], ['npm', 'test']]],
    ['quoted words', `node "scripts/my test.js"`, [['node', 'scripts/my test.js']]],
    ['only assignments', 'A=1', []],
  ])('%s', (_name, line, expected) => {
    expect(commandsOf(line)).toEqual(expected);
  });
});
