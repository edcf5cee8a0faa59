'use client';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** Buttons; when `onSubmit` is set the dialog is a form and a submit button submits it. */
  footer: ReactNode;
  onSubmit?: () => void;
  size?: 'md' | 'lg';
}

/**
 * A modal on the native <dialog> element: the browser traps focus, Escape closes it, and the
 * page behind is inert. Closing (Escape, backdrop click, the × button) calls `onClose`.
 */
export function Dialog({ open, onClose, title, description, children, footer, onSubmit, size = 'md' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  const body = (
    <>
      <div className="t-dialog-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {description !== undefined ? <p id={descId}>{description}</p> : null}
        </div>
        <button type="button" className="t-btn" data-variant="ghost" data-size="sm" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="t-dialog-body">{children}</div>
      <div className="t-dialog-footer">{footer}</div>
    </>
  );
  return (
    <dialog
      ref={ref}
      className="t-dialog"
      data-size={size}
      aria-labelledby={titleId}
      aria-describedby={description !== undefined ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // a click on the backdrop lands on the <dialog> itself
        if (e.target === ref.current) onClose();
      }}
    >
      {open ? (
        onSubmit !== undefined ? (
          <form onSubmit={submit} noValidate>
            {body}
          </form>
        ) : (
          body
        )
      ) : null}
    </dialog>
  );
}
