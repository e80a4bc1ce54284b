// Pure helpers for the staff-register import screen: its fields, the mapping selects, why
// a preview cannot be imported yet, and how its rows read. The mapping and issue helpers
// shared with the payroll import live in imports.ts. No DOM; unit-tested in staffImport.test.ts.

import type { ImportColumnDto } from '../../lib/bindings/ImportColumnDto';
import type { StaffImportPreviewDto } from '../../lib/bindings/StaffImportPreviewDto';
import type { StaffImportRowDto } from '../../lib/bindings/StaffImportRowDto';
import { formatCount, formatDate, hoursNumber } from '../../lib/format';
import { t, tn } from '../../lib/i18n';
import { missingFields, selectionOf, type MappingSelection } from '../../lib/imports';

/** The fields of a staff-register row, in the order the backend lists them (`staff::FIELDS`). */
export const STAFF_FIELDS = [
  'insz',
  'last_name',
  'first_name',
  'birth_date',
  'sex',
  'category',
  'start',
  'end',
  'q',
  's',
  'contract_type',
  'job',
  'ocmw',
  'placement_agreement_signed',
  'work_form',
] as const;

export type StaffField = (typeof STAFF_FIELDS)[number];

/** Columns without which no row can be read (`staff::REQUIRED`; `end` may be absent: every period ongoing). */
export const STAFF_REQUIRED: readonly StaffField[] = [
  'insz',
  'last_name',
  'first_name',
  'birth_date',
  'category',
  'start',
  'q',
  's',
];

/** At most this many rows of the preview are listed. */
export const STAFF_ROWS_SHOWN = 200;

/** The selects' values for the columns a preview read (every field, '' when unused). */
export function staffSelection(columns: readonly ImportColumnDto[]): MappingSelection {
  return selectionOf(STAFF_FIELDS, columns);
}

/** Required fields the selection leaves without a column. */
export function missingStaffFields(selection: MappingSelection): StaffField[] {
  return missingFields(STAFF_REQUIRED, selection) as StaffField[];
}

/** Why the preview cannot be imported yet, as short Dutch sentences (empty when it can). */
export function staffBlockers(preview: StaffImportPreviewDto, mappingChanged: boolean): string[] {
  const out: string[] = [];
  if (mappingChanged) out.push(t('ui.staff_import.blocker.mapping_changed'));
  const issues = preview.issues.length;
  if (issues > 0) out.push(tn('ui.staff_import.blocker.issues', issues, { count: formatCount(issues) }));
  if (preview.rows.length === 0 && issues === 0) out.push(t('ui.staff_import.blocker.no_rows'));
  return out;
}

/** Rows of the file that could not be read at all (they are not in `rows`; their issues say why). */
export function skippedRows(preview: StaffImportPreviewDto): number {
  return Math.max(0, preview.total_rows - preview.rows.length);
}

/** A row's name as the register shows it: `Peeters Jan`. */
export function rowName(row: Pick<StaffImportRowDto, 'last_name' | 'first_name'>): string {
  return `${row.last_name} ${row.first_name}`.trim();
}

/** Hours a week from hundredths: 3800 → `38,00`, 2280 → `22,80`. */
export function weekHours(hundredths: number): string {
  return hoursNumber(hundredths);
}

/** The end of a row's period: a date, or "lopend" when it has none. */
export function rowEnd(row: Pick<StaffImportRowDto, 'end'>): string {
  return row.end ? formatDate(row.end) : t('ui.staff_import.ongoing');
}
