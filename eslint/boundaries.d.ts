import type { ESLint } from 'eslint';

/** The `boundaries` ESLint plugin (its one rule: `layers`). */
declare const plugin: ESLint.Plugin;
export default plugin;
/** The layer of a repository-relative path, or null when no rule applies to it. */
export function layerOf(path: string): string | null;
/** Why the import of `target` from layer `from` is not allowed; null when it is. */
export function violation(from: string, target: string, bare: boolean): string | null;
