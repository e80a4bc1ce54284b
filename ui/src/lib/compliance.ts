// Pure helpers for the compliance screens (dashboard, parameters, entry conditions):
// ordering problems, the kinds of rule parameters, which periods are hires, and which
// quarters a chart shows. No DOM; unit-tested in compliance.test.ts.

import type { Category } from './bindings/Category';
import type { ParameterKey } from './bindings/ParameterKey';
import type { PeriodDto } from './bindings/PeriodDto';
import type { ProblemDto } from './bindings/ProblemDto';
import type { RuleValueDto } from './bindings/RuleValueDto';
import type { Severity } from './bindings/Severity';
import type { WorkFormDto } from './bindings/WorkFormDto';
import { parsePeriod } from './format';
import { categoryLabel, label, t } from './i18n';

// ----- problems ---------------------------------------------------------------------

/** Most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Errors, then warnings, then information; the backend's order within each. */
export function sortProblems(list: readonly ProblemDto[]): ProblemDto[] {
  const rank = (s: Severity): number => {
    const i = SEVERITIES.indexOf(s);
    return i < 0 ? SEVERITIES.length : i;
  };
  return list
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem.severity) - rank(b.problem.severity) || a.index - b.index)
    .map((x) => x.problem);
}

export function countBySeverity(list: readonly ProblemDto[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of list) counts[p.severity] = (counts[p.severity] ?? 0) + 1;
  return counts;
}

// ----- rule parameters --------------------------------------------------------------

/** Every parameter, in the order the backend lists them (`ParameterKey::ALL`). */
export const PARAMETER_KEYS: readonly ParameterKey[] = [
  'norm',
  'norm_method',
  'target_categories',
  'supervisor_categories',
  'contingent_target_fte',
  'contingent_supervisor_fte',
  'yearly_minimum_fte',
  'minimum_target_share',
  'work_care_hours_per_fte',
];

export type ValueKind = 'decimal' | 'method' | 'categories' | 'hours';

/** What a parameter's value is (mirrors `ParameterKey::value_kind`). */
export function valueKind(key: ParameterKey): ValueKind {
  switch (key) {
    case 'norm_method':
      return 'method';
    case 'target_categories':
    case 'supervisor_categories':
      return 'categories';
    case 'work_care_hours_per_fte':
      return 'hours';
    default:
      return 'decimal';
  }
}

export const NORM_METHODS = ['pro_rata', 'block'] as const;

/** `"target_group_recognised,article_60"` → the ids. */
export function splitCategories(value: string): Category[] {
  return value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean) as Category[];
}

/** A parameter's value as a person reads it: method and category names, hours with "u". */
export function parameterValueText(key: ParameterKey, value: string): string {
  switch (valueKind(key)) {
    case 'method':
      return label('ui.rules.method_short', value);
    case 'categories':
      return splitCategories(value).map(categoryLabel).join(', ');
    case 'hours':
      return t('ui.rules.hours_value', { hours: value });
    default:
      return value;
  }
}

/** Where a value comes from; the application's own defaults are named as such. */
export function sourceText(source: string | null | undefined): string {
  if (source === null || source === undefined || source.trim() === '') return t('ui.rules.no_source');
  return source === 'default' ? t('ui.rules.source_default') : source;
}

/** Values of one parameter, newest first. */
export function valuesOf(values: readonly RuleValueDto[], key: ParameterKey): RuleValueDto[] {
  return values.filter((v) => v.key === key).sort((a, b) => b.effective_from.localeCompare(a.effective_from));
}

/** The value of `key` in force on `day` (ISO): the latest that took effect on or before it. */
export function inForce(values: readonly RuleValueDto[], key: ParameterKey, day: string): RuleValueDto | null {
  return valuesOf(values, key).find((v) => v.effective_from <= day) ?? null;
}

// ----- entry conditions -------------------------------------------------------------

