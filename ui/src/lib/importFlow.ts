// The one flow of every import screen (staff register, payroll): choose a file (the native
// chooser, from Rust), see a preview that stores nothing, fix what is needed (sheet,
// column mapping, what else the import has) and run the preview again, then commit it
// whole. What differs per import comes in through an adapter: how to preview and commit,
// the choices a preview is made with, and what else must follow a run. The screens show
// it with components/ImportFlow.svelte. No DOM beyond moving focus; unit-tested in
// importFlow.test.ts.

import { tick } from 'svelte';
import type { ImportIssueDto } from './bindings/ImportIssueDto';
import type { ProgressDto } from './bindings/ProgressDto';
import { problemOf, type Problem } from './errors';
import { sameMapping, type MappingSelection } from './imports';

/** What is running: the chooser, a preview (dry run) or the commit. */
export type ImportRunning = 'choose' | 'preview' | 'commit' | null;

/** What every preview has, whatever it imports. */
export interface ImportPreview {
  file_name: string;
  sheet: string;
  sheet_names: string[];
  headers: string[];
  issues: ImportIssueDto[];
  can_commit: boolean;
}

/** What every import's choices have: the sheet asked for and a hand-made column mapping. */
export interface ImportChoicesBase {
  /** null = the first sheet. */
  sheet: string | null;
  /** null = the columns recognised by their headers. */
  mapping: Record<string, number> | null;
}

/**
 * An import in progress, kept (as `$state`) while the user goes elsewhere and comes back:
 * the file, its last preview and the choices it was made with, the mapping selects, the
 * last stored import and what is running.
 */
export interface ImportStore<P, C, D> {
  /** The chosen file: an opaque token the Rust side keeps the file under ('' = none). */
  file: string;
  preview: P | null;
  choices: C;
  /** The mapping selects (field → column index as text, '' = not used). */
  selection: MappingSelection;
  done: D | null;
  running: ImportRunning;
}

/** What one screen shows of the runs it started: a failed read or chooser, a refused commit. */
export interface ImportView {
  problem: Problem | null;
  refusal: Problem | null;
}

export interface ImportAdapter<P, C, D> {
  /** The native file chooser: the chosen file's token (never a path), or null when cancelled. */
  choose: () => Promise<string | null>;
  /** A dry run with these choices. */
  preview: (file: string, choices: C, onProgress: (p: ProgressDto) => void) => Promise<P>;
  /** The real run, of the preview shown. */
  commit: (file: string, choices: C, preview: P, onProgress: (p: ProgressDto) => void) => Promise<D>;
  /** The choices of a new file. */
  emptyChoices: () => C;
  /** The mapping selects for the columns a preview read. */
  selectionOf: (preview: P) => MappingSelection;
  /** The current choices after a preview made with `next` succeeded (default: `next`). */
  accept?: (next: C, current: C) => C;
  /** After a preview succeeded (its result and choices are the current ones). */
  previewed?: (result: P, next: C) => void;
  /** After a preview failed (the choices stay as they were). */
  failed?: () => void;
  /** A new file was chosen: forget what belonged to the old one. */
  cleared?: () => void;
  /** After a commit stored everything (the store is already empty again). */
  committed?: (result: D, choices: C) => void;
  /** The progress of the run going on; null when one starts or ends. */
  progress?: (p: ProgressDto | null) => void;
}

export interface RunOptions {
  /** Take the mapping selects from the new preview (else kept when the user changed them). */
  resetSelection?: boolean;
  /** A new file: forget the old preview when this one fails. */
  fresh?: boolean;
  /** Where focus goes afterwards (a selector inside the screen). */
  focus?: string;
}

/** The ids the flow moves focus to, under the screen's prefix (`staff-import`, `payroll`). */
export function flowIds(prefix: string): { previewTitle: string; doneTitle: string; refusal: string; status: string } {
  return {
    previewTitle: `${prefix}-preview-title`,
    doneTitle: `${prefix}-done-title`,
    refusal: `${prefix}-refusal`,
    status: `${prefix}-status`,
  };
}

