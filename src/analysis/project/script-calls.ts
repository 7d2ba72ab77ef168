/**
 * How a command runs a package script through a package manager (`npm run x`, `yarn x`, `pnpm x`,
 * `bun run x`), and the words it passes on to the script's command line: npm passes its positional
 * words and everything after `--`, keeping its own options; yarn, pnpm and bun pass every word
 * after the script's name (a `--` right after it is the package manager's).
 */

const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'];

/** npm's options whose value is the next word, when written after the script's name. */
const NPM_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-w', '--workspace', '--prefix', '--loglevel', '--script-shell']);

/**
 * Whether a command in `text` runs script `name`: `npm run name`, `npm run-script name`, `pnpm name`,
 * `yarn run name`, `bun run name`, `npm test`, with flags (`--silent`, `-w`) after the package
 * manager and after `run`. Read word by word, so that the cost is linear in the text: a pattern
 * with a repeated flag group backtracks exponentially over a line of flags it does not match.
 */
export function invokes(text: string, name: string): boolean {
  return scriptAt(text.split(/\s+/), name) !== undefined;
}

/** The words one command (its shell words) passes to script `name`; undefined when it does not run it. */
export function passedWords(words: readonly string[], name: string): string[] | undefined {
  const found = scriptAt(words, name);
  if (!found) return undefined;
  const rest = words.slice(found.at + 1);
  if (rest[0] === '--') return rest.slice(1);
  if (!/(?:^|\W)npm$/.test(words[found.manager] ?? '')) return rest;
  const passed: string[] = [];
  for (let index = 0; index < rest.length; index += 1) {
    const word = rest[index] ?? '';
    if (word === '--') return [...passed, ...rest.slice(index + 1)];
    if (!word.startsWith('-')) passed.push(word);
    else if (NPM_VALUE_OPTIONS.has(word)) index += 1;
  }
  return passed;
}

/** Where the package manager and the script's name are among the words of a command that runs it; undefined when none does. */
function scriptAt(words: readonly string[], name: string): { manager: number; at: number } | undefined {
  for (let index = 0; index < words.length; index += 1) {
    if (!isPackageManager(words[index] ?? '')) continue;
    const next = skipFlags(words, index + 1);
    if (namesScript(words[next], name)) return { manager: index, at: next };
    const after = skipFlags(words, next + 1);
    if ((words[next] === 'run' || words[next] === 'run-script') && namesScript(words[after], name)) return { manager: index, at: after };
  }
  return undefined;
}

/** The name ends the word or is followed by punctuation (`name;`, `name)`), not by more of a name. */
function namesScript(word: string | undefined, name: string): boolean {
  return word !== undefined && word.startsWith(name) && !/^[\w:.-]/.test(word.slice(name.length));
}

/** A word that ends with a package manager's name, starting the word or after a non-word character (`./npm`, `(pnpm`). */
function isPackageManager(word: string): boolean {
  return PACKAGE_MANAGERS.some((manager) => word.endsWith(manager) && !/\w/.test(word.charAt(word.length - manager.length - 1)));
}

/** The index of the first word from `index` that is not a flag (`-w`, `--if-present`). */
function skipFlags(words: readonly string[], index: number): number {
  let next = index;
  while (/^-[\w-]+$/.test(words[next] ?? '')) next += 1;
  return next;
}
