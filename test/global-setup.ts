// Tests that spawn `bin/yingshang.mjs` (CLI, serve, start) run the compiled server: compile it
// once before any test file starts when dist/ is missing or older than src/, so no test pays
// for (or races) the build inside its own timeout.
import { ensureServerBuilt } from '../scripts/build-server.mjs';

export default async function setup(): Promise<void> {
  await ensureServerBuilt();
}
