import { describe, expect, it } from 'vitest';
import type { ImportIssueDto } from './bindings/ImportIssueDto';
import {
  buildMapping,
  columnLetter,
  headerOptions,
  issueColumn,
  issueLines,
  issueRows,
  issueText,
  missingFields,
  sameMapping,
  selectionOf,
  sharedColumnsOf,
} from './imports';

function issue(over: Partial<ImportIssueDto> = {}): ImportIssueDto {
  return {
    row: 3,
    column: 'birth_date',
    header: 'Geboren',
    value: '31/02/1990',
    code: 'import.date_unreadable',
    message: '"31/02/1990" is geen datum. Schrijf dd/mm/jjjj of jjjj-mm-dd.',
    ...over,
  };
}

describe('selectionOf', () => {
  it('gives every field a select value, the columns read as their index', () => {
    const sel = selectionOf(['insz', 'last_name', 'end'], [
      { field: 'insz', column: 0 },
      { field: 'last_name', column: 2 },
    ]);
    expect(sel).toEqual({ insz: '0', last_name: '2', end: '' });
  });

  it('takes a field without a column (null) as unused', () => {
    expect(selectionOf(['q'], [{ field: 'q', column: null }])).toEqual({ q: '' });
  });

  it('round-trips through buildMapping', () => {
    const used = { insz: 0, start: 5, s: 9 };
    const cols = Object.entries(used).map(([field, column]) => ({ field, column }));
    expect(buildMapping(selectionOf(['insz', 'start', 's', 'end'], cols))).toEqual(used);
  });
});

describe('mapping helpers', () => {
  it('finds shared columns among the given fields only', () => {
    expect(sharedColumnsOf(['insz', 'last_name', 'first_name'], { last_name: '1', first_name: '1', insz: '0' })).toEqual({
      last_name: ['first_name'],
      first_name: ['last_name'],
    });
    // A key outside the field list does not count.
    expect(sharedColumnsOf(['insz'], { insz: '0', other: '0' })).toEqual({});
  });

  it('lists required fields without a column, in their order', () => {
    expect(missingFields(['insz', 'start', 'q'], { insz: '0', start: '', q: undefined as unknown as string })).toEqual([
      'start',
      'q',
    ]);
    expect(missingFields(['insz'], { insz: '3' })).toEqual([]);
  });

  it('compares and numbers like the payroll mapping does', () => {
    expect(sameMapping({ insz: '0', end: '' }, { insz: '0' })).toBe(true);
    expect(columnLetter(2)).toBe('C');
    expect(headerOptions(['INSZ', '  ', 'Naam'])).toEqual([
      { value: '0', label: 'A · INSZ' },
      { value: '1', label: 'B · (kolom zonder naam)' },
      { value: '2', label: 'C · Naam' },
    ]);
  });
});

describe('issues', () => {
  it('names the column by its field and the header of the file', () => {
    expect(issueColumn(issue())).toBe('Geboortedatum (Geboren)');
    expect(issueColumn(issue({ header: 'geboortedatum' }))).toBe('Geboortedatum');
    expect(issueColumn(issue({ column: '', header: null }))).toBe('');
  });

  it('writes an issue as one line, with or without a column', () => {
    expect(issueText(issue())).toBe(
      'Rij 3, Geboortedatum (Geboren): "31/02/1990" is geen datum. Schrijf dd/mm/jjjj of jjjj-mm-dd.',
    );
    expect(issueText(issue({ row: 1, column: '', header: null, message: 'Geen kopregel gevonden.' }))).toBe(
      'Rij 1: Geen kopregel gevonden.',
    );
  });

  it('cuts a long list and says how many more', () => {
    const list = [issue(), issue({ row: 4 }), issue({ row: 5 }), issue({ row: 6 })];
    const lines = issueLines(list, 2);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('En nog 2 meldingen die hier niet getoond worden.');
  });

  it('knows which rows have an issue', () => {
    const rows = issueRows([issue(), issue({ row: 7 }), issue({ row: 7, column: 'q' })]);
    expect([...rows].sort()).toEqual([3, 7]);
  });
});
