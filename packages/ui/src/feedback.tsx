import type { CSSProperties, ReactNode } from 'react';

export interface SkeletonProps {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  style?: CSSProperties;
}

/** A shimmering placeholder with the shape of what is loading. */
export function Skeleton({ width = '100%', height = 14, style }: SkeletonProps) {
  return <span className="t-skeleton" aria-hidden="true" style={{ width, height, ...style }} />;
}

/** Placeholder rows for a table or list that is loading. */
export function SkeletonRows({ rows = 5, height = 18, label = 'Loading…' }: { rows?: number; height?: number; label?: string }) {
  return (
    <div className="t-stack-sm" style={{ padding: 'var(--t-space-4)' }} role="status" aria-live="polite">
      <span className="t-visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} width={`${100 - ((i * 17) % 35)}%`} />
      ))}
    </div>
  );
}

export interface EmptyStateProps {
  icon?: ReactNode;
  title: ReactNode;
  /** Say what to do next, not just that there is nothing. */
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ icon = '∅', title, children, action }: EmptyStateProps) {
  return (
    <div className="t-empty">
      <div className="t-empty-icon" aria-hidden="true">
        {icon}
      </div>
      <h3>{title}</h3>
      {children !== undefined ? <p>{children}</p> : null}
      {action !== undefined ? <div style={{ marginTop: 'var(--t-space-2)' }}>{action}</div> : null}
    </div>
  );
}

/** The Kafka error a broker call failed with, as the admin API reports it (`error.data.kafka`). */
export interface KafkaErrorInfo {
  code?: number;
  name?: string;
  message: string;
}

export interface ErrorPanelProps {
  title?: ReactNode;
  error: KafkaErrorInfo;
  action?: ReactNode;
}

/** What went wrong, with the Kafka error name when there is one. */
export function ErrorPanel({ title = 'Something went wrong', error, action }: ErrorPanelProps) {
  return (
    <div className="t-error" role="alert">
      <span className="t-error-icon" aria-hidden="true">
        !
      </span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div className="t-error-title">
          {title}
          {error.name !== undefined ? (
            <span
              className="t-badge t-badge-mono"
              data-tone="danger"
              title={error.code !== undefined ? `Kafka error code ${error.code}` : undefined}
            >
              {error.name}
            </span>
          ) : null}
        </div>
        <p className="t-error-message">{error.message}</p>
      </div>
      {action !== undefined ? <div>{action}</div> : null}
    </div>
  );
}

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return (
    <div className="t-notice" data-tone={tone} role="status">
      {children}
    </div>
  );
}
