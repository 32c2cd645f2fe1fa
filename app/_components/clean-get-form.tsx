'use client';
// A GET form whose URL leaves out empty fields, so a shared filtered view reads
// "?country=HU&country=SK" rather than "…&topic=&camp=&from=". Without JS the browser
// submits the plain form, which the filter grammar also accepts.
import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';

export function CleanGetForm({ action, className, label, children }: { action: string; className?: string; label: string; children: ReactNode }) {
  const router = useRouter();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value !== '') params.append(key, value);
    }
    router.push(params.size ? `${action}?${params}` : action);
  };
  return (
    <form method="get" action={action} className={className} aria-label={label} onSubmit={submit}>
      {children}
    </form>
  );
}
