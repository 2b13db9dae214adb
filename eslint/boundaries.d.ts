import type { ESLint } from 'eslint';

/** The `boundaries` ESLint plugin (its one rule: `layers`). */
declare const plugin: ESLint.Plugin;
export default plugin;
