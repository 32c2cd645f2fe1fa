import { formatDate } from '@/lib/dates';
import { POSITION_TONES, signedPosition } from '@/lib/positions';
import type { ActorRef } from '@/lib/queries/refs';
import type { MatrixCell } from '@/lib/queries/latest';
import { actorHref, stancesHref, topicHref } from '@/lib/urls';

type Props = { rows: ActorRef[]; topics: { slug: string; title: string }[]; cells: MatrixCell[] };

/** Actors × topics, latest stance per cell. Every cell carries its label in words, not only a colour. */
export function StanceMatrix({ rows, topics, cells }: Props) {
  const byKey = new Map(cells.map((c) => [`${c.actor.slug}|${c.topic.slug}`, c]));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="data-table">
        <caption className="p-3 text-left text-sm text-slate-700">
          <span className="font-semibold text-slate-900">Stance matrix</span>: the latest sourced position of each ally (and of the alliance as a whole) on each
          question. Follow a cell to its stances and their evidence.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 bg-slate-100">
              Ally
            </th>
            {topics.map((t) => (
              <th key={t.slug} scope="col" className="min-w-44">
                <a href={topicHref(t.slug)}>{t.title}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((actor) => (
            <tr key={actor.slug}>
              <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white font-medium">
                <a href={actorHref(actor.slug)}>{actor.name}</a>
                {actor.countryCode && <span className="ml-1 font-mono text-xs text-slate-600">{actor.countryCode}</span>}
              </th>
              {topics.map((t) => {
                const cell = byKey.get(`${actor.slug}|${t.slug}`);
                if (!cell) {
                  return (
                    <td key={t.slug} className="text-[0.7rem] text-slate-500" data-empty="true">
                      No sourced position
                    </td>
                  );
                }
                const filter = actor.countryCode ? { country: actor.countryCode, topic: t.slug } : { actor: actor.slug, topic: t.slug };
                return (
                  <td key={t.slug} className="p-1">
                    <a
                      href={stancesHref(filter)}
                      className={`block rounded border px-2 py-1 text-xs no-underline hover:ring-2 hover:ring-blue-400 ${POSITION_TONES[cell.position].cell}`}
                    >
                      <span className="font-mono font-semibold">{signedPosition(cell.position)}</span> {cell.label}
                      <span className="block text-[0.7rem] opacity-90">
                        as of {formatDate(cell.asOf)}
                        {cell.history > 1 ? ` · ${cell.history} dated positions` : ''}
                      </span>
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
