'use client';
// Tremor charts are client components; value formatters are functions, so they live here.
// The charts are pictures for sighted readers: each is hidden from assistive technology and
// paired with a legend and a table of the same figures (ChartFigure), because Tremor's own
// legends and SVG slices are not accessible.
import { BarChart, DonutChart } from '@tremor/react';
import type { ReactNode } from 'react';
import { CAMP_COLOURS, EVIDENCE_COLOURS, POSITION_COLOURS } from './chart-colours';

const count = (n: number) => `${n}`;


export function PositionsByTopicChart({ data, categories }: { data: Record<string, string | number>[]; categories: string[] }) {
  return (
    <ChartCanvas>
      <BarChart
        className="h-64"
        data={data}
        index="topic"
        categories={categories}
        colors={POSITION_COLOURS}
        stack
        layout="vertical"
        yAxisWidth={150}
        valueFormatter={count}
        allowDecimals={false}
        showLegend={false}
      />
    </ChartCanvas>
  );
}

export function CampDonut({ data }: { data: { name: string; members: number }[] }) {
  return (
    <ChartCanvas>
      <DonutChart className="h-44" data={data} category="members" index="name" valueFormatter={(n: number) => `${n} ${n === 1 ? 'ally' : 'allies'}`} colors={CAMP_COLOURS} />
    </ChartCanvas>
  );
}

export function EvidenceOverTimeChart({ data }: { data: { month: string; direct: number; reported: number }[] }) {
  return (
    <ChartCanvas>
      <BarChart
        className="h-56"
        data={data.map((d) => ({ month: d.month, 'Direct quotes': d.direct, 'Reported statements': d.reported }))}
        index="month"
        categories={['Direct quotes', 'Reported statements']}
        colors={EVIDENCE_COLOURS}
        stack
        valueFormatter={count}
        allowDecimals={false}
        showLegend={false}
      />
    </ChartCanvas>
  );
}

export function DistributionChart({ data }: { data: { position: string; actors: number }[] }) {
  return (
    <ChartCanvas>
      <BarChart className="h-56" data={data} index="position" categories={['actors']} colors={['blue']} valueFormatter={count} allowDecimals={false} showLegend={false} />
    </ChartCanvas>
  );
}

function ChartCanvas({ children }: { children: ReactNode }) {
  return <div aria-hidden="true">{children}</div>;
}
