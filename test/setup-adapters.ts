// Every vitest file runs with the engines' machine-side capabilities installed, as the server and
// the CLI do (src/adapters/node-adapters.ts).
import { installNodeAdapters } from '../src/adapters/node-adapters.ts';

installNodeAdapters();
