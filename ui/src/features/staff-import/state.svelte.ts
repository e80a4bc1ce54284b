// The staff-register import's state that outlives its screen.

import type { StaffImportPreviewDto } from '../../lib/bindings/StaffImportPreviewDto';
import type { StaffImportResultDto } from '../../lib/bindings/StaffImportResultDto';
import type { ImportChoicesBase, ImportStore } from '../../lib/importFlow';

/** The last stored import, with the file and sheet it came from. */
export type StaffImportDone = StaffImportResultDto & { file_name: string; sheet: string };

/**
 * The staff-register import in progress, kept while the user goes elsewhere (to add a work
 * form to the organisation, to look at a person) and comes back: the file, its last
 * preview and what it was made with (the sheet asked for, a hand mapping), and the
 * mapping selects.
 */
export const staffImport = $state<ImportStore<StaffImportPreviewDto, ImportChoicesBase, StaffImportDone>>({
  file: '',
  preview: null,
  choices: { sheet: null, mapping: null },
  selection: {},
  done: null,
  running: null,
});
