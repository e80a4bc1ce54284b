import { describe, expect, it } from 'vitest';
import type { PeriodDto } from './bindings/PeriodDto';
import type { ProblemDto } from './bindings/ProblemDto';
import type { RuleValueDto } from './bindings/RuleValueDto';
import type { Severity } from './bindings/Severity';
import {
  NORM_METHODS,
  PARAMETER_KEYS,
  chartQuarter,
  countBySeverity,
  hirePeriods,
  inForce,
  parameterValueText,
  quartersUpTo,
  sortProblems,
  sourceText,
  splitCategories,
  valueKind,
  valuesOf,
  workFormIdOf,
  workFormName,
  workFormNameWithHistory,
  workFormOf,
  workFormOptions,
  workFormValue,
  SEVERITIES,
} from './compliance';
import type { WorkFormDto } from './bindings/WorkFormDto';
import { has } from './i18n';

function problem(severity: Severity, code: string): ProblemDto {
  return {
    severity,
    code,
    message: code,
    person_id: null,
    person_name: null,
    period_id: null,
    work_form_id: null,
    params: {},
  };
}

describe('sortProblems', () => {
  it('puts errors first, then warnings, then information, keeping the order within each', () => {
    const list = [
      problem('info', 'a'),
      problem('warning', 'b'),
      problem('error', 'c'),
      problem('info', 'd'),
      problem('warning', 'e'),
    ];
    expect(sortProblems(list).map((p) => p.code)).toEqual(['c', 'b', 'e', 'a', 'd']);
    expect(list[0].code).toBe('a'); // the input is left alone
    expect(countBySeverity(list)).toEqual({ error: 1, warning: 2, info: 2 });
    expect(sortProblems([])).toEqual([]);
  });
  it('has a word and counts for every severity', () => {
    for (const s of SEVERITIES) {
      expect(has(`ui.severity.${s}`), s).toBe(true);
      expect(has(`ui.problems.count_${s}.one`) && has(`ui.problems.count_${s}.other`), s).toBe(true);
    }
  });
});

describe('work forms', () => {
  const forms: WorkFormDto[] = [
    { id: 1, kind: 'social_workshop', recognition_number: 'SW/2019/0042', earlier_kinds: [] },
    { id: 2, kind: 'work_care', recognition_number: null, earlier_kinds: [] },
  ];
  it('offers the main work form as the empty choice', () => {
    expect(workFormName(forms[0], forms)).toBe('Sociale werkplaats');
    expect(workFormOptions(forms)).toEqual([
      { value: '', label: 'Sociale werkplaats (hoofdwerkvorm)' },
      { value: '2', label: 'Arbeidszorg' },
    ]);
    expect(workFormOptions([])).toEqual([]);
  });
  it('adds the recognition number only to tell two work forms of one kind apart', () => {
    const two: WorkFormDto[] = [forms[0], { id: 3, kind: 'social_workshop', recognition_number: 'SW/2024/0007', earlier_kinds: [] }];
    expect(workFormOptions(two).map((o) => o.label)).toEqual([
      'Sociale werkplaats · SW/2019/0042 (hoofdwerkvorm)',
      'Sociale werkplaats · SW/2024/0007',
    ]);
    expect(workFormName(forms[0])).toBe('Sociale werkplaats');
  });
  it('names the kind a work form had before', () => {
    const former: WorkFormDto = {
      id: 4,
      kind: 'maatwerk',
      recognition_number: 'SW/2019/0042',
      earlier_kinds: [{ kind: 'social_workshop', last_day: '31/12/2018' }],
    };
    expect(workFormNameWithHistory(former)).toBe('Maatwerkbedrijf, tot en met 31/12/2018 sociale werkplaats');
    // Elsewhere (a period's row, a select of the present forms) the present kind only.
    expect(workFormName(former)).toBe('Maatwerkbedrijf');
    expect(workFormNameWithHistory(forms[1])).toBe('Arbeidszorg');
  });
  it('maps work_form_id to a select value and back', () => {
    expect(workFormValue(null, forms)).toBe('');
    expect(workFormValue(1, forms)).toBe('');
    expect(workFormValue(2, forms)).toBe('2');
    expect(workFormIdOf('')).toBeNull();
    expect(workFormIdOf('2')).toBe(2);
    expect(workFormOf(null, forms)?.kind).toBe('social_workshop');
    expect(workFormOf(2, forms)?.kind).toBe('work_care');
    expect(workFormOf(9, forms)?.kind).toBe('social_workshop');
    expect(workFormOf(null, [])).toBeNull();
  });
});

