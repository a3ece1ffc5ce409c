import { type Config, openDatabase, Problem } from '../platform/index.ts';
import { passwordProblem } from './password-policy.ts';
import { randomToken } from './secrets.ts';
import { createUser } from './users.service.ts';

/**
 * `txng create-admin`: a fresh deployment (TXNG_DEMO=0) has no account to sign in with; this makes the first one.
 * Runs against the configured database, so the server must be stopped when that is the embedded one.
 */
export async function runCreateAdmin(args: string[], config: Config, out: NodeJS.WritableStream) {
  const [email, ...nameParts] = args;
  const name = nameParts.join(' ').trim();
  if (!email || !name) {
    out.write('Usage: txng create-admin <email> <name>\n');
    return 2;
  }
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? randomToken(15);
  // a password the policy refuses is refused before any database is opened (or, on a new one, migrated)
  const refused = passwordProblem(password, { email, name, demo: config.demo }, 'TXNG_ADMIN_PASSWORD');
  if (refused) {
    out.write(`Not created: ${refused.field} ${refused.code}\n`);
    return 1;
  }
  const database = await openDatabase(config);
  try {
    const user = await createUser(database.db, { email, name, role: 'dost_admin', password }, null, {
      demo: config.demo,
    });
    out.write(`Created administrator ${user.email} (${user.id}).\n`);
    if (generated) out.write(`Password (shown once; change it after signing in): ${password}\n`);
    return 0;
  } catch (err) {
    if (err instanceof Problem) {
      out.write(`Not created: ${err.code} ${err.errors.map((e) => `${e.field} ${e.code}`).join(', ')}\n`);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
