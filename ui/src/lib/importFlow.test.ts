import { describe, expect, it } from 'vitest';
import type { ImportIssueDto } from './bindings/ImportIssueDto';
import { has } from './i18n';
import {
  FLOW_PLURALS,
  FLOW_TEXTS,
  ImportController,
  flowIds,
  flowKey,
  type ImportAdapter,
  type ImportChoicesBase,
  type ImportPreview,
  type ImportStore,
  type ImportTexts,
  type ImportView,
} from './importFlow';

interface Preview extends ImportPreview {
  /** The column of the only field, `name` (null: not read). */
  column: number | null;
}

interface Choices extends ImportChoicesBase {
  note: string;
}

function preview(over: Partial<Preview> = {}): Preview {
  return {
    file_name: 'personeel.xlsx',
    sheet: 'Blad1',
    sheet_names: ['Blad1', 'Blad2'],
    headers: ['Naam'],
    issues: [],
    can_commit: true,
    column: 0,
    ...over,
  };
}

const issue: ImportIssueDto = { row: 2, column: 'name', header: 'Naam', value: '', code: 'import.required', message: 'Leeg.' };

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const failure = { kind: 'import', code: 'import.unreadable', message: 'Onleesbaar.', details: { violations: [], issues: [issue] } };

/** A flow over a plain store, with an adapter whose runs answer when the test says so. */
function setup(answers: { chosen?: string | null } = {}) {
  const store: ImportStore<Preview, Choices, string> = {
    file: '',
    preview: null,
    choices: { sheet: null, mapping: null, note: '' },
    selection: {},
    done: null,
    running: null,
  };
  const view: ImportView = { problem: null, refusal: null };
  const runs: { choices: Choices; answer: ReturnType<typeof deferred<Preview>> }[] = [];
  const commits: { choices: Choices; answer: ReturnType<typeof deferred<string>> }[] = [];
  const events: string[] = [];
  const adapter: ImportAdapter<Preview, Choices, string> = {
    choose: async () => (answers.chosen === undefined ? 'file-token-1' : answers.chosen),
    preview: (_file, choices) => {
      const answer = deferred<Preview>();
      runs.push({ choices, answer });
      return answer.promise;
    },
    commit: (_file, choices) => {
      const answer = deferred<string>();
      commits.push({ choices, answer });
      return answer.promise;
    },
    emptyChoices: () => ({ sheet: null, mapping: null, note: '' }),
    selectionOf: (p) => ({ name: p.column === null ? '' : String(p.column) }),
    accept: (next, current) => ({ ...next, note: current.note }),
    previewed: () => events.push('previewed'),
    failed: () => events.push('failed'),
    cleared: () => events.push('cleared'),
    committed: (result) => events.push(`committed ${result}`),
  };
  const flow = new ImportController(store, view, adapter, 'staff-import');
  return { store, view, flow, runs, commits, events };
}

