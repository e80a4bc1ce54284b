// The markup DataGrid renders (server-side, no browser): the elements, roles and
// attributes the E2E tests and screen readers rely on.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import DataGrid from './DataGrid.svelte';
import type { GridColumn } from '../grid';
import type { SortColumns, SortState } from '../sort';

interface Row {
  id: number;
  name: string;
  fte: string | null;
}
type Key = 'name' | 'fte' | 'actions';

const ROWS: Row[] = [
  { id: 1, name: 'Peeters', fte: '1.0000' },
  { id: 2, name: 'Öztürk', fte: null },
  { id: 3, name: 'Aerts', fte: '0.5000' },
];
const COLUMNS: GridColumn<Row, Key>[] = [
  { key: 'name', label: 'Naam', rowHeader: true, text: (r) => r.name },
  { key: 'fte', label: 'VTE', numeric: true, text: (r) => r.fte ?? '—', cellProps: (r) => ({ title: `rij ${r.id}` }) },
  { key: 'actions', label: 'Acties', hideLabel: true },
];
const SORT: SortColumns<Row, 'name' | 'fte'> = {
  name: { value: (r) => r.name },
  fte: { value: (r) => r.fte, kind: 'number' },
};

type Props = Partial<{
  layout: 'table' | 'rows';
  sort: SortState<Key> | null;
  navigable: boolean;
  limit: number;
  columns: GridColumn<Row, Key>[];
  caption: string;
  label: string;
  maxHeight: 'medium' | 'tall';
  onactivate: (row: Row) => void;
  selected: unknown;
}>;

/** The grid's HTML without Svelte's hydration comments. */
function html(props: Props = {}): string {
  const { body } = render(DataGrid<Row, Key>, {
    props: {
      columns: COLUMNS,
      rows: ROWS,
      key: (r: Row) => r.id,
      sortBy: SORT,
      rowProps: (r: Row) => ({ 'data-testid': 'person-row', 'data-id': r.id, class: { first: r.id === 1 } }),
      ...props,
    },
  });
  return body.replace(/<!--[^]*?-->/g, '');
}

/** The rows' opening tags, in order. */
const rowTags = (markup: string, tag: string): string[] => markup.match(new RegExp(`<${tag} data-testid="person-row"[^>]*>`, 'g')) ?? [];
const order = (markup: string): string[] => [...markup.matchAll(/data-id="(\d+)"/g)].map((m) => m[1]);

describe('DataGrid, table layout', () => {
  it('renders a real table: a caption, header cells, one <tr> per row with its attributes', () => {
    const out = html({ caption: 'Personeel' });
    expect(out).toMatch(/^<table class="data-grid table">\s*<caption>Personeel<\/caption>\s*<thead class="head-group">/);
    expect(out).toContain('<tbody class="body-group">');
    // Sortable columns: SortHeader's <th> with aria-sort and its button's test id.
    expect(out).toMatch(/<th scope="col" class="sort-header [^"]*" aria-sort="none"><button[^>]*data-testid="sort-name"/);
    expect(out).toMatch(/<th scope="col" class="sort-header [^"]*numeric[^"]*" aria-sort="none"><button[^>]*data-testid="sort-fte"/);
    // Not sortable: a plain header, its label for screen readers only.
    expect(out).toContain('<th scope="col"><span class="visually-hidden">Acties</span></th>');
    const rows = rowTags(out, 'tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('class="row body first"');
    expect(rows[1]).toContain('class="row body"');
    expect(order(out)).toEqual(['1', '2', '3']);
    // The name is the row's header; numbers right-aligned, with the cell's own attributes.
    expect(out).toContain('<th scope="row" data-col="name">Peeters</th>');
    expect(out).toContain('<td class="num" title="rij 1" data-col="fte">1.0000</td>');
    // Without navigation the rows are not focusable.
    expect(out).not.toContain('tabindex');
  });

  it('shows the rows in the sort chosen, and says so in aria-sort', () => {
    const up = html({ sort: { key: 'name', direction: 'ascending' } });
    expect(order(up)).toEqual(['3', '2', '1']);
    expect(up).toMatch(/aria-sort="ascending"><button[^>]*data-testid="sort-name"/);
    const down = html({ sort: { key: 'fte', direction: 'descending' } });
    // Numbers as numbers, the empty value last.
    expect(order(down)).toEqual(['1', '3', '2']);
    expect(down).toMatch(/aria-sort="descending"><button[^>]*data-testid="sort-fte"/);
  });

  it('cuts the sorted rows at the limit', () => {
    expect(order(html({ limit: 2, sort: { key: 'name', direction: 'ascending' } }))).toEqual(['3', '2']);
  });

  it('makes the rows one tab stop when navigable or activatable', () => {
    for (const props of [{ navigable: true }, { onactivate: () => undefined }]) {
      const rows = rowTags(html(props), 'tr');
      expect(rows.map((r) => /tabindex="(-?\d)"/.exec(r)?.[1])).toEqual(['0', '-1', '-1']);
    }
    expect(rowTags(html({ onactivate: () => undefined }), 'tr')[0]).toContain('activatable');
  });

  it('marks the selected row', () => {
    const rows = rowTags(html({ selected: 2 }), 'tr');
    expect(rows.map((r) => /aria-selected="(\w+)"/.exec(r)?.[1])).toEqual(['false', 'true', 'false']);
    expect(rows[1]).toContain('selected');
  });

  it('lets a cell span the next columns', () => {
    const columns: GridColumn<Row, Key>[] = COLUMNS.map((c) =>
      c.key === 'fte' ? { ...c, cellProps: (r) => (r.fte === null ? { colspan: 2 } : {}) } : c,
    );
    const out = html({ columns });
    expect(out).toContain('<td colspan="2" class="num" data-col="fte">—</td>');
    // Öztürk's row has two cells; the others three.
    const cells = out.split('<tr data-testid').slice(1).map((r) => (r.match(/<t[dh] /g) ?? []).length);
    expect(cells).toEqual([3, 2, 3]);
  });

  it('scrolls in a box of the height asked for', () => {
    expect(html({ maxHeight: 'tall' })).toMatch(/^<div class="data-grid-scroll tall"><table class="data-grid table">/);
  });
});

describe('DataGrid, rows layout', () => {
  it('renders role="table" with rows of inline cells, a space between the cells', () => {
    const out = html({ layout: 'rows', label: 'Personeel', navigable: true });
    expect(out).toMatch(/^<div class="data-grid rows" role="table" aria-label="Personeel">/);
    expect(out).toContain('<div class="head-group" role="rowgroup"><div class="row head" role="row">');
    expect(out).toMatch(/<span role="columnheader" class="sort-header [^"]*" aria-sort="none"><button/);
    expect(out).toContain('<span role="columnheader"><span class="visually-hidden">Acties</span></span>');
    const rows = rowTags(out, 'div');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('role="row"');
    expect(rows[0]).toContain('tabindex="0"');
    expect(out).toMatch(/<span role="rowheader" data-col="name">Peeters<\/span>\s+<span role="cell" class="num" title="rij 1" data-col="fte">1.0000<\/span>/);
    expect(out).not.toContain('<table');
    expect(out).not.toContain('<tr');
  });

  it('names the grid by its caption when it has no label', () => {
    expect(html({ layout: 'rows', caption: 'Lijst' })).toMatch(/^<div class="data-grid rows" role="table" aria-label="Lijst">/);
  });
});
