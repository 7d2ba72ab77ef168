// Types of node-platform-notes.js for the TypeScript tests.
export interface PlatformNote {
  module: string;
  api: string;
  majors: number[];
  text: string;
}
export const NODE_MAJORS: number[];
export const MODULE_FILES: Record<string, [string, string][]>;
export function extractPlatformNotes(root?: string): PlatformNote[];
