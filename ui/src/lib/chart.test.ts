import { describe, expect, it } from 'vitest';
import type { RatiosDto } from './bindings/RatiosDto';
import type { WorkFormRatiosDto } from './bindings/WorkFormRatiosDto';
import { chartSeries, linePaths, maxOf, niceScale, tickLabel, toNumber } from './chart';

describe('niceScale', () => {
  it('picks round steps from zero up to at least the largest value', () => {
    expect(niceScale(15.2)).toEqual({ max: 20, step: 5, ticks: [0, 5, 10, 15, 20] });
    expect(niceScale(3.04)).toEqual({ max: 4, step: 1, ticks: [0, 1, 2, 3, 4] });
    expect(niceScale(0.6667)).toEqual({ max: 0.8, step: 0.2, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(niceScale(9)).toEqual({ max: 10, step: 2.5, ticks: [0, 2.5, 5, 7.5, 10] });
    expect(niceScale(40)).toEqual({ max: 40, step: 10, ticks: [0, 10, 20, 30, 40] });
  });
  it('gives an axis of 0 to 1 when there is nothing to show', () => {
    expect(niceScale(0).max).toBe(1);
    expect(niceScale(Number.NaN).max).toBe(1);
    expect(niceScale(-3).ticks[0]).toBe(0);
  });
  it('never ends below the largest value', () => {
    for (const v of [0.01, 0.3, 1, 1.01, 2.49, 7, 12.5, 99, 101, 1234]) {
      const s = niceScale(v);
      expect(s.max).toBeGreaterThanOrEqual(v);
      expect(s.ticks.at(-1)).toBe(s.max);
      expect(s.ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('numbers and labels', () => {
  it('reads backend decimals for drawing only', () => {
    expect(toNumber('3.0400')).toBe(3.04);
    expect(toNumber('-0.3333')).toBe(-0.3333);
    expect(toNumber(null)).toBeNull();
    expect(toNumber('')).toBeNull();
    expect(toNumber('x')).toBeNull();
  });
  it('labels ticks with a decimal comma', () => {
    expect(tickLabel(2.5)).toBe('2,5');
    expect(tickLabel(10)).toBe('10');
    expect(tickLabel(0.1 + 0.2)).toBe('0,3');
  });
});

describe('linePaths', () => {
  const x = (i: number) => i * 10;
  const y = (v: number) => 100 - v;
  it('draws a line through known values', () => {
    expect(linePaths([1, 2, 3], x, y)).toEqual(['M0,99 L10,98 L20,97']);
  });
  it('breaks the line at unknown values and skips lone points', () => {
    expect(linePaths([1, null, 3, 4, null, 6], x, y)).toEqual(['M20,97 L30,96']);
    expect(linePaths([null, null], x, y)).toEqual([]);
  });
});

function workForm(id: number, kind: WorkFormRatiosDto['work_form']['kind'], target: string | null): WorkFormRatiosDto {
  const figures = {
    target_fte: target,
    supervisor_fte: '3.0000',
    total_fte: '20.0000',
    recognised_ratio: null,
    worked_ratio: null,
    allowed_supervisor_fte: target === null ? null : '3.0400',
    allowed_by_other_method: null,
    subsidisable_supervisor_fte: null,
    headroom: null,
    target_share: null,
    minimum_target_share: null,
    below_minimum_share: null,
  };
  const use = { fte: null, allocated: null, exceeded: null, under_used: null };
  return {
    work_form: { id, kind, recognition_number: null, earlier_kinds: [] },
    categories: [],
    heads: 0,
    target_fte: target,
    supervisor_fte: [],
    recognised_ratio: null,
    worked_ratio: null,
    allowed_supervisor_fte: figures.allowed_supervisor_fte,
    subsidisable_supervisor_fte: null,
    figures,
    segments: [],
    parameters: [],
    contingent: {
      year: 2026,
      up_to_quarter: 1,
      quarters: [],
      year_to_date_target: use,
      year_to_date_supervisor: use,
      yearly_minimum_fte: null,
      projected_year_average: null,
      minimum_at_risk: null,
    },
  };
}

function ratios(period: string, forms: WorkFormRatiosDto[]): RatiosDto {
  return { period, start: '', end: '', work_forms: forms };
}

describe('chartSeries', () => {
  it('gives one row per quarter for every work form, gaps where a quarter failed', () => {
    const quarters = ['2025/4', '2026/1', '2026/2'];
    const series = chartSeries(quarters, [
      ratios('2025/4', [workForm(1, 'social_workshop', '15.2000')]),
      null,
      ratios('2026/2', [workForm(1, 'social_workshop', '16.0000'), workForm(2, 'work_care', '3.3333')]),
    ]);
    expect(series.map((s) => s.kind)).toEqual(['social_workshop', 'work_care']);
    expect(series[0].rows.map((r) => r.target)).toEqual(['15.2000', null, '16.0000']);
    expect(series[0].rows.map((r) => r.failed)).toEqual([false, true, false]);
    expect(series[1].rows.map((r) => r.target)).toEqual([null, null, '3.3333']);
    expect(series[1].rows[2]).toEqual({
      quarter: '2026/2',
      target: '3.3333',
      supervisor: '3.0000',
      allowed: '3.0400',
      failed: false,
    });
    expect(maxOf(series[0].rows)).toBe(16);
    expect(maxOf([])).toBe(0);
  });
});
