// Links to the analysts' forms on a public page, shown only to those who may use them.
import { getViewer } from '@/app/_lib/session';
import type { WriteAction } from '@/lib/write/principal';

export async function AnalystActions({ links }: { links: { href: string; label: string; action: WriteAction }[] }) {
  const viewer = await getViewer();
  const allowed = links.filter((l) => viewer.can(l.action));
  if (allowed.length === 0) return null;
  return (
    <p className="flex flex-wrap gap-3" data-testid="edit-controls">
      {allowed.map((l) => (
        <a key={l.href} href={l.href} className="btn-secondary">
          {l.label}
        </a>
      ))}
    </p>
  );
}
