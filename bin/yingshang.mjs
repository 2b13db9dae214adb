#!/usr/bin/env node
// Entry point of `npx yingshang …`: TypeScript sources run through tsx, so a fresh clone needs
// no build step for the CLI or the server (only the web app is bundled).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
