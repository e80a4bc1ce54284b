import { describe, expect, it } from 'vitest';
import type { PeriodDto } from '../../lib/bindings/PeriodDto';
import { hasArticle60, parseMonth, previousMonth } from './prestatiestaat';

describe('parseMonth', () => {
  it('reads mm/jjjj and jjjj-mm as the backend month', () => {
    expect(parseMonth('01/2026')).toBe('2026-01');
    expect(parseMonth('1/2026')).toBe('2026-01');
    expect(parseMonth(' 12/2025 ')).toBe('2025-12');
    expect(parseMonth('2026-01')).toBe('2026-01');
    expect(parseMonth('2026-3')).toBe('2026-03');
    expect(parseMonth('03-2026')).toBe('2026-03');
  });

  it('refuses what is not a month', () => {
    expect(parseMonth('')).toBeNull();
    expect(parseMonth('13/2026')).toBeNull();
    expect(parseMonth('00/2026')).toBeNull();
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('2026/1')).toBeNull(); // a quarter, not a month
    expect(parseMonth('15/01/2026')).toBeNull();
    expect(parseMonth('januari 2026')).toBeNull();
    expect(parseMonth('1/26')).toBeNull();
  });
});

describe('previousMonth', () => {
  it('is the month before today, across the new year', () => {
    expect(previousMonth('2026-02-15')).toBe('01/2026');
    expect(previousMonth('2026-01-01')).toBe('12/2025');
    expect(previousMonth('2026-11-30')).toBe('10/2026');
    // What the field shows parses back to the backend month.
    expect(parseMonth(previousMonth('2026-02-15'))).toBe('2026-01');
  });
});

describe('hasArticle60', () => {
  const period = (category: PeriodDto['category']): PeriodDto => ({
    id: 1,
    person_id: 1,
    category,
    start: '2025-01-01',
    end: null,
    q: 3800,
    s: 3800,
    fraction: '1.0000',
    contract_type: 'fixed_term',
    job: null,
    ocmw: null,
    placement_agreement_signed: null,
    work_form_id: null,
  });
  it('is true only with an article 60 period', () => {
    expect(hasArticle60([])).toBe(false);
    expect(hasArticle60([period('target_group_recognised')])).toBe(false);
    expect(hasArticle60([period('target_group_recognised'), period('article_60')])).toBe(true);
  });
});
