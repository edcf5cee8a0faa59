'use client';
import Link from 'next/link';
import { Card, formatTimestamp, Notice } from '@tarn/ui';
import type { Outputs, TopicDetail } from '../../../lib/types';

/** Where the last record went, with a link to it in Messages. */
export function ProduceResult({ topic, result }: { topic: TopicDetail; result: Outputs['messages']['produce'] | undefined }) {
  return (
    <Card title="Result">
      {result === undefined ? (
        <span className="t-muted">The partition and offset the record gets appear here.</span>
      ) : (
        <div className="t-stack-sm">
          <Notice tone="success">
            Written to partition <strong>{result.partition}</strong> at offset <strong>{result.offset}</strong>.
          </Notice>
          <span className="t-muted t-num">{formatTimestamp(result.timestamp)}</span>
          <Link
            href={`/topics/${encodeURIComponent(topic.name)}?tab=messages&partition=${result.partition}&seek=offset&offset=${result.offset}`}
          >
            See it in Messages →
          </Link>
        </div>
      )}
    </Card>
  );
}
