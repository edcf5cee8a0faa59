'use client';
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, DataTable, EmptyState, TextInput } from '@tarn/ui';
import { configValueProblem } from '../config-values';
import type { ConfigDefinition, TopicDetail } from '../../../lib/types';
import { describeError } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';
import { ConfigValueCell } from './config-value-cell';

type Config = TopicDetail['configs'][number];

function SourceBadge({ c }: { c: Config }) {
  if (c.source === 'TOPIC_CONFIG') return <Badge tone="accent">topic override</Badge>;
  if (c.source === 'STATIC_BROKER_CONFIG')
    return (
      <Badge tone="info" title={c.synonym !== undefined ? `set by ${c.synonym}` : undefined}>
        broker{c.synonym !== undefined ? `: ${c.synonym}` : ''}
      </Badge>
    );
  return <Badge>default</Badge>;
}

export function ConfigTab({ topic }: { topic: TopicDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ name: string; value: string } | null>(null);
  const [error, setError] = useState<{ name: string; message: string } | null>(null);
  const [search, setSearch] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const key = trpc.topics.get.queryKey({ name: topic.name });
  const definitions = useQuery(trpc.topics.configDefinitions.queryOptions(undefined, { staleTime: Infinity }));
  const defs = useMemo(() => new Map<string, ConfigDefinition>((definitions.data ?? []).map((d) => [d.name, d])), [definitions.data]);

  const update = useMutation(
    trpc.topics.updateConfigs.mutationOptions({
      onSuccess: (configs) => {
        queryClient.setQueryData(key, (old) => (old === undefined ? old : { ...old, configs }));
        void queryClient.invalidateQueries({ queryKey: key });
        setEditing(null);
        setError(null);
      },
    }),
  );

  const save = (name: string, value: string) => {
    // checked against the broker's definitions first: every bad value explained without a round trip
    const problem = defs.has(name) ? configValueProblem(name, value, defs) : null;
    if (problem !== null) return setError({ name, message: problem });
    update.mutate(
      { name: topic.name, set: { [name]: value.trim() } },
      { onError: (err) => setError({ name, message: describeError(err).message }) },
    );
  };
  const reset = (name: string) =>
    update.mutate({ name: topic.name, remove: [name] }, { onError: (err) => setError({ name, message: describeError(err).message }) });

  const needle = search.trim().toLowerCase();
  const rows = topic.configs.filter(
    (c) =>
      (!onlyOverrides || c.source === 'TOPIC_CONFIG') && (needle === '' || c.name.includes(needle) || c.doc.toLowerCase().includes(needle)),
  );
  const overrides = topic.configs.filter((c) => c.source === 'TOPIC_CONFIG').length;

  return (
    <Card
      title="Configuration"
      description={`Every topic config with its effective value and where it comes from. ${overrides} set on this topic.`}
      flush
    >
      <div className="t-toolbar">
        <TextInput
          type="search"
          aria-label="Filter configs"
          placeholder="Filter configs…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
        <label className="t-check">
          <input type="checkbox" checked={onlyOverrides} onChange={(e) => setOnlyOverrides(e.target.checked)} /> Only overrides
        </label>
      </div>
      <DataTable<Config>
        caption={`Configuration of ${topic.name}`}
        rows={rows}
        rowKey={(c) => c.name}
        empty={
          <EmptyState title="No config matches">
            {onlyOverrides ? 'This topic overrides nothing: every value comes from the broker or Kafka’s defaults.' : 'Try another filter.'}
          </EmptyState>
        }
        columns={[
          {
            key: 'name',
            header: 'Name',
            width: '32%',
            render: (c) => (
              <div className="t-stack-sm" style={{ gap: 2 }}>
                <code className="t-mono" style={{ fontWeight: 600 }}>
                  {c.name}
                </code>
                <span className="t-hint">{c.doc}</span>
              </div>
            ),
          },
          {
            key: 'value',
            header: 'Value',
            render: (c) => (
              <ConfigValueCell
                config={c}
                draft={editing?.name === c.name ? editing.value : null}
                error={error?.name === c.name ? error.message : undefined}
                busy={update.isPending}
                onDraft={(value) => setEditing({ name: c.name, value })}
                onSave={(value) => save(c.name, value)}
                onCancel={() => {
                  setEditing(null);
                  setError(null);
                }}
              />
            ),
          },
          { key: 'source', header: 'Source', render: (c) => <SourceBadge c={c} /> },
          {
            key: 'actions',
            header: <span className="t-visually-hidden">Actions</span>,
            align: 'right',
            render: (c) =>
              editing?.name === c.name ? null : (
                <span className="t-row" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
                  <Button
                    size="sm"
                    onClick={() => {
                      setEditing({ name: c.name, value: c.value });
                      setError(null);
                    }}
                    aria-label={`Edit ${c.name}`}
                  >
                    Edit
                  </Button>
                  {c.source === 'TOPIC_CONFIG' ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => reset(c.name)}
                      title="Delete the override: the broker's value applies again"
                      aria-label={`Reset ${c.name} to default`}
                    >
                      Reset to default
                    </Button>
                  ) : null}
                </span>
              ),
          },
        ]}
      />
    </Card>
  );
}
