import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { analyzeCode } from '../../support/analyze-code.js';
import { languageOfFilename } from '../../support/languages.js';
import { tempFolder } from '../../support/temp-folder.js';
import { TEST_FILES, TOOL_CONFIG_PROJECT, TOOL_CONFIGS } from '../../support/tool-config-project.js';

const project = tempFolder('tool-configs');
project.write({ ...TOOL_CONFIG_PROJECT });

const fileModelOf = (file: string) =>
  analyzeCode(TOOL_CONFIG_PROJECT[file] ?? '', file.endsWith('.cjs') ? 'cjs' : languageOfFilename(file), {}, path.join(project.root, file), project.root).fileModel;

describe('tool configuration files', () => {
  it.each(TOOL_CONFIGS)('%s', (file, expected) => {
    expect(fileModelOf(file).toolConfig).toBe(expected);
  });
});

describe('test files another module of the package imports', () => {
  it.each(TEST_FILES)('%s: a test file nothing but tests load: %s', (file, expected) => {
    const model = fileModelOf(file);
    expect(model.isTestFile && (!model.importedInPackage || model.loadedOnlyByTests)).toBe(expected);
  });
});