describe('rule parameters', () => {
  it('knows the kind of every parameter', () => {
    expect(PARAMETER_KEYS.map(valueKind)).toEqual([
      'decimal',
      'method',
      'categories',
      'categories',
      'decimal',
      'decimal',
      'decimal',
      'decimal',
      'hours',
    ]);
  });
  it('has a label, an explanation and a short method name in the catalogues', () => {
    for (const key of PARAMETER_KEYS) {
      expect(has(`rule.${key}`), key).toBe(true);
      expect(has(`ui.rules.explain.${key}`), key).toBe(true);
      expect(has(`ui.rules.hint.${key}`), key).toBe(true);
    }
    for (const m of NORM_METHODS) expect(has(`ui.rules.method_short.${m}`), m).toBe(true);
  });
  it('shows values as a person reads them', () => {
    expect(parameterValueText('norm', '5')).toBe('5');
    expect(parameterValueText('minimum_target_share', '0,5')).toBe('0,5');
    expect(parameterValueText('norm_method', 'block')).toBe('volledige blokken');
    expect(parameterValueText('target_categories', 'target_group_recognised,article_60')).toBe(
      'Doelgroep erkend, Artikel 60',
    );
    expect(parameterValueText('work_care_hours_per_fte', '30,00')).toBe('30,00 u');
    expect(splitCategories(' work_care ; article_60,')).toEqual(['work_care', 'article_60']);
  });
  it('names the source, the defaults in words', () => {
    expect(sourceText('default')).toBe('standaardwaarde van Werkbank');
    expect(sourceText('Erkenningsbeslissing 2019')).toBe('Erkenningsbeslissing 2019');
    expect(sourceText(null)).toBe('niet opgegeven');
  });
  it('finds the value in force on a day', () => {
    const v = (id: number, key: RuleValueDto['key'], value: string, from: string): RuleValueDto => ({
      id,
      key,
      value,
      effective_from: from,
      source: null,
    });
    const values = [
      v(1, 'norm', '5', '1998-01-01'),
      v(2, 'norm', '4,5', '2026-07-01'),
      v(3, 'norm_method', 'block', '2020-01-01'),
    ];
    expect(valuesOf(values, 'norm').map((x) => x.id)).toEqual([2, 1]);
    expect(inForce(values, 'norm', '2026-06-30')?.id).toBe(1);
    expect(inForce(values, 'norm', '2026-07-01')?.id).toBe(2);
    expect(inForce(values, 'norm', '1997-12-31')).toBeNull();
    expect(inForce(values, 'yearly_minimum_fte', '2026-01-01')).toBeNull();
  });
});

describe('hirePeriods', () => {
  const p = (id: number, category: PeriodDto['category'], start: string): PeriodDto => ({
    id,
    person_id: 1,
    category,
    start,
    end: null,
    q: 3800,
    s: 3800,
    fraction: '1.0000',
    contract_type: 'open_ended',
    job: null,
    ocmw: null,
    placement_agreement_signed: null,
    work_form_id: null,
  });
  it('takes the first period and every change into a category with entry conditions', () => {
    const periods = [
      p(3, 'target_group_recognised', '2022-01-01'), // same category again: not a hire
      p(1, 'article_60', '2020-01-01'),
      p(2, 'target_group_recognised', '2021-01-01'),
      p(4, 'supervisor_recognised', '2023-01-01'), // no entry conditions
      p(5, 'work_care', '2024-01-01'),
    ];
    expect(hirePeriods(periods).map((x) => x.id)).toEqual([1, 2, 5]);
    expect(hirePeriods([p(1, 'other_staff', '2020-01-01')])).toEqual([]);
    expect(hirePeriods([])).toEqual([]);
  });
});

describe('chart quarters', () => {
  it('ends with the quarter of the chosen period', () => {
    expect(chartQuarter('2026/4')).toBe('2026/4');
    expect(chartQuarter('2026-05')).toBe('2026/2');
    expect(chartQuarter('2025')).toBe('2025/4');
    expect(chartQuarter('nonsense')).toBeNull();
  });
  it('lists the last quarters, oldest first, across years', () => {
    expect(quartersUpTo('2026/2', 8)).toEqual([
      '2024/3',
      '2024/4',
      '2025/1',
      '2025/2',
      '2025/3',
      '2025/4',
      '2026/1',
      '2026/2',
    ]);
    expect(quartersUpTo('2026/1', 1)).toEqual(['2026/1']);
    expect(quartersUpTo('2026', 8)).toEqual([]);
  });
});
