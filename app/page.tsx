import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ChartData, ChartLegend } from '@/app/_components/chart-figure';
import { CAMP_COLOURS, EVIDENCE_COLOURS, POSITION_COLOURS } from '@/app/_components/chart-colours';
import { CampDonut, EvidenceOverTimeChart, PositionsByTopicChart } from '@/app/_components/charts';
import { TableSkeleton } from '@/app/_components/skeleton';
import { StanceMatrix } from '@/app/_components/stance-matrix';
import { campComposition, POSITION_CATEGORIES, positionsByTopic } from '@/lib/aggregate';
import { getAllies, getCamps, getOrganisationsWithStances, getTopics } from '@/lib/queries/catalog';
import { getEvidenceOverTime, getTableCounts } from '@/lib/queries/overview';
import { getLatestStances } from '@/lib/queries/stances';
import { campHref } from '@/lib/urls';

// The root segment sits beside the layout, so the title template does not apply here.
const POSITION_LEGEND = ['−2 most against the question', '−1', '0 undecided', '+1', '+2 most for it'];

export const metadata: Metadata = { title: { absolute: 'Overview · Standpoint' } };

export default function OverviewPage() {
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">Where the allies stand</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          NATO allies&apos; stated positions on Russia policy, coded from the sources with the verbatim words as evidence. Positions move over time: each cell shows
          the latest, and its history is one click away.
        </p>
      </div>
      <Suspense fallback={<TableSkeleton label="Loading overview" />}>
        <Overview />
      </Suspense>
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <div className="card">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-3xl font-semibold">
        <Link href={href} className="text-slate-900 no-underline hover:underline">
          {value}
        </Link>
      </dd>
    </div>
  );
}

async function Overview() {
  const counts = getTableCounts();
  const topics = getTopics();
  const allies = getAllies();
  const organisations = getOrganisationsWithStances();
  const latest = getLatestStances({ countries: [], topic: null });
  const camps = getCamps();
  const allySlugs = allies.map((a) => a.slug);
  const alliesWithStance = new Set(latest.filter((s) => allySlugs.includes(s.actor.slug)).map((s) => s.actor.slug)).size;
  const evidence = getEvidenceOverTime();
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
        <StanceMatrix rows={[...allies, ...organisations]} topics={topics} cells={latest} />
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
          <p className="text-xs text-slate-700">The {allies.length} allies by named camp membership.</p>
          <CampDonut data={composition} />
          <ChartLegend items={composition.map((c, i) => ({ label: `${c.name}: ${c.members}`, colour: CAMP_COLOURS[i % CAMP_COLOURS.length]! }))} />
          <ul className="mt-3 space-y-1 text-xs">
            {camps.map((c) => (
              <li key={c.slug}>
                <Link href={campHref(c.topic.slug, c.slug)}>{c.name}</Link> ({c.topic.title}):{' '}
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
