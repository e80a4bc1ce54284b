import { describe, expect, it } from 'vitest';
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
});
