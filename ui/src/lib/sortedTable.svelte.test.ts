import { describe, expect, it } from 'vitest';
import type { SortState } from './sort';
import { sortedTable } from './sortedTable.svelte';

describe('sortedTable', () => {
  it('sorts the current rows by the clicked column, and back to the list order', () => {
    let rows = $state([{ name: 'Peeters', fte: '1.0000' }, { name: 'Öztürk', fte: '0.3000' }, { name: 'Aerts', fte: '0.8000' }]);
    const table = sortedTable(() => rows, { name: { value: (r) => r.name }, fte: { value: (r) => r.fte, kind: 'number' } });
    expect(table.sort).toBeNull();
    expect(table.rows.map((r) => r.name)).toEqual(['Peeters', 'Öztürk', 'Aerts']);
    table.onsort('name');
    // Dutch order, accents ignored: Aerts, Öztürk (as O), Peeters.
    expect(table.rows.map((r) => r.name)).toEqual(['Aerts', 'Öztürk', 'Peeters']);
    table.onsort('name');
    expect(table.sort).toEqual({ key: 'name', direction: 'descending' });
    expect(table.rows.map((r) => r.name)).toEqual(['Peeters', 'Öztürk', 'Aerts']);
    table.onsort('fte');
    expect(table.rows.map((r) => r.fte)).toEqual(['0.3000', '0.8000', '1.0000']);
    // New rows from the backend are sorted the same way.
    rows = [...rows, { name: 'Claes', fte: '0.5000' }];
    expect(table.rows.map((r) => r.name)).toEqual(['Öztürk', 'Claes', 'Aerts', 'Peeters']);
    table.onsort('fte');
    table.onsort('fte');
    expect(table.sort).toBeNull();
    expect(table.rows.map((r) => r.name)).toEqual(['Peeters', 'Öztürk', 'Aerts', 'Claes']);
  });

  it('keeps its state where it is told to, shared by two tables', () => {
    let shared = $state<SortState<'name'> | null>(null);
    const store = { get: () => shared, set: (next: SortState<'name'> | null) => (shared = next) };
    const columns = () => ({ name: { value: (r: { name: string }) => r.name } });
    const first = sortedTable(() => [{ name: 'Peeters' }, { name: 'Aerts' }], columns, store);
    const second = sortedTable(() => [{ name: 'Wouters' }, { name: 'Claes' }], columns, store);
    first.onsort('name');
    expect(shared).toEqual({ key: 'name', direction: 'ascending' });
    // The other table follows the same state.
    expect(second.sort).toEqual({ key: 'name', direction: 'ascending' });
    expect(second.rows.map((r) => r.name)).toEqual(['Claes', 'Wouters']);
    second.onsort('name');
    expect(first.rows.map((r) => r.name)).toEqual(['Peeters', 'Aerts']);
    shared = null;
    expect(first.rows.map((r) => r.name)).toEqual(['Peeters', 'Aerts']);
    expect(second.rows.map((r) => r.name)).toEqual(['Wouters', 'Claes']);
  });

  it('leaves the rows in their order for a column it cannot sort', () => {
    const table = sortedTable<{ name: string }, 'name' | 'actions'>(() => [{ name: 'B' }, { name: 'A' }], {
      name: { value: (r) => r.name },
    });
    table.onsort('actions');
    expect(table.sort).toEqual({ key: 'actions', direction: 'ascending' });
    expect(table.rows.map((r) => r.name)).toEqual(['B', 'A']);
  });
});
