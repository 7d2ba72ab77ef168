/**
 * Diagnostics for what the rules swallow (an analysis that threw ends as unknown), printed to stderr
 * when `DEBUG` names `process-guard`, as with the `debug` package, without depending on it.
 */
const enabled = (process.env.DEBUG ?? '').includes('process-guard');

/** Writes `process-guard <message>` to stderr when debugging is on. */
export function debugLog(message: string): void {
  if (enabled) process.stderr.write(`process-guard ${message}\n`);
}
