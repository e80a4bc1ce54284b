import { describe, expect, it } from 'vitest';
import { nextRow, PAGE_ROWS, rowCells, rowKeyAction, tabStop } from './grid';

describe('nextRow', () => {
  it('moves one row down and up, and stops at the ends', () => {
    expect(nextRow('ArrowDown', 0, 5)).toBe(1);
    expect(nextRow('ArrowDown', 3, 5)).toBe(4);
    expect(nextRow('ArrowDown', 4, 5)).toBeNull();
    expect(nextRow('ArrowUp', 4, 5)).toBe(3);
    expect(nextRow('ArrowUp', 0, 5)).toBeNull();
  });

  it('jumps to the first and the last row with Home and End', () => {
    expect(nextRow('Home', 3, 5)).toBe(0);
    expect(nextRow('End', 1, 5)).toBe(4);
    // Already there: nothing to do.
    expect(nextRow('Home', 0, 5)).toBeNull();
    expect(nextRow('End', 4, 5)).toBeNull();
  });

  it('moves a page with PageDown and PageUp, no further than the ends', () => {
    expect(nextRow('PageDown', 0, 40)).toBe(PAGE_ROWS);
    expect(nextRow('PageDown', 35, 40)).toBe(39);
    expect(nextRow('PageUp', 25, 40)).toBe(25 - PAGE_ROWS);
    expect(nextRow('PageUp', 4, 40)).toBe(0);
  });

  it('ignores other keys and empty grids', () => {
    for (const key of ['Enter', ' ', 'Tab', 'ArrowLeft', 'ArrowRight', 'a', 'Escape']) {
      expect(nextRow(key, 2, 5)).toBeNull();
    }
    expect(nextRow('ArrowDown', 0, 0)).toBeNull();
    expect(nextRow('End', 0, 0)).toBeNull();
  });

  it('brings a row that fell off a shrunk list back within it', () => {
    // Row 7 was focused, the filtered list has 3 rows left.
    expect(nextRow('ArrowUp', 7, 3)).toBe(1);
    expect(nextRow('ArrowDown', 7, 3)).toBe(2);
    expect(nextRow('Home', 7, 3)).toBe(0);
  });
});

describe('rowKeyAction', () => {
  it('activates with Enter and Space only when the grid can activate a row', () => {
    expect(rowKeyAction('Enter', 2, 5, true)).toEqual({ kind: 'activate' });
    expect(rowKeyAction(' ', 0, 5, true)).toEqual({ kind: 'activate' });
    expect(rowKeyAction('Enter', 2, 5, false)).toBeNull();
    expect(rowKeyAction(' ', 2, 5, false)).toBeNull();
    // Not a row of the grid.
    expect(rowKeyAction('Enter', 5, 5, true)).toBeNull();
    expect(rowKeyAction('Enter', -1, 5, true)).toBeNull();
  });

  it('moves the focus with the navigation keys, activatable or not', () => {
    expect(rowKeyAction('ArrowDown', 1, 5, true)).toEqual({ kind: 'move', to: 2 });
    expect(rowKeyAction('End', 1, 5, false)).toEqual({ kind: 'move', to: 4 });
    expect(rowKeyAction('ArrowUp', 0, 5, true)).toBeNull();
    expect(rowKeyAction('x', 1, 5, true)).toBeNull();
  });
});

describe('tabStop', () => {
  it('keeps the last focused row as the tab stop, within the rows there are', () => {
    expect(tabStop(0, 5)).toBe(0);
    expect(tabStop(3, 5)).toBe(3);
    expect(tabStop(9, 5)).toBe(4);
    expect(tabStop(-2, 5)).toBe(0);
    expect(tabStop(0, 0)).toBe(-1);
  });
});

describe('rowCells', () => {
  const columns = ['quarter', 'target', 'supervisor', 'allowed'];

  it('gives every column a cell of its own by default', () => {
    expect(rowCells(columns, () => undefined)).toEqual(columns.map((column) => ({ column, span: 1 })));
  });

  it('leaves out the columns a spanning cell covers', () => {
    // A quarter that failed to load: one cell over the three figures.
    const cells = rowCells(columns, (c) => (c === 'target' ? 3 : undefined));
    expect(cells).toEqual([
      { column: 'quarter', span: 1 },
      { column: 'target', span: 3 },
    ]);
  });

  it('cuts a span short at the last column and reads nonsense spans as 1', () => {
    expect(rowCells(columns, (c) => (c === 'supervisor' ? 9 : undefined))).toEqual([
      { column: 'quarter', span: 1 },
      { column: 'target', span: 1 },
      { column: 'supervisor', span: 2 },
    ]);
    expect(rowCells(columns, () => 0).map((c) => c.span)).toEqual([1, 1, 1, 1]);
    expect(rowCells(columns, () => -3).length).toBe(4);
    expect(rowCells([], () => 2)).toEqual([]);
  });
});
