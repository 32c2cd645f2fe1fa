// Which candidate mention is the annotated speaker of a gold quote.
import type { Candidate } from '../attribute';
import { fold } from './corpus';

function clean(s: string): string {
  return fold(s)
    .replace(/[’']s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function mentionMatchesGold(c: Candidate, goldSpeaker: string): boolean {
  const g = clean(goldSpeaker);
  const t = clean(c.mention.text);
  if (!g || !t) return false;
  if (g === t) return true;
  if (c.mention.kind === 'pronoun') return false;
  const gl = g.replace(/^(the|a|an) /, '');
  const tl = t.replace(/^(the|a|an) /, '');
  if (gl === tl) return true;
  const isName = c.mention.kind === 'person' || c.mention.kind === 'org' || c.mention.kind === 'pub' || c.mention.kind === 'state';
  if (isName) {
    // "Sen. Ted Cruz" / "Ted Cruz"; "Joel Pollak of Breitbart California" / "Joel Pollak"; "Cruz" / "Ted Cruz".
    if (gl.endsWith(' ' + tl) || gl.startsWith(tl + ' ') || tl.endsWith(' ' + gl)) return true;
    // As the scorer: the gold speaker contains the name ("Sen. Brian Schatz of Hawaii" / "Brian Schatz").
    if (tl.length > 3 && new RegExp(`(^|\\s)${tl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).test(gl)) return true;
    const gLast = gl.split(' ').pop()!;
    const tLast = tl.split(' ').pop()!;
    if (gLast === tLast && gLast.length > 2) return true;
  } else if (tl.length > 3 && (gl.endsWith(tl) || gl.startsWith(tl))) {
    return true;
  }
  return false;
}
