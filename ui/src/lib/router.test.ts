import { describe, expect, it } from 'vitest';
import { parseRoute, payrollPath } from './router.svelte';

describe('payroll routes', () => {
  it('reads each sub-page', () => {
    expect(parseRoute('#/payroll')).toEqual({ name: 'payroll', tab: 'import' });
    expect(parseRoute('#/payroll/')).toEqual({ name: 'payroll', tab: 'import' });
    expect(parseRoute('#/payroll/batches')).toEqual({ name: 'payroll', tab: 'batches' });
    expect(parseRoute('#/payroll/wage-codes')).toEqual({ name: 'payroll', tab: 'wage-codes' });
    expect(parseRoute('#/payroll/reconciliation')).toEqual({ name: 'payroll', tab: 'reconciliation' });
    expect(parseRoute('#/payroll/mappings')).toEqual({ name: 'payroll', tab: 'mappings' });
    expect(parseRoute('#/payroll/other').name).toBe('unknown');
  });

  it('carries a wage code to fill in, escaped in the address', () => {
    expect(parseRoute('#/payroll/wage-codes/1060')).toEqual({ name: 'payroll', tab: 'wage-codes', code: '1060' });
    expect(payrollPath('wage-codes', 'A/1 x')).toBe('/payroll/wage-codes/A%2F1%20x');
    expect(parseRoute(`#${payrollPath('wage-codes', 'A/1 x')}`)).toEqual({
      name: 'payroll',
      tab: 'wage-codes',
      code: 'A/1 x',
    });
    expect(parseRoute('#/payroll/wage-codes/%E0%A4%A')).toEqual({
      name: 'payroll',
      tab: 'wage-codes',
      code: '%E0%A4%A',
    });
  });

  it('builds the paths', () => {
    expect(payrollPath('import')).toBe('/payroll');
    expect(payrollPath('batches')).toBe('/payroll/batches');
    expect(payrollPath('reconciliation')).toBe('/payroll/reconciliation');
    expect(payrollPath('mappings')).toBe('/payroll/mappings');
  });
});

describe('staff routes', () => {
  it('reads the list and the import', () => {
    expect(parseRoute('#/staff')).toEqual({ name: 'staff' });
    expect(parseRoute('#/staff/import')).toEqual({ name: 'staff-import' });
    expect(parseRoute('#/staff/import/')).toEqual({ name: 'staff-import' });
    expect(parseRoute('#/staff/import/x').name).toBe('unknown');
    expect(parseRoute('#/staff/other').name).toBe('unknown');
  });
});

describe('waitlist and agenda routes', () => {
  it('reads the list, the figures, a candidate and the agenda', () => {
    expect(parseRoute('#/waitlist')).toEqual({ name: 'waitlist', tab: 'list' });
    expect(parseRoute('#/waitlist/stats')).toEqual({ name: 'waitlist', tab: 'stats' });
    expect(parseRoute('#/waitlist/new')).toEqual({ name: 'candidate-new' });
    expect(parseRoute('#/candidate/7')).toEqual({ name: 'candidate', id: 7 });
    expect(parseRoute('#/candidate/7/edit')).toEqual({ name: 'candidate-edit', id: 7 });
    expect(parseRoute('#/candidate/x').name).toBe('unknown');
    expect(parseRoute('#/agenda')).toEqual({ name: 'agenda' });
  });
});

describe('claim routes', () => {
  it('reads the list and one claim', () => {
    expect(parseRoute('#/claims')).toEqual({ name: 'claims' });
    expect(parseRoute('#/claims/rules')).toEqual({ name: 'claim-rules' });
    expect(parseRoute('#/claim/12')).toEqual({ name: 'claim', id: 12 });
    expect(parseRoute('#/claim/x').name).toBe('unknown');
    expect(parseRoute('#/claim/0').name).toBe('unknown');
  });
});
