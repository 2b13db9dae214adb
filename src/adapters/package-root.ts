/**
 * The package's root directory (where package.json is), found by walking up from this module: the
 * same answer whether the code runs from src/ (tests, tsx) or compiled from dist/src/, so files
 * outside src — the built web app, the seed fixtures — are found either way.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let root: string | undefined;

/** Absolute path of the package root. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  root = dir;
  return dir;
}

/** A file URL of `relativePath` under the package root (a trailing slash keeps a directory URL). */
export function packageUrl(relativePath: string): URL {
  return pathToFileURL(join(packageRoot(), relativePath) + (relativePath.endsWith('/') ? '/' : ''));
}
