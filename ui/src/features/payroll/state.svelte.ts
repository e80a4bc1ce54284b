// The payroll screens' state that outlives a screen: the import in progress and the
// reconciliation's period (kept while the user looks elsewhere and comes back).

import type { PayrollImportResultDto } from '../../lib/bindings/PayrollImportResultDto';
import type { ProgressDto } from '../../lib/bindings/ProgressDto';
import type { MappingSelection } from '../../lib/imports';
import { emptyChoices, type ImportChoices } from './payroll';

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
