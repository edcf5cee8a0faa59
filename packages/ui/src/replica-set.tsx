export interface ReplicaSetProps {
  replicas: readonly number[];
  isr: readonly number[];
  leader: number;
}

export type ReplicaState = 'leader' | 'in-sync' | 'out-of-sync';

export function replicaState(id: number, isr: readonly number[], leader: number): ReplicaState {
  if (id === leader) return 'leader';
  return isr.includes(id) ? 'in-sync' : 'out-of-sync';
}

/** Broker ids of a partition's replicas: the leader, in-sync followers, out-of-sync ones struck. */
export function ReplicaSet({ replicas, isr, leader }: ReplicaSetProps) {
  return (
    <span className="t-row" style={{ gap: 4 }}>
      {replicas.map((id) => {
        const state = replicaState(id, isr, leader);
        return (
          <span key={id} className="t-replica" data-state={state} title={`broker ${id}: ${state}`}>
            {id}
          </span>
        );
      })}
    </span>
  );
}
