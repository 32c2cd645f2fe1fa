'use client';
// "Saved": shown once after a form brought the analyst here, and focused so that a screen reader
// says it and the keyboard continues from it.
import { useEffect, useRef } from 'react';

export function SavedNotice({ children }: { children: React.ReactNode }) {
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <p ref={box} tabIndex={-1} role="status" className="form-notice" data-testid="saved-notice">
      {children}
    </p>
  );
}
