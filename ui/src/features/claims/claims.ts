// Pure helpers of the claim screens (unit-tested): lines per stream, what a line's rate
// column shows, the problems in the order to show them, and whether a claim can be issued.

import type { ClaimDto } from '../../lib/bindings/ClaimDto';
import type { ClaimLine } from '../../lib/bindings/ClaimLine';
import type { ClaimProblem } from '../../lib/bindings/ClaimProblem';
import type { ClaimResult } from '../../lib/bindings/ClaimResult';
import type { DatedParam } from '../../lib/bindings/DatedParam';
import type { LineSegment } from '../../lib/bindings/LineSegment';
import type { ParameterUse } from '../../lib/bindings/ParameterUse';
import type { ExportDto } from '../../lib/bindings/ExportDto';
import type { Stream } from '../../lib/bindings/Stream';
import { formatAmount, formatDate, formatQuantity } from '../../lib/format';
import { has, label, t, tn } from '../../lib/i18n';

/** The lines of one stream, in the claim's order. */
export function linesOf(result: ClaimResult, stream: string): ClaimLine[] {
  return result.lines.filter((l) => l.stream === stream);
}

/** Blocking problems first, then the others (each group in the claim's order). */
export function orderedProblems(result: ClaimResult): ClaimProblem[] {
  return [...result.problems.filter((p) => p.blocking), ...result.problems.filter((p) => !p.blocking)];
}

/** Problems of one kind in one stream, shown as one line that opens to the list. */
export interface ProblemGroup {
  key: string;
  code: string;
  stream: string | null;
  blocking: boolean;
  items: ClaimProblem[];
}