/** Categories that can have entry conditions (which ones apply depends on the work form). */
export const ELIGIBILITY_CATEGORIES: readonly Category[] = [
  'target_group_recognised',
  'target_group_non_recognised',
  'work_care',
  'article_60',
];

/**
 * The periods that are a hire into a category with entry conditions: a person's first
 * period, or a change of category from the period before (as the problems list judges).
 */
export function hirePeriods(periods: readonly PeriodDto[]): PeriodDto[] {
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  return sorted.filter(
    (p, i) => ELIGIBILITY_CATEGORIES.includes(p.category) && (i === 0 || sorted[i - 1].category !== p.category),
  );
}

// ----- quarters for the chart -------------------------------------------------------

/** The quarter a chart ends with for a period: its own, or the one holding its last day. */
export function chartQuarter(periodText: string): string | null {
  const p = parsePeriod(periodText);
  if (!p) return null;
  switch (p.kind) {
    case 'quarter':
      return `${p.year}/${p.part}`;
    case 'month':
      return `${p.year}/${Math.ceil(p.part / 3)}`;
    case 'year':
      return `${p.year}/4`;
  }
}

/** `count` quarters ending with `last`, oldest first: `quartersUpTo("2026/2", 3)` = 2025/4, 2026/1, 2026/2. */
export function quartersUpTo(last: string, count: number): string[] {
  const p = parsePeriod(last);
  if (!p || p.kind !== 'quarter') return [];
  const end = p.year * 4 + (p.part - 1);
  const out: string[] = [];
  for (let index = end - count + 1; index <= end; index++) {
    out.push(`${Math.floor(index / 4)}/${(index % 4) + 1}`);
  }
  return out;
}

// ----- work forms in selects ----------------------------------------------------------

/**
 * A work form's name: its kind (`Sociale werkplaats`), with the recognition number only when
 * another work form of `all` has the same kind (`Sociale werkplaats · SW/2019/0042`).
 */
export function workFormName(w: WorkFormDto, all: readonly WorkFormDto[] = []): string {
  const name = label('work_form', w.kind);
  const ambiguous = all.some((o) => o !== w && o.id !== w.id && o.kind === w.kind);
  return ambiguous && w.recognition_number ? `${name} · ${w.recognition_number}` : name;
}

/**
 * The work form's name with the kind it had before (where a date range is chosen, as for a
 * claim's quarter): "Maatwerkbedrijf, tot en met 31/12/2018 sociale werkplaats".
 */
export function workFormNameWithHistory(w: WorkFormDto, all: readonly WorkFormDto[] = []): string {
  const name = workFormName(w, all);
  const earlier = w.earlier_kinds[w.earlier_kinds.length - 1];
  if (!earlier) return name;
  const text = label('work_form', earlier.kind).toLowerCase();
  return t('ui.work_form.with_earlier', { name, earlier: text, last_day: earlier.last_day });
}

/**
 * Options for a work-form select: the first work form is the main one and stands for
 * "no work form chosen" (value ''), the others carry their id.
 */
export function workFormOptions(workForms: readonly WorkFormDto[]): { value: string; label: string }[] {
  return workForms.map((w, i) =>
    i === 0
      ? { value: '', label: t('ui.work_form.main', { name: workFormName(w, workForms) }) }
      : { value: String(w.id), label: workFormName(w, workForms) },
  );
}

/** A period's `work_form_id` as a select value: null and the main work form's id are ''. */
export function workFormValue(id: number | null, workForms: readonly WorkFormDto[]): string {
  if (id === null || id === workForms[0]?.id) return '';
  return String(id);
}

/** A select value back to a `work_form_id`: '' = null (the main work form). */
export function workFormIdOf(value: string): number | null {
  return value === '' ? null : Number(value);
}

/** The work form a period belongs to: its own, or the main (first) one when null. */
export function workFormOf(id: number | null, workForms: readonly WorkFormDto[]): WorkFormDto | null {
  return (id === null ? undefined : workForms.find((w) => w.id === id)) ?? workForms[0] ?? null;
}
