// Pure helpers for the prestatiestaat panel on the person page: the month field and when
// the panel shows.
import type { PeriodDto } from '../../lib/bindings/PeriodDto';

/**
 * The month a director typed, as the backend wants it (`2026-01`), or null when it is not
 * a month. Accepted: `01/2026` and `1/2026` (mm/jjjj, as written in Belgium), `2026-01`
 * and `2026-1`; spaces around are ignored.
 */
export function parseMonth(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s) ?? swap(/^(\d{4})-(\d{1,2})$/.exec(s));
  if (!m) return null;
  const month = Number(m[1]);
  const year = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `[all, year, month]` → `[all, month, year]`, so both forms read the same way. */
function swap(m: RegExpExecArray | null): [string, string, string] | null {
  return m ? [m[0], m[2], m[1]] : null;
}

/** The month before the one of `today` (`2026-02-15` → `01/2026`), as shown in the field. */
export function previousMonth(today: string): string {
  const [year, month] = today.split('-').map(Number);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return `${String(m).padStart(2, '0')}/${y}`;
}

/** Whether the person has an article 60 period (the prestatiestaat is only for them). */
export function hasArticle60(periods: readonly PeriodDto[]): boolean {
  return periods.some((p) => p.category === 'article_60');
}
