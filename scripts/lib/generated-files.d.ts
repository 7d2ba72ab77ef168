// Types of generated-files.js for the TypeScript tests.
export function callChain(count: number): string;
export function methodChain(count: number): string;
export function guardedStatements(count: number): string;
export const STATEMENT_SHAPES: Record<string, (i: number) => string[]>;
export function mixedStatements(count: number, shapes?: string[]): string;
