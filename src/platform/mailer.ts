import crypto from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailSettings } from './config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends a mail; answers the .eml file it wrote when no SMTP server is configured, else null. */
export type SendMail = (mail: Mail) => Promise<{ file: string | null }>;

/**
 * An SMTP server when one is configured; otherwise each mail becomes an .eml file in the outbox folder (development,
 * the demo, tests), which any mail program opens.
 */
export function createMailer(settings: MailSettings): SendMail {
  if (settings.smtp) {
    const transport = nodemailer.createTransport(settings.smtp);
    return async (mail) => {
      await transport.sendMail({ from: settings.from, ...mail });
      return { file: null };
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (mail) => {
    const info = await transport.sendMail({ from: settings.from, ...mail });
    await mkdir(settings.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(settings.outboxDir, `${stamp}-${crypto.randomBytes(4).toString('hex')}.eml`);
    await writeFile(file, info.message as Buffer, { mode: 0o600 });
    return { file };
  };
}
