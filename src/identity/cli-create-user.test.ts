import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.js';
import { verifyPassword } from './passwords.js';

const run = promisify(execFile);

describe('npm run cli -- user:create', () => {
  it('creates the first administrator of an empty database, audited, and refuses a short password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-user-create-'));
    const { DATABASE_URL: _server, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir, ACCORD_NEW_PASSWORD: 'first-admin-password' };
    const created = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'user:create',
        '--email',
        'Boss@Agency.example',
        '--name',
        'Première Admin',
        '--role',
        'administrator',
      ],
      { env },
    );
    expect(created.stdout).toMatch(/Created administrator boss@agency\.example/);

    const refused = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'user:create',
        '--email',
        'b@agency.example',
        '--name',
        'B',
        '--role',
        'agent',
      ],
      { env: { ...env, ACCORD_NEW_PASSWORD: 'short' } },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/12 to 256 characters/);

    const database = await openDatabase({ dataDir });
    try {
      const users = await database.db.selectFrom('users').select(['email', 'role', 'password_hash']).execute();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'boss@agency.example', role: 'administrator' });
      expect(await verifyPassword(users[0]!.password_hash, 'first-admin-password')).toBe(true);
      const audit = await database.db.selectFrom('audit_log').select(['action', 'actor_role']).execute();
      expect(audit).toEqual([{ action: 'user.created', actor_role: 'operator_cli' }]);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
