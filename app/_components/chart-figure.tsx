const SWATCH: Record<string, string> = {
  rose: 'bg-rose-500',
  orange: 'bg-orange-500',
  slate: 'bg-slate-500',
  sky: 'bg-sky-500',
  blue: 'bg-blue-500',
  amber: 'bg-amber-500',
  emerald: 'bg-emerald-500',
  violet: 'bg-violet-500',
};

/** A legend that names every colour in words. */
export function ChartLegend({ items }: { items: { label: string; colour: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label} className="inline-flex items-center gap-1.5">
          <span className={`inline-block h-2.5 w-2.5 rounded-full ${SWATCH[item.colour] ?? 'bg-slate-400'}`} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The figures behind a chart as a real table, for screen readers and for checking the picture. */
export function ChartData({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-xs font-medium text-blue-800">Show the figures as a table</summary>
      <table className="data-table mt-2">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={i > 0 ? 'text-right' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="bg-white font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="text-right">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
