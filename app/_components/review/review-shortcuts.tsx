'use client';
// Keyboard shortcuts of the review queue: a accept, r reject, j next, k previous. They press the
// page's own buttons and links, so they do exactly what a click does. They never fire while
// the analyst types in a field, or with a modifier key held (browser shortcuts stay theirs).
import { useEffect } from 'react';

export const SHORTCUTS: Record<string, string> = { a: 'review-accept', r: 'review-reject', j: 'review-next', k: 'review-previous' };

/** Whether a key press is typing rather than a command. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const field = element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  if (!field) return false;
  // Buttons, checkboxes and radios take no text: a shortcut pressed on them is still a command.
  return !(field instanceof HTMLInputElement) || !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(field.type);
}

export function ReviewShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const id = SHORTCUTS[event.key];
      if (!id || isTyping(event.target)) return;
      const control = document.getElementById(id);
      if (!control || (control instanceof HTMLButtonElement && control.disabled)) return;
      event.preventDefault();
      control.click();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
