// Pure helpers for the payroll screens (import preview, column mapping, worker links,
// batches, wage codes, reconciliation). No DOM; unit-tested in payroll.test.ts.

import type { BatchDto } from '../../lib/bindings/BatchDto';
import type { MappingProfileDto } from '../../lib/bindings/MappingProfileDto';
import type { PayrollColumnDto } from '../../lib/bindings/PayrollColumnDto';
import type { PayrollImportOptions } from '../../lib/bindings/PayrollImportOptions';
import type { PayrollImportResultDto } from '../../lib/bindings/PayrollImportResultDto';
import type { PayrollLineDto } from '../../lib/bindings/PayrollLineDto';
import type { ProgressDto } from '../../lib/bindings/ProgressDto';
import type { ReconciliationDto } from '../../lib/bindings/ReconciliationDto';
import type { WageCodeDto } from '../../lib/bindings/WageCodeDto';
import type { WorkerLink } from '../../lib/bindings/WorkerLink';
import { formatCount, formatHours, formatQuantity } from '../../lib/format';
import { t, tn } from '../../lib/i18n';
import { missingFields, selectionOf, sharedColumnsOf, type MappingSelection } from '../../lib/imports';

// ----- fields and meanings ------------------------------------------------------------

/** The fields of a payroll line, in the order the backend lists them (`payroll::FIELDS`). */
export const PAYROLL_FIELDS = [
  'worker_number',
  'insz',
  'name',
  'first_name',
  'period',
  'wage_code',
  'description',
  'quantity',
  'unit',
  'amount',
  'gross_wage',
  'employer_contributions',
  'q',
  's',
] as const;

export type PayrollField = (typeof PAYROLL_FIELDS)[number];

/** What a wage code means (mirrors `payroll::MEANINGS`); the claims read meanings, never codes. */
export const MEANINGS = [
  'worked_hours',
  'paid_absence',
  'unpaid_absence',
  'gross_wage',
  'employer_contributions',
  'reduction',
  'net_wage',
  'other',
] as const;

export type Meaning = (typeof MEANINGS)[number];

/** The meanings whose hours count as paid hours in the reconciliation. */
export const PAID_MEANINGS: readonly Meaning[] = ['worked_hours', 'paid_absence'];

/** Fields the file must have a column for besides the worker (INSZ or worker number). */
export const WORKER_FIELDS: readonly PayrollField[] = ['worker_number', 'insz'];

// ----- column mapping -----------------------------------------------------------------
// The generic part lives in imports.ts (shared with the staff import); re-exported here.

export {
  buildMapping,
  columnLetter,
  headerOptions,
  issueColumn,
  issueLines,
  issueText,
  sameMapping,
  type MappingSelection,
} from '../../lib/imports';

/** The selects' values for the columns a preview read (every field, '' when unused). */
export function mappingSelection(columns: readonly PayrollColumnDto[]): MappingSelection {
  return selectionOf(PAYROLL_FIELDS, columns);
}

/**
 * Fields that read a column another field reads too, each with the other fields:
 * `{ name: ['first_name'], first_name: ['name'] }`. One column is one field.
 */
export function sharedColumns(selection: MappingSelection): Record<string, string[]> {
  return sharedColumnsOf(PAYROLL_FIELDS, selection);
}

/** Fields the selection leaves without a column although the import needs them. */
export function missingRequired(selection: MappingSelection, columns: readonly PayrollColumnDto[]): string[] {
  const out = missingFields(
    columns.filter((c) => c.required).map((c) => c.field),
    selection,
  );
  if (WORKER_FIELDS.every((f) => !selection[f])) out.unshift('worker');
  return out;
}

// ----- import options -----------------------------------------------------------------

/** What the user chose on the import screen, kept across re-runs of the preview. */
export interface ImportChoices {
  sheet: string | null;
  /** A saved mapping profile to apply (null: the one saved for these headers, if any). */
  profile: string | null;
  /** A hand-made mapping, overriding header recognition and profiles. */
  mapping: Record<string, number> | null;
  links: WorkerLink[];
  /** Save the mapping under this name when the file is imported. */
  saveProfileAs: string;
}

