'use client';
import { Badge, formatBytes } from '@tarn/ui';
import type { MessageView } from '../../../lib/types';

type Decoded = MessageView['value'];

const ENCODING_TONE = { json: 'accent', utf8: 'info', hex: 'warning', null: 'neutral' } as const;
const ENCODING_LABEL = { json: 'JSON', utf8: 'text', hex: 'binary (hex)', null: 'null' } as const;

/** Pretty JSON when it parses; the text as is otherwise. */
function display(d: Decoded): string {
  if (d.text === null) return '';
  if (d.encoding === 'json' && !d.truncated) {
    try {
      return JSON.stringify(JSON.parse(d.text), null, 2);
    } catch {
      return d.text;
    }
  }
  return d.text;
}

export function EncodingBadges({ value }: { value: Decoded }) {
  return (
    <span className="t-row" style={{ gap: 4 }}>
      <Badge tone={ENCODING_TONE[value.encoding]}>{ENCODING_LABEL[value.encoding]}</Badge>
      {value.encoding !== 'null' ? <Badge mono>{formatBytes(value.size)}</Badge> : null}
      {value.truncated ? (
        <Badge tone="warning" title="Only the beginning is shown">
          truncated
        </Badge>
      ) : null}
    </span>
  );
}

/** A key, value or header value: encoding and size badges, then the content. */
export function DecodedValue({ value, compact = false }: { value: Decoded; compact?: boolean }) {
  if (value.encoding === 'null') return <EncodingBadges value={value} />;
  return (
    <div className="t-stack-sm" style={{ gap: 4, minWidth: 0 }}>
      <EncodingBadges value={value} />
      {compact ? <code className="t-mono">{value.text}</code> : <pre className="t-code">{display(value)}</pre>}
    </div>
  );
}