/** The catalogue prefixes of the imports; each has every key of FLOW_TEXTS below it. */
export type ImportTexts = 'ui.staff_import' | 'ui.payroll';

/** The texts the flow shows, below an import's prefix (plurals have `.one` and `.other`). */
export const FLOW_TEXTS = [
  'choose',
  'choosing',
  'choose_hint',
  'empty',
  'progress.label',
  'progress.label_commit',
  'preview.title',
  'preview.intro',
  'preview.recheck',
  'preview.file',
  'preview.sheet',
  'preview.checking',
  'preview.not_ready',
  'commit',
  'committing',
  'commit_blocked',
] as const;

/** The plural texts the flow shows, below an import's prefix. */
export const FLOW_PLURALS = ['preview.ready', 'commit_hint', 'done.title'] as const;

/** A flow text's key: `flowKey('ui.payroll', 'commit')` → `ui.payroll.commit`. */
export function flowKey(
  texts: ImportTexts,
  key: (typeof FLOW_TEXTS)[number] | (typeof FLOW_PLURALS)[number] | 'choose_other',
): string {
  return `${texts}.${key}`;
}

/**
 * Numbers the runs of each store; only the latest may change it. Shared by every screen
 * that shows the store, so a run started before the user left and came back cannot
 * overwrite a newer one.
 */
const latestRun = new WeakMap<object, number>();

function nextRun(store: object): number {
  const n = (latestRun.get(store) ?? 0) + 1;
  latestRun.set(store, n);
  return n;
}

function isLatest(store: object, run: number): boolean {
  return latestRun.get(store) === run;
}

/**
 * The flow of one import screen over its store. A screen makes one per visit with its own
 * `view` (what it shows of its runs), and gives it its root element to move focus in.
 */
export class ImportController<P extends ImportPreview, C extends ImportChoicesBase, D> {
  /** The screen's root element (set by ImportFlow.svelte), to move focus in. */
  root: HTMLElement | null = null;
  readonly ids: ReturnType<typeof flowIds>;

  constructor(
    readonly store: ImportStore<P, C, D>,
    readonly view: ImportView,
    readonly adapter: ImportAdapter<P, C, D>,
    readonly prefix: string,
  ) {
    this.ids = flowIds(prefix);
  }

  get busy(): boolean {
    return this.store.running !== null;
  }

  /** The mapping the shown preview was made with (empty without a preview). */
  get applied(): MappingSelection {
    return this.store.preview ? this.adapter.selectionOf(this.store.preview) : {};
  }

  /** The mapping selects differ from what the shown preview was made with. */
  get mappingChanged(): boolean {
    const p = this.store.preview;
    return p !== null && !sameMapping(this.store.selection, this.adapter.selectionOf(p));
  }

  /** The shown preview can be stored as it is, and nothing is running. */
  get canCommit(): boolean {
    const p = this.store.preview;
    return p !== null && p.can_commit && !this.mappingChanged && !this.busy;
  }

  /** After the next render, focuses the element `selector` names inside the screen. */
  async focus(selector: string): Promise<void> {
    await tick();
    this.root?.querySelector<HTMLElement>(selector)?.focus();
  }

  private onProgress(run: number): (p: ProgressDto) => void {
    return (p) => {
      if (isLatest(this.store, run)) this.adapter.progress?.(p);
    };
  }

