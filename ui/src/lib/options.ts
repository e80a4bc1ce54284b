// The values of the backend's enums, in the order the forms offer them. Typed with the
// generated bindings, so a change on the Rust side shows up in `npm run check`.

import type { Category } from './bindings/Category';
import type { ContractType } from './bindings/ContractType';
import type { EducationLevel } from './bindings/EducationLevel';
import type { Sex } from './bindings/Sex';
import type { TriState } from './bindings/TriState';
import type { WorkFormKind } from './bindings/WorkFormKind';

/** Every category, in the order reports list them (as `Category::ALL`). */
export const CATEGORIES: readonly Category[] = [
  'target_group_recognised',
  'target_group_non_recognised',
  'article_60',
  'supervisor_recognised',
  'supervisor_non_recognised',
  'work_care',
  'other_staff',
];

export const CONTRACT_TYPES: readonly ContractType[] = [
  'open_ended',
  'fixed_term',
  'replacement',
  'work_care_agreement',
  'article_60_placement',
  'other',
];

export const SEXES: readonly Sex[] = ['unknown', 'female', 'male', 'x'];

export const EDUCATION_LEVELS: readonly EducationLevel[] = [
  'unknown',
  'primary',
  'secondary_second_grade',
  'part_time_vocational',
  'secondary_third_grade',
  'higher',
];

export const TRI_STATES: readonly TriState[] = ['unknown', 'yes', 'no'];

export const WORK_FORM_KINDS: readonly WorkFormKind[] = [
  'social_workshop',
  'work_care',
  'maatwerk',
  'insertion',
  'local_services',
];

/** The usual contract for a category (mirrors `ContractType::default_for`). */
export function defaultContract(category: Category | null): ContractType {
  switch (category) {
    case 'work_care':
      return 'work_care_agreement';
    case 'article_60':
      return 'article_60_placement';
    default:
      return 'open_ended';
  }
}

/** S pre-filled in a new period: 38 h for employees, empty for work care (= the configured full time). */
export function defaultS(category: Category | null): string {
  return category === 'work_care' ? '' : '38';
}
