/**
 * The Windows counterparts of POSIX programs: data only. Each is a program (or a cmd.exe builtin)
 * that exists only on Windows and does the POSIX program's job there, so code that picks between
 * the two is choosing by platform, whatever its test reads. Keyed by the POSIX program as
 * `POSIX_ONLY_PROGRAMS` names it; names are lower-case, without `.exe`. PowerShell 7 (`pwsh`) runs
 * on every platform and is not one.
 */
export const WINDOWS_COUNTERPARTS: ReadonlyMap<string, readonly string[]> = new Map([
  // where.exe: Windows's `which`, and what `command -v` answers in a POSIX shell.
  ['which', ['where']],
  ['command', ['where']],
  // taskkill.exe ends processes by id or image name; tasklist.exe lists them.
  ['kill', ['taskkill']],
  ['pkill', ['taskkill']],
  ['ps', ['tasklist']],
  ['pgrep', ['tasklist']],
  // findstr.exe: Windows's `grep`.
  ['grep', ['findstr']],
  // cmd.exe builtins: `type` prints a file, `del`/`erase` and `rmdir`/`rd` remove, `dir` lists,
  // `copy` (and xcopy.exe, robocopy.exe) copy, `move`/`ren` move and rename, `mklink` links.
  ['cat', ['type']],
  ['rm', ['del', 'erase', 'rmdir', 'rd']],
  ['ls', ['dir']],
  ['cp', ['copy', 'xcopy', 'robocopy']],
  ['mv', ['move', 'ren', 'rename']],
  ['ln', ['mklink']],
  // The shells: cmd.exe and Windows PowerShell (powershell.exe).
  ['sh', ['cmd', 'powershell']],
  ['bash', ['cmd', 'powershell']],
  ['zsh', ['cmd', 'powershell']],
]);

/**
 * POSIX programs that answer whether another program is installed. On Windows they fail whatever
 * is installed, so a probe that falls back when they fail answers wrong there: unlike a probe of the
 * program itself (`bash --version`), its failure is no answer.
 */
export const PROGRAM_LOOKUPS: ReadonlySet<string> = new Set(['which', 'command', 'whereis']);
