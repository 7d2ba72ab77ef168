// @ts-check
/**
 * The notes on platform and environment differences in Node's own API documentation, read from the
 * JSDoc that `@types/node` carries, one pinned package per supported Node major (the `types-node-<major>`
 * devDependencies). Each note is a sentence of a declaration's comment that names a platform or a
 * platform-dependent failure; it is recorded once with the majors whose documentation has it.
 *
 * The coverage page (scripts/platform-coverage.js) and its test read the list: every note must be in
 * the catalog or listed as out of scope (src/analysis/catalog/platform-notes.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import ts from 'typescript';

const require = createRequire(import.meta.url);

/** The Node majors the project supports (package.json `engines`), each with its `@types/node` alias. */
export const NODE_MAJORS = [20, 22, 24];

/** The modules whose documentation is read: their declaration files in `@types/node`, with the prefix of their APIs' names. */
export const MODULE_FILES = {
  process: [['process.d.ts', '']],
  os: [['os.d.ts', '']],
  fs: [['fs.d.ts', ''], ['fs/promises.d.ts', 'promises.']],
  child_process: [['child_process.d.ts', '']],
  cluster: [['cluster.d.ts', '']],
  worker_threads: [['worker_threads.d.ts', '']],
  net: [['net.d.ts', '']],
  dgram: [['dgram.d.ts', '']],
  tty: [['tty.d.ts', '']],
  readline: [['readline.d.ts', ''], ['readline/promises.d.ts', 'promises.']],
  module: [['module.d.ts', '']],
};

/** Words that make a sentence a note on a platform or environment difference. */
const NOTE =
  /\b(?:POSIX|Windows|win32|macOS|OS X|Darwin|Linux|AIX|IBM i|SunOS|Solaris|FreeBSD|OpenBSD|Android|SystemError|only available on|not available on|not supported on|not implemented on|only supported on|on some platforms|platform-specific|platform-dependent|depending on the platform|Unix)\b/;

/**
 * Phrases that name a platform without saying anything about a difference: a pointer to a POSIX
 * manual page, a POSIX call an API is compared with, the Unix epoch, a Unix domain socket.
 */
