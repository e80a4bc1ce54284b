import { describe, expect, it } from 'vitest';
import type { ClaimLine } from '../../lib/bindings/ClaimLine';
import type { ClaimResult } from '../../lib/bindings/ClaimResult';
import {
  blockingCount,
  contributionsText,
  fileActionLabel,
  fileOutcome,
  fteText,
  groupedProblems,
  groupTitle,
  linesOf,
  notesText,
  isRatioParameter,
  orderedProblems,
  parameterRows,
  parameterState,
  parameterValueText,
  problemText,
  rateText,
  segmentText,
  totalText,
  unconfirmedCount,
} from './claims';
import { has } from '../../lib/i18n';

function line(over: Partial<ClaimLine> = {}): ClaimLine {
  return {
    stream: 'S5',
    person_id: 1,
    label: 'Peeters, Jan',
    start: '2020-01-01',
    days: 90,
    fte: '1',
    seniority_index: null,
    level: null,
    rate: null,
    gross_wage: null,
    employer_contributions: null,
    reductions: null,
    reference_wage: null,
    cap: null,
    fixed_part: null,
    variable_part: null,
    target_fte: null,
    supervisor_fte: null,
    allowed_fte: null,
    method: null,
    segments: [],
    exact: null,
    exact_fraction: null,
    amount: '3306.00',
    notes: [],
    ...over,
  };
}

const segment = (rate: string | null) => ({
  first_day: '2026-01-01',
  last_day: '2026-01-31',
  days: 31,
  share: '1',
  reference: '2029.88',
  rate,
  seniority_index: null,
  value: null,
  fixed: null,
});

function result(over: Partial<ClaimResult> = {}): ClaimResult {
  return {
    period: '2026/1',
    first_day: '2026-01-01',
    last_day: '2026-03-31',
    rule_set: 'maatwerk_2019',
    lines: [],
    streams: [],
    parameters: [],
    problems: [],
    total: '0.00',
    complete: true,
    ...over,
  };
}

