// Belgian (nl-BE) display formats. Pure functions, no DOM: unit-tested in format.test.ts.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO `2026-01-31` → `31/01/2026`. Null or empty → `empty`; other text is returned unchanged. */
export function formatDate(iso: string | null | undefined, empty = ''): string {
  if (iso === null || iso === undefined || iso.trim() === '') return empty;
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** A decimal string from the backend (`"9.4500"`) with a decimal comma (`"9,4500"`). */
export function formatDecimal(value: string | null | undefined, empty = ''): string {
  if (value === null || value === undefined || value === '') return empty;
  return value.replace('.', ',');
}

/** FTE as the backend sends it, 4 decimals: `"9.4500"` → `"9,4500"`. */
export function formatFte(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  // The backend already sends 4 decimals; keep its text exactly when it does.
  const text = /^-?\d+\.\d{4}$/.test(value) ? value : n.toFixed(4);
  return text.replace('.', ',');
}

/** The text shown for a figure the backend could not compute (null). */
export const UNKNOWN_FIGURE = '—';

/**
 * A computed figure (FTE, ratio, share) as the backend sends it, 4 decimals with a point:
 * `"5.8333"` → `"5,8333"`, `"-0.3333"` → `"-0,3333"`. Null (unknown) → `"—"`.
 */
export function formatFigure(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return UNKNOWN_FIGURE;
  return value.trim().replace('.', ',');
}

/** The size of a signed figure without its sign: `"-0.3333"` → `"0.3333"`. */
export function absFigure(value: string): string {
  return value.trim().replace(/^[-+]/, '');
}

/** True for a figure below zero (`"-0.0400"`); false for zero, positive or unknown. */
export function isNegative(value: string | null | undefined): boolean {
  if (!value) return false;
  const n = Number(value);
  return Number.isFinite(n) && n < 0;
}

/** Hundredths of hours → `"22,80 u"` (2280), `"38,00 u"` (3800). */
export function formatHours(hundredths: number): string {
  return `${hoursNumber(hundredths)} u`;
}

/** Hundredths of hours → `"22,80"`, without the unit. */
export function hoursNumber(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  return `${whole},${String(rest).padStart(2, '0')}`;
}

/** Hundredths of hours as a user would type them in a form: 3800 → `"38"`, 2280 → `"22,8"`. */
export function hoursInput(hundredths: number): string {
  return hoursNumber(hundredths).replace(/,?0+$/, '');
}

/** An INSZ of 11 digits as `YY.MM.DD-SSS.CC`; anything else unchanged (the backend already formats). */
export function formatInsz(insz: string | null | undefined): string {
  if (!insz) return '';
  const digits = insz.replace(/\D/g, '');
  if (digits.length !== 11) return insz;
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

/**
 * A quick client-side look at an INSZ as typed: true when it is empty or has 11 digits and
 * only the usual separators. The backend checks it for real (check digits); this is a hint.
 */
export function looksLikeInsz(value: string): boolean {
  const t = value.trim();
  if (t === '') return true;
  if (!/^[\d.\-\s/]+$/.test(t)) return false;
  return t.replace(/\D/g, '').length === 11;
}

/** A reporting period as the backend accepts it: quarter `2026/1`, month `2026-03`, year `2026`. */
export type PeriodKind = 'quarter' | 'month' | 'year';

export function parsePeriod(text: string): { kind: PeriodKind; year: number; part: number } | null {
  const t = text.trim();
  let m = /^(\d{4})\s*\/\s*([1-4])$/.exec(t);
  if (m) return { kind: 'quarter', year: Number(m[1]), part: Number(m[2]) };
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), part: month } : null;
  }
  m = /^(\d{4})$/.exec(t);
  if (m) return { kind: 'year', year: Number(m[1]), part: 0 };
  return null;
}

/** The period `steps` quarters, months or years away: `shiftPeriod("2026/4", 1)` = `"2027/1"`. Null when unreadable. */
export function shiftPeriod(text: string, steps: number): string | null {
  const p = parsePeriod(text);
  if (!p) return null;
  switch (p.kind) {
    case 'year':
      return String(p.year + steps);
    case 'quarter': {
      const index = p.year * 4 + (p.part - 1) + steps;
      return `${Math.floor(index / 4)}/${(index % 4) + 1}`;
    }
    case 'month': {
      const index = p.year * 12 + (p.part - 1) + steps;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    }
  }
}

/** Days since 1970-01-01 of an ISO date (UTC, no time zones involved), or null. */
export function isoDay(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}
