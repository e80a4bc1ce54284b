// State shared between screens: the backend's status and the staff list's filters
// (kept while the user looks at a person and comes back).

import { api } from './api';
import type { AppStatusDto } from './bindings/AppStatusDto';
import type { Category } from './bindings/Category';
import type { PayrollImportResultDto } from './bindings/PayrollImportResultDto';
import type { ProgressDto } from './bindings/ProgressDto';
import type { StaffImportPreviewDto } from './bindings/StaffImportPreviewDto';
import type { StaffImportResultDto } from './bindings/StaffImportResultDto';
import { emptyChoices, type ImportChoices, type MappingSelection } from './payroll';

export const app = $state({
  status: null as AppStatusDto | null,
});

export const staffFilters = $state({
  search: '',
  category: '' as Category | '',
  on: '',
});

export async function refreshStatus(): Promise<AppStatusDto> {
  const status = await api.appStatus();
  app.status = status;
  return status;
}

/** Today as the backend sees it (ISO), or the browser's date as a fallback. */
export function today(): string {
  if (app.status) return app.status.today;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The dashboard's period, kept while the user looks at a person and comes back. */
export const dashboardState = $state({
  period: '',
});

/**
 * The payroll import in progress, kept while the user goes elsewhere (to add a person, to
 * give a wage code a meaning) and comes back: the file, its last preview, and every choice
 * made on it (sheet, mapping, links, profile name) so nothing is lost.
 */
export const payrollImport = $state({
  path: '',
  preview: null as PayrollImportResultDto | null,
  choices: emptyChoices() as ImportChoices,
  /** The mapping selects (field → column index as text, '' = not used). */
  selection: {} as MappingSelection,
  /** Person chosen per unmatched worker, not yet applied (worker → id as text). */
  picks: {} as Record<string, string>,
  /** The names of the people in `picks` (worker → name). */
  pickNames: {} as Record<string, string>,
  /** Who each applied link points to, for the list of links (worker → name). */
  linkNames: {} as Record<string, string>,
  /** The last stored import, for the success message. */
  done: null as PayrollImportResultDto | null,
  /** The profile name the mapping was saved under with that import ('' = none). */
  savedAs: '',
  /** What is running (kept here: a run goes on when the user leaves the screen). */
  running: null as 'choose' | 'preview' | 'commit' | null,
  progress: null as ProgressDto | null,
});

/** The reconciliation's period, kept while the user looks elsewhere. */
export const payrollState = $state({
  period: '',
});

/**
 * The staff-register import in progress, kept while the user goes elsewhere (to add a work
 * form to the organisation, to look at a person) and comes back: the file, its last
 * preview and what it was made with (sheet, hand mapping), and the mapping selects.
 */
export const staffImport = $state({
  path: '',
  preview: null as StaffImportPreviewDto | null,
  /** The sheet asked for (null = the first). */
  sheet: null as string | null,
  /** The hand mapping the preview was made with (null = headers recognised). */
  mapping: null as Record<string, number> | null,
  /** The mapping selects (field → column index as text, '' = not used). */
  selection: {} as MappingSelection,
  /** The last stored import, for the success message (with the file and sheet it came from). */
  done: null as (StaffImportResultDto & { file_name: string; sheet: string }) | null,
  /** What is running (kept here: a run goes on when the user leaves the screen). */
  running: null as 'choose' | 'preview' | 'commit' | null,
});
