import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Deps } from '../platform/deps.js';
import { AppError } from '../platform/errors.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './core/password-policy.js';
import { ROLES } from './core/roles.js';
import { createUser } from './users.js';

/** An operator with shell access on the server: how the first administrator of an empty database is made. */
const CLI_ACTOR = { userId: null, role: 'operator_cli' };

const argsSchema = z.object({
  email: z.string().email(),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  creditor: z.string().optional(),
});

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ACCORD_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

/** `npm run cli -- user:create --email E --name N --role R [--creditor CODE]`. */
export async function cliCreateUser(deps: Deps, argv: string[]): Promise<number> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    if (!key || argv[i + 1] === undefined)
      throw new Error('Usage: user:create --email E --name N --role R [--creditor CODE]');
    raw[key] = argv[i + 1]!;
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `user:create: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}. Roles: ${ROLES.join(', ')}.`,
    );
  }
  const password = await readPassword();
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new Error(
      `The password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters (set ACCORD_NEW_PASSWORD or pipe it on standard input).`,
    );
  }
  let creditorId: string | null = null;
  if (parsed.data.creditor) {
    const creditor = await deps.db
      .selectFrom('creditors')
      .select('id')
      .where('code', '=', parsed.data.creditor)
      .executeTakeFirst();
    if (!creditor) throw new AppError('not_found', 404, `No creditor with the code ${parsed.data.creditor}.`);
    creditorId = creditor.id;
  }
  // The operator acts on the server itself: the account is active at once, without the four-eyes request.
  const user = await createUser(
    deps,
    CLI_ACTOR,
    { email: parsed.data.email, displayName: parsed.data.name, role: parsed.data.role, creditorId, password },
    null,
    { operator: true },
  );
  process.stdout.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
  return 0;
}
