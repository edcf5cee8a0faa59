'use client';
import { useEffect, useState } from 'react';
import { Button } from './button';

/** Puts text on the clipboard; falls back to a hidden textarea where the Clipboard API is missing (plain http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard !== undefined && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <Button size="sm" onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))} aria-live="polite">
      {state === 'copied' ? '✓ Copied' : state === 'failed' ? 'Select and copy' : label}
    </Button>
  );
}

/** A shell command to copy: monospace, wrapped, with a copy button. */
export function CommandBlock({ command, label }: { command: string; label: string }) {
  return (
    <div className="t-command">
      <code className="t-command-text" aria-label={label}>
        {command}
      </code>
      <CopyButton text={command} />
    </div>
  );
}
