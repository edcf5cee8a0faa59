import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

export interface BadgeProps {
  tone?: Tone;
  mono?: boolean;
  title?: string;
  children: ReactNode;
}

export function Badge({ tone = 'neutral', mono = false, title, children }: BadgeProps) {
  return (
    <span className={mono ? 't-badge t-badge-mono' : 't-badge'} data-tone={tone} title={title}>
      {children}
    </span>
  );
}

export interface StatusPillProps {
  tone: Tone;
  /** Pulses the dot: something is happening right now (live, connecting). */
  pulse?: boolean;
  title?: string;
  children: ReactNode;
}

/** A badge with a coloured dot, for states: running, live, paused, offline. */
export function StatusPill({ tone, pulse = false, title, children }: StatusPillProps) {
  return (
    <span className="t-badge" data-tone={tone} title={title} role="status">
      <span className="t-dot" data-pulse={pulse} aria-hidden="true" />
      {children}
    </span>
  );
}