export function emptyChoices(): ImportChoices {
  return { sheet: null, profile: null, mapping: null, links: [], saveProfileAs: '' };
}

/** The options for `import_payroll`: a dry run checks and shows, a real run stores. */
export function importOptions(c: ImportChoices, dryRun: boolean): PayrollImportOptions {
  const name = c.saveProfileAs.trim();
  return {
    sheet: c.sheet,
    mapping: c.mapping ? { ...c.mapping } : null,
    profile: c.mapping ? null : c.profile,
    save_profile_as: !dryRun && name ? name : null,
    links: c.links.map((l) => ({ worker: l.worker, person_id: l.person_id })),
    dry_run: dryRun,
  };
}

/** The links with `link` added, replacing an earlier link of the same worker. */
export function withLink(links: readonly WorkerLink[], link: WorkerLink): WorkerLink[] {
  return [...links.filter((l) => l.worker !== link.worker), link];
}

export function withoutLink(links: readonly WorkerLink[], worker: string): WorkerLink[] {
  return links.filter((l) => l.worker !== worker);
}

/** The links chosen in the pickers (worker → person id as text, '' = none), as WorkerLinks. */
export function pickedLinks(picks: Record<string, string>): WorkerLink[] {
  return Object.entries(picks)
    .filter(([, id]) => id !== '' && Number.isInteger(Number(id)) && Number(id) > 0)
    .map(([worker, id]) => ({ worker, person_id: Number(id) }));
}

// ----- preview ------------------------------------------------------------------------

/** Percent done (0–100, whole), or null when the total is unknown (indeterminate bar). */
export function progressPercent(p: ProgressDto | null | undefined): number | null {
  if (!p || p.rows_total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((p.rows_done / p.rows_total) * 100)));
}

/** The progress bar's text: rows read of the total, or that the check is running. */
export function progressText(p: ProgressDto | null | undefined, committing: boolean): string {
  const percent = progressPercent(p);
  if (!p || (percent === null && p.rows_done === 0)) {
    return committing ? t('ui.payroll.progress.storing') : t('ui.payroll.progress.starting');
  }
  if (percent !== null && percent >= 100) {
    return committing ? t('ui.payroll.progress.storing') : t('ui.payroll.progress.checking');
  }
  if (percent === null) return t('ui.payroll.progress.rows', { done: formatCount(p.rows_done) });
  return t('ui.payroll.progress.rows_of', {
    done: formatCount(p.rows_done),
    total: formatCount(p.rows_total),
    percent,
  });
}

/** Why the preview cannot be imported yet, as short Dutch sentences (empty when it can). */
export function blockers(preview: PayrollImportResultDto, mappingChanged: boolean): string[] {
  const out: string[] = [];
  if (mappingChanged) out.push(t('ui.payroll.blocker.mapping_changed'));
  if (preview.duplicate_of) out.push(t('ui.payroll.blocker.duplicate'));
  if (preview.issues.length > 0) {
    out.push(tn('ui.payroll.blocker.issues', preview.issues.length, { count: formatCount(preview.issues.length) }));
  }
  if (preview.unmatched.length > 0) {
    out.push(
      tn('ui.payroll.blocker.unmatched', preview.unmatched.length, { count: formatCount(preview.unmatched.length) }),
    );
  }
  if (preview.lines_read === 0 && preview.issues.length === 0) out.push(t('ui.payroll.blocker.no_lines'));
  return out;
}

/** A line's quantity: hours as `168,29 u`, days as `2 dagen`, else the number and the unit as written. */
export function quantityText(line: PayrollLineDto): string {
  if (line.hours !== null) return formatHours(line.hours);
  if (line.quantity === null) return '';
  const q = formatQuantity(line.quantity);
  if (line.unit === 'days') return tn('ui.payroll.unit.days', line.quantity === '1' ? 1 : 2, { count: q });
  return line.unit ? `${q} ${line.unit}` : q;
}

