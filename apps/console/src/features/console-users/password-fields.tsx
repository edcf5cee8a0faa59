'use client';
import { Field, TextInput } from '@tarn/ui';
import type { ConsoleUserErrors, PasswordDraft } from './console-user-form';

/** A new password, typed twice, side by side. */
export function PasswordFields({
  id,
  draft,
  errors,
  label = 'Password',
  hint,
  autoFocus = false,
  onChange,
}: {
  id: string;
  draft: PasswordDraft;
  errors: ConsoleUserErrors;
  label?: string;
  hint?: string;
  autoFocus?: boolean;
  onChange: (c: Partial<PasswordDraft>) => void;
}) {
  return (
    <div className="t-grid-2" style={{ gridTemplateColumns: '1fr 1fr', alignItems: 'start' }}>
      <Field id={`${id}-password`} label={label} error={errors.password} hint={hint}>
        <TextInput
          id={`${id}-password`}
          type="password"
          value={draft.password}
          onChange={(e) => onChange({ password: e.target.value })}
          autoFocus={autoFocus}
          invalid={errors.password !== undefined}
          autoComplete="new-password"
        />
      </Field>
      <Field id={`${id}-confirm`} label="Password again" error={errors.confirm}>
        <TextInput
          id={`${id}-confirm`}
          type="password"
          value={draft.confirm}
          onChange={(e) => onChange({ confirm: e.target.value })}
          invalid={errors.confirm !== undefined}
          autoComplete="new-password"
        />
      </Field>
    </div>
  );
}
