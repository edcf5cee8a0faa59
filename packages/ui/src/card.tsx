import type { ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** No padding around the body: tables and strips that draw their own edges. */
  flush?: boolean;
  className?: string;
  children?: ReactNode;
  id?: string;
}

export function Card({ title, description, actions, flush = false, className, children, id }: CardProps) {
  return (
    <section className={className === undefined ? 't-card' : `t-card ${className}`} id={id}>
      {title !== undefined || actions !== undefined ? (
        <header className="t-card-header">
          <div>
            {title !== undefined ? <h2>{title}</h2> : null}
            {description !== undefined ? <p>{description}</p> : null}
          </div>
          {actions !== undefined ? <div className="t-row">{actions}</div> : null}
        </header>
      ) : null}
      <div className={flush ? 't-card-body-flush' : 't-card-body'}>{children}</div>
    </section>
  );
}

export interface StatProps {
  label: ReactNode;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'neutral' | 'success' | 'warning' | 'danger';
  /** Monospace, smaller value: ids and versions rather than counts. */
  small?: boolean;
}

export function Stat({ label, value, hint, tone = 'neutral', small = false }: StatProps) {
  return (
    <div className="t-card t-stat" data-tone={tone}>
      <span className="t-stat-label">{label}</span>
      <span className={small ? 't-stat-value t-stat-small' : 't-stat-value'}>{value}</span>
      {hint !== undefined ? <span className="t-stat-hint">{hint}</span> : null}
    </div>
  );
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  breadcrumbs?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, breadcrumbs, actions }: PageHeaderProps) {
  return (
    <header className="t-page-header">
      <div>
        {breadcrumbs !== undefined ? (
          <nav className="t-breadcrumbs" aria-label="Breadcrumbs">
            {breadcrumbs}
          </nav>
        ) : null}
        <h1>{title}</h1>
        {description !== undefined ? <p>{description}</p> : null}
      </div>
      {actions !== undefined ? <div className="t-row">{actions}</div> : null}
    </header>
  );
}

export interface DescriptionListProps {
  items: Array<{ label: ReactNode; value: ReactNode; key?: string }>;
}

export function DescriptionList({ items }: DescriptionListProps) {
  return (
    <dl className="t-dl">
      {items.map((item, i) => (
        <div key={item.key ?? i} style={{ display: 'contents' }}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface MeterProps {
  /** 0..1 */
  value: number;
  label: string;
  /** A usage (the default) warns as it fills up; a plain share does not. */
  kind?: 'usage' | 'share';
}

/** A thin bar for a share: disk usage turns amber past 80% and red past 92%. */
export function Meter({ value, label, kind = 'usage' }: MeterProps) {
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  const tone = kind === 'share' ? 'neutral' : v > 0.92 ? 'danger' : v > 0.8 ? 'warning' : 'neutral';
  return (
    <div
      className="t-meter"
      data-tone={tone}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(v * 100)}
      aria-label={label}
    >
      <span style={{ width: `${v * 100}%` }} />
    </div>
  );
}