  /**
   * A preview with `next` choices. Only a successful run makes them the current ones, so
   * a failure leaves the preview and what it was made with as they were.
   */
  async run(next: C, opts: RunOptions = {}): Promise<boolean> {
    const s = this.store;
    const a = this.adapter;
    if (!s.file) return false;
    const mine = nextRun(s);
    const file = s.file;
    const keepSelection = !opts.resetSelection && this.mappingChanged;
    s.running = 'preview';
    a.progress?.(null);
    try {
      const result = await a.preview(file, next, this.onProgress(mine));
      if (!isLatest(s, mine)) return false;
      s.preview = result;
      s.choices = a.accept ? a.accept(next, s.choices) : next;
      if (!keepSelection) s.selection = a.selectionOf(result);
      a.previewed?.(result, next);
      this.view.problem = null;
      return true;
    } catch (e) {
      if (!isLatest(s, mine)) return false;
      this.view.problem = problemOf(e);
      a.failed?.();
      if (opts.fresh) s.preview = null;
      return false;
    } finally {
      if (isLatest(s, mine)) {
        s.running = null;
        a.progress?.(null);
        if (opts.focus) void this.focus(opts.focus);
      }
    }
  }

  /** Another preview with other choices (a mapping, a profile, links): the refusal is past. */
  apply(next: C, opts: RunOptions = {}): Promise<boolean> {
    if (this.busy) return Promise.resolve(false);
    this.view.refusal = null;
    return this.run(next, opts);
  }

  /** The native chooser; a file chosen starts afresh (choices belong to a file). */
  async choose(): Promise<void> {
    const s = this.store;
    if (this.busy) return;
    this.view.problem = null;
    this.view.refusal = null;
    s.running = 'choose';
    let file: string | null = null;
    try {
      file = await this.adapter.choose();
    } catch (e) {
      this.view.problem = problemOf(e);
    } finally {
      s.running = null;
    }
    if (!file) return; // cancelled: everything stays as it was
    s.file = file;
    s.preview = null;
    s.choices = this.adapter.emptyChoices();
    s.selection = {};
    s.done = null;
    this.adapter.cleared?.();
    await this.run(this.adapter.emptyChoices(), {
      resetSelection: true,
      fresh: true,
      focus: `#${this.ids.previewTitle}`,
    });
  }

  /** After a failed read: the same choices again. */
  retry(): void {
    if (this.busy) return;
    void this.run(this.store.choices, { fresh: this.store.preview === null, focus: `#${this.ids.previewTitle}` });
  }

  /** Check the file again with the same choices (the register may have changed meanwhile). */
  recheck(): void {
    if (this.busy) return;
    this.view.refusal = null;
    void this.run(this.store.choices);
  }

  /** Another sheet has other columns: the mapping starts again from its headers. */
  changeSheet(event: Event & { currentTarget: HTMLSelectElement }): void {
    const select = event.currentTarget;
    const sheet = select.value;
    const preview = this.store.preview;
    if (this.busy || !preview || sheet === preview.sheet) return;
    void this.apply({ ...this.store.choices, sheet, mapping: null }, { resetSelection: true }).then((ok) => {
      if (!ok && this.store.preview) select.value = this.store.preview.sheet;
    });
  }

  /** Back on the screen with a preview: check again, keeping every choice. */
  resume(): void {
    if (this.store.file && this.store.preview && !this.busy) void this.run(this.store.choices);
  }

  /** Store the shown preview whole, or nothing; a refusal shows the preview as it is now. */
  async commit(): Promise<void> {
    const s = this.store;
    const a = this.adapter;
    const preview = s.preview;
    if (!this.canCommit || !preview) return;
    const mine = nextRun(s);
    const choices: C = { ...s.choices };
    s.running = 'commit';
    a.progress?.(null);
    this.view.problem = null;
    this.view.refusal = null;
    try {
      const result = await a.commit(s.file, choices, preview, this.onProgress(mine));
      if (!isLatest(s, mine)) return;
      s.done = result;
      s.file = '';
      s.preview = null;
      s.choices = a.emptyChoices();
      s.selection = {};
      s.running = null;
      a.progress?.(null);
      a.committed?.(result, choices);
      void this.focus(`#${this.ids.doneTitle}`);
    } catch (e) {
      if (!isLatest(s, mine)) return;
      this.view.refusal = problemOf(e);
      s.running = null;
      a.progress?.(null);
      void this.focus(`#${this.ids.refusal}`);
      // The same choices again: the register (or another import) may have changed meanwhile.
      void this.run(s.choices);
    }
  }
}
