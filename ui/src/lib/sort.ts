// Sorting a table by one of its columns: pure functions, unit-tested in sort.test.ts.
//
// A table keeps its rows as the backend gives them; sorting makes a sorted copy. The
// values compared are the underlying ones (ISO dates, decimal strings as numbers, ids by
// their Dutch label), never the formatted text. Empty values (null, undefined, '') always
// come last, whichever the direction; rows with equal values keep their list order.
// Clicking a column sorts it ascending, again descending, a third time back to the list's
// own order (no sort chosen).

export type SortDirection = 'ascending' | 'descending';

/** The column a table is sorted by, and which way. `null` = the list's own order. */
export interface SortState<K extends string = string> {
  key: K;
  direction: SortDirection;
}

/** How a column's values compare: as text (Dutch), as numbers, or as dates. */
export type SortKind = 'text' | 'number' | 'date';

export type SortValue = string | number | bigint | boolean | null | undefined;

/** A sortable column: its value in a row and how values compare (text by default). */
export interface SortColumn<R> {
  value: (row: R) => SortValue;
  kind?: SortKind;
}

export type SortColumns<R, K extends string = string> = Record<K, SortColumn<R>>;

/** Dutch text order: case and accents ignored ("Çelik" next to "Celik"), digits as numbers ("2" < "10"). */
const collator = new Intl.Collator('nl-BE', { sensitivity: 'base', numeric: true });

/** `a.localeCompare(b, 'nl-BE', { sensitivity: 'base', numeric: true })`, with one shared collator. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A value as something comparable: a number (numbers, dates as milliseconds) or a text;
 * null when it is empty or cannot be read as its kind (it then sorts with the empty ones).
 */
export function sortKey(value: SortValue, kind: SortKind = 'text'): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'bigint') return Number(value);
  const text = value.trim();
  if (text === '') return null;
  switch (kind) {
    case 'text':
      return text;
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
    case 'date': {
      const m = ISO_DATE.exec(text);
      const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Date.parse(text);
      return Number.isNaN(ms) ? null : ms;
    }
  }
}

/** Compares two keys made by [`sortKey`] (ascending); empty ones are handled by the caller. */
function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareText(String(a), String(b));
}

/**
 * Compares two values of a column in `direction`: empty values last in both directions
 * (0 when both are empty).
 */
export function compareValues(
  a: SortValue,
  b: SortValue,
  kind: SortKind = 'text',
  direction: SortDirection = 'ascending',
): number {
  const ka = sortKey(a, kind);
  const kb = sortKey(b, kind);
  if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
  const order = compareKeys(ka, kb);
  return direction === 'ascending' ? order : -order;
}

/**
 * The rows sorted by `state`'s column (a new array; `rows` is left as it is). Without a
 * state, or for a column the table does not know, the rows in their own order. Stable:
 * rows with equal (or both empty) values keep their order, in both directions.
 */
export function sortRows<R, K extends string>(
  rows: readonly R[],
  state: SortState<K> | null,
  columns: Partial<SortColumns<R, K>>,
): R[] {
  const column = state ? columns[state.key] : undefined;
  if (!state || !column) return [...rows];
  const kind = column.kind ?? 'text';
  const keyed = rows.map((row, index) => ({ row, index, key: sortKey(column.value(row), kind) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
      return a.index - b.index;
    }
    const order = compareKeys(a.key, b.key);
    if (order !== 0) return state.direction === 'ascending' ? order : -order;
    return a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/**
 * The state after clicking column `key`: a new column sorts ascending; the sorted column
 * turns descending, then back to the list's own order (`null`).
 */
export function toggleSort<K extends string>(state: SortState<K> | null, key: K): SortState<K> | null {
  if (!state || state.key !== key) return { key, direction: 'ascending' };
  if (state.direction === 'ascending') return { key, direction: 'descending' };
  return null;
}

/** The `aria-sort` of column `key`'s header. */
export function ariaSort<K extends string>(state: SortState<K> | null, key: K): 'ascending' | 'descending' | 'none' {
  return state && state.key === key ? state.direction : 'none';
}

/** What clicking column `key` will do next ([`toggleSort`]): for the header's tooltip. */
export function nextSort<K extends string>(state: SortState<K> | null, key: K): SortDirection | 'none' {
  const next = toggleSort(state, key);
  return next ? next.direction : 'none';
}
