import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { analyzeCode } from '../../support/analyze-code.js';
import { languageOfFilename } from '../../support/languages.js';
import { tempFolder } from '../../support/temp-folder.js';
import { TOOL_CONFIG_PROJECT, TOOL_CONFIGS } from '../../support/tool-config-project.js';

const project = tempFolder('tool-configs');
project.write({ ...TOOL_CONFIG_PROJECT });

describe('tool configuration files', () => {
  it.each(TOOL_CONFIGS)('%s', (file, expected) => {
    const language = file.endsWith('.cjs') ? 'cjs' : languageOfFilename(file);
    expect(analyzeCode(TOOL_CONFIG_PROJECT[file] ?? '', language, {}, path.join(project.root, file), project.root).fileModel.toolConfig).toBe(expected);
  });
});
