/**
 * The console-user forms: create one (name, password typed twice, role), change a password, change
 * the role. A role is either operator (no Kafka principal: may do everything, including managing
 * console users) or a Kafka principal `Type:name` the user acts as, so that the broker's ACLs decide
 * what it sees and may do. The form checks what the broker's input schema checks (the name's
 * characters, 8 to 1024 characters of password, a principal with a type and a name) before asking;
 * the broker's own refusals are put next to the field they concern. Passwords live only in the draft
 * and the mutation's input; the dialogs clear both when they close.
 */
import type { ConsoleUserInput } from '../../lib/types';
import { describeError, inputIssues } from '../../trpc/errors';

export type Role = 'operator' | 'mapped';
export type ConsoleUserField = 'username' | 'password' | 'confirm' | 'principal';
export type ConsoleUserErrors = Partial<Record<ConsoleUserField | 'form', string>>;

export interface RoleDraft {
  role: Role;
  /** The principal as typed; used only when the role is `mapped`. */
  principal: string;
}

export interface PasswordDraft {
  password: string;
  confirm: string;
}

export interface ConsoleUserDraft extends RoleDraft, PasswordDraft {
  username: string;
}

export const MIN_PASSWORD = 8;
const MAX_PASSWORD = 1024;

/** A new user acts as a principal unless made an operator: the least it may do is the default. */
export function emptyConsoleUserDraft(): ConsoleUserDraft {
  return { username: '', password: '', confirm: '', role: 'mapped', principal: 'User:' };
}

export function roleDraftOf(kafkaPrincipal: string | null): RoleDraft {
  return kafkaPrincipal === null ? { role: 'operator', principal: 'User:' } : { role: 'mapped', principal: kafkaPrincipal };
}

/** The draft with a new name; a principal still following the name (`User:<name>`) follows it on. */
export function withUsername(d: ConsoleUserDraft, username: string): ConsoleUserDraft {
  const following = d.principal === `User:${d.username}`;
  return { ...d, username, principal: following ? `User:${username}` : d.principal };
}

/** How a console user's role reads in a table. */
export function roleLabel(kafkaPrincipal: string | null): string {
  return kafkaPrincipal === null ? 'Operator' : `Acts as ${kafkaPrincipal}`;
}

function usernameProblem(username: string): string | undefined {
  if (username === '') return 'Give the user a name.';
  if (username.length > 64) return 'Names are at most 64 characters.';
  if (!/^[\w.@-]+$/.test(username)) return 'Letters, digits and . _ @ - only.';
  return undefined;
}

function passwordProblems(d: PasswordDraft): ConsoleUserErrors {
  if (d.password === '') return { password: 'Give the user a password.' };
  if (d.password.length < MIN_PASSWORD) return { password: `At least ${MIN_PASSWORD} characters.` };
  if (d.password.length > MAX_PASSWORD) return { password: `Passwords are at most ${MAX_PASSWORD} characters.` };
  if (d.confirm !== d.password) return { confirm: 'The two passwords differ.' };
  return {};
}

/** The Kafka principal the role stands for (null for an operator), or why it cannot be used. */
export function principalOf(d: RoleDraft): { kafkaPrincipal: string | null; error?: string } {
  if (d.role === 'operator') return { kafkaPrincipal: null };
  const p = d.principal.trim();
  const colon = p.indexOf(':');
  if (p === '' || (colon === p.length - 1 && colon > 0))
    return { kafkaPrincipal: null, error: 'Name the Kafka principal this user acts as, e.g. User:alice.' };
  if (colon < 0) return { kafkaPrincipal: null, error: `A principal is Type:name — did you mean User:${p}?` };
  if (colon === 0) return { kafkaPrincipal: null, error: `Give the principal a type — did you mean User${p}?` };
  return { kafkaPrincipal: p };
}

export function consoleUserInput(d: ConsoleUserDraft): { input: ConsoleUserInput | null; errors: ConsoleUserErrors } {
  const errors: ConsoleUserErrors = { ...passwordProblems(d) };
  const name = usernameProblem(d.username);
  if (name !== undefined) errors.username = name;
  const { kafkaPrincipal, error } = principalOf(d);
  if (error !== undefined) errors.principal = error;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return { input: { username: d.username, password: d.password, kafkaPrincipal }, errors };
}

export function passwordInput(
  username: string,
  d: PasswordDraft,
): { input: { username: string; password: string } | null; errors: ConsoleUserErrors } {
  const errors = passwordProblems(d);
  return Object.keys(errors).length > 0 ? { input: null, errors } : { input: { username, password: d.password }, errors };
}

export function mappingInput(
  username: string,
  d: RoleDraft,
): { input: { username: string; kafkaPrincipal: string | null } | null; errors: ConsoleUserErrors } {
  const { kafkaPrincipal, error } = principalOf(d);
  return error !== undefined ? { input: null, errors: { principal: error } } : { input: { username, kafkaPrincipal }, errors: {} };
}

const FIELD_OF_INPUT: Readonly<Record<string, ConsoleUserField>> = {
  username: 'username',
  password: 'password',
  kafkaPrincipal: 'principal',
};

/** The broker's refusal next to the field it is about; the rest (the last operator, FORBIDDEN) for the whole form. */
export function consoleUserServerErrors(err: unknown): ConsoleUserErrors {
  const out: ConsoleUserErrors = {};
  for (const issue of inputIssues(err)) {
    const field = FIELD_OF_INPUT[issue.path[0] ?? ''];
    if (field !== undefined) out[field] ??= issue.message;
  }
  if (Object.keys(out).length > 0) return out;
  const info = describeError(err);
  if (info.name === 'CONFLICT') return { username: info.message };
  return { form: info.message };
}

/** Principals to offer: the SCRAM users' and those console users act as already, once each, in order. */
export function principalSuggestions(...lists: ReadonlyArray<ReadonlyArray<string | null>>): string[] {
  const all = new Set<string>();
  for (const list of lists) for (const p of list) if (p !== null && p !== '') all.add(p);
  return [...all].sort((a, b) => a.localeCompare(b));
}
