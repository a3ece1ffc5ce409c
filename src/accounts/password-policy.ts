import fs from 'node:fs';
import { badRequest, type FieldError } from '../platform/index.ts';
import './password.messages.ts';

/** The one rule for every password a person is given or chooses (registration, admin, change, create-admin). */

export const minPasswordLength = 10;
/** Published in the README and docs/demo-accounts.md: fine for the demo province, a giveaway anywhere else. */
export const demoPassword = 'TxngDemo@2026';

export interface PasswordOwner {
  email: string;
  name: string;
}

export interface PasswordContext extends PasswordOwner {
  /** The demo province is on (config.demo): only then may an account use the published demo password. */
  demo: boolean;
}

/** Lower case, accents folded (`Nguyễn Đức` → `nguyen duc`), so a name is found however it is typed. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

let common: Set<string> | null = null;
/** The shipped list (common-passwords.md says where it comes from), read once on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/** `Matkhau@2024!` is `matkhau` dressed up: digits and symbols around a listed word do not make it less common. */
const core = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
/** `Mat-Khau.123` is `matkhau123` with separators. */
const squeeze = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');

export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  const list = commonPasswords();
  return [folded, core(folded), squeeze(folded), core(squeeze(folded))].some((form) => list.has(form));
}

/** Words of the person's e-mail and name long enough to mean something (`an` or `thi` would refuse half of all). */
function personalWords(owner: PasswordOwner): string[] {
  const local = fold(owner.email.split('@')[0] ?? '');
  const name = fold(owner.name);
  const words = [local, squeeze(name), ...local.split(/[^\p{L}]+/u), ...name.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.filter((w) => w.length >= 4))];
}

export function containsOwnDetails(password: string, owner: PasswordOwner): boolean {
  const folded = fold(password);
  const squeezed = squeeze(folded);
  return personalWords(owner).some((w) => folded.includes(w) || squeezed.includes(w));
}

/** What is wrong with a password, as one field error (the first rule it breaks), or null. */
export function passwordProblem(password: string, ctx: PasswordContext, field: string): FieldError | null {
  if (password.length < minPasswordLength || !/\D/.test(password) || new Set(password).size < 4) {
    return { field, code: 'accounts.weakPassword', params: { minimum: minPasswordLength } };
  }
  if (!ctx.demo && fold(password) === fold(demoPassword)) return { field, code: 'accounts.demoPassword' };
  if (isCommonPassword(password)) return { field, code: 'accounts.commonPassword' };
  if (containsOwnDetails(password, ctx)) return { field, code: 'accounts.personalPassword' };
  return null;
}

export function checkPassword(password: string, ctx: PasswordContext, field: string): void {
  const problem = passwordProblem(password, ctx, field);
  if (problem) throw badRequest([problem]);
}
