import type { Config } from './config.ts';
import type { Db } from './db.ts';
import type { SendMail } from './mailer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Public reads of published data: the replica when DATABASE_READ_URL is set, else `db` (Database.readDb). */
    readDb: Db;
    config: Config;
    /** Mail out: SMTP, or .eml files in the outbox folder when none is configured. */
    sendMail: SendMail;
  }
}
