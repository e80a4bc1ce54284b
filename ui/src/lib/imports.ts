// Pure helpers shared by every import screen (payroll, staff register): one reading layer
// serves every import, so the column mapping and the issue texts are the same everywhere.
// No DOM; unit-tested in imports.test.ts.

import type { ImportIssueDto } from './bindings/ImportIssueDto';
import { formatCount } from './format';
import { fieldLabel, t, tn } from './i18n';

// ----- column mapping -----------------------------------------------------------------

/** A mapping as the selects hold it: field id → column index as text, '' = not used. */
export type MappingSelection = Record<string, string>;

/** A column the backend read for a field: its 0-based index (null when the field has none). */
export interface ReadColumn {
  field: string;
  column: number | null;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = Math.trunc(index);
  if (n < 0) return '';
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** The selects' values for the columns a preview read: every one of `fields`, '' when unused. */
export function selectionOf(fields: readonly string[], columns: readonly ReadColumn[]): MappingSelection {
  const out: MappingSelection = {};
  for (const f of fields) out[f] = '';
  for (const c of columns) {
    const index = c.column;
    out[c.field] = index === null || index === undefined || index < 0 ? '' : String(index);
  }
  return out;
}

/** The selects' values as a mapping for the backend: field id → 0-based column, unused fields left out. */
export function buildMapping(selection: MappingSelection): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, value] of Object.entries(selection)) {
    if (value === '' || value === null || value === undefined) continue;
    const index = Number(value);
    if (Number.isInteger(index) && index >= 0) out[field] = index;
  }
  return out;
}

/** True when two selections read the same columns for the same fields. */
export function sameMapping(a: MappingSelection, b: MappingSelection): boolean {
  const x = buildMapping(a);
  const y = buildMapping(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (x[k] !== y[k]) return false;
  return true;
}

/**
 * Fields (of `fields`) that read a column another field reads too, each with the other
 * fields: `{ name: ['first_name'], first_name: ['name'] }`. One column is one field.
 */
export function sharedColumnsOf(fields: readonly string[], selection: MappingSelection): Record<string, string[]> {
  const byColumn = new Map<string, string[]>();
  for (const f of fields) {
    const v = selection[f];
    if (!v) continue;
    byColumn.set(v, [...(byColumn.get(v) ?? []), f]);
  }
  const out: Record<string, string[]> = {};
  for (const list of byColumn.values()) {
    if (list.length < 2) continue;
    for (const f of list) out[f] = list.filter((o) => o !== f);
  }
  return out;
}

/** The `required` fields the selection leaves without a column, in the order given. */
export function missingFields(required: readonly string[], selection: MappingSelection): string[] {
  return required.filter((f) => !selection[f]);
}

/** The options of a column select: `B · INSZ` for each header cell (an empty one by its letter). */
export function headerOptions(headers: readonly string[]): { value: string; label: string }[] {
  return headers.map((h, i) => {
    const header = (h ?? '').trim();
    return {
      value: String(i),
      label: header
        ? t('ui.import.mapping.column', { letter: columnLetter(i), header })
        : t('ui.import.mapping.column_empty', { letter: columnLetter(i) }),
    };
  });
}

// ----- issues -------------------------------------------------------------------------

/** The column of an issue as a person reads it: the field's label, with the file's header when it differs. */
export function issueColumn(issue: ImportIssueDto): string {
  if (!issue.column) return '';
  const field = fieldLabel(issue.column);
  const header = issue.header?.trim();
  return header && header.toLowerCase() !== field.toLowerCase() ? `${field} (${header})` : field;
}

/** An issue as one line (for an alert): `Rij 4, Werknemersnummer: …`. */
export function issueText(issue: ImportIssueDto): string {
  const column = issueColumn(issue);
  return column
    ? t('ui.import.issue_line', { row: issue.row, column, message: issue.message })
    : t('ui.import.issue_line_row', { row: issue.row, message: issue.message });
}

/** The first `limit` issues as lines, plus one line saying how many more there are. */
export function issueLines(issues: readonly ImportIssueDto[], limit: number): string[] {
  const lines = issues.slice(0, limit).map(issueText);
  const more = issues.length - limit;
  if (more > 0) lines.push(tn('ui.import.issues_more', more, { count: formatCount(more) }));
  return lines;
}

/** The rows (1-based, as in the file) that have at least one issue. */
export function issueRows(issues: readonly ImportIssueDto[]): Set<number> {
  return new Set(issues.map((i) => i.row));
}
