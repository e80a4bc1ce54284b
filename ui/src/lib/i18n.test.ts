import { describe, expect, it } from 'vitest';
import uiTexts from '../../../locales/nl-BE/ui.json';
import { categoryLabel, contractLabel, fieldLabel, has, label, render, t, tn } from './i18n';

describe('t', () => {
  it('fills plain placeholders', () => {
    expect(t('ui.welcome.demo_done', { people: 12, periods: 20 })).toBe(
      'Demowerkplaats geladen: 12 personen, 20 periodes.',
    );
    expect(t('person.insz_taken', { name: 'Jan Peeters' })).toBe(
      'Er staat al iemand met dit INSZ-nummer in het register: Jan Peeters.',
    );
  });

  it('formats dates, categories and fields', () => {
    expect(
      t('period.overlap', { category: 'article_60', start: '2025-01-01', end: '2025-06-30' }),
    ).toBe(
      'Deze periode overlapt met een andere periode van deze persoon: Artikel 60 van 01/01/2025 tot 30/06/2025. Sluit eerst die periode af.',
    );
    expect(t('period.overlap', { category: 'work_care', start: '2025-01-01', end: '' })).toContain(
      'Arbeidszorg van 01/01/2025 tot …',
    );
    expect(t('import.column_missing', { column: 'birth_date' })).toBe('De kolom "Geboortedatum" ontbreekt.');
    expect(render('{x:field}', { x: 'no_such_field' })).toBe('no_such_field');
  });

  it('looks any other format up as a label group, as the backend does', () => {
    expect(render('{level:education}', { level: 'higher' })).toBe('Hoger onderwijs');
    expect(render('{fact:tristate}', { fact: 'yes' })).toBe('Ja');
    expect(t('rules.categories_empty', { key: 'target_categories' })).toBe(
      'Kies minstens één categorie voor Categorieën doelgroep.',
    );
    expect(render('{x:work_form}', { x: 'insertion' })).toBe('Invoegbedrijf');
    // No such label (or no such group): the value itself, nothing lost.
    expect(render('{x:education}', { x: 'phd' })).toBe('phd');
    expect(render('{x:nogroup}', { x: 'abc' })).toBe('abc');
    expect(render('[{x:category}]', { x: '' })).toBe('[]');
  });

  it('formats numbers as the backend does, in one nl-BE format', () => {
    // The same template and values as the backend's messages test.
    const params = { a: '15.2000', b: '1593.805', c: '38000', d: '0.50', e: 'n.v.t.', f: '0.6525' };
    expect(render('{a:fte} {b:amount} {c:number} {d:number} {e:fte} {f:percent}', params)).toBe(
      '15,20 1.593,81 38.000 0,5 n.v.t. 65,25 %',
    );
    expect(render('{x:percent}', { x: '1' })).toBe('100 %');
    expect(render('{x:percent}', { x: '0.65' })).toBe('65 %');
    expect(render('{x:percent}', { x: '-0.0125' })).toBe('-1,25 %');
    expect(render('{x:fte}', { x: '12345.6' })).toBe('12.345,60');
    // A date a person has to fill in: empty is "niet ingevuld", not an open end.
    expect(render('(geldig tot: {d:known_date})', { d: '' })).toBe('(geldig tot: niet ingevuld)');
    expect(render('(geldig tot: {d:known_date})', { d: '2026-11-27' })).toBe('(geldig tot: 27/11/2026)');
  });

  it('renders a missing key as the key and its parameters', () => {
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('no.such.key', { a: 1 })).toBe('no.such.key (a=1)');
  });

  it('picks singular or plural', () => {
    expect(tn('ui.staff.count', 1)).toBe('1 persoon');
    expect(tn('ui.staff.count', 0)).toBe('0 personen');
    expect(tn('ui.staff.count', 14)).toBe('14 personen');
  });
});

describe('labels', () => {
  it('names categories, contracts, enums and fields', () => {
    expect(categoryLabel('target_group_recognised')).toBe('Doelgroep erkend');
    expect(categoryLabel(null)).toBe('');
    expect(contractLabel('open_ended')).toBe('Onbepaalde duur');
    expect(contractLabel('article_60_placement')).toBe('Tewerkstelling artikel 60');
    expect(label('tristate', 'unknown')).toBe('Onbekend');
    expect(fieldLabel('insz')).toBe('INSZ');
  });
});

describe('catalogue', () => {
  it('has every ui.* key the components use', () => {
    const sources = import.meta.glob(['../**/*.svelte', '../**/*.ts', '!../**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\btn?\(\s*'(ui\.[a-z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !has(k) && !(has(`${k}.one`) && has(`${k}.other`)));
    expect(missing).toEqual([]);
  });

  it('keeps every ui.json key under ui.*', () => {
    const keys = Object.keys(uiTexts);
    expect(keys.every((k) => k.startsWith('ui.'))).toBe(true);
  });
});
