/**
 * The words of one shell command, as a POSIX shell splits them: at blanks outside quotes, with the
 * quotes removed, so `NODE_OPTIONS='--a --b' node x.js` is three words, not four. A backslash
 * escapes a blank or a quote (and, inside double quotes, `\`, `$` and a backquote, as POSIX says);
 * anywhere else it is kept, so a Windows path (`C:\tools\x.exe`) stays whole. Expansions (`$x`,
 * `$(…)`) stay as written.
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && /["\\$`]/.test(command[index + 1] ?? '')) word += command[(index += 1)];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\' && /[\s'"]/.test(command[index + 1] ?? '')) {
      word += command[(index += 1)];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
