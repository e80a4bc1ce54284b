// A table's sort state and its sorted rows: `const table = sortedTable(() => rows,
// COLUMNS)`, then `{#each table.rows …}` and `<SortHeader … sort={table.sort}
// onsort={table.onsort} />` (DataGrid does this for every grid). The rows follow `source`
// (reactive); the sorting itself is sort.ts. The state is the table's own unless `state`
// keeps it elsewhere (a bound prop, or one state shared by several tables).

import { sortRows, toggleSort, type SortColumns, type SortState } from './sort';

export interface SortedTable<R, K extends string> {
  /** The column sorted by, or `null` for the list's own order. */
  readonly sort: SortState<K> | null;
  /** The rows in the chosen order. */
  readonly rows: R[];
  /** A header was clicked: ascending, descending, the list's own order. */
  onsort: (column: K) => void;
}

/** Where a table's sort state lives when it is not the table's own. */
export interface SortStore<K extends string> {
  get: () => SortState<K> | null;
  set: (sort: SortState<K> | null) => void;
}

export function sortedTable<R, K extends string>(
  source: () => R[],
  columns: Partial<SortColumns<R, K>> | (() => Partial<SortColumns<R, K>>),
  state?: SortStore<K>,
): SortedTable<R, K> {
  let own = $state<SortState<K> | null>(null);
  const store: SortStore<K> = state ?? { get: () => own, set: (next) => (own = next) };
  const columnsOf = typeof columns === 'function' ? columns : () => columns;
  const rows = $derived(sortRows(source(), store.get(), columnsOf()));
  return {
    get sort() {
      return store.get();
    },
    get rows() {
      return rows;
    },
    onsort: (column: K): void => {
      store.set(toggleSort(store.get(), column));
    },
  };
}
