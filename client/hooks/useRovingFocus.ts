import { useLayoutEffect, useMemo, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

const KEYS_NEXT = new Set(['ArrowRight', 'ArrowDown']);
const KEYS_PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

function buttons(container: HTMLElement): HTMLButtonElement[] {
  return [...container.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
}

/**
 * WAI-ARIA toolbar keyboard model: Tab enters and leaves the toolbar at one button, arrow keys,
 * Home and End move between its buttons.
 */
export function useRovingFocus(containerRef: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const enabled = buttons(container);
    const current = enabled.find((button) => button.tabIndex === 0) ?? enabled[0];
    for (const button of container.querySelectorAll('button')) button.tabIndex = button === current ? 0 : -1;
  });

  return useMemo(() => {
    const moveTo = (container: HTMLElement, target: HTMLButtonElement | undefined) => {
      if (!target) return;
      for (const button of container.querySelectorAll('button')) button.tabIndex = button === target ? 0 : -1;
      target.focus();
    };
    return {
      onFocus(event: FocusEvent<HTMLElement>) {
        const container = containerRef.current;
        if (container && event.target instanceof HTMLButtonElement && event.target.tabIndex !== 0) moveTo(container, event.target);
      },
      onKeyDown(event: KeyboardEvent<HTMLElement>) {
        const container = containerRef.current;
        if (!container) return;
        const enabled = buttons(container);
        const index = enabled.indexOf(document.activeElement as HTMLButtonElement);
        if (index < 0) return;
        let next: number;
        if (KEYS_NEXT.has(event.key)) next = (index + 1) % enabled.length;
        else if (KEYS_PREVIOUS.has(event.key)) next = (index - 1 + enabled.length) % enabled.length;
        else if (event.key === 'Home') next = 0;
        else if (event.key === 'End') next = enabled.length - 1;
        else return;
        event.preventDefault();
        moveTo(container, enabled[next]);
      },
    };
  }, [containerRef]);
}
