import { describe, expect, it } from 'vitest';
import type { BatchDto } from '../../lib/bindings/BatchDto';
import type { MappingProfileDto } from '../../lib/bindings/MappingProfileDto';
import type { ImportIssueDto } from '../../lib/bindings/ImportIssueDto';
import type { PayrollColumnDto } from '../../lib/bindings/PayrollColumnDto';
import type { PayrollImportResultDto } from '../../lib/bindings/PayrollImportResultDto';
import type { PayrollLineDto } from '../../lib/bindings/PayrollLineDto';
import type { WageCodeDto } from '../../lib/bindings/WageCodeDto';
import { has } from '../../lib/i18n';
import {
  MEANINGS,
  PAYROLL_FIELDS,
  batchStatus,
  blockers,
  buildMapping,
  columnLetter,
  coverageOf,
  emptyChoices,
  findWageCode,
  headerOptions,
  importOptions,
  issueColumn,
  issueLines,
  mappingSelection,
  missingRequired,
  monthText,
  pickedLinks,
  profileFields,
  renameProblem,
  progressPercent,
  progressText,
  quantityText,
  replaceBatch,
  sameMapping,
  sharedColumns,
  signedFigure,
  sortWageCodes,
  unmappedCodes,
  withLink,
  withoutLink,
  workerText,
} from './payroll';

function columns(used: Record<string, number>): PayrollColumnDto[] {
  return PAYROLL_FIELDS.map((field) => ({
    field,
    column: used[field] ?? null,
    header: used[field] !== undefined ? `H${used[field]}` : null,
    required: field === 'period' || field === 'wage_code',
  }));
}

function line(over: Partial<PayrollLineDto> = {}): PayrollLineDto {
  return {
    row: 2,
    person_id: 1,
    person_name: 'Peeters Jan',
    worker_number: '101',
    insz: '93.05.18-223.61',
    name: 'Peeters Jan',
    period_start: '2026-01-01',
    period_end: '2026-01-31',
    wage_code: '1010',
    meaning: 'worked_hours',
    description: 'Gewerkte uren',
    quantity: '168.29',
    unit: 'hours',
    hours: 16829,
    amount: null,
    ...over,
  };
}

function issue(over: Partial<ImportIssueDto> = {}): ImportIssueDto {
  return {
    row: 4,
    column: 'worker_number',
    header: 'Werknemersnummer',
    value: '202',
    code: 'payroll.worker_unmatched',
    message: 'Werknemer 202 staat niet in het register.',
    ...over,
  };
}

function preview(over: Partial<PayrollImportResultDto> = {}): PayrollImportResultDto {
  return {
    file_name: 'loon.csv',
    file_size: 1234,
    sha256: 'x',
    sheet: 'loon',
    sheet_names: ['loon'],
    header_row: 1,
    headers: ['Werknemersnummer', 'Periode', 'Looncode'],
    columns: columns({ worker_number: 0, period: 1, wage_code: 2 }),
    profile: null,
    lines_read: 4,
    lines_imported: 0,
    lines: [line()],
    issues: [],
    unmatched: [],
    duplicate_of: null,
    first_period: '2026-01-01',
    last_period: '2026-01-31',
    batch_id: null,
    can_commit: true,
    ...over,
  };
}

function batch(over: Partial<BatchDto> = {}): BatchDto {
  return {
    id: 7,
    file_name: 'loon.csv',
    file_size: 1234,
    sha256: 'x',
    sheet: null,
    profile_name: null,
    imported_by: 'jan',
    imported_at: '2026-11-29T05:00:00Z',
    lines: 4,
    first_period: '2026-01-01',
    last_period: '2026-01-31',
    undone_at: null,
    undone_by: null,
    ...over,
  };
}

describe('field and meaning lists', () => {
  it('name every field and meaning in the catalogue', () => {
    for (const f of PAYROLL_FIELDS) expect(has(`field.${f}`), f).toBe(true);
    for (const m of MEANINGS) expect(has(`meaning.${m}`), m).toBe(true);
  });
});

describe('columnLetter', () => {
  it('counts like a spreadsheet', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(-1)).toBe('');
  });
});

