// Keyboard shortcuts on a container, as a Svelte attachment: `{@attach keys({ Escape: cancel })}`.
// (A listener added this way keeps forms free of a11y warnings about handlers on non-interactive elements.)

import type { Attachment } from 'svelte/attachments';

export type KeyHandlers = Partial<Record<string, (event: KeyboardEvent) => void>>;

export function keys(handlers: KeyHandlers): Attachment<HTMLElement> {
  return (node) => {
    const listener = (event: KeyboardEvent) => {
      const handler = handlers[event.key];
      if (handler && !event.defaultPrevented) handler(event);
    };
    node.addEventListener('keydown', listener);
    return () => node.removeEventListener('keydown', listener);
  };
}
