/**
 * The create-user and change-password form: what the user typed, and the `users.create` /
 * `users.changePassword` input it stands for once the name, the password (typed twice) and the
 * iteration count are acceptable. The password lives only in this draft and in the mutation's
 * input; the dialog clears both when it closes.
 */
import type { PasswordInput } from '../../lib/types';
import { describeError, inputIssues, kafkaErrorName } from '../../trpc/errors';

export type Mechanism = PasswordInput['mechanism'];
export type UserField = 'user' | 'mechanism' | 'password' | 'confirm' | 'iterations';
export type UserErrors = Partial<Record<UserField | 'form', string>>;

export interface UserDraft {
  user: string;
  mechanism: Mechanism;
  password: string;
  confirm: string;
  iterations: string;
}

export const DEFAULT_ITERATIONS = 4096;

export function emptyUserDraft(user = '', mechanism: Mechanism = 'SCRAM-SHA-512'): UserDraft {
  return { user, mechanism, password: '', confirm: '', iterations: String(DEFAULT_ITERATIONS) };
}

export function userInput(
  d: UserDraft,
  bounds: { min: number; max: number } = { min: 4096, max: 16384 },
): { input: PasswordInput | null; errors: UserErrors } {
  const errors: UserErrors = {};
  if (d.user === '') errors.user = 'Give the user a name.';
  else if (d.user.trim() !== d.user) errors.user = 'Remove the spaces around the name: clients would have to send them too.';
  if (d.password === '') errors.password = 'Give the user a password.';
  else if (d.password.length > 1024) errors.password = 'Passwords are at most 1024 characters.';
  if (d.confirm !== d.password && errors.password === undefined) errors.confirm = 'The two passwords differ.';
  const iterations = /^\d+$/.test(d.iterations.trim()) ? Number(d.iterations.trim()) : NaN;
  if (!Number.isInteger(iterations)) errors.iterations = 'A whole number of iterations.';
  else if (iterations < bounds.min || iterations > bounds.max)
    errors.iterations = `Between ${bounds.min} and ${bounds.max}, as Kafka accepts.`;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return { input: { user: d.user, mechanism: d.mechanism, password: d.password, iterations }, errors };
}

/** The broker's refusal next to the field it is about. */
export function userServerErrors(err: unknown): UserErrors {
  const out: UserErrors = {};
  for (const issue of inputIssues(err)) {
    const field = issue.path[0];
    if (field === 'user' || field === 'mechanism' || field === 'password' || field === 'iterations') out[field] ??= issue.message;
  }
  if (Object.keys(out).length > 0) return out;
  const info = describeError(err);
  if (kafkaErrorName(err) === 'UNACCEPTABLE_CREDENTIAL' && /iterations/i.test(info.message)) return { iterations: info.message };
  if (/already has/.test(info.message)) return { user: info.message };
  return { form: info.message };
}
