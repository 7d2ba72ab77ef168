/** Test-case helpers: one code snippet as an ES module, a CommonJS file or TypeScript. */
import * as espree from 'espree';

// Flat-config `files` matching every snippet: a bare `**/*` pattern does not match `.ts` files.
export const ALL_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

export type Language = 'esm' | 'cjs' | 'ts' | 'cts';

/** Language options for a language, as a test case or a Linter config takes them. */
export function languageOptionsFor(language: Language): Record<string, unknown> {
  switch (language) {
    case 'esm':
      return { parser: espree, sourceType: 'module', ecmaVersion: 'latest' };
    case 'cjs':
      return { parser: espree, sourceType: 'commonjs', ecmaVersion: 'latest', parserOptions: { ecmaFeatures: { globalReturn: true } } };
    case 'ts':
      return { sourceType: 'module' };
    case 'cts':
      return { sourceType: 'module' };
  }
}

export const FILENAMES: Record<Language, string> = {
  esm: 'file.mjs',
  cjs: 'file.cjs',
  ts: 'file.ts',
  cts: 'file.cts',
};

export function languageOfFilename(filename: string | undefined): Language {
  if (!filename || /\.m?ts$|\.tsx$/.test(filename)) return 'ts';
  if (filename.endsWith('.cts')) return 'cts';
  if (filename.endsWith('.cjs')) return 'cjs';
  return 'esm';
}

type Case<T> = T & { code: string };

function make(language: Language) {
  return <T extends object>(code: string, extra?: T): Case<T> & { filename: string; languageOptions: Record<string, unknown> } =>
    ({
      code,
      filename: FILENAMES[language],
      languageOptions: languageOptionsFor(language),
      ...(extra ?? ({} as T)),
    }) as Case<T> & { filename: string; languageOptions: Record<string, unknown> };
}

/** An ES module (`.mjs`, espree). */
export const esm = make('esm');
/** A CommonJS file (`.cjs`, espree, `sourceType: 'commonjs'`). */
export const cjs = make('cjs');
/** A TypeScript module (`.ts`, @typescript-eslint/parser, no Node globals declared). */
export const ts = make('ts');
/** A CommonJS TypeScript file (`.cts`). */
export const cts = make('cts');
