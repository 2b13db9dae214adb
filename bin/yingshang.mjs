#!/usr/bin/env node
// Entry point of `npx yingshang …`: runs the compiled CLI and server from dist/, compiling them
// first when dist/ is missing or older than the sources (scripts/build-server.mjs). No TypeScript
// loader at run time.
import { ensureServerBuilt } from '../scripts/build-server.mjs';

await ensureServerBuilt();
const { main } = await import('../dist/src/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