describe('claim helpers', () => {
  it('shows the percentage, a change inside the quarter, a level or an amount', () => {
    expect(rateText(line({ segments: [segment('60'), segment('60')] }))).toBe('60 %');
    expect(rateText(line({ segments: [segment('50'), segment('25')] }))).toBe('50 % → 25 %');
    expect(rateText(line({ level: 'medium' }))).toBe('midden');
    expect(rateText(line({ rate: '1741.29' }))).toBe('1.741,29');
    expect(rateText(line())).toBe('');
  });

  it('orders blocking problems first and counts them', () => {
    const p = (code: string, blocking: boolean) => ({ code, stream: 'S5', person_id: null, params: {}, blocking });
    const r = result({ problems: [p('claims.parameter_unconfirmed', false), p('claims.parameter_missing', true)] });
    expect(orderedProblems(r).map((x) => x.code)).toEqual(['claims.parameter_missing', 'claims.parameter_unconfirmed']);
    expect(blockingCount(r)).toBe(1);
    const unconfirmed = {
      ...p('claims.parameter_unconfirmed', false),
      params: { stream: 'S5', parameter: 'monthly_reference', valid_from: '2024-04-01', value: '2029.88' },
    };
    expect(problemText(unconfirmed)).toBe(
      'Stroom S5: Referentiebedrag per maand (GGMMI) = 2.029,88 (vanaf 01/04/2024) is nog niet door de gebruiker bevestigd.',
    );
  });

  it('picks a stream and renders notes and FTE', () => {
    const r = result({ lines: [line(), line({ stream: 'S6' }), line({ person_id: 2 })] });
    expect(linesOf(r, 'S5').length).toBe(2);
    expect(notesText(line({ notes: ['head_cap_reached'] }))).toBe('plafond vaste premies bereikt');
    expect(fteText('0.8')).toBe('0,8000');
    expect(fteText('1')).toBe('1,0000');
    expect(fteText('0.123456')).toBe('0,1234');
    expect(contributionsText(line({ employer_contributions: '1725', reductions: '360' }))).toBe('1.725,00 − 360,00');
    expect(contributionsText(line({ employer_contributions: '1725', reductions: '0' }))).toBe('1.725,00');
    expect(contributionsText(line())).toBe('');
  });

  it('shows a part of a line with its dates and values', () => {
    const seg = {
      first_day: '2026-02-15',
      last_day: '2026-02-28',
      days: 14,
      share: '0.5',
      reference: '2029.88',
      rate: '60',
      seniority_index: null,
      value: '2029.88',
      fixed: null,
    };
    expect(segmentText(seg)).toBe('15/02/2026 – 28/02/2026 · 60 % · 2.029,88 · plafond 2.029,88');
    expect(segmentText({ ...seg, rate: null, reference: '200', fixed: '400', value: '262.2222222222' })).toBe(
      '15/02/2026 – 28/02/2026 · 200,00 · vast 400,00 · bedrag 262,2222222222',
    );
    const use = {
      stream: 'S2',
      parameter: 'norm_method',
      valid_from: '2018-03-01',
      first_day: '2018-03-01',
      last_day: '2018-03-31',
      value: null,
      label: 'block',
      source: null,
      confirmed: false,
    };
    expect(parameterValueText(use)).toBe('volledige blokken');
    expect(parameterValueText({ ...use, label: null, value: '4' })).toBe('4,00');
  });

  it('counts each unconfirmed dated value once and shows no total while incomplete', () => {
    const use = (parameter: string, valid_from: string, first_day: string, confirmed: boolean, value: string | null) => ({
      stream: 'S6',
      parameter,
      valid_from,
      first_day,
      last_day: '2026-03-31',
      value,
      label: null,
      source: null,
      confirmed,
    });
    // fixed_low used in two parts (one dated value), fixed_medium from 1/3 (another),
    // a confirmed value and an unknown one (no value: a blocking problem, not a check).
    const parameters = [
      use('fixed_low', '2019-01-01', '2026-01-01', false, '450'),
      use('fixed_low', '2019-01-01', '2026-02-01', false, '450'),
      use('fixed_medium', '2026-03-01', '2026-03-01', false, '600'),
      use('fixed_high', '2019-01-01', '2026-01-01', true, '750'),
      use('variable_low', '2019-01-01', '2026-01-01', false, null),
    ];
    expect(unconfirmedCount(result({ parameters }))).toBe(2);
    expect(totalText({ complete: true, total: '48401.61' })).toBe('48.401,61 €');
    expect(totalText({ complete: false, total: '48401.61' })).toBe('onvolledig');
  });

  it('groups problems by kind and stream, blocking first, a single one as itself', () => {
    const problem = (code: string, stream: string, person_id: number | null, blocking: boolean) => ({
      code,
      stream,
      person_id,
      params: { stream, meaning: 'gross_wage', month: '10/2026', attribute: 'wage_percentage' },
      blocking,
    });
    const problems = [
      problem('claims.payroll_missing', 'S5', 1, true),
      problem('claims.attribute_missing', 'S5', 2, true),
      problem('claims.payroll_missing', 'S5', 2, true),
      problem('claims.payroll_missing', 'S10', 3, true),
      problem('claims.payroll_missing', 'S5', 3, true),
    ];
    const groups = groupedProblems(result({ problems, complete: false }));
    // S5 payroll (3 people), S5 attribute (1), S10 payroll (1): three lines instead of five.
    expect(groups.map((g) => [g.code, g.stream, g.items.length])).toEqual([
      ['claims.payroll_missing', 'S5', 3],
      ['claims.attribute_missing', 'S5', 1],
      ['claims.payroll_missing', 'S10', 1],
    ]);
    expect(groupTitle(groups[0])).toBe('Stroom S5: loongegevens ontbreken (3 keer)');
    expect(groupTitle(groups[1])).toContain('Stroom S5: het werknemersgegeven');
  });

  it('has a text for every note and status', () => {
    for (const n of [
      'head_cap_reached',
      'seniority_ended',
      'reference_wage_capped',
      'net_wage_cap',
      'wage_cost_cap',
      'wage_cost_unknown',
    ]) {
      expect(has(`claims.note.${n}`), n).toBe(true);
    }
    for (const s of ['draft', 'issued']) expect(has(`claims.status.${s}`), s).toBe(true);
  });
});

