import { describe, expect, it } from 'vitest';
import type { ErrorDto } from './bindings/ErrorDto';
import { problemOf } from './errors';

function validation(violations: { field: string; message: string }[], message: string): ErrorDto {
  return {
    kind: 'validation',
    code: violations.length === 1 ? 'insz.checksum' : 'validation.failed',
    message,
    details: {
      violations: violations.map((v) => ({ ...v, code: 'x', params: {} })),
      issues: [],
      params: {},
    },
  };
}

describe('problemOf', () => {
  it('places violations next to their fields and does not repeat them in the alert', () => {
    const p = problemOf(validation([{ field: 'insz', message: 'INSZ klopt niet.' }], 'INSZ klopt niet.'), ['insz']);
    expect(p.fields).toEqual({ insz: 'INSZ klopt niet.' });
    expect(p.message).toBe('Niet alles is correct ingevuld. Kijk de gemarkeerde velden na.');
    expect(p.other).toEqual([]);
  });

  it('lists violations of fields the form does not show under the alert', () => {
    const p = problemOf(
      validation([{ field: 'insz', message: 'A' }, { field: 'on', message: 'B' }], 'Niet alles is correct ingevuld.'),
      ['insz'],
    );
    expect(p.fields).toEqual({ insz: 'A' });
    expect(p.other).toEqual(['B']);
    expect(p.message).toBe('Niet alles is correct ingevuld.');
  });

  it('keeps the message of errors without violations', () => {
    const p = problemOf({ kind: 'conflict', code: 'demo.not_empty', message: 'Het register bevat al gegevens.' }, []);
    expect(p.message).toBe('Het register bevat al gegevens.');
    expect(p.dto.kind).toBe('conflict');
  });
});
