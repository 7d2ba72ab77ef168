/** Test cases linted with type information: a TypeScript file in a project the parser type-checks. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPED_PROJECT = fileURLToPath(new URL('../fixtures/typed/', import.meta.url));

/** A TypeScript module linted with `parserOptions.projectService` (typed linting). */
export function typed<T extends object>(code: string, extra?: T): T & { code: string; filename: string; languageOptions: Record<string, unknown> } {
  return {
    code,
    filename: path.join(TYPED_PROJECT, 'file.ts'),
    languageOptions: {
      sourceType: 'module',
      parserOptions: {
        projectService: { allowDefaultProject: ['*.ts'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: TYPED_PROJECT,
      },
    },
    ...(extra ?? ({} as T)),
  };
}
