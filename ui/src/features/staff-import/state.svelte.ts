// The staff-register import's state that outlives its screen.

import type { StaffImportPreviewDto } from '../../lib/bindings/StaffImportPreviewDto';
import type { StaffImportResultDto } from '../../lib/bindings/StaffImportResultDto';
import type { MappingSelection } from '../../lib/imports';

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
