import { describe, expect, it } from 'vitest';
import type { ImportIssueDto } from '../../lib/bindings/ImportIssueDto';
import type { StaffImportPreviewDto } from '../../lib/bindings/StaffImportPreviewDto';
import type { StaffImportRowDto } from '../../lib/bindings/StaffImportRowDto';
import { has } from '../../lib/i18n';
import { buildMapping, sameMapping } from '../../lib/imports';
import {
  STAFF_FIELDS,
  STAFF_REQUIRED,
  STAFF_ROWS_SHOWN,
  missingStaffFields,
  rowEnd,
  rowName,
  skippedRows,
  staffBlockers,
  staffSelection,
  weekHours,
} from './staffImport';

function row(over: Partial<StaffImportRowDto> = {}): StaffImportRowDto {
  return {
    row: 2,
    insz: '93.05.18-223.61',
    last_name: 'Peeters',
    first_name: 'Jan',
    birth_date: '1993-05-18',
    category: 'target_group_recognised',
    start: '2025-01-01',
    end: null,
    q: 3800,
    s: 3800,
    existing_person: false,
    work_form_id: null,
    ...over,
  };
}

function issue(over: Partial<ImportIssueDto> = {}): ImportIssueDto {
  return {
    row: 2,
    column: 'q',
    header: 'Q',
    value: 'x',
    code: 'import.hours_unreadable',
    message: '"x" is geen aantal uren. Schrijf bv. 38, 22,8 of 7:36.',
    ...over,
  };
}

function preview(over: Partial<StaffImportPreviewDto> = {}): StaffImportPreviewDto {
  return {
    file_name: 'personeel.xlsx',
    sheet: 'Personeel',
    sheet_names: ['Personeel'],
    header_row: 1,
    headers: ['INSZ', 'Naam', 'Voornaam'],
    columns: [
      { field: 'insz', header: 'INSZ', column: 0 },
      { field: 'last_name', header: 'Naam', column: 1 },
      { field: 'first_name', header: 'Voornaam', column: 2 },
    ],
    total_rows: 1,
    rows: [row()],
    issues: [],
    new_people: 1,
    existing_people: 0,
    can_commit: true,
    ...over,
  };
}

describe('fields', () => {
  it('names every field in the catalogue, the required ones among them', () => {
    for (const f of STAFF_FIELDS) expect(has(`field.${f}`), f).toBe(true);
    for (const f of STAFF_REQUIRED) expect(STAFF_FIELDS).toContain(f);
    expect(STAFF_REQUIRED).not.toContain('end');
    expect(STAFF_ROWS_SHOWN).toBe(200);
  });
});

describe('staff mapping', () => {
  it('turns the preview columns into select values, every field present', () => {
    const sel = staffSelection(preview().columns);
    expect(Object.keys(sel)).toEqual([...STAFF_FIELDS]);
    expect(sel).toMatchObject({ insz: '0', last_name: '1', first_name: '2', end: '', work_form: '' });
    expect(buildMapping(sel)).toEqual({ insz: 0, last_name: 1, first_name: 2 });
  });

  it('sees a changed select as a changed mapping', () => {
    const applied = staffSelection(preview().columns);
    expect(sameMapping({ ...applied }, applied)).toBe(true);
    expect(sameMapping({ ...applied, birth_date: '3' }, applied)).toBe(false);
  });

  it('lists the required fields without a column', () => {
    expect(missingStaffFields(staffSelection(preview().columns))).toEqual([
      'birth_date',
      'category',
      'start',
      'q',
      's',
    ]);
    const all = Object.fromEntries(STAFF_REQUIRED.map((f, i) => [f, String(i)]));
    expect(missingStaffFields(all)).toEqual([]);
  });
});

describe('staffBlockers', () => {
  it('is empty for a file that can be imported', () => {
    expect(staffBlockers(preview(), false)).toEqual([]);
  });

  it('names an unapplied mapping and the issues', () => {
    const p = preview({ issues: [issue(), issue({ row: 3 })], can_commit: false });
    expect(staffBlockers(p, true)).toEqual([
      'Je hebt de kolomtoewijzing gewijzigd maar nog niet toegepast.',
      'Er zijn 2 fouten in het bestand.',
    ]);
    expect(staffBlockers(preview({ issues: [issue()], can_commit: false }), false)).toEqual([
      'Er is 1 fout in het bestand.',
    ]);
  });

  it('says so when there are no rows and no issue explains why', () => {
    expect(staffBlockers(preview({ rows: [], total_rows: 0, can_commit: false }), false)).toEqual([
      'Het bestand bevat geen rijen met personeel.',
    ]);
  });
});

describe('rows', () => {
  it('counts the rows that could not be read', () => {
    expect(skippedRows(preview())).toBe(0);
    expect(skippedRows(preview({ total_rows: 5 }))).toBe(4);
    expect(skippedRows(preview({ total_rows: 0 }))).toBe(0);
  });

  it('shows names, hours a week and the end', () => {
    expect(rowName(row())).toBe('Peeters Jan');
    expect(rowName(row({ first_name: '' }))).toBe('Peeters');
    expect(weekHours(3800)).toBe('38,00');
    expect(weekHours(2280)).toBe('22,80');
    expect(weekHours(5)).toBe('0,05');
    expect(rowEnd(row())).toBe('lopend');
    expect(rowEnd(row({ end: '2026-06-30' }))).toBe('30/06/2026');
  });
});
