'use client';
/**
 * A console user's role: an operator, or a Kafka principal it acts as (any `Type:name`, with the
 * SCRAM users' principals offered). Says what acting as a principal means, and warns when the broker
 * has no authorizer, since then a mapped user may do everything too.
 */
import { Field, Notice, SegmentedControl, TextInput } from '@tarn/ui';
import type { Role, RoleDraft } from './console-user-form';

export const MAPPING_MEANS = "Acts as this Kafka principal: the broker's ACLs decide what this user sees and may do.";

export function RoleField({
  id,
  draft,
  error,
  suggestions,
  authorizerEnabled,
  onChange,
}: {
  id: string;
  draft: RoleDraft;
  error: string | undefined;
  suggestions: readonly string[];
  /** undefined while unknown: no warning yet. */
  authorizerEnabled: boolean | undefined;
  onChange: (c: Partial<RoleDraft>) => void;
}) {
  return (
    <>
      <Field id={`${id}-role`} label="Role">
        <SegmentedControl<Role>
          name={`${id}-role`}
          label="Role"
          value={draft.role}
          onChange={(role) => onChange({ role })}
          options={[
            { value: 'mapped', label: 'Acts as a Kafka principal' },
            { value: 'operator', label: 'Operator' },
          ]}
        />
      </Field>
      {draft.role === 'mapped' ? (
        <Field
          id={`${id}-principal`}
          label="Kafka principal"
          error={error}
          hint={
            <>
              {MAPPING_MEANS} Any <span className="t-mono">Type:name</span>, e.g. <span className="t-mono">User:alice</span>.
            </>
          }
        >
          <TextInput
            id={`${id}-principal`}
            mono
            list={`${id}-principals`}
            value={draft.principal}
            onChange={(e) => onChange({ principal: e.target.value })}
            invalid={error !== undefined}
            autoComplete="off"
            placeholder="User:alice"
          />
          <datalist id={`${id}-principals`}>
            {suggestions.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </Field>
      ) : (
        <Notice>An operator may do everything in the console, ACLs or not, and manage console users — like a super user.</Notice>
      )}
      {draft.role === 'mapped' && authorizerEnabled === false ? (
        <Notice tone="warning">
          <strong>The broker has no authorizer</strong>, so every Kafka principal may do everything — and so may this user, until ACLs are
          turned on (authorizer.class.name).
        </Notice>
      ) : null}
    </>
  );
}