/** The problems grouped by kind and stream, blocking groups first, each in first-seen order. */
export function groupedProblems(result: ClaimResult): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of orderedProblems(result)) {
    const key = `${p.blocking ? 0 : 1}|${p.code}|${p.stream ?? ''}`;
    const g = groups.get(key) ?? { key, code: p.code, stream: p.stream, blocking: p.blocking, items: [] };
    g.items.push(p);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** A group's line: the problem itself when alone, else how many of that kind. */
export function groupTitle(g: ProblemGroup): string {
  const first = g.items[0];
  if (g.items.length === 1) return problemText(first);
  const key = `ui.claim.problem_group.${g.code.replace('claims.', '')}`;
  if (has(key)) return t(key, { stream: g.stream ?? '', count: g.items.length });
  return t('ui.claim.problem_group.other', { text: problemText(first), more: g.items.length - 1 });
}

export function blockingCount(result: ClaimResult): number {
  return result.problems.filter((p) => p.blocking).length;
}

/** The problem as a sentence; a parameter value shows in Belgian notation (`2.029,88`). */
export function problemText(p: ClaimProblem): string {
  const value = p.params.value;
  return t(p.code, value === undefined ? p.params : { ...p.params, value: formatQuantity(value) });
}

/**
 * The "% / niveau" column: a wage percentage (`60 %`, or the first and last when it
 * changes inside the quarter), a guidance level, or the amount applied.
 */
export function rateText(line: ClaimLine): string {
  const percentages = line.segments.map((s) => s.rate).filter((r): r is string => r !== null);
  if (percentages.length > 0) {
    const distinct = [...new Set(percentages)];
    return distinct.map((p) => `${formatQuantity(p)} %`).join(' → ');
  }
  if (line.level) return label('level', line.level);
  return formatAmount(line.rate, '');
}

/** Employer contributions and, when there are any, the reductions taken off: `575,00 − 120,00`. */
export function contributionsText(line: ClaimLine): string {
  if (line.employer_contributions === null) return '';
  const reductions = line.reductions !== null && Number(line.reductions) !== 0 ? line.reductions : null;
  return reductions === null
    ? formatAmount(line.employer_contributions)
    : `${formatAmount(line.employer_contributions)} − ${formatAmount(reductions)}`;
}

/**
 * A part of a line (the quarter split where a value it uses changes): its days, the
 * percentage, the reference amount, the fixed amount per head, and the cap (wage
 * streams) or the part's amount.
 */
export function segmentText(s: LineSegment): string {
  const parts = [`${formatDate(s.first_day)} – ${formatDate(s.last_day)}`];
  if (s.rate !== null) parts.push(`${formatQuantity(s.rate)} %`);
  if (s.reference !== null) parts.push(formatAmount(s.reference));
  if (s.fixed !== null) parts.push(t('ui.claim.part_fixed', { amount: formatAmount(s.fixed) }));
  if (s.value !== null) {
    const key = s.rate !== null ? 'ui.claim.part_cap' : 'ui.claim.part_amount';
    parts.push(t(key, { amount: formatAmount(s.value) }));
  }
  return parts.join(' · ');
}

/** A parameter value used: the amount, or a setting in words (the norm's method). */
export function parameterValueText(p: ParameterUse): string {
  if (p.label !== null) return label('ui.rules.method_short', p.label);
  return formatAmount(p.value, t('ui.claim.unknown'));
}

/**
 * The work form's ratio rules a stream used (norm, method, contingents): kept with the
 * work form's parameters, not in the claim's rule set.
 */
const RATIO_PARAMETERS = new Set(['norm', 'norm_method', 'contingent_target_fte', 'contingent_supervisor_fte']);

export function isRatioParameter(p: ParameterUse): boolean {
  return RATIO_PARAMETERS.has(p.parameter);
}

/** A parameter value's state: not known (no value), not confirmed yet, or confirmed. */
function stateOf(known: boolean, confirmed: boolean): ParameterState {
  if (!known) return 'unknown';
  return confirmed ? 'confirmed' : 'unconfirmed';
}

/** A used parameter's state, as the rule sets screen names it (a method label is a known value). */
export function parameterState(p: ParameterUse): ParameterState {
  return stateOf(p.value !== null || p.label !== null, p.confirmed);
}

/** Notes as short Dutch texts. */
export function notesText(line: ClaimLine): string {
  return line.notes.map((n) => t(`claims.note.${n}`)).join('; ');
}

/** A draft without blocking problems can be issued. */
export function canIssue(claim: ClaimDto): boolean {
  return claim.status === 'draft' && claim.result.complete;
}

/**
 * The values a claim uses that its rule set holds as not confirmed, each dated value once
 * (as the backend counts them before it issues).
 */
export function unconfirmedCount(result: ClaimResult): number {
  const seen = new Set<string>();
  for (const p of result.parameters) {
    if (!p.confirmed && p.value !== null) seen.add(`${p.stream}|${p.parameter}|${p.valid_from}`);
  }
  return seen.size;
}

/** A claim's total as listed: the amount, or "onvolledig" while blocking problems remain. */
export function totalText(result: Pick<ClaimResult, 'complete' | 'total'>): string {
  return result.complete ? `${formatAmount(result.total)} €` : t('ui.claims.incomplete_total');
}

/** µ with 4 decimals and a comma, cut from the exact value (display only). */
export function fteText(value: string): string {
  const [whole, fraction = ''] = value.split('.');
  return `${whole},${fraction.padEnd(4, '0').slice(0, 4)}`;
}

/** The shipped templates (`werkbank_domain::claims::rules::templates`). */
export const TEMPLATES = ['sw_1998', 'maatwerk_2019'] as const;

export type ParameterState = 'unknown' | 'unconfirmed' | 'confirmed';

/** A stream's dated parameter values as rows (by parameter name, then date), with their state. */
export function parameterRows(stream: Stream): { parameter: string; value: DatedParam; state: ParameterState }[] {
  return Object.keys(stream.parameters)
    .sort()
    .flatMap((parameter) =>
      [...(stream.parameters[parameter] ?? [])]
        .sort((a, b) => a.valid_from.localeCompare(b.valid_from))
        .map((value) => ({
          parameter,
          value,
          state: stateOf(value.value !== null, value.confirmed),
        })),
    );
}

/** What the claim's file buttons do: open the PDF (to look at or print), save it, export xlsx. */
export type FileAction = 'open_pdf' | 'save_pdf' | 'save_xlsx';

/**
 * The label of a file button. Opening a draft's PDF is a preview (the PDF is marked
 * "ontwerp"); opening an issued claim's PDF is for printing.
 */
export function fileActionLabel(claim: Pick<ClaimDto, 'status'>, action: FileAction): string {
  if (action === 'open_pdf') return t(claim.status === 'issued' ? 'ui.claim.file.print' : 'ui.claim.file.preview');
  return t(`ui.claim.file.${action}`);
}

/** The confirmation after a file action, naming the file; cancelled when the dialog returned nothing. */
export function fileOutcome(action: FileAction, result: ExportDto | null): string {
  if (result === null) return t('ui.claim.file.cancelled');
  if (action === 'save_xlsx') return tn('ui.claim.file.saved_xlsx', result.lines, { path: result.path });
  return t(`ui.claim.file.${action === 'open_pdf' ? 'opened' : 'saved_pdf'}`, { path: result.path });
}
