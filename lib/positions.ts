// Reading a position on a topic's own five-point scale.
import type { Position, ScaleLabels } from '@/lib/domain/vocabulary';

export function positionLabel(scaleLabels: ScaleLabels, position: number): string {
  return scaleLabels[position + 2] ?? `position ${position}`;
}

/** "+2", "0", "−1": a signed figure for compact displays. */
export function signedPosition(position: number): string {
  return position > 0 ? `+${position}` : position < 0 ? `−${Math.abs(position)}` : '0';
}

export const POSITION_TONES: Record<Position, { cell: string; chart: string }> = {
  [-2]: { cell: 'bg-rose-100 text-rose-900 border-rose-300', chart: 'rose' },
  [-1]: { cell: 'bg-orange-50 text-orange-900 border-orange-200', chart: 'orange' },
  [0]: { cell: 'bg-slate-100 text-slate-900 border-slate-300', chart: 'slate' },
  [1]: { cell: 'bg-sky-50 text-sky-900 border-sky-200', chart: 'sky' },
  [2]: { cell: 'bg-blue-100 text-blue-900 border-blue-300', chart: 'blue' },
};
