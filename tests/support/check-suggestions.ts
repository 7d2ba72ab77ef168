/**
 * Mechanical proof that suggestions are correct code: every suggestion output of a rule's invalid
 * cases must parse with the case's parser, and a TypeScript output must not add any type error
 * the input did not already have (checked with the TypeScript compiler against @types/node).
 */
import * as path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';

import { ALL_FILES, languageOfFilename, languageOptionsFor } from './languages.js';

export interface SuggestionSample {
  readonly code: string;
  readonly output: string;
  readonly filename?: string;
  readonly languageOptions?: Record<string, unknown>;
}

interface InvalidCase {
  code: string;
  filename?: string;
  languageOptions?: unknown;
  errors: readonly { suggestions?: readonly { output: string }[] | null }[];
}

export function suggestionSamples(invalid: readonly InvalidCase[]): SuggestionSample[] {
  return invalid.flatMap((testCase) =>
    testCase.errors.flatMap((error) =>
      (error.suggestions ?? []).map((suggestion) => ({
        code: testCase.code,
        output: suggestion.output,
        filename: testCase.filename,
        languageOptions: testCase.languageOptions as Record<string, unknown> | undefined,
      })),
    ),
  );
}

/** Parse errors of each sample's output, as readable strings (empty when all parse). */
export function parseProblems(samples: readonly SuggestionSample[]): string[] {
  // Rooted at the file system root: a sample's file may sit in a temporary folder outside the project.
  const linter = new Linter({ cwd: path.parse(process.cwd()).root });
  const problems: string[] = [];
  for (const sample of samples) {
    const language = languageOfFilename(sample.filename);
    const languageOptions = sample.languageOptions ?? languageOptionsFor(language);
    const config = language === 'ts' || language === 'cts'
      ? [{ files: ALL_FILES, languageOptions: { ...languageOptions, parser: tsParser } }]
      : [{ files: ALL_FILES, languageOptions }];
    const messages = linter.verify(sample.output, config, sample.filename ?? 'file.ts');
    // With no rules configured, any message is a parse error (or a file no config matches).
    for (const message of messages) {
      problems.push(`${message.message} (line ${message.line}) in:\n${sample.output}`);
    }
  }
  return problems;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules/@types')],
  skipLibCheck: true,
  noUnusedLocals: false,
  allowImportingTsExtensions: true,
};
const STUBS = path.join(ROOT, 'tests/support/third-party-modules.d.ts');

/**
 * Type errors each TypeScript sample's output has that its input does not (compared by error
 * code and message, so moved lines do not count as new errors).
 */
export function typeProblems(samples: readonly SuggestionSample[]): string[] {
  const typed = samples.filter((sample) => {
    const language = languageOfFilename(sample.filename);
    return language === 'ts' || language === 'cts';
  });
  if (typed.length === 0) return [];
  const files = new Map<string, string>();
  typed.forEach((sample, index) => {
    // `export {}` keeps every snippet a module, so snippets do not collide in the global scope.
    files.set(path.join(ROOT, `tests/.virtual/sample-${index}-input.ts`), `${sample.code}\nexport {};\n`);
    files.set(path.join(ROOT, `tests/.virtual/sample-${index}-output.ts`), `${sample.output}\nexport {};\n`);
  });
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(path.resolve(name)) ?? readFile(name);
  host.fileExists = (name) => files.has(path.resolve(name)) || fileExists(name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const text = files.get(path.resolve(name));
    return text === undefined
      ? getSourceFile(name, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(name, text, languageVersion, true);
  };
  const program = ts.createProgram([...files.keys(), STUBS], COMPILER_OPTIONS, host);
  const problems: string[] = [];
  typed.forEach((sample, index) => {
    const describe = (file: string): string[] =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(path.join(ROOT, `tests/.virtual/${file}`))).map(
        (diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
      );
    const before = describe(`sample-${index}-input.ts`);
    const after = describe(`sample-${index}-output.ts`);
    const remaining = [...before];
    const added = after.filter((message) => {
      const at = remaining.indexOf(message);
      if (at === -1) return true;
      remaining.splice(at, 1);
      return false;
    });
    if (added.length > 0) problems.push(`${added.join('\n')}\nin:\n${sample.output}`);
  });
  return problems;
}
