/**
 * A mistake in what the user configured (settings, options). Unlike a failure of the analysis, which
 * a rule swallows (see create-rule.ts), it stops the run: every file would be linted wrong.
 */
export class ConfigurationError extends Error {}
