import type { Position } from '@/lib/domain/vocabulary';
import { POSITION_TONES, signedPosition } from '@/lib/positions';

/** A position shown as its words and its signed figure; colour only reinforces them. */
export function PositionBadge({ position, label }: { position: Position; label: string }) {
  return (
    <span className={`inline-flex items-baseline gap-1.5 rounded border px-1.5 py-0.5 text-sm ${POSITION_TONES[position].cell}`}>
      <span className="font-mono text-xs font-semibold" aria-hidden="true">
        {signedPosition(position)}
      </span>
      <span>{label}</span>
      <span className="sr-only">(position {signedPosition(position)} on a scale from −2 to +2)</span>
    </span>
  );
}

export function ConfidenceTag({ confidence }: { confidence: 'low' | 'medium' | 'high' }) {
  const tone = { low: 'text-slate-700', medium: 'text-slate-800', high: 'text-slate-900 font-semibold' }[confidence];
  return <span className={`text-sm ${tone}`}>{confidence}</span>;
}

export function KindTag({ kind }: { kind: 'direct' | 'reported' }) {
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${kind === 'direct' ? 'bg-amber-100 text-amber-900' : 'bg-sky-100 text-sky-900'}`}
    >
      {kind === 'direct' ? 'direct quote' : 'reported'}
    </span>
  );
}
