'use client';
import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Button, Dialog, ErrorPanel, Field, TextInput } from '@tarn/ui';
import { configNameInMessage, configValueProblem } from '../config-values';
import type { ConfigDefinition } from '../../../lib/types';
import { describeError, inputIssues, kafkaErrorName } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';
import { CreateTopicConfigs, type ConfigRow } from './create-topic-configs';

type Errors = Partial<Record<'name' | 'partitions' | 'replicationFactor' | 'form', string>> & { configs?: Record<number, string> };

const numberField = (label: string, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${label} must be a whole number.`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${label} must be at least 1.`).max(max, `${label} can be at most ${max}.`));

// what the form checks before asking the broker; topic names are the broker's to judge, config
// values are checked against the broker's own definitions (topics.configDefinitions)
const formSchema = z.object({
  name: z.string().trim().min(1, 'Give the topic a name.').max(249, 'Topic names are at most 249 characters.'),
  partitions: numberField('Partitions', 10_000),
  replicationFactor: numberField('Replication factor', 32),
});

export function CreateTopicDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [replicationFactor, setReplicationFactor] = useState('1');
  const [rows, setRows] = useState<ConfigRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  // the broker's config table: names for the picker, types and ranges to check values against
  const definitions = useQuery(trpc.topics.configDefinitions.queryOptions(undefined, { staleTime: Infinity, enabled: open }));
  const defs = useMemo(() => new Map<string, ConfigDefinition>((definitions.data ?? []).map((d) => [d.name, d])), [definitions.data]);

  const create = useMutation(
    trpc.topics.create.mutationOptions({
      onSuccess: async (t) => {
        await queryClient.invalidateQueries({ queryKey: trpc.topics.list.queryKey() });
        reset();
        onClose();
        router.push(`/topics/${encodeURIComponent(t.name)}`);
      },
      onError: (err) => setErrors(serverErrors(err, rows)),
    }),
  );

  function reset() {
    setName('');
    setPartitions('3');
    setReplicationFactor('1');
    setRows([]);
    setErrors({});
  }

  const submit = () => {
    const parsed = formSchema.safeParse({ name, partitions, replicationFactor });
    const next: Errors = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) next[issue.path[0] as 'name' | 'partitions' | 'replicationFactor'] ??= issue.message;
    const configErrors: Record<number, string> = {};
    const seen = new Set<string>();
    for (const r of rows) {
      const k = r.key.trim();
      if (k === '' && r.value.trim() === '') continue;
      const problem = defs.size > 0 ? configValueProblem(k, r.value, defs) : null;
      if (k === '') configErrors[r.id] = 'Name the config, or remove the row.';
      else if (seen.has(k)) configErrors[r.id] = `${k} is set twice.`;
      else if (problem !== null) configErrors[r.id] = problem;
      seen.add(k);
    }
    if (Object.keys(configErrors).length > 0) next.configs = configErrors;
    setErrors(next);
    if (!parsed.success || next.configs !== undefined) return;
    const configs = Object.fromEntries(rows.filter((r) => r.key.trim() !== '').map((r) => [r.key.trim(), r.value.trim()]));
    create.mutate({ ...parsed.data, configs });
  };

  const close = () => {
    if (!create.isPending) {
      setErrors({});
      onClose();
    }
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      onSubmit={submit}
      size="lg"
      title="Create a topic"
      description="Partitions spread load and ordering; every config not set here uses the broker's default."
      footer={
        <>
          <Button onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create topic'}
          </Button>
        </>
      }
    >
      <Field id="topic-name" label="Name" error={errors.name} hint="Letters, digits, '.', '_' and '-'; at most 249 characters.">
        <TextInput
          id="topic-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          invalid={errors.name !== undefined}
          autoFocus
          mono
          placeholder="orders"
          aria-describedby={errors.name !== undefined ? 'topic-name-error' : 'topic-name-hint'}
        />
      </Field>
      <div className="t-grid-2" style={{ gridTemplateColumns: '1fr 1fr' }}>
        <Field id="topic-partitions" label="Partitions" error={errors.partitions}>
          <TextInput
            id="topic-partitions"
            inputMode="numeric"
            value={partitions}
            onChange={(e) => setPartitions(e.target.value)}
            invalid={errors.partitions !== undefined}
          />
        </Field>
        <Field id="topic-rf" label="Replication factor" error={errors.replicationFactor} hint="At most the number of brokers.">
          <TextInput
            id="topic-rf"
            inputMode="numeric"
            value={replicationFactor}
            onChange={(e) => setReplicationFactor(e.target.value)}
            invalid={errors.replicationFactor !== undefined}
          />
        </Field>
      </div>
      <CreateTopicConfigs rows={rows} onChange={setRows} errors={errors.configs} definitions={definitions.data ?? []} defs={defs} />
      {errors.form !== undefined ? (
        <ErrorPanel title="The broker refused the topic" error={{ ...describeError(create.error), message: errors.form }} />
      ) : null}
    </Dialog>
  );
}

/** Puts the broker's refusal next to the field it is about. */
function serverErrors(err: unknown, rows: readonly ConfigRow[]): Errors {
  const info = describeError(err);
  switch (kafkaErrorName(err)) {
    case 'INVALID_TOPIC_EXCEPTION':
    case 'TOPIC_ALREADY_EXISTS':
      return { name: info.message };
    case 'INVALID_PARTITIONS':
      return { partitions: info.message };
    case 'INVALID_REPLICATION_FACTOR':
      return { replicationFactor: info.message };
    case 'INVALID_CONFIG': {
      const keys = rows.map((r) => r.key.trim());
      const key = configNameInMessage(info.message, keys);
      const row = rows.find((r) => r.key.trim() === key) ?? rows[0];
      return row === undefined ? { form: info.message } : { configs: { [row.id]: info.message } };
    }
    default:
      break;
  }
  // zod refusals come with the path of each bad field (error.data.issues)
  const out: Errors = {};
  for (const issue of inputIssues(err)) {
    const [field, key] = issue.path;
    if (field === 'name' || field === 'partitions' || field === 'replicationFactor') out[field] ??= issue.message;
    else if (field === 'configs') {
      const row = rows.find((r) => r.key.trim() === key) ?? rows[0];
      if (row !== undefined) out.configs = { ...out.configs, [row.id]: issue.message };
      else out.form ??= issue.message;
    } else out.form ??= issue.message;
  }
  return Object.keys(out).length > 0 ? out : { form: info.message };
}
