import type { Position } from '@/lib/domain/vocabulary';
import { formatDate } from '@/lib/dates';
import type { CampCitation, Citation } from '@/lib/queries/evidence';
import { actorHref, campHref, topicHref } from '@/lib/urls';
import { PositionBadge } from './position-badge';

/** The stances a quote is evidence for. */
export function CitationList({ citations, camps = [], className = '' }: { citations: Citation[]; camps?: CampCitation[]; className?: string }) {
  if (citations.length === 0 && camps.length === 0) return null;
  return (
    <ul className={`flex flex-wrap gap-2 ${className}`} aria-label="What this quote is evidence for">
      {citations.map((c) => (
        <li key={c.stanceId} className="flex flex-wrap items-center gap-1 text-xs">
          <a href={actorHref(c.actor.slug)}>{c.actor.name}</a> on <a href={topicHref(c.topic.slug)}>{c.topic.title}</a> ({formatDate(c.asOf)}):
          <PositionBadge position={c.position as Position} label={c.label} />
        </li>
      ))}
      {camps.map((c) => (
        <li key={c.slug} className="text-xs">
          Camp <a href={campHref(c.topic.slug, c.slug)}>{c.name}</a> on {c.topic.title}
        </li>
      ))}
    </ul>
  );
}
