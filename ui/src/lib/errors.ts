// Turning a backend error into what a form shows: one message for the alert region and
// the violations' messages next to the fields they name.

import { toErrorDto } from './api';
import { t } from './i18n';
import type { ErrorDto } from './bindings/ErrorDto';

export interface Problem {
  /** The top-level message (already Dutch), for role="alert". */
  message: string;
  /** Violation messages by field id (`insz`, `start`, …); several for one field are joined. */
  fields: Record<string, string>;
  /** Violations naming a field this form does not show: listed under the message. */
  other: string[];
  dto: ErrorDto;
}

export function problemOf(e: unknown, knownFields: readonly string[] = []): Problem {
  const dto = toErrorDto(e);
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const v of dto.details.violations) {
    if (knownFields.includes(v.field)) {
      fields[v.field] = fields[v.field] ? `${fields[v.field]} ${v.message}` : v.message;
    } else if (v.message !== dto.message) {
      other.push(v.message);
    }
  }
  // When every problem is already shown next to its field, the alert only points there
  // instead of repeating the same sentence.
  const allInline = dto.details.violations.length > 0 && other.length === 0 &&
    dto.details.violations.every((v) => knownFields.includes(v.field));
  const message = allInline ? t('validation.failed') : dto.message;
  return { message, fields, other, dto };
}
