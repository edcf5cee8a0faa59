/** epoch ms ↔ the value of a datetime-local input, in the viewer's time zone. */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 19);
}

export function fromLocalInput(v: string): number | null {
  if (v === '') return null;
  const ms = new Date(v).getTime();
  return Number.isFinite(ms) ? ms : null;
}
