import { describe, expect, it } from 'vitest';
import { exportOutcome } from './exports';

describe('exportOutcome', () => {
  it('names the file and counts the lines, one or more', () => {
    const path = '/home/an/Personeel 2026-12-03.xlsx';
    expect(exportOutcome({ path, bytes: 5120, lines: 12 })).toBe(`12 lijnen geschreven naar ${path}.`);
    expect(exportOutcome({ path, bytes: 5120, lines: 1 })).toBe(`1 lijn geschreven naar ${path}.`);
    expect(exportOutcome({ path, bytes: 4096, lines: 0 })).toBe(`0 lijnen geschreven naar ${path}.`);
    expect(exportOutcome({ path, bytes: 90000, lines: 1234 })).toBe(`1.234 lijnen geschreven naar ${path}.`);
  });

  it('says so when the dialog was closed', () => {
    expect(exportOutcome(null)).toBe('Exporteren geannuleerd.');
  });
});
