'use client';
// Tremor charts are client components; value formatters are functions, so they live here.
// The charts are pictures for sighted readers: each is hidden from assistive technology and
// paired with a legend and a table of the same figures (ChartFigure), because Tremor's own
// legends and SVG slices are not accessible.
import { BarChart, DonutChart } from '@tremor/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  // Recharts makes some SVG layers focusable (a Pie's root gets tabindex 0, after it has
  // measured itself); inside an aria-hidden picture they would be focus stops that announce
  // nothing, so keep them out of the tab order whenever the chart re-renders.
  const ref = useRef<HTMLDivElement>(null);
  // Drawn in the browser only: the server would spend more on the SVG than on the rest of the
  // page, for a picture whose figures are already in the table beside it.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(true), []);
  useEffect(() => {
    const root = ref.current;
    if (!root || !drawn) return;
    const unfocus = () => root.querySelectorAll('[tabindex="0"]').forEach((el) => el.setAttribute('tabindex', '-1'));
    unfocus();
    const observer = new MutationObserver(unfocus);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] });
    return () => observer.disconnect();
  }, [drawn]);
  return (
    <div ref={ref} aria-hidden="true">
      {drawn ? children : <div className="h-56" />}
    </div>
  );
}