const NEUTRAL =
  /\bPOSIX \S+ (?:documentation|document)\b|`[^`]+` POSIX (?:system call|function)|POSIX `[^`]+` utility|`rm -rf` Unix command|\bUnix [Ee]poch\b|\bUnix domain sockets?\b/g;

/**
 * Containers that are not part of an API's name: the `declare module` block, `global`, the `NodeJS`
 * namespace, and `__promisify__` (the same API through `util.promisify`). `NodeJS.Process` is the
 * `process` object.
 */
const TRANSPARENT = new Set(['global', 'NodeJS', '__promisify__']);
const RENAMED = new Map([['Process', 'process']]);

/**
 * @typedef {{ module: string, api: string, majors: number[], text: string }} PlatformNote
 */

/**
 * Every note of the modules, for every supported major, in module/API/text order.
 * @param {string} [root] the folder holding `node_modules`
 * @returns {PlatformNote[]}
 */
export function extractPlatformNotes(root = process.cwd()) {
  /** @type {Map<string, PlatformNote>} */
  const notes = new Map();
  for (const major of NODE_MAJORS) {
    const packageFile = require.resolve(`types-node-${major}/package.json`, { paths: [root] });
    for (const [module, files] of Object.entries(MODULE_FILES)) {
      for (const [file, prefix] of files) {
        const text = readFileSync(path.join(path.dirname(packageFile), file), 'utf8');
        for (const { api, text: sentence } of notesOf(text)) {
          // Spacing around code spans differs between package versions: it does not make another note.
          const key = `${module}\0${prefix}${api}\0${sentence.replace(/\s+/g, '')}`;
          const note = notes.get(key) ?? { module, api: `${prefix}${api}`, majors: [], text: sentence };
          if (!note.majors.includes(major)) note.majors.push(major);
          // The newest major's wording.
          note.text = sentence;
          notes.set(key, note);
        }
      }
    }
  }
  const moduleOrder = Object.keys(MODULE_FILES);
  return [...notes.values()].sort(
    (a, b) => moduleOrder.indexOf(a.module) - moduleOrder.indexOf(b.module) || compare(a.api, b.api) || compare(a.text, b.text),
  );
}

/** @param {string} a @param {string} b */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The notes of one declaration file: for each declaration with a doc comment, the first sentence
 * of each paragraph that names a platform, under the declaration's dotted name.
 * @param {string} text
 * @returns {{ api: string, text: string }[]}
 */
function notesOf(text) {
  const source = ts.createSourceFile('node.d.ts', text, ts.ScriptTarget.Latest, true);
  /** @type {{ api: string, text: string }[]} */
  const found = [];
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {ts.Node} node @param {string[]} names */
  const visit = (node, names) => {
    const name = declarationName(node);
    const inside = name === undefined ? names : TRANSPARENT.has(name) ? names : [...names, RENAMED.get(name) ?? name];
    if (name !== undefined && inside.length > 0) {
      const api = inside.join('.');
      for (const sentence of noteSentences(docComment(text, node))) {
        // Overloads repeat their comment.
        const key = `${api}\0${sentence}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ api, text: sentence });
      }
    }
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  // The `declare module 'fs' { … }` block names the module, not the API.
  ts.forEachChild(source, (child) => {
    if (ts.isModuleDeclaration(child) && ts.isStringLiteral(child.name)) ts.forEachChild(child, (inner) => visit(inner, []));
    else visit(child, []);
  });
  return found;
}

/**
 * The name a declaration adds to the path, or undefined for a node that is not a named declaration.
 * @param {ts.Node} node
 */
function declarationName(node) {
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isEnumDeclaration(node)
  ) {
    return node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : undefined;
  }
  return undefined;
}

/**
 * The text of the doc comment right before a declaration (a variable's is before its statement).
 * @param {string} text
 * @param {ts.Node} node
 */
function docComment(text, node) {
  const holder = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const ranges = ts.getLeadingCommentRanges(text, holder.pos) ?? [];
  const doc = ranges.filter((range) => text.startsWith('/**', range.pos)).at(-1);
  if (!doc) return '';
  return text
    .slice(doc.pos + 3, doc.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n');
}

/**
 * The sentences of a comment that name a platform: the first such sentence of each paragraph,
 * outside code blocks and without tags such as `@since`. Links become their text.
 * @param {string} comment
 */
function noteSentences(comment) {
  const prose = comment
    .replace(/```[\s\S]*?```/g, '\n\n')
    .replace(/^@(?:since|deprecated|legacy|experimental|example|returns?|throws)\b.*$/gm, '')
    .replace(/\{@link\s+(?:[^}|\s]+\s*\|\s*)?([^}]+)\}/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  /** @type {string[]} */
  const sentences = [];
  for (const paragraph of prose.split(/\n\s*\n|\n(?=\s*[-*]\s)|\n(?=@param)/)) {
    const flat = paragraph
      .replace(/\s+/g, ' ')
      .replace(/^(?:[-*]\s+|@param \S+ )/, '')
      .trim();
    const first = splitSentences(flat).find((sentence) => NOTE.test(sentence.replace(NEUTRAL, '')));
    if (first) sentences.push(first);
  }
  return sentences;
}

/**
 * Sentences of a paragraph: ends at `.`, `!` or `?` followed by a space and a capital or a backtick,
 * but not after `e.g.`, `i.e.` or `etc.`.
 * @param {string} paragraph
 */
function splitSentences(paragraph) {
  return paragraph
    .split(/(?<!\b(?:e\.g|i\.e|etc|vs))(?<=[.!?])\s+(?=[A-Z`'"(])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
