// The export of a list to Excel (the desktop's save_list_xlsx): what the screen says after it.

import type { ExportDto } from './bindings/ExportDto';
import { formatCount } from './format';
import { t, tn } from './i18n';

/** "12 lijnen geschreven naar {path}." (1 lijn …); cancelled when the dialog returned nothing. */
export function exportOutcome(result: ExportDto | null): string {
  if (result === null) return t('ui.export.cancelled');
  return tn('ui.export.written', result.lines, { count: formatCount(result.lines), path: result.path });
}
