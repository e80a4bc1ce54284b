// The waitlist and the worker's path on screen: option lists, form conversions, the
// inflow/outflow chart's geometry and the agenda's grouping. Pure functions, unit-tested
// in waitlist.test.ts.

import type { AgendaItemDto } from '../../lib/bindings/AgendaItemDto';
import type { AgendaStatus } from '../../lib/bindings/AgendaStatus';
import type { AttestKind } from '../../lib/bindings/AttestKind';
import type { CandidateDto } from '../../lib/bindings/CandidateDto';
import type { CandidateInput } from '../../lib/bindings/CandidateInput';
import type { CandidateStatus } from '../../lib/bindings/CandidateStatus';
import type { LeavingReason } from '../../lib/bindings/LeavingReason';
import type { MonthFlowDto } from '../../lib/bindings/MonthFlowDto';
import type { Priority } from '../../lib/bindings/Priority';
import type { ReferrerKind } from '../../lib/bindings/ReferrerKind';
import { formatDate } from '../../lib/format';
import { emptyPersonInput } from '../register/person';
import { niceScale, type Scale } from '../../lib/chart';

export const REFERRERS: readonly ReferrerKind[] = ['vdab', 'atb', 'ocmw', 'werkwinkel', 'spontaneous', 'other'];
export const ATTEST_KINDS: readonly AttestKind[] = [
  'work_care_attest',
  'target_group_attest',
  'social_report',
  'other',
];
export const PRIORITIES: readonly Priority[] = ['high', 'normal', 'low'];
export const LEAVING_REASONS: readonly LeavingReason[] = [
  'regular_job',
  'other_social_economy',
  'training',
  'dismissal',
  'own_choice',
  'illness',
  'end_of_term',
  'retirement',
  'death',
  'other',
];

/** Statuses a candidate can be moved to by hand: everything the backend allows except
 * hired (that goes through the hire dialog, which creates the person). */
export function manualNext(next: readonly CandidateStatus[]): CandidateStatus[] {
  return next.filter((s) => s !== 'hired');
}

export function canHire(next: readonly CandidateStatus[]): boolean {
  return next.includes('hired');
}

export function emptyCandidateInput(): CandidateInput {
  return {
    person: emptyPersonInput(),
    contact: '',
    referrer: null,
    counsellor_name: '',
    counsellor_contact: '',
    referral_date: '',
    work_form_id: null,
    category: null,
    attest_kind: null,
    attest_date: '',
    attest_valid_until: '',
    priority: 'normal',
    notes: '',
  };
}

/** A stored candidate as form text (dates dd/mm/yyyy), to edit it. */
export function candidateToInput(c: CandidateDto): CandidateInput {
  const p = c.person;
  return {
    person: {
      insz: p.insz ?? '',
      last_name: p.last_name,
      first_name: p.first_name,
      birth_date: formatDate(p.birth_date),
      sex: p.sex,
      education_level: p.education_level,
      vdab_registration_date: formatDate(p.vdab_registration_date),
      inactive_since: formatDate(p.inactive_since),
      limitation: p.limitation,
      disability_registration: p.disability_registration,
      guidance_trajectory: p.guidance_trajectory,
      insufficient_skills: p.insufficient_skills,
      work_care_attest_valid_until: formatDate(p.work_care_attest_valid_until),
    },
    contact: c.contact,
    referrer: c.referrer,
    counsellor_name: c.counsellor_name,
    counsellor_contact: c.counsellor_contact,
    referral_date: formatDate(c.referral_date),
    work_form_id: c.work_form_id,
    category: c.category,
    attest_kind: c.attest_kind,
    attest_date: formatDate(c.attest_date),
    attest_valid_until: formatDate(c.attest_valid_until),
    priority: c.priority,
    notes: c.notes,
  };
}

/** Words that suggest medical details in a free note (the form warns, it never blocks). */
const MEDICAL_WORDS = [
  'diagnose',
  'ziekte',
  'medicatie',
  'medicijn',
  'psychiat',
  'depressie',
  'verslaving',
  'handicap',
  'autisme',
  'epilepsie',
  'therapie',
  'behandeling',
];

/** True when a note seems to hold medical details. */
export function looksMedical(note: string): boolean {
  const text = note.toLowerCase();
  return MEDICAL_WORDS.some((w) => text.includes(w));
}

/** A month id `2026-03` as `03/2026`. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

export interface FlowBar {
  month: string;
  label: string;
  inflow: { x: number; y: number; height: number; value: number };
  outflow: { x: number; y: number; height: number; value: number };
}

export interface FlowChart {
  scale: Scale;
  bars: FlowBar[];
  /** y of each tick on the axis. */
  ticks: { value: number; y: number }[];
}

/**
 * Geometry of the inflow/outflow bar chart: per month two bars side by side in a slot of
 * `width / months` wide, drawn upwards from `bottom` over `height` pixels.
 */
export function flowChart(
  months: readonly MonthFlowDto[],
  geometry: { left: number; width: number; bottom: number; height: number },
): FlowChart {
  const max = Math.max(1, ...months.map((m) => Math.max(m.inflow, m.outflow)));
  const scale = niceScale(max, 4);
  const slot = months.length > 0 ? geometry.width / months.length : geometry.width;
  const barWidth = slot * 0.35;
  const h = (v: number) => (v / scale.max) * geometry.height;
  const bars = months.map((m, i) => {
    const x0 = geometry.left + i * slot + slot * 0.15;
    return {
      month: m.month,
      label: monthLabel(m.month),
      inflow: { x: x0, y: geometry.bottom - h(m.inflow), height: h(m.inflow), value: m.inflow },
      outflow: { x: x0 + barWidth, y: geometry.bottom - h(m.outflow), height: h(m.outflow), value: m.outflow },
    };
  });
  return { scale, bars, ticks: scale.ticks.map((value) => ({ value, y: geometry.bottom - h(value) })) };
}

/** The agenda split by status, each in the backend's order. */
export function groupAgenda(items: readonly AgendaItemDto[]): Record<AgendaStatus, AgendaItemDto[]> {
  const out: Record<AgendaStatus, AgendaItemDto[]> = { overdue: [], due: [], done: [] };
  for (const i of items) out[i.status].push(i);
  return out;
}

/** What the agenda shows: part of a name (any case, accents ignored), a kind, a state ('' = all). */
export interface AgendaFilter {
  person: string;
  kind: string;
  status: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The meetings that pass the filter, in their order. */
export function filterAgenda(items: readonly AgendaItemDto[], f: AgendaFilter): AgendaItemDto[] {
  const needle = fold(f.person.trim());
  return items.filter(
    (i) =>
      (needle === '' || fold(i.person_name).includes(needle)) &&
      (f.kind === '' || i.kind === f.kind) &&
      (f.status === '' || i.status === f.status),
  );
}

/** A stable key of a planned meeting. */
export function meetingKey(i: Pick<AgendaItemDto, 'person_id' | 'hire_date' | 'kind' | 'seq'>): string {
  return `${i.person_id}-${i.hire_date}-${i.kind}-${i.seq}`;
}

/** Days from `today` to `due` (negative: overdue), both ISO. */
export function daysUntil(due: string, today: string): number {
  const a = Date.UTC(+due.slice(0, 4), +due.slice(5, 7) - 1, +due.slice(8, 10));
  const b = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10));
  return Math.round((a - b) / 86_400_000);
}
