'use client';
/**
 * Create a SCRAM user, or give an existing one a new password (kafka-configs --alter --add-config
 * 'SCRAM-SHA-512=[iterations=…,password=…]'). The password is typed twice and sent once, in the
 * mutation; closing the dialog forgets it (the form's state and the mutation's variables).
 */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel, Field, SegmentedControl, TextInput } from '@tarn/ui';
import type { ScramUser } from '../../lib/types';
import { useTRPC } from '../../trpc/provider';
import { emptyUserDraft, userInput, userServerErrors, type Mechanism, type UserDraft, type UserErrors } from './user-form';

export type PasswordDialogState = { mode: 'create' } | { mode: 'change'; user: ScramUser } | null;

export function UserPasswordDialog({
  state,
  mechanisms,
  bounds,
  onClose,
}: {
  state: PasswordDialogState;
  mechanisms: readonly Mechanism[];
  bounds: { min: number; max: number };
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const open = state !== null;
  const changing = state?.mode === 'change' ? state.user : null;
  // change: only the mechanisms the user has; create: every one
  const choices = changing !== null ? (changing.credentials.map((c) => c.mechanism) as Mechanism[]) : mechanisms;
  const [draft, setDraft] = useState<UserDraft>(emptyUserDraft());
  const [errors, setErrors] = useState<UserErrors>({});
  const stateKey = state === null ? '' : state.mode === 'create' ? 'create' : `change ${state.user.user}`;
  useEffect(() => {
    if (state === null) return;
    setDraft(
      emptyUserDraft(
        state.mode === 'change' ? state.user.user : '',
        (state.mode === 'change' ? state.user.credentials[0]?.mechanism : undefined) as Mechanism | undefined,
      ),
    );
    setErrors({});
    // a new opening starts clean; the state object itself changes on every refetch of the list
  }, [stateKey]);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    forget();
    onClose();
  };
  // gcTime 0: the mutation cache drops the finished mutation, and the password in its variables, at once
  const options = { gcTime: 0, onSuccess: done, onError: (err: unknown) => setErrors(userServerErrors(err)) };
  const create = useMutation(trpc.users.create.mutationOptions(options));
  const change = useMutation(trpc.users.changePassword.mutationOptions(options));
  const pending = create.isPending || change.isPending;

  function forget() {
    setDraft(emptyUserDraft());
    setErrors({});
    create.reset();
    change.reset();
  }
  const close = () => {
    if (pending) return;
    forget();
    onClose();
  };
  const submit = () => {
    const { input, errors: found } = userInput(draft, bounds);
    setErrors(found);
    if (input === null) return;
    if (changing !== null) change.mutate(input);
    else create.mutate(input);
  };
  const set = (c: Partial<UserDraft>) => {
    setDraft((d) => ({ ...d, ...c }));
    // a field's complaint goes once it is edited (and the confirmation's when either password is)
    setErrors((e) => {
      const next = { ...e, form: undefined };
      for (const k of Object.keys(c) as Array<keyof UserDraft>) next[k] = undefined;
      if ('password' in c) next.confirm = undefined;
      return next;
    });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      onSubmit={submit}
      title={changing !== null ? `Change ${changing.user}'s password` : 'Create a user'}
      description={
        changing !== null
          ? 'Clients logging in as this user need the new password from their next login on; connections already open stay until they re-authenticate.'
          : 'A SCRAM user clients log in as on the broker’s SASL listeners. The broker keeps a salted hash, never the password.'
      }
      footer={
        <>
          <Button onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={pending}>
            {pending ? 'Saving…' : changing !== null ? 'Change password' : 'Create user'}
          </Button>
        </>
      }
    >
      <Field
        id="user-name"
        label="Name"
        error={errors.user}
        hint={
          changing === null
            ? `Clients log in with this name; its principal is User:${draft.user === '' ? '<name>' : draft.user}.`
            : undefined
        }
      >
        <TextInput
          id="user-name"
          mono
          value={draft.user}
          onChange={(e) => set({ user: e.target.value })}
          readOnly={changing !== null}
          autoFocus={changing === null}
          invalid={errors.user !== undefined}
          autoComplete="off"
          placeholder="alice"
        />
      </Field>
      <Field
        id="user-mechanism"
        label="Mechanism"
        error={errors.mechanism}
        hint={
          changing === null
            ? 'The SASL mechanism clients use (sasl.mechanism); create the user again with the other to offer both.'
            : undefined
        }
      >
        <SegmentedControl
          name="user-mechanism"
          label="SCRAM mechanism"
          value={draft.mechanism}
          onChange={(mechanism) => set({ mechanism })}
          options={choices.map((m) => ({ value: m, label: m }))}
        />
      </Field>
      <div className="t-grid-2" style={{ gridTemplateColumns: '1fr 1fr' }}>
        <Field id="user-password" label={changing !== null ? 'New password' : 'Password'} error={errors.password}>
          <TextInput
            id="user-password"
            type="password"
            value={draft.password}
            onChange={(e) => set({ password: e.target.value })}
            autoFocus={changing !== null}
            invalid={errors.password !== undefined}
            autoComplete="new-password"
          />
        </Field>
        <Field id="user-confirm" label="Password again" error={errors.confirm}>
          <TextInput
            id="user-confirm"
            type="password"
            value={draft.confirm}
            onChange={(e) => set({ confirm: e.target.value })}
            invalid={errors.confirm !== undefined}
            autoComplete="new-password"
          />
        </Field>
      </div>
      <Field
        id="user-iterations"
        label="Iterations"
        error={errors.iterations}
        hint={`${bounds.min}–${bounds.max}. More slows down guessing a stolen hash, and every login of this user by as much.`}
      >
        <TextInput
          id="user-iterations"
          inputMode="numeric"
          value={draft.iterations}
          onChange={(e) => set({ iterations: e.target.value })}
          invalid={errors.iterations !== undefined}
          style={{ maxWidth: 160 }}
        />
      </Field>
      {errors.form !== undefined ? (
        <ErrorPanel
          title={changing !== null ? 'The password was not changed' : 'The user was not created'}
          error={{ message: errors.form }}
        />
      ) : null}
    </Dialog>
  );
}
