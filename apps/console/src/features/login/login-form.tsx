'use client';
import { useState, type FormEvent } from 'react';
import { Button, ErrorPanel, Field, TextInput, ThemeToggle } from '@tarn/ui';

type Problem = { field: 'credentials' | 'form'; message: string; name?: string };

/** Explains what the broker's login endpoint answered. */
function problemFor(status: number, body: { error?: string }): Problem {
  if (status === 401) return { field: 'credentials', message: body.error ?? 'Wrong username or password.' };
  if (status === 429)
    return {
      field: 'form',
      name: 'HTTP 429',
      message:
        'Too many failed logins from this address: the broker refuses logins for a minute after 10 failures. Wait a minute, then try again.',
    };
  if (status === 502)
    return { field: 'form', message: "The console cannot reach the broker's admin API. Check that the broker is running." };
  return { field: 'form', message: body.error ?? `The broker answered HTTP ${status}.` };
}

export function LoginForm({ next }: { next: string }) {
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password === '') {
      setProblem({
        field: 'credentials',
        message: 'Enter the password (set with admin.password, or printed by the broker on its first start).',
      });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      if (res.ok) {
        window.location.assign(next);
        return;
      }
      setProblem(problemFor(res.status, body));
    } catch (err) {
      setProblem({ field: 'form', message: `The console did not answer: ${(err as Error).message}` });
    }
    setBusy(false);
  };

  const credentialsError = problem?.field === 'credentials' ? problem.message : undefined;
  return (
    <main className="c-login">
      <div className="t-card c-login-card">
        <div className="t-row-between">
          <div className="t-brand" style={{ padding: 0 }}>
            <span className="t-brand-mark" aria-hidden="true">
              ▲
            </span>
            tarn <small>console</small>
          </div>
          <div style={{ width: 150 }}>
            <ThemeToggle />
          </div>
        </div>
        <h1>Log in</h1>
        <p className="t-muted" style={{ marginTop: 0 }}>
          Sign in with the broker&apos;s console user.
        </p>
        <form className="t-stack" onSubmit={submit} noValidate>
          <Field id="username" label="Username">
            <TextInput
              id="username"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              invalid={credentialsError !== undefined}
              required
            />
          </Field>
          <Field id="password" label="Password" error={credentialsError}>
            <TextInput
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              invalid={credentialsError !== undefined}
              aria-describedby={credentialsError !== undefined ? 'password-error' : undefined}
              required
            />
          </Field>
          {problem?.field === 'form' ? <ErrorPanel title="Cannot log in" error={{ name: problem.name, message: problem.message }} /> : null}
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Logging in…' : 'Log in'}
          </Button>
        </form>
      </div>
    </main>
  );
}
