// Moving keyboard focus after a screen or form appears.
import { tick } from 'svelte';

/** Focuses the first `[data-autofocus]` inside `root`, else its first heading. */
export function focusFirst(root: HTMLElement | null): void {
  if (!root) return;
  const target = root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector<HTMLElement>('h1');
  target?.focus();
}

/** An attachment (`{@attach focusOnMount}`): focuses the element once it is in the page. */
export function focusOnMount(node: HTMLElement): void {
  queueMicrotask(() => node.focus());
}

/** After the next render, focuses the element inside `root` that `selector` names (if any). */
export async function focusWithin(root: HTMLElement | null, selector: string): Promise<void> {
  await tick();
  root?.querySelector<HTMLElement>(selector)?.focus();
}