describe('mapping', () => {
  it('turns the preview columns into select values, unused fields empty', () => {
    const sel = mappingSelection(columns({ insz: 1, period: 3, wage_code: 0 }));
    expect(Object.keys(sel)).toEqual([...PAYROLL_FIELDS]);
    expect(sel.insz).toBe('1');
    expect(sel.wage_code).toBe('0');
    expect(sel.name).toBe('');
  });

  it('builds options.mapping from the selects, leaving unused fields out', () => {
    expect(buildMapping({ insz: '1', period: '3', wage_code: '0', name: '', q: 'x' })).toEqual({
      insz: 1,
      period: 3,
      wage_code: 0,
    });
    expect(buildMapping({})).toEqual({});
  });

  it('round-trips: the mapping of a preview is what it read', () => {
    const used = { worker_number: 0, period: 2, wage_code: 4, quantity: 6 };
    expect(buildMapping(mappingSelection(columns(used)))).toEqual(used);
  });

  it('compares mappings by what they read, not by how the selects hold it', () => {
    expect(sameMapping({ insz: '1', name: '' }, { insz: '1' })).toBe(true);
    expect(sameMapping({ insz: '1' }, { insz: '2' })).toBe(false);
    expect(sameMapping({ insz: '1' }, { insz: '1', name: '3' })).toBe(false);
  });

  it('finds fields that read the same column', () => {
    expect(sharedColumns({ name: '2', first_name: '2', insz: '1', period: '' , wage_code: ''})).toEqual({
      name: ['first_name'],
      first_name: ['name'],
    });
    expect(sharedColumns({ name: '2', insz: '1' })).toEqual({});
  });

  it('lists required fields without a column, the worker first', () => {
    const cols = columns({});
    expect(missingRequired({ period: '1', wage_code: '2', insz: '0' }, cols)).toEqual([]);
    expect(missingRequired({ period: '1', wage_code: '', worker_number: '0' }, cols)).toEqual(['wage_code']);
    expect(missingRequired({}, cols)).toEqual(['worker', 'period', 'wage_code']);
  });

  it('offers each header cell by its letter, an empty one too', () => {
    expect(headerOptions(['INSZ', '', ' Looncode '])).toEqual([
      { value: '0', label: 'A · INSZ' },
      { value: '1', label: 'B · (kolom zonder naam)' },
      { value: '2', label: 'C · Looncode' },
    ]);
  });
});

describe('importOptions', () => {
  it('sends a dry run with the choices, never saving a profile', () => {
    const c = { ...emptyChoices(), sheet: 'Blad2', profile: 'SD Worx', saveProfileAs: ' Securex ' };
    expect(importOptions(c, true)).toEqual({
      sheet: 'Blad2',
      mapping: null,
      profile: 'SD Worx',
      save_profile_as: null,
      links: [],
      dry_run: true,
    });
  });

  it('saves the profile name (trimmed) only when importing for real', () => {
    const c = { ...emptyChoices(), saveProfileAs: ' Securex ' };
    expect(importOptions(c, false).save_profile_as).toBe('Securex');
    expect(importOptions({ ...c, saveProfileAs: '  ' }, false).save_profile_as).toBeNull();
  });

  it('lets a hand-made mapping win over a profile', () => {
    const c = { ...emptyChoices(), profile: 'SD Worx', mapping: { insz: 1, period: 0 } };
    const o = importOptions(c, true);
    expect(o.mapping).toEqual({ insz: 1, period: 0 });
    expect(o.profile).toBeNull();
    // A copy: changing the options does not change the choices.
    o.mapping!.insz = 5;
    expect(c.mapping.insz).toBe(1);
  });

  it('passes the links', () => {
    const c = { ...emptyChoices(), links: [{ worker: '202', person_id: 12 }] };
    expect(importOptions(c, false).links).toEqual([{ worker: '202', person_id: 12 }]);
  });
});

describe('links', () => {
  it('replaces an earlier link of the same worker', () => {
    const a = withLink([], { worker: '202', person_id: 1 });
    const b = withLink(a, { worker: '303', person_id: 2 });
    const c = withLink(b, { worker: '202', person_id: 3 });
    expect(c).toEqual([
      { worker: '303', person_id: 2 },
      { worker: '202', person_id: 3 },
    ]);
    expect(withoutLink(c, '303')).toEqual([{ worker: '202', person_id: 3 }]);
  });

  it('takes the pickers that have a person', () => {
    expect(pickedLinks({ '202': '12', '303': '', '404': 'x', '505': '0' })).toEqual([{ worker: '202', person_id: 12 }]);
  });
});

