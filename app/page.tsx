import type { Metadata } from 'next';
import { ChartData, ChartLegend } from '@/app/_components/chart-figure';
import { CAMP_COLOURS, EVIDENCE_COLOURS, POSITION_COLOURS } from '@/app/_components/chart-colours';
import { CampDonut, EvidenceOverTimeChart, PositionsByTopicChart } from '@/app/_components/charts';
import { StanceMatrix } from '@/app/_components/stance-matrix';
import { campComposition, POSITION_CATEGORIES, positionsByTopic } from '@/lib/aggregate';
import { getAllies, getCamps, getOrganisationsWithStances, getTopics } from '@/lib/queries/catalog';
import { getLatestStances } from '@/lib/queries/latest';
import { countAlliesWithPosition, getEvidenceOverTime, getTableCounts } from '@/lib/queries/overview';
import { campHref } from '@/lib/urls';

// The root segment sits beside the layout, so the title template does not apply here.
const POSITION_LEGEND = ['−2 most against the question', '−1', '0 undecided', '+1', '+2 most for it'];

export const metadata: Metadata = { title: { absolute: 'Overview · Standpoint' } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const raw = (await searchParams).topics;
  const topicPage = typeof raw === 'string' && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : 1;
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Where the allies stand</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          NATO allies&apos; stated positions on Russia policy, coded from the sources with the verbatim words as evidence. Positions move over time: each cell shows
          the latest, and its history is one click away.
        </p>
      </div>
      <Overview topicPage={topicPage} />
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <div className="card">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-3xl font-semibold">
        <a href={href} className="text-slate-900 no-underline hover:underline">
          {value}
        </a>
      </dd>
    </div>
  );
}

/** Topics per matrix page: the matrix stays readable, and its cost bounded, however many topics are tracked. */
const TOPICS_PER_PAGE = 8;

async function Overview({ topicPage }: { topicPage: number }) {
  const [counts, allTopics, allies, organisations, alliesWithStance, evidence] = await Promise.all([
    getTableCounts(),
    getTopics(),
    getAllies(),
    getOrganisationsWithStances(),
    countAlliesWithPosition(),
    getEvidenceOverTime(),
  ]);
  const pages = Math.max(1, Math.ceil(allTopics.length / TOPICS_PER_PAGE));
  const page = Math.min(topicPage, pages);
  const topics = allTopics.slice((page - 1) * TOPICS_PER_PAGE, page * TOPICS_PER_PAGE);
  const rows = [...allies, ...organisations];
  const [latest, campLists] = await Promise.all([
    getLatestStances(rows.map((a) => a.id), topics.map((t) => t.id)),
    Promise.all(topics.map((t) => getCamps({ topic: t.slug }))),
  ]);
  const camps = campLists.flat();
  const allySlugs = allies.map((a) => a.slug);
  const byTopic = positionsByTopic(topics, latest);
  const composition = campComposition(camps, allySlugs);

  return (
    <>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label="Allies with a sourced position" value={alliesWithStance} href="/actors" />
        <Stat label="Dated stances" value={counts.stances} href="/stances" />
        <Stat label="Evidence quotes" value={counts.quotes} href="/quotes" />
        <Stat label="Source articles" value={counts.sources} href="/sources" />
        <Stat label="Questions tracked" value={counts.topics} href="/topics" />
      </dl>

      <section aria-labelledby="matrix-heading" className="space-y-2">
        <h2 id="matrix-heading" className="text-lg font-semibold">
          Stance matrix
        </h2>
        {pages > 1 && (
          <nav aria-label="Matrix topics" className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              Topics {(page - 1) * TOPICS_PER_PAGE + 1}–{(page - 1) * TOPICS_PER_PAGE + topics.length} of {allTopics.length}
            </span>
            {page > 1 && <a href={page === 2 ? '/' : `/?topics=${page - 1}`}>Previous topics</a>}
            {page < pages && <a href={`/?topics=${page + 1}`}>Next topics</a>}
          </nav>
        )}
        <StanceMatrix rows={rows} topics={topics} cells={latest} />
      </section>

      <div className="grid gap-4 lg:grid-cols-3">
        <section aria-labelledby="chart-positions" className="card lg:col-span-2">
          <h2 id="chart-positions" className="font-semibold">
            Positions per topic
          </h2>
          <p className="text-xs text-slate-700">Latest stance of each actor, from −2 (most against the question) to +2 (most for it).</p>
          <ChartLegend items={POSITION_CATEGORIES.map((c, i) => ({ label: POSITION_LEGEND[i] ?? c, colour: POSITION_COLOURS[i]! }))} />
          <PositionsByTopicChart data={byTopic} categories={POSITION_CATEGORIES} />
          <ChartData
            caption="Latest positions per topic"
            columns={['Topic', ...POSITION_CATEGORIES]}
            rows={byTopic.map((row) => [row.topic!, ...POSITION_CATEGORIES.map((c) => row[c] ?? 0)])}
          />
        </section>
        <section aria-labelledby="chart-camps" className="card">
          <h2 id="chart-camps" className="font-semibold">
            Camp composition
          </h2>
          <p className="text-xs text-slate-700">The {allies.length} allies by named camp membership, on the topics shown in the matrix.</p>
          <CampDonut data={composition} />
          <ChartLegend items={composition.map((c, i) => ({ label: `${c.name}: ${c.members}`, colour: CAMP_COLOURS[i % CAMP_COLOURS.length]! }))} />
          <ul className="mt-3 space-y-1 text-xs">
            {camps.map((c) => (
              <li key={c.slug}>
                <a href={campHref(c.topic.slug, c.slug)}>{c.name}</a> ({c.topic.title}):{' '}
                {c.members.length ? c.members.map((m) => m.actor.name).join(', ') : 'members not named in the sources'}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="chart-evidence" className="card">
        <h2 id="chart-evidence" className="font-semibold">
          Evidence over time
        </h2>
        <p className="text-xs text-slate-700">Coded quotes per month, dated by when they were said or else when their source was published.</p>
        <ChartLegend items={['Direct quotes', 'Reported statements'].map((label, i) => ({ label, colour: EVIDENCE_COLOURS[i]! }))} />
        <EvidenceOverTimeChart data={evidence} />
        <ChartData caption="Coded quotes per month" columns={['Month', 'Direct quotes', 'Reported statements']} rows={evidence.map((e) => [e.month, e.direct, e.reported])} />
      </section>
    </>
  );
}
