// Message catalogues: every text the user sees comes from locales/nl-BE/*.json.
// messages.json holds the shared domain labels and error texts (also used by the backend),
// ui.json the sentences and labels of this UI. Placeholders are `{name}` with an optional
// format, as in the backend's catalogue: `{x:date}` (ISO → dd/mm/yyyy, empty → …),
// `{x:known_date}` (empty → "niet ingevuld"), the numbers `{x:fte}` (2 decimals),
// `{x:amount}` (1.593,81), `{x:number}` (38.000, 0,5) and `{x:percent}` (0.6525 → 65,25 %),
// `{x:field}` (field id → field label), and any other format names a label group:
// `{x:category}` → `category.<x>`, `{level:education}` → `education.<level>`,
// `{key:rule}` → `rule.<key>` (the value itself when the group has no such label).

import messages from '../../../locales/nl-BE/messages.json';
import uiTexts from '../../../locales/nl-BE/ui.json';
import { formatAmount, formatDate, formatQuantity, roundDecimal } from './format';

export type Params = Record<string, string | number | bigint | null | undefined>;

const catalogue: Record<string, string> = {
  ...(messages as Record<string, string>),
  ...(uiTexts as Record<string, string>),
};

export const locale = 'nl-BE';

export function has(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/**
 * The text of `key` with its placeholders filled in. A missing key renders as the key
 * (and its parameters), as the backend does, so nothing is silently lost.
 */
export function t(key: string, params: Params = {}): string {
  const template = has(key) ? catalogue[key] : undefined;
  if (template === undefined) {
    const list = Object.entries(params).map(([k, v]) => `${k}=${v ?? ''}`);
    return list.length ? `${key} (${list.join(', ')})` : key;
  }
  return render(template, params);
}

/** Fills `{name}` / `{name:format}` placeholders of a template. */
export function render(template: string, params: Params = {}): string {
  return template.replace(/\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?\}/g, (_all, name: string, format?: string) => {
    const raw = params[name];
    const value = raw === null || raw === undefined ? '' : String(raw);
    return formatValue(value, format ?? '');
  });
}

function formatValue(value: string, format: string): string {
  switch (format) {
    case '':
      return value;
    case 'date':
      return formatDate(value, '…');
    case 'known_date':
      return value === '' ? catalogue['criterion.date_missing'] : formatDate(value);
    case 'fte':
      return isDecimal(value) ? formatQuantity(roundDecimal(value, 2, true)) : value;
    case 'amount':
      return isDecimal(value) ? formatAmount(roundDecimal(value, 2, true)) : value;
    case 'number':
      return isDecimal(value) ? formatQuantity(trimZeros(value)) : value;
    case 'percent':
      return isDecimal(value) ? `${formatQuantity(trimZeros(roundDecimal(shiftTwo(value), 2)))} %` : value;
    case 'field':
      return has(`field.${value}`) ? catalogue[`field.${value}`] : value;
    default:
      // A label group, as the backend renders it: `{level:education}` → `education.<level>`.
      return has(`${format}.${value}`) ? catalogue[`${format}.${value}`] : value;
  }
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const isDecimal = (v: string): boolean => DECIMAL.test(v.trim());

/** `"0.50"` → `"0.5"`, `"38000"` → `"38000"`, `"2.000"` → `"2"`. */
function trimZeros(v: string): string {
  const t = v.trim();
  return t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t;
}

/** The decimal point two places to the right, on the text (× 100 without a float). */
function shiftTwo(v: string): string {
  const t = v.trim();
  const sign = t.startsWith('-') ? '-' : '';
  const [int, frac = ''] = t.replace(/^-/, '').split('.');
  const all = int + frac.padEnd(2, '0');
  const whole = all.slice(0, int.length + 2).replace(/^0+(?=\d)/, '');
  const after = all.slice(int.length + 2);
  return `${sign}${whole}${after ? `.${after}` : ''}`;
}

/** `{count}`-dependent text: `key.one` when count is 1, else `key.other`. */
export function tn(key: string, count: number, params: Params = {}): string {
  return t(count === 1 ? `${key}.one` : `${key}.other`, { count, ...params });
}

/** The label of an enum value, e.g. `label('category', 'work_care')` → "Arbeidszorg". */
export function label(group: string, id: string | null | undefined): string {
  if (id === null || id === undefined || id === '') return '';
  const key = `${group}.${id}`;
  return has(key) ? catalogue[key] : id;
}

export const categoryLabel = (id: string | null | undefined): string => label('category', id);
export const contractLabel = (id: string | null | undefined): string => label('contract', id);
export const fieldLabel = (id: string): string => (has(`field.${id}`) ? catalogue[`field.${id}`] : id);