/** How a worker of the file is named: worker number, INSZ and name, whichever are known. */
export function workerText(w: { worker_number: string | null; insz: string | null; name: string | null }): string {
  return [w.name, w.worker_number ? t('ui.payroll.worker_number', { number: w.worker_number }) : null, w.insz]
    .filter((x): x is string => !!x && x.trim() !== '')
    .join(' · ');
}

/** Wage codes of the lines without a meaning, in order of appearance. */
export function unmappedCodes(lines: readonly PayrollLineDto[]): string[] {
  const out: string[] = [];
  for (const l of lines) if (l.meaning === null && !out.includes(l.wage_code)) out.push(l.wage_code);
  return out;
}

// ----- batches ------------------------------------------------------------------------

export type BatchStatus = 'active' | 'undone';

export function batchStatus(b: BatchDto): BatchStatus {
  return b.undone_at ? 'undone' : 'active';
}

/** The list with `next` in the place of the batch with the same id. */
export function replaceBatch(list: readonly BatchDto[], next: BatchDto): BatchDto[] {
  return list.map((b) => (b.id === next.id ? next : b));
}

// ----- saved column mappings ----------------------------------------------------------

/**
 * Why a new name for the mapping `old` cannot be saved, as a ui.json key, or null when it
 * can. The backend checks the same (trimmed, not empty, not another mapping's name); this
 * only spares a round trip. Same name as now: nothing to save.
 */
export function renameProblem(
  list: readonly MappingProfileDto[],
  old: string,
  name: string,
): 'ui.payroll.mappings.name_required' | 'ui.payroll.mappings.name_taken' | 'ui.payroll.mappings.name_same' | null {
  const next = name.trim();
  if (next === '') return 'ui.payroll.mappings.name_required';
  if (next === old) return 'ui.payroll.mappings.name_same';
  if (list.some((p) => p.name === next)) return 'ui.payroll.mappings.name_taken';
  return null;
}

/** The fields a mapping maps, in the import's field order (unknown ids last, as given). */
export function profileFields(p: MappingProfileDto): string[] {
  const known = PAYROLL_FIELDS.filter((f) => p.fields.includes(f)) as string[];
  return [...known, ...p.fields.filter((f) => !known.includes(f))];
}

// ----- wage codes ---------------------------------------------------------------------

/** Wage codes sorted by code, numbers in numeric order (`2`, `10`, `1010`, `A1`). */
export function sortWageCodes(list: readonly WageCodeDto[]): WageCodeDto[] {
  return [...list].sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true, sensitivity: 'base' }));
}

/** The saved wage code with this code (as typed, ignoring surrounding spaces), if any. */
export function findWageCode(list: readonly WageCodeDto[], code: string): WageCodeDto | null {
  const c = code.trim();
  return list.find((w) => w.code === c) ?? null;
}

// ----- reconciliation -----------------------------------------------------------------

/** A signed FTE difference: `"0.0500"` → `"+0,0500"`, `"-0.0400"` → `"-0,0400"`, zero without sign. */
export function signedFigure(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return '—';
  const text = value.trim().replace('.', ',');
  if (text.startsWith('-') || text.startsWith('+')) return text;
  return /[1-9]/.test(text) ? `+${text}` : text;
}

/** A month as the backend sends it, as people write it: `"2026-02"` → `"02/2026"`. */
export function monthText(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** What the payroll covers of the period: the covered and the uncovered months, as text, and the files. */
export interface Coverage {
  covered: string[];
  uncovered: string[];
  files: string[];
}

export function coverageOf(r: Pick<ReconciliationDto, 'months' | 'covered_months' | 'batches'>): Coverage {
  return {
    covered: r.covered_months.map(monthText),
    uncovered: r.months.filter((m) => !r.covered_months.includes(m)).map(monthText),
    files: r.batches.map((b) => b.file_name),
  };
}
