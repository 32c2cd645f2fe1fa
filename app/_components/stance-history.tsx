import { formatDate } from '@/lib/dates';
import type { StanceItem } from '@/lib/listings/stances';
import { topicHref } from '@/lib/urls';
import { PositionBadge } from './position-badge';

/** Per topic, the dated positions in order, so a change reads as a change rather than an overwrite. */
export function StanceHistory({ stances }: { stances: StanceItem[] }) {
  const byTopic = new Map<string, StanceItem[]>();
  for (const s of stances) byTopic.set(s.topic.slug, [...(byTopic.get(s.topic.slug) ?? []), s]);
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {[...byTopic.values()].map((items) => (
        <div key={items[0]!.topic.slug} className="card" data-testid="topic-history">
          <h3 className="font-semibold">
            <a href={topicHref(items[0]!.topic.slug)}>{items[0]!.topic.title}</a>
          </h3>
          <ol className="mt-2 space-y-2 border-l-2 border-slate-300 pl-4">
            {items.map((s) => (
              <li key={s.id} className="text-sm">
                <time dateTime={s.asOf} className="block text-xs font-medium text-slate-700">
                  {formatDate(s.asOf)}
                </time>
                <PositionBadge position={s.position} label={s.label} />
                <span className="ml-2 text-xs text-slate-700">{s.confidence} confidence</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