describe('progress', () => {
  it('is a whole percentage, or unknown without a total', () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ rows_done: 10, rows_total: 0 })).toBeNull();
    expect(progressPercent({ rows_done: 0, rows_total: 400 })).toBe(0);
    expect(progressPercent({ rows_done: 1999, rows_total: 4000 })).toBe(49);
    expect(progressPercent({ rows_done: 4000, rows_total: 4000 })).toBe(100);
    expect(progressPercent({ rows_done: 4100, rows_total: 4000 })).toBe(100);
  });

  it('says how far reading has come, in Belgian numbers', () => {
    expect(progressText({ rows_done: 12000, rows_total: 48000 }, false)).toBe('12.000 van 48.000 rijen gelezen (25 %)');
    expect(progressText({ rows_done: 1500, rows_total: 0 }, false)).toBe('1.500 rijen gelezen…');
    expect(progressText({ rows_done: 48000, rows_total: 48000 }, false)).toContain('gecontroleerd');
    expect(progressText({ rows_done: 48000, rows_total: 48000 }, true)).toContain('opgeslagen');
    expect(progressText(null, false)).toContain('geopend');
  });
});

describe('blockers', () => {
  it('is empty for a file that can be imported', () => {
    expect(blockers(preview(), false)).toEqual([]);
  });

  it('names every reason a file cannot be imported yet', () => {
    const p = preview({
      can_commit: false,
      issues: [issue(), issue({ row: 5 })],
      unmatched: [{ worker: '202', worker_number: '202', insz: null, name: 'Claes X', lines: 2, first_row: 4 }],
      duplicate_of: batch(),
    });
    expect(blockers(p, true)).toEqual([
      'Je hebt de kolomtoewijzing gewijzigd maar nog niet toegepast.',
      'Dit bestand werd al ingelezen.',
      'Er zijn 2 fouten in het bestand.',
      '1 werknemer is nog niet gekoppeld aan een persoon.',
    ]);
  });

  it('says so when there are no lines', () => {
    expect(blockers(preview({ lines_read: 0, lines: [], can_commit: false }), false)).toEqual([
      'Het bestand bevat geen loonlijnen.',
    ]);
  });
});

describe('issues', () => {
  it('names the column by its field, with the header of the file when it differs', () => {
    expect(issueColumn(issue())).toBe('Werknemersnummer');
    expect(issueColumn(issue({ header: 'Matricule' }))).toBe('Werknemersnummer (Matricule)');
    expect(issueColumn(issue({ column: '', header: null }))).toBe('');
  });

  it('lists the first issues and how many more there are', () => {
    const list = [issue(), issue({ row: 5, column: '' }), issue({ row: 6 })];
    expect(issueLines(list, 2)).toEqual([
      'Rij 4, Werknemersnummer: Werknemer 202 staat niet in het register.',
      'Rij 5: Werknemer 202 staat niet in het register.',
      'En nog 1 melding die hier niet getoond wordt.',
    ]);
    expect(issueLines(list, 10)).toHaveLength(3);
  });
});

describe('lines', () => {
  it('shows hours with a decimal comma and the unit', () => {
    expect(quantityText(line())).toBe('168,29 u');
    expect(quantityText(line({ hours: -240, quantity: '-2.4' }))).toBe('-2,40 u');
  });

  it('shows days and other units as written', () => {
    expect(quantityText(line({ hours: null, quantity: '1', unit: 'days' }))).toBe('1 dag');
    expect(quantityText(line({ hours: null, quantity: '2.5', unit: 'days' }))).toBe('2,5 dagen');
    expect(quantityText(line({ hours: null, quantity: '3', unit: 'stuks' }))).toBe('3 stuks');
    expect(quantityText(line({ hours: null, quantity: '1500', unit: null }))).toBe('1.500');
    expect(quantityText(line({ hours: null, quantity: null, unit: null }))).toBe('');
  });

  it('names a worker by what the file knows', () => {
    expect(workerText(line())).toBe('Peeters Jan · nr. 101 · 93.05.18-223.61');
    expect(workerText({ worker_number: null, insz: null, name: 'Claes' })).toBe('Claes');
  });

  it('lists wage codes without a meaning once', () => {
    const lines = [line(), line({ wage_code: '1060', meaning: null }), line({ wage_code: '1060', meaning: null })];
    expect(unmappedCodes([...lines, line({ wage_code: '2000', meaning: null })])).toEqual(['1060', '2000']);
  });
});

