// The payroll screens' state that outlives a screen: the import in progress and the
// reconciliation's period (kept while the user looks elsewhere and comes back).

import type { PayrollImportResultDto } from '../../lib/bindings/PayrollImportResultDto';
import type { ProgressDto } from '../../lib/bindings/ProgressDto';
import type { ImportStore } from '../../lib/importFlow';
import { emptyChoices, type ImportChoices } from './payroll';

/** The import's flow (file, preview, choices, selects, done, running) and what only it has. */
export interface PayrollImportStore extends ImportStore<PayrollImportResultDto, ImportChoices, PayrollImportResultDto> {
  /** Person chosen per unmatched worker, not yet applied (worker → id as text). */
  picks: Record<string, string>;
  /** The names of the people in `picks` (worker → name). */
  pickNames: Record<string, string>;
  /** Who each applied link points to, for the list of links (worker → name). */
  linkNames: Record<string, string>;
  /** The profile name the mapping was saved under with the last stored import ('' = none). */
  savedAs: string;
  /** How far the run going on is. */
  progress: ProgressDto | null;
}

/**
 * The payroll import in progress, kept while the user goes elsewhere (to add a person, to
 * give a wage code a meaning) and comes back: the file, its last preview, and every choice
 * made on it (sheet, mapping, links, profile name) so nothing is lost.
 */
export const payrollImport = $state<PayrollImportStore>({
  file: '',
  preview: null,
  choices: emptyChoices(),
  selection: {},
  picks: {},
  pickNames: {},
  linkNames: {},
  done: null,
  savedAs: '',
  running: null,
  progress: null,
});

/** The reconciliation's period, kept while the user looks elsewhere. */
export const payrollState = $state({
  period: '',
});
