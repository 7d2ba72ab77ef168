/**
 * The starts written in one file: every call or `new` of a catalog starter, with the options and
 * target written at it, whether it starts right away, and the mechanism in effect.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { ResolvedSettings } from '../catalog/settings.js';
import type { Mechanism, StarterSpec } from '../catalog/starters.js';
import { isStringLike, optionsArgument, propertyValue, skipTransparent } from '../syntax/ast.js';
import { refKey, type Invocation, type ReferenceIndex } from './references.js';

/** A call or `new` of a catalog starter. */
export interface StarterSite extends Invocation {
  readonly spec: StarterSpec;
  /** The starter as the call writes it (`spawn()` for cross-spawn's `spawn`, `new W()`), for messages. */
  readonly name: string;
  /** The options object literal, when one is written at the call. */
  readonly options: TSESTree.ObjectExpression | undefined;
  /** The expression naming the command or script, when it is written at the call. */
  readonly target: TSESTree.Node | undefined;
  /** Whether the invocation starts a process or thread right away (eager pools do, lazy ones not). */
  readonly startsNow: boolean;
  /** The mechanism in effect, with a pool's process mode taken into account. */
  readonly mechanism: Mechanism;
}

/** The starts among the invocations of the reference index, by the starters of the settings. */
export function findStarters(references: ReferenceIndex, settings: ResolvedSettings): StarterSite[] {
  const sites: StarterSite[] = [];
  for (const invocation of references.invocations) {
    const specs = settings.starters.get(refKey(invocation.callee));
    const spec = specs?.find((candidate) => matchesInvocation(candidate, invocation));
    if (spec) sites.push(describeSite(invocation, spec));
  }
  return sites;
}

function matchesInvocation(spec: StarterSpec, invocation: Invocation): boolean {
  if (spec.configuredByOptionsCall && isOptionsCall(invocation.node)) return false;
  return spec.invocation === 'call-or-construct' || (spec.invocation === 'call') === (invocation.kind === 'call');
}

/**
 * `$()`, `$({ … })` or `$(options)`: a call that may hand over options only. With one argument, only
 * one written as a string is a command (execa's `$(file)`); any other may be the options.
 */
function isOptionsCall(node: Invocation['node']): boolean {
  if (node.type !== 'CallExpression') return false;
  const [first] = node.arguments;
  return first === undefined || (node.arguments.length === 1 && !isStringLike(first) && first.type !== 'TemplateLiteral');
}

function describeSite(invocation: Invocation, spec: StarterSpec): StarterSite {
  const args = invocation.node.type === 'TaggedTemplateExpression' ? [] : invocation.node.arguments;
  const options = spec.optionsFrom === undefined ? undefined : optionsArgument(args, spec.optionsFrom);
  let target: TSESTree.Node | undefined;
  if (spec.target?.argument !== undefined) target = args[spec.target.argument];
  else if (spec.target?.option !== undefined && options) target = propertyValue(options, spec.target.option);
  return {
    ...invocation,
    spec,
    name: writtenName(invocation, spec),
    options,
    target,
    startsNow: startsNow(spec, options),
    mechanism: processModeOn(spec, options) ? 'process' : spec.mechanism,
  };
}

/**
 * The callee as written when it is a name or a chain of names (`spawn`, `cp.spawn`), with the call's
 * shape; the catalog's name for anything else (`require('x').spawn`, `$({ cwd })`).
 */
function writtenName(invocation: Invocation, spec: StarterSpec): string {
  const { node } = invocation;
  const callee = node.type === 'TaggedTemplateExpression' ? node.tag : node.callee;
  if (!isNameChain(callee)) return spec.name;
  const text = nameChainText(callee);
  if (node.type === 'TaggedTemplateExpression') return `${text}\`\``;
  return node.type === 'NewExpression' ? `new ${text}()` : `${text}()`;
}

function isNameChain(node: TSESTree.Node): node is TSESTree.Identifier | TSESTree.MemberExpression {
  if (node.type === 'Identifier') return true;
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && isNameChain(node.object);
}

function nameChainText(node: TSESTree.Node): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && node.property.type === 'Identifier') return `${nameChainText(node.object)}.${node.property.name}`;
  return '';
}

function startsNow(spec: StarterSpec, options: TSESTree.ObjectExpression | undefined): boolean {
  if (spec.starts === 'always') return true;
  if ('unlessZero' in spec.starts) return !(options && setsLastToZero(options, spec.starts.unlessZero));
  const value = options && propertyValue(options, spec.starts.whenOption);
  if (!value) return false;
  return !(value.type === 'Literal' && (value.value === 0 || value.value === false || value.value === null));
}

/** Whether an object literal's last word on `name` is a literal `0`: no spread after it may set it again. */
function setsLastToZero(options: TSESTree.ObjectExpression, name: string): boolean {
  const value = propertyValue(options, name);
  if (!value) return false;
  // A spread after the option may set it again.
  const written = options.properties.findIndex((property) => property.type === 'Property' && property.value === value);
  if (options.properties.slice(written + 1).some((later) => later.type === 'SpreadElement')) return false;
  const literal = skipTransparent(value);
  return literal.type === 'Literal' && literal.value === 0;
}

function processModeOn(spec: StarterSpec, options: TSESTree.ObjectExpression | undefined): boolean {
  if (!spec.processMode || !options) return false;
  const value = propertyValue(options, spec.processMode.option);
  return value?.type === 'Literal' && value.value === spec.processMode.value;
}
