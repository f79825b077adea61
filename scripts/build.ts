import { cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

/**
 * `npm run build`: the web app (Vite) into `web/dist` and the server (esbuild) into `dist/server`, with the
 * files the server reads beside its code. `npm start` then runs `node dist/server/main.js start`.
 *
 *   dist/server/main.js            every module of src/ from src/cli/main.ts, one ES module for Node 20;
 *   dist/server/main.js.map        packages stay in node_modules (imported, not bundled)
 *   dist/server/intake-chunk-worker.js  the intake's worker thread (src/intake/chunk-worker.ts), its own entry
 *                                  point: started by file beside main.js (see src/intake/chunk-pool.ts)
 *   dist/server/migrations/*.sql   read by platform/db/migrate.ts next to its own module
 *   dist/server/modules/<id>/<lang>.md the training modules, read by training/module-library.ts next to its own module
 *   web/dist/                      served at / (found from the folder of package.json, see platform/paths.ts)
 *
 * `--out DIR` builds the same layout under DIR instead of this folder (tests build into a temporary folder).
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The web app into `outDir` (emptied first), always as people run it. Vite takes the build's NODE_ENV from the
 * environment when one is set, and vitest sets `test`: the browser tests' app was built with React's development
 * runtime (jsxDEV and its checks, 2.2 MB instead of 1.6, every render slower) until this pinned it.
 */
export async function buildWeb(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      root: join(REPO_ROOT, 'web'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * The server into `outDir` (emptied first): the bundle, its source map and the SQL migrations. `entries` adds entry
 * points of its own (name → source file) beside main.js: the benches run their import as the server would.
 */
export async function buildServer(outDir: string, entries: Record<string, string> = {}): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await esbuild({
    entryPoints: {
      main: join(REPO_ROOT, 'src', 'cli', 'main.ts'),
      'intake-chunk-worker': join(REPO_ROOT, 'src', 'intake', 'chunk-worker.ts'),
      ...entries,
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  await cp(join(REPO_ROOT, 'src', 'platform', 'db', 'migrations'), join(outDir, 'migrations'), { recursive: true });
  // The training modules' Markdown, read by training/module-library.ts next to its own module.
  await cp(join(REPO_ROOT, 'src', 'training', 'modules'), join(outDir, 'modules'), { recursive: true });
}

/** The whole build with `root` as the package folder: `root/web/dist` and `root/dist/server`. */
export async function buildAll(root: string = REPO_ROOT): Promise<void> {
  await buildWeb(join(root, 'web', 'dist'));
  await buildServer(join(root, 'dist', 'server'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outIndex = process.argv.indexOf('--out');
  const root = outIndex > 0 && process.argv[outIndex + 1] ? resolve(process.argv[outIndex + 1]!) : REPO_ROOT;
  const started = performance.now();
  await buildAll(root);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Built the web app into ${join(root, 'web', 'dist')} and the server into ${join(root, 'dist', 'server')} in ${seconds} s.\n`,
  );
}
