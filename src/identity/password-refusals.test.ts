import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type TestApp } from '../../test/support/app.js';
import { ENGINES } from '../../test/support/database.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { cliCreateUser } from './cli-create-user.js';

describe.each(ENGINES)('password refusals on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true });
  });
  afterAll(() => t.close());

  const newUser = (password: string) => ({
    email: 'camille.rousseau@demo.accord.test',
    displayName: 'Camille Rousseau',
    role: 'administrator',
    password,
  });

  it('refuses, on creation, the demo password, the e-mail address, a common password and a short one, each with its code', async () => {
    const admin = await signIn(t.app, demoEmail('administrator'));
    const create = (password: string) => as(t.app, admin)('POST', '/api/v1/users', newUser(password));
    const cases: [string, number, string][] = [
      [DEMO_PASSWORD, 422, 'password.demo'],
      ['camille.rousseau@demo.accord.test', 422, 'password.contains_email'],
      ['my camille.rousseau account', 422, 'password.contains_email'],
      ['Password123!', 422, 'password.too_common'],
      ['azertyuiop12', 422, 'password.too_common'],
      ['short', 400, 'request.validation_failed'],
    ];
    for (const [password, status, code] of cases) {
      const response = await create(password);
      expect(response.statusCode, password).toBe(status);
      expect(response.json(), password).toMatchObject({ code });
    }
    expect(
      await t.deps.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'camille.rousseau@demo.accord.test')
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await create('lune violette sur le canal Saint-Martin')).statusCode).toBe(201);
  });

  it('refuses the demo password and the e-mail address as a new password chosen at sign-in, and keeps the old one', async () => {
    const target = await t.deps.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', '=', demoEmail('agent'))
      .executeTakeFirstOrThrow();
    await t.deps.db.updateTable('users').set({ password_change_required: true }).where('id', '=', target.id).execute();
    const choose = async (newPassword: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: target.email, password: DEMO_PASSWORD, newPassword },
        })
      ).json();
    expect(await choose(DEMO_PASSWORD)).toMatchObject({ code: 'password.demo' });
    expect(await choose(`${target.email}!`)).toMatchObject({ code: 'password.contains_email' });
    await t.deps.db.updateTable('users').set({ password_change_required: false }).where('id', '=', target.id).execute();
    // The demo's own users keep the demo password: the demo seed is not subject to the rule.
    await signIn(t.app, target.email, DEMO_PASSWORD);
  });
});

describe.each(ENGINES)('user:create and the password rule on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('refuses the demo password and creates nobody', async () => {
    const saved = process.env.ACCORD_NEW_PASSWORD;
    process.env.ACCORD_NEW_PASSWORD = DEMO_PASSWORD;
    try {
      const argv = ['--email', 'first@agency.example', '--name', 'First', '--role', 'administrator'];
      await expect(cliCreateUser(t.deps, argv)).rejects.toMatchObject({
        code: 'password.demo',
        message: expect.stringMatching(/demo password is public/),
      });
    } finally {
      if (saved === undefined) delete process.env.ACCORD_NEW_PASSWORD;
      else process.env.ACCORD_NEW_PASSWORD = saved;
    }
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);
  });
});
