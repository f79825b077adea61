import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of Accord's `package.json`: the first one above this module, whether it runs from the source
 * (`src/platform/paths.ts` through tsx) or from the build (`dist/server/main.js`). Files read at run time (the
 * web build, the demo's example placement) are found from here, never from the working directory.
 */
export function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`There is no package.json above ${from}: Accord runs from its own folder.`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside Accord's folder, such as `packagePath('web', 'dist')`. */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}
