'use client';
// Tremor charts are client components; the value formatters are functions, so they live here.
import { BarChart, DonutChart, Legend } from '@tremor/react';

const count = (n: number) => `${n}`;

export function PositionsByTopicChart({ data, categories }: { data: Record<string, string | number>[]; categories: string[] }) {
  return (
    <BarChart
      className="h-64"
      data={data}
      index="topic"
      categories={categories}
      colors={['rose', 'orange', 'slate', 'sky', 'blue']}
      stack
      layout="vertical"
      yAxisWidth={150}
      valueFormatter={count}
      allowDecimals={false}
    />
  );
}

export function CampDonut({ data }: { data: { name: string; members: number }[] }) {
  const colors = ['blue', 'amber', 'emerald', 'violet', 'rose', 'slate'];
  return (
    <div className="flex flex-col items-center gap-3">
      <DonutChart className="h-44" data={data} category="members" index="name" valueFormatter={(n: number) => `${n} ${n === 1 ? 'ally' : 'allies'}`} colors={colors} />
      <Legend categories={data.map((d) => d.name)} colors={colors} className="max-w-full" />
    </div>
  );
}

export function EvidenceOverTimeChart({ data }: { data: { month: string; direct: number; reported: number }[] }) {
  return (
    <BarChart
      className="h-56"
      data={data.map((d) => ({ month: d.month, 'Direct quotes': d.direct, 'Reported statements': d.reported }))}
      index="month"
      categories={['Direct quotes', 'Reported statements']}
      colors={['amber', 'sky']}
      stack
      valueFormatter={count}
      allowDecimals={false}
    />
  );
}

export function DistributionChart({ data }: { data: { position: string; actors: number }[] }) {
  return (
    <BarChart
      className="h-56"
      data={data}
      index="position"
      categories={['actors']}
      colors={['blue']}
      valueFormatter={count}
      allowDecimals={false}
      showLegend={false}
    />
  );
}
