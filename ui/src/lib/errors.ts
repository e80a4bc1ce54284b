// Turning a backend error into what a form shows: one message for the alert region and
// the violations' messages next to the fields they name.

import { toErrorDto } from './api';
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
  return { message: dto.message, fields, other, dto };
}
