// Geometry and data of the ratio chart: pure functions, unit-tested in chart.test.ts.
// The figures themselves stay decimal strings (shown in the table); numbers are only used
// to place points.

import type { RatiosDto } from './bindings/RatiosDto';
import type { WorkFormKind } from './bindings/WorkFormKind';

export interface Scale {
  /** Top of the axis (≥ the largest value). */
  max: number;
  step: number;
  /** 0, step, 2·step, …, max. */
  ticks: number[];
}

/** A zero-based axis with "nice" steps (1, 2, 2,5 or 5 × a power of ten), about `target` of them. */
export function niceScale(maxValue: number, target = 4): Scale {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
  const raw = top / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  const step = factor * magnitude;
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  const ticks: number[] = [];
  for (let i = 0; i <= count; i++) ticks.push(round(i * step));
  return { max: round(count * step), step: round(step), ticks };
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** A backend decimal (`"3.0400"`) as a number for drawing; null when unknown or unreadable. */
export function toNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** An axis label with a decimal comma and no trailing zeros: 2.5 → "2,5", 10 → "10". */
export function tickLabel(n: number): string {
  return String(round(n)).replace('.', ',');
}

/**
 * SVG path data for a series, one path per run of known values (an unknown value breaks
 * the line). A run of a single point gives no path; the chart draws it as a dot.
 */
export function linePaths(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string[] {
  const paths: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) paths.push(run.join(' '));
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null) {
      flush();
      return;
    }
    run.push(`${run.length === 0 ? 'M' : 'L'}${fmt(x(i))},${fmt(y(v))}`);
  });
  flush();
  return paths;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export interface ChartRow {
  quarter: string;
  /** FTE of the target categories in force. */
  target: string | null;
  /** FTE of the supervisor categories in force. */
  supervisor: string | null;
  /** Supervisor FTE the norm allows. */
  allowed: string | null;
  /** The quarter could not be loaded. */
  failed: boolean;
}

export interface WorkFormSeries {
  key: string;
  id: number | null;
  kind: WorkFormKind;
  recognition_number: string | null;
  rows: ChartRow[];
}

/**
 * Per work form (in the order they first appear), one row per quarter. `results[i]` is the
 * ratios of `quarters[i]`, or null when that call failed.
 */
export function chartSeries(quarters: readonly string[], results: readonly (RatiosDto | null)[]): WorkFormSeries[] {
  const forms = new Map<string, WorkFormSeries>();
  results.forEach((r) => {
    for (const wf of r?.work_forms ?? []) {
      const key = String(wf.work_form.id ?? wf.work_form.kind);
      if (!forms.has(key)) {
        forms.set(key, {
          key,
          id: wf.work_form.id,
          kind: wf.work_form.kind,
          recognition_number: wf.work_form.recognition_number,
          rows: [],
        });
      }
    }
  });
  for (const series of forms.values()) {
    series.rows = quarters.map((quarter, i) => {
      const r = results[i] ?? null;
      const wf = r?.work_forms.find((w) => String(w.work_form.id ?? w.work_form.kind) === series.key);
      return {
        quarter,
        target: wf?.figures.target_fte ?? null,
        supervisor: wf?.figures.supervisor_fte ?? null,
        allowed: wf?.figures.allowed_supervisor_fte ?? null,
        failed: r === null,
      };
    });
  }
  return [...forms.values()];
}

/** The largest known value of the rows (0 when none). */
export function maxOf(rows: readonly ChartRow[]): number {
  let max = 0;
  for (const r of rows) {
    for (const v of [r.target, r.supervisor, r.allowed]) {
      const n = toNumber(v);
      if (n !== null && n > max) max = n;
    }
  }
  return max;
}
