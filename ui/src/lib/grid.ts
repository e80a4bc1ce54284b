// The data grid's columns and its keyboard logic (DataGrid.svelte), as pure functions:
// unit-tested in grid.test.ts.
//
// A grid's rows are one tab stop (a roving tabindex): the row last focused has
// tabindex 0, the others -1. On a focused row ArrowUp/ArrowDown move to the row above or
// below, Home/End to the first or last, PageUp/PageDown ten rows; Enter (and Space)
// activate the row when the grid has an activate handler. Keys pressed in a control inside
// a row (a link, a button, a select) are the control's own.

import type { ClassValue } from 'svelte/elements';

/** The attributes a cell can add (besides its column's class and alignment). */
export interface CellProps {
  class?: ClassValue;
  title?: string;
  /** The cell spans this many columns (table layout): the next ones get no cell. */
  colspan?: number;
  'data-testid'?: string;
}

/** The attributes a row can add: classes, data-* attributes, an accessible name. */
export interface RowProps {
  class?: ClassValue;
  'aria-label'?: string;
  [attribute: `data-${string}`]: string | number | boolean | null | undefined;
}

/** A column of a grid: its key, header and how its cells read. */
export interface GridColumn<R, K extends string = string> {
  key: K;
  /** The header's text, already translated. */
  label: string;
  /** Numbers and amounts: right-aligned, tabular figures, never wrapped. */
  numeric?: boolean;
  /** The header's text for screen readers only (a column of buttons). */
  hideLabel?: boolean;
  /** The cells name their row: `<th scope="row">` (role="rowheader"). */
  rowHeader?: boolean;
  /** Extra classes of the column's cells (not of its header). */
  class?: string;
  /** The sort button's test id (SortHeader's default: `sort-<key>`). */
  sortTestid?: string;
  /** The cell's plain text; without it, the grid's `cell` snippet renders the cell. */
  text?: (row: R) => string | number;
  /** Attributes of one row's cell: a test id, a title, a class, a span. */
  cellProps?: (row: R) => CellProps;
}

/** A cell of a row: its column and how many columns it spans (at least 1). */
export interface RowCell<C> {
  column: C;
  span: number;
}

/**
 * The cells of a row: one per column, except that a cell spanning `n` columns covers the
 * next `n - 1` (they get no cell of their own). A span past the last column is cut short.
 */
export function rowCells<C>(columns: readonly C[], spanOf: (column: C) => number | undefined): RowCell<C>[] {
  const cells: RowCell<C>[] = [];
  for (let i = 0; i < columns.length; ) {
    const wanted = Math.floor(spanOf(columns[i]) ?? 1);
    const span = Math.min(Math.max(1, wanted), columns.length - i);
    cells.push({ column: columns[i], span });
    i += span;
  }
  return cells;
}

/** How far PageUp and PageDown move. */
export const PAGE_ROWS = 10;

/**
 * The row to focus after `key` on row `index` of `count` rows, or null when the key is no
 * navigation key or there is nowhere to go (the first row and ArrowUp, an empty grid).
 */
export function nextRow(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  const from = Math.min(Math.max(0, index), count - 1);
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = from + 1;
      break;
    case 'ArrowUp':
      to = from - 1;
      break;
    case 'PageDown':
      to = from + PAGE_ROWS;
      break;
    case 'PageUp':
      to = from - PAGE_ROWS;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = count - 1;
      break;
    default:
      return null;
  }
  to = Math.min(Math.max(0, to), count - 1);
  return to === index ? null : to;
}

/** What a key pressed on a focused row does. */
export type RowKeyAction = { kind: 'move'; to: number } | { kind: 'activate' } | null;

/**
 * The action of `key` on row `index` of `count`: moving the focus, activating the row
 * (Enter or Space, only when the grid can `activate`), or nothing.
 */
export function rowKeyAction(key: string, index: number, count: number, activate: boolean): RowKeyAction {
  if (key === 'Enter' || key === ' ') return activate && index >= 0 && index < count ? { kind: 'activate' } : null;
  const to = nextRow(key, index, count);
  return to === null ? null : { kind: 'move', to };
}

/**
 * The row that is the grid's tab stop: the one last focused, or the last row when the
 * list has shrunk below it; -1 for an empty grid.
 */
export function tabStop(active: number, count: number): number {
  if (count <= 0) return -1;
  return Math.min(Math.max(0, active), count - 1);
}
