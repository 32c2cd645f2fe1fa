import { signedPosition } from '@/lib/positions';

// Positions mean different things per topic; these words describe the scale itself.
const POSITION_WORDS: Record<number, string> = { 2: 'most for', 1: 'for', 0: 'undecided', [-1]: 'against', [-2]: 'most against' };

/** "+2 (most for)". */
export const positionName = (p: number) => `${signedPosition(p)} (${POSITION_WORDS[p]})`;