describe('batches', () => {
  it('knows an undone batch', () => {
    expect(batchStatus(batch())).toBe('active');
    expect(batchStatus(batch({ undone_at: '2026-11-29T06:00:00Z', undone_by: 'jan' }))).toBe('undone');
  });

  it('replaces a batch in the list by id', () => {
    const list = [batch({ id: 8 }), batch({ id: 7 })];
    const next = replaceBatch(list, batch({ id: 7, undone_at: 'x' }));
    expect(next.map((b) => [b.id, b.undone_at])).toEqual([
      [8, null],
      [7, 'x'],
    ]);
  });
});

describe('wage codes', () => {
  const code = (c: string): WageCodeDto => ({ id: null, code: c, meaning: 'other', description: null });

  it('sorts codes in numeric order', () => {
    expect(sortWageCodes([code('2000'), code('10'), code('A1'), code('2'), code('1010')]).map((w) => w.code)).toEqual([
      '2',
      '10',
      '1010',
      '2000',
      'A1',
    ]);
  });

  it('finds a code as typed', () => {
    expect(findWageCode([code('1010')], ' 1010 ')?.code).toBe('1010');
    expect(findWageCode([code('1010')], '101')).toBeNull();
  });
});

describe('signedFigure', () => {
  it('shows the direction of a difference', () => {
    expect(signedFigure('0.0500')).toBe('+0,0500');
    expect(signedFigure('-0.0400')).toBe('-0,0400');
    expect(signedFigure('0.0000')).toBe('0,0000');
    expect(signedFigure(null)).toBe('—');
  });
});

describe('saved column mappings', () => {
  const profile = (name: string, fields: string[] = ['insz', 'period']): MappingProfileDto => ({
    name,
    updated_at: '2026-11-29T07:00:00Z',
    fields,
  });
  const list = [profile('SD Worx'), profile('Securex')];

  it('checks a new name before it goes to the backend', () => {
    expect(renameProblem(list, 'SD Worx', '   ')).toBe('ui.payroll.mappings.name_required');
    expect(renameProblem(list, 'SD Worx', ' SD Worx ')).toBe('ui.payroll.mappings.name_same');
    expect(renameProblem(list, 'SD Worx', 'Securex ')).toBe('ui.payroll.mappings.name_taken');
    expect(renameProblem(list, 'SD Worx', 'securex')).toBeNull(); // names are case-sensitive, as stored
    expect(renameProblem(list, 'SD Worx', 'SD Worx Gent')).toBeNull();
    for (const key of ['name_required', 'name_same', 'name_taken']) expect(has(`ui.payroll.mappings.${key}`)).toBe(true);
  });

  it('lists the mapped fields in the import order', () => {
    expect(profileFields(profile('x', ['wage_code', 'insz', 'period']))).toEqual(['insz', 'period', 'wage_code']);
    expect(profileFields(profile('x', ['later', 'q']))).toEqual(['q', 'later']);
  });
});

describe('reconciliation coverage', () => {
  it('writes months as people do', () => {
    expect(monthText('2026-02')).toBe('02/2026');
    expect(monthText('2026/1')).toBe('2026/1');
  });

  it('splits the period into covered and uncovered months', () => {
    const batch = { file_name: 'loon-jan-feb.csv' } as BatchDto;
    const c = coverageOf({
      months: ['2026-01', '2026-02', '2026-03'],
      covered_months: ['2026-01', '2026-02'],
      batches: [batch],
    });
    expect(c).toEqual({ covered: ['01/2026', '02/2026'], uncovered: ['03/2026'], files: ['loon-jan-feb.csv'] });
    expect(coverageOf({ months: ['2026-03'], covered_months: [], batches: [] })).toEqual({
      covered: [],
      uncovered: ['03/2026'],
      files: [],
    });
  });
});
