import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll, REPO_ROOT } from '../../scripts/build.js';

/**
 * `npm run build` then `npm start` as production runs them: the build goes into a folder of its own (a copy of
 * package.json, node_modules linked), and the built server runs with another working directory, so every file it
 * reads at run time (migrations, the web app) must be found from the built layout.
 */
describe('the built server', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'accord-build-'));
  const app = join(scratch, 'app');
  const elsewhere = join(scratch, 'elsewhere');
  const checkBuild = () => spawnSync(process.execPath, [join(app, 'scripts', 'check-build.mjs')], { encoding: 'utf8' });
  let server: ChildProcess | undefined;

  beforeAll(() => {
    mkdirSync(join(app, 'scripts'), { recursive: true });
    mkdirSync(elsewhere);
    copyFileSync(join(REPO_ROOT, 'package.json'), join(app, 'package.json'));
    copyFileSync(join(REPO_ROOT, 'scripts', 'check-build.mjs'), join(app, 'scripts', 'check-build.mjs'));
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(app, 'node_modules'));
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  });

  it('is refused with what to do before the build', () => {
    const result = checkBuild();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Accord is not built .*run `npm run build` first/);
  });

  it('builds the web app and a server that imports no package a production install leaves out', async () => {
    await buildAll(app);
    expect(checkBuild().status).toBe(0);
    expect(readdirSync(join(app, 'dist', 'server', 'migrations'))).toEqual(
      readdirSync(join(REPO_ROOT, 'src', 'platform', 'db', 'migrations')),
    );
    const bundle = readFileSync(join(app, 'dist', 'server', 'main.js'), 'utf8');
    const { dependencies } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const packages = new Set(
      [...bundle.matchAll(/^import .*?from "([^".][^"]*)";$/gm)]
        .map((match) => match[1]!)
        .filter((name) => !name.startsWith('node:'))
        .map((name) =>
          name
            .split('/')
            .slice(0, name.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    );
    expect(packages.size).toBeGreaterThan(10);
    expect([...packages].filter((name) => !(name in dependencies))).toEqual([]);
  });

  it('starts from another folder, migrates, answers /api/health and serves the web app', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: join(scratch, 'data'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--enable-source-maps', join(app, 'dist', 'server', 'main.js'), 'start'], {
      cwd: elsewhere,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The server says where it listens once it does (PORT=0: a free port of the system's choosing).
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const port = /Accord is running at http:\/\/localhost:(\d+)/.exec(output)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      });
      void exited.then((code) => reject(new Error(`the built server exited (${code}) before listening:\n${output}`)));
    });

    let health: Response | undefined;
    while (health?.status !== 200) {
      health = await fetch(`${url}/api/health`).catch(() => undefined);
      if (health?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/api/ready`);
    expect(ready.status, output).toBe(200);
    const page = await fetch(`${url}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(output).not.toMatch(/web app is not built/);

    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  });
});
