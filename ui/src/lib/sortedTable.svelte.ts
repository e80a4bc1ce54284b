// A table's sort state and its sorted rows, for a component: `const table =
// sortedTable(() => rows, COLUMNS)`, then `{#each table.rows …}` and
// `<SortHeader … sort={table.sort} onsort={table.onsort} />`. The rows follow `source`
// (reactive); the sorting itself is sort.ts.

import { sortRows, toggleSort, type SortColumns, type SortState } from './sort';

export interface SortedTable<R, K extends string> {
  /** The column sorted by, or `null` for the list's own order. */
  readonly sort: SortState<K> | null;
  /** The rows in the chosen order. */
  readonly rows: R[];
  /** A header was clicked: ascending, descending, the list's own order. */
  onsort: (column: K) => void;
}

export function sortedTable<R, K extends string>(source: () => R[], columns: SortColumns<R, K>): SortedTable<R, K> {
  let sort = $state<SortState<K> | null>(null);
  const rows = $derived(sortRows(source(), sort, columns));
  return {
    get sort() {
      return sort;
    },
    get rows() {
      return rows;
    },
    onsort: (column: K): void => {
      sort = toggleSort(sort, column);
    },
  };
}
