import { formatPartitionRanges } from './format';

export type PartitionsByTopic = Readonly<Record<string, readonly number[]>>;

export interface AssignmentDiffProps {
  /** Partitions the member gained in this generation. */
  added: PartitionsByTopic;
  /** Partitions it lost. */
  removed: PartitionsByTopic;
}

function chips(byTopic: PartitionsByTopic, kind: 'added' | 'removed') {
  return Object.keys(byTopic)
    .filter((t) => (byTopic[t]?.length ?? 0) > 0)
    .sort()
    .map((t) => (
      <span
        key={`${kind}-${t}`}
        className="t-assign-chip"
        data-kind={kind}
        title={`${kind === 'added' ? 'Gained' : 'Lost'} ${t} partitions ${formatPartitionRanges(byTopic[t]!)}`}
      >
        <span aria-hidden="true">{kind === 'added' ? '+' : '−'}</span>
        <span className="t-visually-hidden">{kind === 'added' ? 'gained' : 'lost'} </span>
        {t}[{formatPartitionRanges(byTopic[t]!)}]
      </span>
    ));
}

export function isEmptyDiff(d: AssignmentDiffProps): boolean {
  return Object.values(d.added).every((p) => p.length === 0) && Object.values(d.removed).every((p) => p.length === 0);
}

/** What a member's assignment gained (+) and lost (−) against the previous generation. */
export function AssignmentDiff({ added, removed }: AssignmentDiffProps) {
  if (isEmptyDiff({ added, removed }))
    return (
      <span className="t-assign-chip" data-kind="same">
        unchanged
      </span>
    );
  return (
    <span className="t-assign-diff">
      {chips(added, 'added')}
      {chips(removed, 'removed')}
    </span>
  );
}
