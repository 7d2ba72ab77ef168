// Types of generated-files.js for the TypeScript tests.
export function callChain(count: number): string;
export function methodChain(count: number): string;
export function guardedStatements(count: number): string;
export function mixedStatements(count: number): string;
