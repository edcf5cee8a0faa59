'use client';
import { Button, Select } from '@tarn/ui';

interface Props {
  id: string;
  partitions: number;
  value: number | null;
  onChange: (p: number | null) => void;
  /** Offer "all partitions" (null). */
  allowAll?: boolean;
  label?: string;
}

/** Buttons for a handful of partitions, a select for many. */
export function PartitionPicker({ id, partitions, value, onChange, allowAll = false, label = 'Partition' }: Props) {
  if (partitions <= 12) {
    return (
      <div className="c-partition-picker" role="group" aria-label={label}>
        {allowAll ? (
          <Button size="sm" aria-pressed={value === null} onClick={() => onChange(null)}>
            All
          </Button>
        ) : null}
        {Array.from({ length: partitions }, (_, p) => (
          <Button key={p} size="sm" aria-pressed={value === p} onClick={() => onChange(p)}>
            {p}
          </Button>
        ))}
      </div>
    );
  }
  return (
    <Select
      id={id}
      aria-label={label}
      value={value === null ? 'all' : String(value)}
      onChange={(e) => onChange(e.target.value === 'all' ? null : Number(e.target.value))}
      style={{ width: 160 }}
    >
      {allowAll ? <option value="all">All partitions</option> : null}
      {Array.from({ length: partitions }, (_, p) => (
        <option key={p} value={p}>
          Partition {p}
        </option>
      ))}
    </Select>
  );
}
