'use client';
/**
 * Grant one ACL (kafka-acls --add): principal, allow or deny, operation, resource and host. Before
 * anything is created the broker previews the binding (`acls.preview`): the exact ACL in Kafka's
 * notation, Kafka's refusal next to the field it concerns, warnings (a host name that can never
 * match, a PREFIXED `*`) and whether it exists already. Grant is enabled once the preview of what is
 * in the form has arrived and nothing refuses it.
 */
import { useEffect, useMemo, useState } from 'react';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, CommandBlock, Dialog, ErrorPanel, Field, Notice, SegmentedControl, Select, Skeleton, TextInput } from '@tarn/ui';
import type { AclBindingInput, AclPreview } from '../../lib/types';
import { useDebounced } from '../../lib/use-debounced';
import { describeError, inputIssues } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { aclSentence, kafkaDisplayName } from './acl-format';
import { emptyGrant, grantInput, withResourceType, type GrantDraft, type GrantErrors, type GrantField } from './acl-form';
import { RESOURCE_TYPES } from './url-state';

const FIELDS: readonly GrantField[] = ['principal', 'permission', 'operation', 'resourceType', 'patternType', 'resourceName', 'host'];

export function GrantAclDialog({ open, onClose, prefill }: { open: boolean; onClose: () => void; prefill?: Partial<GrantDraft> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.acls.options.queryOptions(undefined, { staleTime: Infinity, enabled: open }));
  const [draft, setDraft] = useState<GrantDraft>(() => emptyGrant(prefill));
  const [touched, setTouched] = useState(false);
  const prefillKey = JSON.stringify(prefill ?? {});
  // a dialog opened again (or for another resource) starts from its prefill
  useEffect(() => {
    if (open) {
      setDraft(emptyGrant(JSON.parse(prefillKey) as Partial<GrantDraft>));
      setTouched(false);
    }
  }, [open, prefillKey]);

  const operationsOf = useMemo(() => {
    const byType = new Map((options.data?.resourceTypes ?? []).map((t) => [t.type as string, t.operations as readonly string[]]));
    return (type: string) => byType.get(type) ?? [];
  }, [options.data]);
  const change = (c: Partial<GrantDraft>) => {
    setTouched(true);
    setDraft((d) => ({ ...d, ...c }));
  };

  const { input, errors } = useMemo(() => grantInput(draft, operationsOf), [draft, operationsOf]);
  const debounced = useDebounced(input, 250);
  const settled = JSON.stringify(input) === JSON.stringify(debounced);
  const preview = useQuery(trpc.acls.preview.queryOptions(open && debounced !== null ? debounced : skipToken, { staleTime: 0 }));
  const current = settled && input !== null ? preview.data : undefined;

  const create = useMutation(
    trpc.acls.create.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.acls.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.acls.effective.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.acls.preview.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
        ]);
        create.reset();
        onClose();
      },
    }),
  );

  // every problem next to its field: the form's own (once the user typed), the broker's preview, the create's refusal
  const shown: GrantErrors = touched ? { ...errors } : {};
  const problem = current?.problem ?? null;
  if (problem !== null) {
    if (problem.field !== null) shown[problem.field] ??= problem.message;
    else shown.form ??= problem.message;
  }
  for (const issue of [...inputIssues(preview.error), ...inputIssues(create.error)]) {
    const field = FIELDS.find((f) => f === issue.path[0]);
    if (field !== undefined) shown[field] ??= issue.message;
  }
  const canGrant = input !== null && current !== undefined && problem === null && !create.isPending;

  const close = () => {
    if (create.isPending) return;
    create.reset();
    onClose();
  };
  const types = options.data?.resourceTypes.map((t) => t.type) ?? RESOURCE_TYPES;
  const ops = operationsOf(draft.resourceType);

  return (
    <Dialog
      open={open}
      onClose={close}
      onSubmit={() => {
        setTouched(true);
        if (canGrant) create.mutate(input);
      }}
      size="lg"
      title="Grant access"
      description="One ACL, as kafka-acls --add writes it. It applies on every broker as soon as it is stored."
      footer={
        <>
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={!canGrant} busy={create.isPending}>
            {create.isPending ? 'Granting…' : draft.permission === 'DENY' ? 'Add deny ACL' : 'Grant'}
          </Button>
        </>
      }
    >
      <div className="t-grid-2" style={{ gridTemplateColumns: '2fr 1fr' }}>
        <Field
          id="acl-principal"
          label="Principal"
          error={shown.principal}
          hint="User:<name> as the client logs in (SASL user, or the certificate's subject); User:* is everyone."
        >
          <TextInput
            id="acl-principal"
            mono
            autoFocus
            value={draft.principal}
            onChange={(e) => change({ principal: e.target.value })}
            invalid={shown.principal !== undefined}
            placeholder="User:alice"
            autoComplete="off"
          />
        </Field>
        <Field id="acl-permission" label="Permission" error={shown.permission}>
          <SegmentedControl
            name="acl-permission"
            label="Permission"
            value={draft.permission}
            onChange={(permission) => change({ permission })}
            options={[
              { value: 'ALLOW', label: 'Allow' },
              { value: 'DENY', label: 'Deny' },
            ]}
          />
        </Field>
      </div>
      <div className="t-grid-2" style={{ gridTemplateColumns: '1fr 1fr' }}>
        <Field id="acl-resource-type" label="Resource type" error={shown.resourceType}>
          <Select
            id="acl-resource-type"
            value={draft.resourceType}
            onChange={(e) => setDraft((d) => withResourceType(d, e.target.value as GrantDraft['resourceType'], operationsOf))}
          >
            {types.map((t) => (
              <option key={t} value={t}>
                {kafkaDisplayName(t)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="acl-operation"
          label="Operation"
          error={shown.operation}
          hint={draft.operation === 'ALL' ? 'Every operation, including those added later.' : undefined}
        >
          <Select
            id="acl-operation"
            value={draft.operation}
            onChange={(e) => change({ operation: e.target.value as GrantDraft['operation'] })}
            invalid={shown.operation !== undefined}
          >
            {(ops.length > 0 ? ops : [draft.operation]).map((o) => (
              <option key={o} value={o}>
                {kafkaDisplayName(o)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="t-grid-2" style={{ gridTemplateColumns: '1fr 2fr' }}>
        <Field id="acl-pattern" label="Pattern">
          <SegmentedControl
            name="acl-pattern"
            label="Pattern type"
            value={draft.patternType}
            onChange={(patternType) => change({ patternType })}
            options={[
              { value: 'LITERAL', label: 'Literal' },
              { value: 'PREFIXED', label: 'Prefixed' },
            ]}
          />
        </Field>
        <Field
          id="acl-resource-name"
          label={draft.patternType === 'PREFIXED' ? 'Name prefix' : 'Resource name'}
          error={shown.resourceName}
          hint={
            draft.resourceType === 'CLUSTER'
              ? 'The cluster resource is always named kafka-cluster.'
              : draft.patternType === 'LITERAL'
                ? '* (Literal) stands for every name.'
                : 'Every name that starts with this.'
          }
        >
          <TextInput
            id="acl-resource-name"
            mono
            value={draft.resourceName}
            onChange={(e) => change({ resourceName: e.target.value })}
            invalid={shown.resourceName !== undefined}
            readOnly={draft.resourceType === 'CLUSTER'}
            autoComplete="off"
          />
        </Field>
      </div>
      <Field id="acl-host" label="Host" error={shown.host} hint="The client's IP address as the broker sees it, or * for any host.">
        <TextInput
          id="acl-host"
          mono
          value={draft.host}
          onChange={(e) => change({ host: e.target.value })}
          invalid={shown.host !== undefined}
          autoComplete="off"
          style={{ maxWidth: 260 }}
        />
      </Field>
      <GrantPreview input={input} preview={current} loading={input !== null && current === undefined && !preview.isError} />
      {shown.form !== undefined ? <ErrorPanel title="The broker would refuse this ACL" error={{ message: shown.form }} /> : null}
      {preview.isError && inputIssues(preview.error).length === 0 ? (
        <ErrorPanel title="No preview" error={describeError(preview.error)} />
      ) : null}
      {create.isError && inputIssues(create.error).length === 0 ? (
        <ErrorPanel title="The ACL was not created" error={describeError(create.error)} />
      ) : null}
    </Dialog>
  );
}

function GrantPreview({ input, preview, loading }: { input: AclBindingInput | null; preview: AclPreview | undefined; loading: boolean }) {
  return (
    <section className="c-acl-preview" aria-label="Preview" aria-live="polite">
      <h3 className="t-label">The ACL that will be created</h3>
      {input === null ? (
        <p className="t-muted">Fill in the principal and the resource to see the exact ACL.</p>
      ) : loading || preview === undefined ? (
        <Skeleton height={44} />
      ) : (
        <div className="t-stack-sm">
          <p>{aclSentence(input)}</p>
          <CommandBlock command={preview.notation} label="The ACL in Kafka's notation" />
          {preview.exists ? <Notice>This ACL exists already: granting it again changes nothing.</Notice> : null}
          {preview.warnings.map((w) => (
            <Notice key={w} tone="warning">
              {w}
            </Notice>
          ))}
        </div>
      )}
    </section>
  );
}
