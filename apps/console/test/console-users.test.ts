// The console-users forms' logic: the create form (a name the broker accepts, a password of 8 or
// more characters typed twice, a role: operator or a `Type:name` principal that follows the name
// until edited), password and role changes, the broker's refusals next to their field, the role in
// words, the principals offered, the /users tabs in the URL, and authorization refusals recognised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRPCClientError } from '@trpc/client';
import {
  consoleUserInput,
  consoleUserServerErrors,
  emptyConsoleUserDraft,
  mappingInput,
  passwordInput,
  principalOf,
  principalSuggestions,
  roleDraftOf,
  roleLabel,
  withUsername,
} from '../src/features/console-users/console-user-form';
import { parseUserView, userPage, userViewChanges } from '../src/features/users/url-state';
import { isAuthorizationFailure } from '../src/trpc/errors';

function apiError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } } as never);
}

test('the create form wants a name, a password of 8 or more typed twice, and a role', () => {
  const ok = { ...withUsername(emptyConsoleUserDraft(), 'alice'), password: 'long-enough', confirm: 'long-enough' };
  assert.equal(ok.principal, 'User:alice', 'the principal follows the name');
  assert.deepEqual(consoleUserInput(ok).input, { username: 'alice', password: 'long-enough', kafkaPrincipal: 'User:alice' });
  assert.deepEqual(consoleUserInput({ ...ok, role: 'operator' }).input?.kafkaPrincipal, null);
  assert.equal(consoleUserInput({ ...ok, username: '' }).errors.username, 'Give the user a name.');
  assert.match(consoleUserInput({ ...ok, username: 'al ice' }).errors.username!, /Letters, digits/);
  assert.match(consoleUserInput({ ...ok, username: 'a'.repeat(65) }).errors.username!, /64/);
  assert.equal(consoleUserInput({ ...ok, password: 'short', confirm: 'short' }).errors.password, 'At least 8 characters.');
  assert.equal(consoleUserInput({ ...ok, confirm: 'different' }).errors.confirm, 'The two passwords differ.');
  assert.equal(consoleUserInput({ ...ok, password: '', confirm: '' }).errors.password, 'Give the user a password.');
  // a principal edited by hand stays when the name changes
  const edited = withUsername({ ...ok, principal: 'User:CN=app,O=acme' }, 'bob');
  assert.equal(edited.principal, 'User:CN=app,O=acme');
});

test('a principal is Type:name, trimmed; an operator has none', () => {
  assert.deepEqual(principalOf({ role: 'mapped', principal: ' User:alice ' }), { kafkaPrincipal: 'User:alice' });
  assert.deepEqual(principalOf({ role: 'operator', principal: 'whatever' }), { kafkaPrincipal: null });
  assert.match(principalOf({ role: 'mapped', principal: 'User:' }).error!, /Name the Kafka principal/);
  assert.match(principalOf({ role: 'mapped', principal: '' }).error!, /Name the Kafka principal/);
  assert.match(principalOf({ role: 'mapped', principal: 'alice' }).error!, /did you mean User:alice/);
  assert.match(principalOf({ role: 'mapped', principal: ':alice' }).error!, /type/);
  assert.equal(principalOf({ role: 'mapped', principal: 'Group:ops' }).kafkaPrincipal, 'Group:ops');
  assert.deepEqual(roleDraftOf(null).role, 'operator');
  assert.deepEqual(roleDraftOf('User:alice'), { role: 'mapped', principal: 'User:alice' });
  assert.equal(roleLabel(null), 'Operator');
  assert.equal(roleLabel('User:alice'), 'Acts as User:alice');
});

test('password and role changes become the broker inputs', () => {
  assert.deepEqual(passwordInput('alice', { password: 'new-password', confirm: 'new-password' }).input, {
    username: 'alice',
    password: 'new-password',
  });
  assert.equal(passwordInput('alice', { password: 'new-password', confirm: 'other' }).input, null);
  assert.deepEqual(mappingInput('alice', { role: 'operator', principal: 'User:alice' }).input, { username: 'alice', kafkaPrincipal: null });
  assert.deepEqual(mappingInput('alice', { role: 'mapped', principal: 'User:bob' }).input, {
    username: 'alice',
    kafkaPrincipal: 'User:bob',
  });
  assert.match(mappingInput('alice', { role: 'mapped', principal: 'bob' }).errors.principal!, /Type:name/);
});

test("the broker's refusals of a console user go next to their field", () => {
  const zod = apiError('[]', {
    code: 'BAD_REQUEST',
    httpStatus: 400,
    kafka: null,
    issues: [{ path: ['kafkaPrincipal'], message: 'Write a principal as Type:name, e.g. User:alice.' }],
  });
  assert.deepEqual(consoleUserServerErrors(zod), { principal: 'Write a principal as Type:name, e.g. User:alice.' });
  const conflict = apiError('The console user alice exists already.', { code: 'CONFLICT', httpStatus: 409, kafka: null, issues: null });
  assert.deepEqual(consoleUserServerErrors(conflict), { username: 'The console user alice exists already.' });
  const last = apiError('The last operator cannot be mapped: nobody could manage users.', {
    code: 'PRECONDITION_FAILED',
    httpStatus: 412,
    kafka: null,
    issues: null,
  });
  assert.match(consoleUserServerErrors(last).form!, /last operator/);
});

test('principals offered: each once, sorted, none empty', () => {
  assert.deepEqual(principalSuggestions(['User:carol', 'User:admin'], [null, 'User:carol', 'User:erin', '']), [
    'User:admin',
    'User:carol',
    'User:erin',
  ]);
});

test('/users shows the SCRAM users unless view=console; a tab change starts the search over', () => {
  assert.equal(parseUserView(new URLSearchParams('')), 'kafka');
  assert.equal(parseUserView(new URLSearchParams('view=console')), 'console');
  assert.equal(parseUserView({ view: 'nope' }), 'kafka');
  assert.deepEqual(userViewChanges('console'), { view: 'console', q: null, page: null, create: null });
  assert.deepEqual(userViewChanges('kafka').view, null);
  const users = ['admin', 'alice', 'erin'].map((username) => ({ username }));
  assert.deepEqual(userPage(users, { q: 'E', page: 0, size: 50 }, (u) => u.username).items, [{ username: 'alice' }, { username: 'erin' }]);
});

test('authorization refusals are recognised by their Kafka error name', () => {
  const refused = (name: string) =>
    apiError("User:alice is not authorized to Write topic 'orders'.", {
      code: 'FORBIDDEN',
      httpStatus: 403,
      kafka: { code: 29, name, message: "User:alice is not authorized to Write topic 'orders'." },
      issues: null,
    });
  assert.equal(isAuthorizationFailure(refused('TOPIC_AUTHORIZATION_FAILED')), true);
  assert.equal(isAuthorizationFailure(refused('CLUSTER_AUTHORIZATION_FAILED')), true);
  assert.equal(isAuthorizationFailure(refused('UNKNOWN_TOPIC_OR_PARTITION')), false);
  assert.equal(isAuthorizationFailure(new Error('x')), false);
});