/** Lets the awaited promises settle. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ImportController', () => {
  it('chooses a file, previews it from scratch and makes its choices the current ones', async () => {
    const { store, flow, runs, events } = setup();
    store.done = 'earlier';
    const chosen = flow.choose();
    await settle();
    expect(store.file).toBe('file-token-1');
    expect(store.done).toBeNull();
    expect(store.running).toBe('preview');
    expect(flow.busy).toBe(true);
    runs[0].answer.resolve(preview());
    await chosen;
    expect(store.preview?.file_name).toBe('personeel.xlsx');
    expect(store.selection).toEqual({ name: '0' });
    expect(store.running).toBeNull();
    expect(events).toEqual(['cleared', 'previewed']);
    expect(flow.canCommit).toBe(true);
  });

  it('keeps everything when the chooser is cancelled', async () => {
    const { store, flow, runs } = setup({ chosen: null });
    store.file = 'file-token-0';
    store.preview = preview();
    await flow.choose();
    expect(store.file).toBe('file-token-0');
    expect(store.preview).not.toBeNull();
    expect(runs).toHaveLength(0);
  });

  it('keeps the preview and its choices when a run fails, unless the file is new', async () => {
    const { store, view, flow, runs, events } = setup();
    store.file = 'file-token-1';
    store.preview = preview();
    store.choices = { sheet: 'Blad1', mapping: null, note: '' };
    const run = flow.run({ sheet: 'Blad2', mapping: null, note: '' });
    runs[0].answer.reject(failure);
    expect(await run).toBe(false);
    expect(store.preview?.sheet).toBe('Blad1');
    expect(store.choices.sheet).toBe('Blad1');
    expect(view.problem?.message).toBe('Onleesbaar.');
    expect(events).toEqual(['failed']);
    const fresh = flow.run(store.choices, { fresh: true });
    runs[1].answer.reject(failure);
    await fresh;
    expect(store.preview).toBeNull();
  });

  it('lets only the latest run change the store', async () => {
    const { store, flow, runs } = setup();
    store.file = 'file-token-1';
    const first = flow.run({ sheet: 'Blad1', mapping: null, note: '' });
    const second = flow.run({ sheet: 'Blad2', mapping: null, note: '' });
    runs[1].answer.resolve(preview({ sheet: 'Blad2' }));
    expect(await second).toBe(true);
    runs[0].answer.resolve(preview({ sheet: 'Blad1' }));
    expect(await first).toBe(false);
    expect(store.preview?.sheet).toBe('Blad2');
    expect(store.choices.sheet).toBe('Blad2');
    expect(store.running).toBeNull();
  });

  it('keeps mapping selects the user changed, unless told to take the new ones', async () => {
    const { store, flow, runs } = setup();
    store.file = 'file-token-1';
    store.preview = preview({ column: 0 });
    store.selection = { name: '1' };
    expect(flow.mappingChanged).toBe(true);
    expect(flow.canCommit).toBe(false);
    const kept = flow.run(store.choices);
    runs[0].answer.resolve(preview({ column: 0 }));
    await kept;
    expect(store.selection).toEqual({ name: '1' });
    const reset = flow.run({ ...store.choices, mapping: { name: 1 } }, { resetSelection: true });
    runs[1].answer.resolve(preview({ column: 1 }));
    await reset;
    expect(store.selection).toEqual({ name: '1' });
    expect(store.choices.mapping).toEqual({ name: 1 });
    expect(flow.mappingChanged).toBe(false);
  });

  it('keeps what the adapter keeps of the current choices', async () => {
    const { store, flow, runs } = setup();
    store.file = 'file-token-1';
    const run = flow.run({ sheet: null, mapping: null, note: 'old' });
    store.choices = { ...store.choices, note: 'typed meanwhile' };
    runs[0].answer.resolve(preview());
    await run;
    expect(store.choices.note).toBe('typed meanwhile');
  });

  it('does not commit a preview that cannot be stored', async () => {
    const { store, flow, commits } = setup();
    store.file = 'file-token-1';
    store.preview = preview({ can_commit: false, issues: [issue] });
    store.selection = { name: '0' };
    await flow.commit();
    expect(commits).toHaveLength(0);
  });

  it('commits the preview whole and starts again empty', async () => {
    const { store, view, flow, commits, events } = setup();
    store.file = 'file-token-1';
    store.preview = preview();
    store.selection = { name: '0' };
    store.choices = { sheet: 'Blad1', mapping: { name: 0 }, note: '' };
    view.refusal = { message: 'Eerder geweigerd.', fields: {}, other: [], dto: failure as never };
    const commit = flow.commit();
    expect(store.running).toBe('commit');
    expect(view.refusal).toBeNull();
    commits[0].answer.resolve('3 rijen');
    await commit;
    expect(commits[0].choices).toEqual({ sheet: 'Blad1', mapping: { name: 0 }, note: '' });
    expect(store.done).toBe('3 rijen');
    expect(store.file).toBe('');
    expect(store.preview).toBeNull();
    expect(store.choices).toEqual({ sheet: null, mapping: null, note: '' });
    expect(store.selection).toEqual({});
    expect(store.running).toBeNull();
    expect(events).toEqual(['committed 3 rijen']);
  });

  it('shows a refusal and previews the file again with the same choices', async () => {
    const { store, view, flow, runs, commits } = setup();
    store.file = 'file-token-1';
    store.preview = preview();
    store.selection = { name: '0' };
    const commit = flow.commit();
    commits[0].answer.reject(failure);
    await commit;
    expect(view.refusal?.message).toBe('Onleesbaar.');
    expect(store.file).toBe('file-token-1');
    expect(runs).toHaveLength(1);
    expect(store.running).toBe('preview');
  });

  it('asks for another sheet without the hand mapping, and forgets the refusal', async () => {
    const { store, view, flow, runs } = setup();
    store.file = 'file-token-1';
    store.preview = preview();
    store.choices = { sheet: 'Blad1', mapping: { name: 0 }, note: 'x' };
    view.refusal = { message: 'Geweigerd.', fields: {}, other: [], dto: failure as never };
    const select = { value: 'Blad2' } as HTMLSelectElement;
    flow.changeSheet({ currentTarget: select } as Event & { currentTarget: HTMLSelectElement });
    expect(view.refusal).toBeNull();
    expect(runs[0].choices).toEqual({ sheet: 'Blad2', mapping: null, note: 'x' });
    runs[0].answer.reject(failure);
    await settle();
    // The select shows the sheet of the preview again.
    expect(select.value).toBe('Blad1');
  });

  it('does nothing while a run is going on', async () => {
    const { store, flow, runs } = setup();
    store.file = 'file-token-1';
    store.preview = preview();
    store.running = 'preview';
    expect(await flow.apply(store.choices)).toBe(false);
    flow.recheck();
    flow.retry();
    flow.resume();
    await flow.choose();
    expect(runs).toHaveLength(0);
  });

  it('checks the file again when the screen comes back to a preview', () => {
    const { store, flow, runs } = setup();
    flow.resume();
    expect(runs).toHaveLength(0);
    store.file = 'file-token-1';
    store.preview = preview();
    flow.resume();
    expect(runs).toHaveLength(1);
  });
});

describe('flow texts and ids', () => {
  it('has every text of the flow for every import', () => {
    const prefixes: ImportTexts[] = ['ui.staff_import', 'ui.payroll'];
    for (const prefix of prefixes) {
      for (const key of FLOW_TEXTS) expect(has(flowKey(prefix, key)), flowKey(prefix, key)).toBe(true);
      for (const key of FLOW_PLURALS) {
        expect(has(`${flowKey(prefix, key)}.one`) && has(`${flowKey(prefix, key)}.other`), key).toBe(true);
      }
    }
    expect(has(flowKey('ui.staff_import', 'choose_other'))).toBe(true);
  });

  it('names the focus targets under the prefix', () => {
    expect(flowIds('payroll')).toEqual({
      previewTitle: 'payroll-preview-title',
      doneTitle: 'payroll-done-title',
      refusal: 'payroll-refusal',
      status: 'payroll-status',
    });
  });
});
