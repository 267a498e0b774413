import { useCallback, useRef, type RefObject } from 'react';

const FIELD =
  'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), [contenteditable="true"]';

function isField(el: Element | null): boolean {
  return el instanceof HTMLElement && el.matches(FIELD);
}

/**
 * For a dialog's `afterOpenChange`: puts the focus in the dialog's first field, unless one of its
 * fields has it already (React's `autoFocus` did it). `autoFocus` alone is not enough: without
 * animation (the system asks for reduced motion, and the theme turns antd's motion off) antd's
 * focus trap takes over after the field was focused and moves the focus to the dialog's first
 * button, ✕; a clerk typing at once would type into nothing.
 */
export function focusFirstField(root: HTMLElement | null): void {
  if (!root) return;
  const active = document.activeElement;
  if (active && root.contains(active) && isField(active)) return;
  const first = root.querySelector<HTMLElement>(FIELD);
  first?.focus();
}

/**
 * A ref for an element around the dialog's fields, and the Modal's `afterOpenChange`: together
 * they focus the first field each time the dialog is shown (see focusFirstField).
 */
export function useFirstFieldFocus(): [RefObject<HTMLDivElement | null>, (open: boolean) => void] {
  const fieldsRef = useRef<HTMLDivElement>(null);
  const afterOpenChange = useCallback((open: boolean) => {
    if (open) focusFirstField(fieldsRef.current);
  }, []);
  return [fieldsRef, afterOpenChange];
}
