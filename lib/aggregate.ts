// Pure reshaping of query results into chart data.
import { signedPosition } from './positions';

export const POSITION_CATEGORIES = [-2, -1, 0, 1, 2].map(signedPosition);

/** Per topic, how many actors' latest stances sit at each position. */
export function positionsByTopic(
  topics: readonly { slug: string; title: string }[],
  latest: readonly { topic: { slug: string }; position: number }[],
): Record<string, string | number>[] {
  return topics.map((t) => {
    const row: Record<string, string | number> = { topic: t.title };
    for (const c of POSITION_CATEGORIES) row[c] = 0;
    for (const s of latest) if (s.topic.slug === t.slug) row[signedPosition(s.position)] = (row[signedPosition(s.position)] as number) + 1;
    return row;
  });
}

/** How the allies divide between camps with named members, and those named in none. */
export function campComposition(
  camps: readonly { name: string; topic: { title: string }; members: readonly { actor: { slug: string } }[] }[],
  allySlugs: readonly string[],
): { name: string; members: number }[] {
  const allies = new Set(allySlugs);
  const named = new Set<string>();
  const slices = camps
    .map((c) => {
      const members = c.members.filter((m) => allies.has(m.actor.slug));
      members.forEach((m) => named.add(m.actor.slug));
      return { name: `${c.name} (${c.topic.title})`, members: members.length };
    })
    .filter((s) => s.members > 0);
  return [...slices, { name: 'In no named camp', members: allies.size - named.size }];
}
