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

/**
 * A decimal text rounded half up to at most `places` decimals, by string arithmetic (no
 * float): `"5.8333"` → `"5.83"`, `"0.125"` → `"0.13"`, `"16"` → `"16"`; with `pad` the
 * result always has `places` decimals (`"12"` → `"12.00"`). Other text comes back as is.
 */
export function roundDecimal(value: string, places: number, pad = false): string {
  const m = /^([-+]?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac = ''] = m;
  if (frac.length <= places) {
    return pad && places > 0 ? `${sign}${int}.${frac.padEnd(places, '0')}` : value.trim();
  }
  let digits = BigInt(int + frac.slice(0, places));
  if (frac.charCodeAt(places) >= 53 /* '5' */) digits += 1n;
  const text = digits.toString().padStart(places + 1, '0');
  const whole = places > 0 ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
  return /[1-9]/.test(whole) ? `${sign === '-' ? '-' : ''}${whole}` : whole;
}

/** FTE on screen: 2 decimals with a decimal comma, `"9.4550"` → `"9,46"` (the exact
 *  value, 4 decimals, is for details and tooltips: [`formatFtePrecise`]). */
export function formatFte(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return roundDecimal(value, 2, true).replace('.', ',');
}

/** FTE with the backend's 4 decimals, `"9.4500"` → `"9,4500"` (tooltips, claim lines). */
export function formatFtePrecise(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return roundDecimal(value, 4, true).replace('.', ',');
}

/** A fraction (Q/S) on screen: 2 decimals, `"0.6000"` → `"0,60"`. */
export function formatFraction(value: string | null | undefined): string {
  return formatFte(value);
}

/** The text shown for a figure the backend could not compute (null). */
export const UNKNOWN_FIGURE = '—';

/**
 * A computed figure (FTE, ratio, share) on screen, at most 2 decimals with a comma (the
 * backend sends 4): `"5.8333"` → `"5,83"`, `"-0.3333"` → `"-0,33"`, `"16"` → `"16"`.
 * Null (unknown) → `"—"`. The 4 decimals stay in the title ([`Figure`]).
 */
export function formatFigure(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return UNKNOWN_FIGURE;
  return roundDecimal(value.trim(), 2).replace('.', ',');
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

/** Hundredths of hours → `"22,80"`, without the unit; `-240` → `"-2,40"` (a correction). */
export function hoursNumber(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const size = Math.abs(Math.trunc(hundredths));
  const whole = Math.floor(size / 100);
  const rest = size % 100;
  return `${sign}${whole},${String(rest).padStart(2, '0')}`;
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

/** Groups the digits of a whole number in thousands: `"1234567"` → `"1.234.567"`. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A count with a thousands separator: 1234 → `"1.234"`. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  return sign + groupThousands(String(Math.abs(Math.trunc(n))));
}

/**
 * An amount as the backend sends it (decimal point, no trailing zeros): `"2345.67"` →
 * `"2.345,67"`, `"-2.4"` → `"-2,40"`, `"100"` → `"100,00"`. At least two decimals, more
 * when the value has them; worked on the text, never through a float.
 */
export function formatAmount(value: string | null | undefined, empty = ''): string {
  if (value === null || value === undefined || value.trim() === '') return empty;
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const sign = m[1] === '-' && /[1-9]/.test(`${m[2]}${m[3] ?? ''}`) ? '-' : '';
  const whole = groupThousands(m[2].replace(/^0+(?=\d)/, ''));
  const fraction = (m[3] ?? '').padEnd(2, '0');
  return `${sign}${whole},${fraction}`;
}

/** A quantity (not money): `"168.29"` → `"168,29"`, `"1500"` → `"1.500"`. */
export function formatQuantity(value: string | null | undefined, empty = ''): string {
  if (value === null || value === undefined || value.trim() === '') return empty;
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const sign = m[1] === '-' ? '-' : '';
  return `${sign}${groupThousands(m[2])}${m[3] ? `,${m[3]}` : ''}`;
}

const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/**
 * A file size in bytes with decimal units, as file managers show it: 512 → `"512 B"`,
 * 1234 → `"1,2 kB"`, 1_234_567 → `"1,2 MB"`.
 */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let unit = 0;
  let value = bytes;
  while (unit < SIZE_UNITS.length - 1 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1).replace('.', ',')} ${SIZE_UNITS[unit]}`;
}

/**
 * A moment (RFC 3339, e.g. `2026-11-29T05:00:00Z`) as `29/11/2026 06:00` in `timeZone`
 * (default: the computer's). A bare ISO date is shown as a date; other text unchanged.
 */
export function formatDateTime(value: string | null | undefined, timeZone?: string, empty = ''): string {
  if (value === null || value === undefined || value.trim() === '') return empty;
  const text = value.trim();
  if (ISO_DATE.test(text)) return formatDate(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return value;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** The number of days in a month (1–12) of a year. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A span of whole calendar months or days as a person reads it: one month `"01/2026"`, one
 * quarter `"2026/1"`, several months `"01/2026 – 05/2026"`, else `"03/01/2026 – 17/02/2026"`.
 * Takes ISO first and last days (inclusive).
 */
export function formatSpan(first: string | null | undefined, last: string | null | undefined, empty = ''): string {
  if (!first && !last) return empty;
  const a = first ? ISO_DATE.exec(first) : null;
  const b = last ? ISO_DATE.exec(last) : null;
  if (a && b) {
    const [ya, ma, da] = [Number(a[1]), Number(a[2]), Number(a[3])];
    const [yb, mb, db] = [Number(b[1]), Number(b[2]), Number(b[3])];
    const wholeMonths = da === 1 && db === daysInMonth(yb, mb) && (ya < yb || (ya === yb && ma <= mb));
    if (wholeMonths) {
      const month = (y: number, m: number): string => `${String(m).padStart(2, '0')}/${y}`;
      if (ya === yb && ma === mb) return month(ya, ma);
      if (ya === yb && ma % 3 === 1 && mb === ma + 2) return `${ya}/${(ma + 2) / 3}`;
      return `${month(ya, ma)} – ${month(yb, mb)}`;
    }
  }
  return `${formatDate(first, '…')} – ${formatDate(last, '…')}`;
}
