'use client';
import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'tarn-theme';

/**
 * Runs in <head> before the first paint, so a stored choice applies without a flash of the other
 * theme. Without a stored choice the CSS follows prefers-color-scheme.
 */
export const themeInitScript = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark; the choice is kept in localStorage. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  useEffect(() => {
    const t = document.documentElement.dataset.theme;
    setChoice(t === 'light' || t === 'dark' ? t : 'system');
  }, []);
  return (
    <button
      type="button"
      className="t-btn t-theme-toggle"
      data-variant="ghost"
      data-size="sm"
      onClick={() => {
        const next = NEXT[choice];
        applyTheme(next);
        setChoice(next);
      }}
      aria-label={`${LABEL[choice]} (click for ${LABEL[NEXT[choice]].toLowerCase()})`}
      title={`${LABEL[choice]}: click to switch`}
    >
      <span aria-hidden="true">{ICON[choice]}</span> {LABEL[choice]}
    </button>
  );
}
