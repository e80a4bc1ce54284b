import { describe, expect, it } from 'vitest';
import {
  ariaSort,
  compareText,
  compareValues,
  nextSort,
  sortKey,
  sortRows,
  toggleSort,
  type SortColumns,
  type SortState,
} from './sort';

interface Row {
  id: number;
  name: string;
  fte: string | null;
  start: string | null;
  heads: number | null;
}

const ROWS: Row[] = [
  { id: 1, name: 'Claes', fte: '10.25', start: '2026-03-01', heads: 3 },
  { id: 2, name: 'Çelik', fte: '9.5', start: null, heads: 12 },
  { id: 3, name: 'de Smet', fte: null, start: '2025-12-31', heads: null },
  { id: 4, name: 'Van den Broeck', fte: '0.5000', start: '2026-01-15', heads: 3 },
  { id: 5, name: 'Dewitte', fte: '', start: '', heads: 2 },
];

const COLUMNS: SortColumns<Row, 'name' | 'fte' | 'start' | 'heads'> = {
  name: { value: (r) => r.name },
  fte: { value: (r) => r.fte, kind: 'number' },
  start: { value: (r) => r.start, kind: 'date' },
  heads: { value: (r) => r.heads, kind: 'number' },
};

const ids = (rows: Row[]) => rows.map((r) => r.id);
const asc = <K extends string>(key: K): SortState<K> => ({ key, direction: 'ascending' });
const desc = <K extends string>(key: K): SortState<K> => ({ key, direction: 'descending' });

describe('sortRows', () => {
  it('keeps the list order without a sort, and never changes the list itself', () => {
    const before = ids(ROWS);
    expect(ids(sortRows(ROWS, null, COLUMNS))).toEqual(before);
    sortRows(ROWS, desc('name'), COLUMNS);
    expect(ids(ROWS)).toEqual(before);
    expect(sortRows(ROWS, null, COLUMNS)).not.toBe(ROWS);
  });

  it('compares decimal strings as numbers, not as text', () => {
    // As text "10.25" < "9.5"; as numbers 0.5 < 9.5 < 10.25.
    expect(ids(sortRows(ROWS, asc('fte'), COLUMNS))).toEqual([4, 2, 1, 3, 5]);
    expect(ids(sortRows(ROWS, desc('fte'), COLUMNS))).toEqual([1, 2, 4, 3, 5]);
    expect(compareValues('9.5', '10.25', 'number')).toBeLessThan(0);
    expect(compareValues('-0.3333', '0', 'number')).toBeLessThan(0);
  });

  it('compares ISO dates as dates', () => {
    expect(ids(sortRows(ROWS, asc('start'), COLUMNS))).toEqual([3, 4, 1, 2, 5]);
    expect(ids(sortRows(ROWS, desc('start'), COLUMNS))).toEqual([1, 4, 3, 2, 5]);
    // Moments with an offset compare by the instant they name.
    expect(compareValues('2026-11-29T05:00:00+02:00', '2026-11-29T04:00:00Z', 'date')).toBeLessThan(0);
  });

  it('compares Dutch text ignoring case and accents', () => {
    // "Çelik" sorts as "celik", before "Claes"; "de Smet" with the d's, not after "Van".
    expect(ids(sortRows(ROWS, asc('name'), COLUMNS))).toEqual([2, 1, 3, 5, 4]);
    expect(ids(sortRows(ROWS, desc('name'), COLUMNS))).toEqual([4, 5, 3, 1, 2]);
    expect(compareText('Çelik', 'Claes')).toBeLessThan(0);
    expect(compareText('élodie', 'Elodie')).toBe(0);
    expect(compareText('rij 2', 'rij 10')).toBeLessThan(0);
  });

  it('puts empty values last in both directions, in their list order', () => {
    // fte: row 3 is null, row 5 is ''.
    expect(ids(sortRows(ROWS, asc('fte'), COLUMNS)).slice(-2)).toEqual([3, 5]);
    expect(ids(sortRows(ROWS, desc('fte'), COLUMNS)).slice(-2)).toEqual([3, 5]);
    expect(ids(sortRows(ROWS, asc('heads'), COLUMNS)).at(-1)).toBe(3);
    expect(ids(sortRows(ROWS, desc('heads'), COLUMNS)).at(-1)).toBe(3);
    expect(compareValues(null, '1', 'number', 'ascending')).toBeGreaterThan(0);
    expect(compareValues(null, '1', 'number', 'descending')).toBeGreaterThan(0);
    expect(compareValues('', null)).toBe(0);
  });

  it('is stable: equal values keep their list order, also descending', () => {
    // Rows 1 and 4 both have 3 heads.
    expect(ids(sortRows(ROWS, asc('heads'), COLUMNS))).toEqual([5, 1, 4, 2, 3]);
    expect(ids(sortRows(ROWS, desc('heads'), COLUMNS))).toEqual([2, 1, 4, 5, 3]);
    const same = ROWS.map((r) => ({ ...r, name: 'x' }));
    expect(ids(sortRows(same, desc('name'), COLUMNS))).toEqual(ids(ROWS));
  });

  it('leaves the order alone for a column the table does not know', () => {
    const unknown = { key: 'nope', direction: 'ascending' } as unknown as SortState<'name'>;
    expect(ids(sortRows(ROWS, unknown, COLUMNS))).toEqual(ids(ROWS));
  });
});

describe('sortKey', () => {
  it('reads values as their kind, empty or unreadable as null', () => {
    expect(sortKey(' 9.4500 ', 'number')).toBe(9.45);
    expect(sortKey('abc', 'number')).toBeNull();
    expect(sortKey('  ')).toBeNull();
    expect(sortKey(undefined)).toBeNull();
    expect(sortKey(Number.NaN)).toBeNull();
    expect(sortKey(true)).toBe(1);
    expect(sortKey(12n)).toBe(12);
    expect(sortKey('2026-01-31', 'date')).toBe(Date.UTC(2026, 0, 31));
    expect(sortKey('31/01/2026', 'date')).toBeNull();
  });
});

describe('toggleSort', () => {
  it('cycles ascending, descending, then the list order', () => {
    const first = toggleSort<'name' | 'fte'>(null, 'name');
    expect(first).toEqual(asc('name'));
    const second = toggleSort(first, 'name');
    expect(second).toEqual(desc('name'));
    expect(toggleSort(second, 'name')).toBeNull();
    // Another column starts ascending, whatever the current one was.
    expect(toggleSort(second, 'fte')).toEqual(asc('fte'));
    expect(toggleSort(first, 'fte')).toEqual(asc('fte'));
  });

  it('tells the header its aria-sort and what the next click does', () => {
    expect(ariaSort(null, 'name')).toBe('none');
    expect(ariaSort(asc('name'), 'name')).toBe('ascending');
    expect(ariaSort(desc('name'), 'name')).toBe('descending');
    expect(ariaSort<string>(asc('name'), 'fte')).toBe('none');
    expect(nextSort(null, 'name')).toBe('ascending');
    expect(nextSort(asc('name'), 'name')).toBe('descending');
    expect(nextSort(desc('name'), 'name')).toBe('none');
    expect(nextSort<string>(desc('name'), 'fte')).toBe('ascending');
  });
});
