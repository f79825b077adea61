import { hashPassword } from '../../src/identity/passwords.js';
import { demoEmail, signIn, type Session, type TestApp } from './app.js';

/** Everyone a need-to-know test reads as, on the demo agency: two agents of the same team, one of whom will hold the case. */
export interface CaseReaders {
  holder: Session;
  otherAgent: Session;
  leader: Session;
  manager: Session;
  care: Session;
  compliance: Session;
  admin: Session;
}

/** Signs in the demo roles and a second agent of the holder's team (Amiable Lyon), who does not hold the case. */
export async function signInCaseReaders(t: TestApp): Promise<CaseReaders> {
  const team = await t.deps.db
    .selectFrom('teams')
    .select('id')
    .where('name', '=', 'Amiable Lyon')
    .executeTakeFirstOrThrow();
  await t.deps.db
    .insertInto('users')
    .values({
      email: 'agent.two@test.accord.test',
      display_name: 'Agent Deux',
      role: 'agent',
      team_id: team.id,
      password_hash: await hashPassword('another-agent-2026'),
    })
    .execute();
  return {
    holder: await signIn(t.app, demoEmail('agent')),
    otherAgent: await signIn(t.app, 'agent.two@test.accord.test', 'another-agent-2026'),
    leader: await signIn(t.app, demoEmail('team_leader')),
    manager: await signIn(t.app, demoEmail('manager')),
    care: await signIn(t.app, demoEmail('care_specialist')),
    compliance: await signIn(t.app, demoEmail('compliance_officer')),
    admin: await signIn(t.app, demoEmail('administrator')),
  };
}
