'use client';
import { formatNumber, SegmentedControl } from '@tarn/ui';
import type { PartitionLag } from '../../../lib/types';
import { partitionKey, type ResetDraft, type ScopeKind } from '../reset-form';

const SCOPES: ReadonlyArray<{ value: ScopeKind; label: string }> = [
  { value: 'group', label: 'Whole group' },
  { value: 'topics', label: 'Topics' },
  { value: 'partitions', label: 'Partitions' },
];

/** Which partitions a reset moves: the whole group, some of its topics, or some partitions. */
export function ResetScopeField({
  draft,
  change,
  topics,
  partitions,
  error,
}: {
  draft: ResetDraft;
  change: (c: Partial<ResetDraft>) => void;
  topics: readonly string[];
  partitions: readonly PartitionLag[];
  error: string | undefined;
}) {
  return (
    <div className="t-field">
      <span className="t-label" id="reset-scope-label">
        Scope
      </span>
      <SegmentedControl name="reset-scope" label="Scope" value={draft.scope} options={SCOPES} onChange={(scope) => change({ scope })} />
      {draft.scope === 'topics' ? (
        topics.length === 0 ? (
          <span className="t-hint">The group has no topics yet.</span>
        ) : (
          <div className="c-checks" role="group" aria-labelledby="reset-scope-label">
            {topics.map((t) => (
              <label key={t} className="t-check">
                <input
                  type="checkbox"
                  checked={draft.topics.includes(t)}
                  onChange={(e) => change({ topics: e.target.checked ? [...draft.topics, t] : draft.topics.filter((x) => x !== t) })}
                />
                <span className="t-mono">{t}</span>
              </label>
            ))}
          </div>
        )
      ) : null}
      {draft.scope === 'partitions' ? (
        partitions.length === 0 ? (
          <span className="t-hint">The group has no committed offsets yet.</span>
        ) : (
          <div className="c-checks" role="group" aria-labelledby="reset-scope-label">
            {partitions.map((p) => {
              const k = partitionKey(p.topic, p.partition);
              return (
                <label key={k} className="t-check">
                  <input
                    type="checkbox"
                    checked={draft.partitions.includes(k)}
                    onChange={(e) =>
                      change({ partitions: e.target.checked ? [...draft.partitions, k] : draft.partitions.filter((x) => x !== k) })
                    }
                  />
                  <span className="t-mono">
                    {p.topic}-{p.partition}
                  </span>
                </label>
              );
            })}
          </div>
        )
      ) : null}
      {draft.scope === 'group' ? (
        <span className="t-hint">Every partition the group has committed offsets for ({formatNumber(partitions.length)}).</span>
      ) : null}
      {error !== undefined ? (
        <div className="t-field-error" id="reset-scope-error" role="alert">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </div>
      ) : null}
    </div>
  );
}
