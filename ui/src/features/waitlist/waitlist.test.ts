import { describe, expect, it } from 'vitest';
import type { AgendaItemDto } from '../../lib/bindings/AgendaItemDto';
import type { CandidateDto } from '../../lib/bindings/CandidateDto';
import {
  canHire,
  candidateToInput,
  daysUntil,
  flowChart,
  filterAgenda,
  groupAgenda,
  looksMedical,
  manualNext,
  meetingKey,
  monthLabel,
} from './waitlist';

describe('status choices', () => {
  it('offers every allowed status except hired, which has its own dialog', () => {
    expect(manualNext(['hired', 'waiting', 'withdrawn'])).toEqual(['waiting', 'withdrawn']);
    expect(canHire(['hired', 'waiting'])).toBe(true);
    expect(canHire(['invited', 'withdrawn'])).toBe(false);
  });
});

describe('medical warning', () => {
  it('spots medical words, whatever their case', () => {
    expect(looksMedical('Volgt therapie op dinsdag')).toBe(true);
    expect(looksMedical('DIAGNOSE gekend')).toBe(true);
    expect(looksMedical('Heeft een rijbewijs B, wil graag buiten werken')).toBe(false);
  });
});

describe('candidate form', () => {
  it('turns a stored candidate into form text with Belgian dates', () => {
    const c = {
      id: 3,
      person: {
        id: 0,
        insz: '93.05.18-223.61',
        last_name: 'Peeters',
        first_name: 'An',
        birth_date: '1993-05-18',
        sex: 'female',
        education_level: 'primary',
        vdab_registration_date: null,
        inactive_since: '2020-01-31',
        limitation: 'yes',
        disability_registration: 'unknown',
        guidance_trajectory: 'unknown',
        insufficient_skills: 'unknown',
        work_care_attest_valid_until: null,
      },
      contact: '0470',
      referrer: 'vdab',
      counsellor_name: 'K',
      counsellor_contact: '',
      referral_date: '2026-01-31',
      work_form_id: null,
      work_form: 'social_workshop',
      category: 'target_group_recognised',
      attest_kind: 'social_report',
      attest_date: '2026-01-15',
      attest_valid_until: null,
      priority: 'high',
      notes: '',
      status: 'waiting',
      status_since: '2026-01-31',
      waiting_days: 3,
      attest_alert: false,
      attest_state: null,
      eligibility: 'unknown',
      person_id: null,
      rank: 1,
    } as unknown as CandidateDto;
    const input = candidateToInput(c);
    expect(input.person.birth_date).toBe('18/05/1993');
    expect(input.person.vdab_registration_date).toBe('');
    expect(input.person.inactive_since).toBe('31/01/2020');
    expect(input.referral_date).toBe('31/01/2026');
    expect(input.attest_date).toBe('15/01/2026');
    expect(input.attest_valid_until).toBe('');
    expect(input.priority).toBe('high');
  });
});

describe('inflow and outflow chart', () => {
  it('places two bars per month on a nice scale', () => {
    const chart = flowChart(
      [
        { month: '2026-01', inflow: 3, outflow: 0 },
        { month: '2026-02', inflow: 1, outflow: 2 },
      ],
      { left: 40, width: 200, bottom: 120, height: 100 },
    );
    // max 3 → steps of 1: 0, 1, 2, 3
    expect(chart.scale.max).toBe(3);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3]);
    // slot 100 px; the first bar starts at 40 + 15 and is 35 px wide
    expect(chart.bars[0].inflow.x).toBe(55);
    expect(chart.bars[0].outflow.x).toBe(90);
    expect(chart.bars[1].inflow.x).toBe(155);
    // 3 of 3 → full height from y 20; 0 → no bar at the bottom
    expect(chart.bars[0].inflow).toMatchObject({ y: 20, height: 100, value: 3 });
    expect(chart.bars[0].outflow).toMatchObject({ y: 120, height: 0 });
    expect(chart.bars[1].outflow.height).toBeCloseTo(66.667, 2);
    expect(chart.bars[1].label).toBe('02/2026');
  });

  it('draws an empty year on a scale of at least 1', () => {
    const chart = flowChart([{ month: '2026-01', inflow: 0, outflow: 0 }], { left: 0, width: 10, bottom: 10, height: 10 });
    expect(chart.scale.max).toBe(1);
  });
});

describe('agenda', () => {
  const item = (status: AgendaItemDto['status'], due: string): AgendaItemDto =>
    ({ person_id: 1, person_name: 'A', hire_date: '2026-01-31', kind: 'follow_up', seq: 1, due, status }) as AgendaItemDto;

  it('groups by status, keeping the order', () => {
    const g = groupAgenda([item('overdue', '2026-01-01'), item('due', '2026-05-01'), item('overdue', '2026-02-01')]);
    expect(g.overdue.map((i) => i.due)).toEqual(['2026-01-01', '2026-02-01']);
    expect(g.due).toHaveLength(1);
    expect(g.done).toHaveLength(0);
  });

  it('filters by part of a name (case and accents ignored), kind and state', () => {
    const items = [
      { ...item('overdue', '2026-01-01'), person_name: 'Öztürk, Elif', kind: 'intake' },
      { ...item('due', '2026-05-01'), person_name: 'Peeters, Jan', kind: 'follow_up' },
      { ...item('overdue', '2026-02-01'), person_name: 'Peeters, An', kind: 'yearly_consultation' },
    ] as AgendaItemDto[];
    const names = (f: Parameters<typeof filterAgenda>[1]) => filterAgenda(items, f).map((i) => i.person_name);
    expect(names({ person: '', kind: '', status: '' })).toHaveLength(3);
    expect(names({ person: 'ozt', kind: '', status: '' })).toEqual(['Öztürk, Elif']);
    expect(names({ person: ' PEETERS ', kind: '', status: 'overdue' })).toEqual(['Peeters, An']);
    expect(names({ person: '', kind: 'follow_up', status: '' })).toEqual(['Peeters, Jan']);
    expect(names({ person: 'x', kind: '', status: '' })).toEqual([]);
  });

  it('counts days across month ends and leap days', () => {
    expect(daysUntil('2026-04-30', '2026-01-31')).toBe(89);
    expect(daysUntil('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysUntil('2026-01-30', '2026-01-31')).toBe(-1);
  });

  it('keys a meeting by person, employment, kind and number', () => {
    expect(meetingKey({ person_id: 4, hire_date: '2026-01-31', kind: 'yearly_consultation', seq: 2 })).toBe(
      '4-2026-01-31-yearly_consultation-2',
    );
    expect(monthLabel('2026-03')).toBe('03/2026');
  });
});