describe('claim rule sets', () => {
  it('lists parameter values by name and date with their state', () => {
    const p = (valid_from: string, value: string | null, confirmed = false) => ({
      valid_from,
      value,
      source: null,
      confirmed,
    });
    const rows = parameterRows({
      code: 'S5',
      name: 'MW-LP',
      work_form: null,
      formula: { kind: 'monthly_by_days_paid' },
      categories: [],
      parameters: {
        monthly_reference: [p('2026-04-01', null), p('2024-04-01', '2029.88')],
        cap_factor: [p('2019-01-01', '2', true)],
      },
    });
    expect(rows.map((r) => [r.parameter, r.value.valid_from, r.state])).toEqual([
      ['cap_factor', '2019-01-01', 'confirmed'],
      ['monthly_reference', '2024-04-01', 'unconfirmed'],
      ['monthly_reference', '2026-04-01', 'unknown'],
    ]);
    for (const state of ['unknown', 'unconfirmed', 'confirmed']) {
      expect(has(`ui.claim_rules.state.${state}`), state).toBe(true);
    }
  });
});

describe('parameters used by a claim', () => {
  const use = (parameter: string, value: string | null, confirmed: boolean, label: string | null = null) => ({
    stream: 'S5',
    parameter,
    valid_from: '2026-01-01',
    first_day: '2026-01-01',
    last_day: '2026-03-31',
    value,
    label,
    source: null,
    confirmed,
  });

  it('names the state its row offers to fix: fill an unknown value, confirm an unconfirmed one', () => {
    expect(parameterState(use('monthly_reference', null, false))).toBe('unknown');
    // A value stored but not checked against its source yet.
    expect(parameterState(use('monthly_reference', '2029.88', false))).toBe('unconfirmed');
    expect(parameterState(use('monthly_reference', '2029.88', true))).toBe('confirmed');
    // The method is a label, not a number: known.
    expect(parameterState(use('norm_method', null, false, 'pro_rata'))).toBe('unconfirmed');
  });

  it('sends the work form ratio rules to their own screen, claim parameters stay on the row', () => {
    expect(isRatioParameter(use('norm', '0.5', false))).toBe(true);
    expect(isRatioParameter(use('contingent_target_fte', '20', false))).toBe(true);
    expect(isRatioParameter(use('monthly_reference', '2029.88', false))).toBe(false);
  });
});

describe('claim files', () => {
  const file = { path: '/home/directeur/afrekening-2026-1-maatwerk-12.pdf', bytes: 2048, lines: 0 };

  it('opens a draft as a preview and an issued claim for printing', () => {
    expect(fileActionLabel({ status: 'draft' }, 'open_pdf')).toBe('Voorbeeld (PDF)');
    expect(fileActionLabel({ status: 'issued' }, 'open_pdf')).toBe('Openen om af te drukken');
    expect(fileActionLabel({ status: 'draft' }, 'save_pdf')).toBe('Opslaan als PDF');
    expect(fileActionLabel({ status: 'issued' }, 'save_xlsx')).toBe('Exporteren naar Excel');
  });

  it('names the file it saved, exported or opened', () => {
    expect(fileOutcome('save_pdf', file)).toBe('PDF opgeslagen: /home/directeur/afrekening-2026-1-maatwerk-12.pdf');
    expect(fileOutcome('open_pdf', file)).toBe(
      'Geopend in de PDF-lezer: /home/directeur/afrekening-2026-1-maatwerk-12.pdf',
    );
    expect(fileOutcome('save_xlsx', { path: '/tmp/a.xlsx', bytes: 9000, lines: 37 })).toBe(
      '37 lijnen geëxporteerd naar /tmp/a.xlsx',
    );
    expect(fileOutcome('save_xlsx', { path: '/tmp/a.xlsx', bytes: 900, lines: 1 })).toBe(
      '1 lijn geëxporteerd naar /tmp/a.xlsx',
    );
  });

  it('says nothing was saved when the dialog was closed', () => {
    expect(fileOutcome('save_pdf', null)).toBe('Niets opgeslagen: het venster werd gesloten.');
    expect(fileOutcome('save_xlsx', null)).toBe('Niets opgeslagen: het venster werd gesloten.');
  });
});
