import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, demoEmail, signIn, type Session, type TestApp } from '../../../test/support/app.js';
import { ENGINES } from '../../../test/support/database.js';
import { verifyAuditTrail } from '../../audit/verify.js';
import { organisationBody, type OrganisationView } from './contract.js';

const START = new Date('2026-12-04T09:00:00Z');

const CRESUS_RHONE = {
  country: 'FR',
  name: 'Association test du Rhône',
  helpsWith: ['budget_advice', 'over_indebtedness'],
  coverage: 'department',
  area: '69',
  phone: '04 00 00 00 00',
  email: 'contact@association.example',
  website: null,
  address: null,
  description: 'Permanences budgétaires à Lyon.',
};

describe.each(ENGINES)('the organisations directory on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let compliance: Session;
  let care: Session;
  let agent: Session;
  let creditor: Session;

  const list = (session: Session, query = '') => as(t.app, session)('GET', `/api/v1/care/organisations${query}`);

  beforeAll(async () => {
    t = await createTestApp(engine, { demo: true, now: START });
    admin = await signIn(t.app, demoEmail('administrator'));
    compliance = await signIn(t.app, demoEmail('compliance_officer'));
    care = await signIn(t.app, demoEmail('care_specialist'));
    agent = await signIn(t.app, demoEmail('agent'));
    creditor = await signIn(t.app, demoEmail('creditor_user'));
  });
  afterAll(() => t.close());

  it('ships valid seeds: French and Italian organisations, national and local, each reachable', async () => {
    const items = (await list(admin)).json().items as OrganisationView[];
    const seeded = items.filter((item) => item.updatedAt === '2026-12-01T00:00:00.000Z');
    expect(seeded.length).toBeGreaterThanOrEqual(14);
    for (const item of seeded) {
      const { id: _id, updatedAt: _at, ...body } = item;
      const parsed = organisationBody.safeParse(body);
      expect(parsed.success, `${item.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    const names = seeded.map((item) => item.name);
    for (const name of ['Banque de France', 'France Travail', 'Caritas Italiana', 'Adiconsum', 'Federconsumatori'])
      expect(names).toContain(name);
    expect(seeded.some((item) => item.country === 'FR' && item.coverage === 'department')).toBe(true);
    expect(seeded.some((item) => item.country === 'IT' && item.coverage === 'department')).toBe(true);
    const italy = (await list(care, '?country=IT&helpsWith=over_indebtedness')).json().items as OrganisationView[];
    expect(italy.map((item) => item.name)).toEqual([
      'Organismi di composizione della crisi da sovraindebitamento (OCC)',
    ]);
    const paris = (await list(agent, '?area=75')).json().items as OrganisationView[];
    expect(paris.map((item) => item.name)).toEqual(['ADIL de Paris']);
  });

  it('lets a compliance officer add an organisation and an administrator change it, each audited before and after', async () => {
    const created = await as(t.app, compliance)('POST', '/api/v1/care/organisations', CRESUS_RHONE);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ name: CRESUS_RHONE.name, active: true, area: '69' });

    const changed = await as(t.app, admin)('PUT', `/api/v1/care/organisations/${id}`, {
      ...CRESUS_RHONE,
      phone: null,
      active: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ phone: null, active: false });
    const inactive = (await list(care, '?active=false&area=69')).json().items as OrganisationView[];
    expect(inactive.map((item) => item.id)).toEqual([id]);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_user_id'])
      .where('target_type', '=', 'care_organisation')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => [entry.action, entry.actor_user_id])).toEqual([
      ['care_organisation.created', compliance.userId],
      ['care_organisation.updated', admin.userId],
    ]);
    expect(audit[1]!.before).toMatchObject({ phone: '04 00 00 00 00', active: true });
    expect(audit[1]!.after).toMatchObject({ phone: null, active: false });
    expect((await verifyAuditTrail(t.deps.db)).ok).toBe(true);
  });

  it('refuses an organisation with no way to reach it, an unknown area, or a national one with an area', async () => {
    const post = (body: Record<string, unknown>) =>
      as(t.app, admin)('POST', '/api/v1/care/organisations', { ...CRESUS_RHONE, ...body });
    expect((await post({ phone: null, email: null })).statusCode).toBe(400);
    expect((await post({ area: '99' })).statusCode).toBe(400);
    expect((await post({ coverage: 'national' })).statusCode).toBe(400);
    expect((await post({ coverage: 'region', area: '84' })).statusCode).toBe(201);
    const missing = await as(t.app, admin)(
      'PUT',
      '/api/v1/care/organisations/00000000-0000-4000-8000-000000000000',
      CRESUS_RHONE,
    );
    expect(missing.statusCode).toBe(404);
  });

  it('keeps the directory from those who may not edit it or read it', async () => {
    expect((await as(t.app, care)('POST', '/api/v1/care/organisations', CRESUS_RHONE)).statusCode).toBe(403);
    expect((await list(creditor)).statusCode).toBe(403);
  });
});
