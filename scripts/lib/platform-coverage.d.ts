// Types of platform-coverage.js for the TypeScript tests.
export interface Note {
  readonly module: string;
  readonly api: string;
  readonly majors: readonly number[];
  readonly text: string;
  readonly source?: string;
}
export type Handling = { readonly rule: string; readonly entry: string } | { readonly outOfScope: string };
export interface Decision {
  readonly module: string;
  readonly api: string;
  readonly match?: string;
  readonly where: string;
  readonly happens: string;
  readonly handling: Handling;
}
export function matchNotes(
  notes: readonly Note[],
  decisions: readonly Decision[],
): { byDecision: Map<Decision, Note[]>; unhandled: Note[]; unused: Decision[] };
export function renderCoverage(notes: readonly Note[], decisions: readonly Decision[]): string;
