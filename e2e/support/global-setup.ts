import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWeb } from '../../scripts/build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's own build of the web app, served by every browser test's server. */
    webDist: string;
  }
}

/**
 * Builds the web app once for this run, into a folder of its own: another test run or `npm run build` beside
 * it rewrites `web/dist`, never this one. Removed at the end.
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'accord-e2e-web-'));
  const webDist = join(root, 'dist');
  await buildWeb(webDist);
  project.provide('webDist', webDist);
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
