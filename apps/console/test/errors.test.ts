// What the console shows for the admin API's errors: the Kafka error behind a refusal, readable zod
// complaints, and no retries of refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRPCClientError } from '@trpc/client';
import { describeError, httpStatusOf, inputIssues, isUnauthorized, issueAt, kafkaErrorName, shouldRetry } from '../src/trpc/errors';

function apiError(message: string, data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message, code: -32600, data } } as never);
}

test('a Kafka refusal shows its error name and message', () => {
  const err = apiError("Topic 'x' does not exist.", {
    code: 'NOT_FOUND',
    httpStatus: 404,
    kafka: { code: 3, name: 'UNKNOWN_TOPIC_OR_PARTITION', message: "Topic 'x' does not exist." },
  });
  assert.deepEqual(describeError(err), { code: 3, name: 'UNKNOWN_TOPIC_OR_PARTITION', message: "Topic 'x' does not exist." });
  assert.equal(kafkaErrorName(err), 'UNKNOWN_TOPIC_OR_PARTITION');
  assert.equal(httpStatusOf(err), 404);
  assert.equal(shouldRetry(0, err), false, 'refusals are not retried');
});

test('an unauthenticated call is recognised (the console sends the user to /login)', () => {
  const err = apiError('Log in first.', { code: 'UNAUTHORIZED', httpStatus: 401, kafka: null });
  assert.equal(isUnauthorized(err), true);
  assert.equal(isUnauthorized(new Error('x')), false);
});

test('zod input errors become one readable line', () => {
  const issues = JSON.stringify([{ path: ['name'], message: 'Too big: expected string to have <=249 characters' }]);
  const err = apiError(issues, { code: 'BAD_REQUEST', httpStatus: 400, kafka: null });
  assert.deepEqual(describeError(err), { name: undefined, message: 'name: Too big: expected string to have <=249 characters' });
});

test('server errors and unreachable brokers are retried a little', () => {
  const err = apiError('The console cannot reach the broker', { code: 'BAD_GATEWAY', httpStatus: 502, kafka: null });
  assert.equal(shouldRetry(0, err), true);
  assert.equal(shouldRetry(2, err), false);
  assert.equal(describeError(err).message, 'The console cannot reach the broker');
});

test('zod issues come with their paths, to put each message next to its field', () => {
  const issues = [
    { path: ['strategy', 'offset'], message: 'Too small: expected number to be >=0' },
    { path: ['name'], message: 'Too big' },
  ];
  const err = apiError(JSON.stringify(issues), { code: 'BAD_REQUEST', httpStatus: 400, kafka: null, issues });
  assert.deepEqual(inputIssues(err), issues);
  assert.equal(issueAt(inputIssues(err), 'strategy', 'offset'), 'Too small: expected number to be >=0');
  assert.equal(issueAt(inputIssues(err), 'scope'), undefined);
  assert.deepEqual(inputIssues(new Error('x')), []);
  assert.deepEqual(inputIssues(apiError('x', { code: 'BAD_REQUEST', httpStatus: 400, kafka: null, issues: null })), []);
});
