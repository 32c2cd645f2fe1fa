'use client';
import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

/** A submit button that says the form is being saved, and cannot be pressed twice meanwhile. */
export function SubmitButton({
  children,
  pendingText = 'Saving…',
  className = 'btn-primary',
  name,
  value,
  id,
  keyShortcut,
}: {
  children: ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
  id?: string;
  /** Announced to assistive technology (aria-keyshortcuts); the page binds the key itself. */
  keyShortcut?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" id={id} aria-keyshortcuts={keyShortcut} name={name} value={value} disabled={pending} aria-disabled={pending || undefined} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}
