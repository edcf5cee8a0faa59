import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

export interface FieldProps {
  /** The id of the control inside; the label and messages point at it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the control, in red, and announced; the control should set `invalid`. */
  error?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** Ids of a field's hint and error, for the control's aria-describedby. */
export function fieldMessageIds(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasError ? `${id}-error` : null, hasHint ? `${id}-hint` : null].filter((x) => x !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** A labelled control with a hint and inline error text. */
export function Field({ id, label, hint, error, children, className }: FieldProps) {
  return (
    <div className={className === undefined ? 't-field' : `t-field ${className}`}>
      <label className="t-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error !== undefined && error !== null && error !== false ? (
        <div className="t-field-error" id={`${id}-error`} role="alert">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </div>
      ) : null}
      {hint !== undefined ? (
        <div className="t-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

type Invalid = { invalid?: boolean; mono?: boolean };

export function TextInput({ invalid = false, mono = false, className, ...rest }: InputHTMLAttributes<HTMLInputElement> & Invalid) {
  const cls = ['t-input', mono ? 't-input-mono' : null, className].filter(Boolean).join(' ');
  return <input {...rest} className={cls} aria-invalid={invalid || undefined} />;
}

export function TextArea({ invalid = false, className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & Invalid) {
  return (
    <textarea
      {...rest}
      className={className === undefined ? 't-textarea' : `t-textarea ${className}`}
      aria-invalid={invalid || undefined}
    />
  );
}

export function Select({ invalid = false, className, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & Invalid) {
  return (
    <select {...rest} className={className === undefined ? 't-select' : `t-select ${className}`} aria-invalid={invalid || undefined}>
      {children}
    </select>
  );
}

export interface SegmentedControlProps<T extends string> {
  name: string;
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: ReactNode }>;
  onChange: (value: T) => void;
}

/** A radio group drawn as a segmented button; arrow keys move between options (native radios). */
export function SegmentedControl<T extends string>({ name, label, value, options, onChange }: SegmentedControlProps<T>) {
  return (
    <div className="t-segmented" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </div>
  );
}
