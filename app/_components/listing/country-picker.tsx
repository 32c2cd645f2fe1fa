'use client';
// The country filter: a list of checkboxes (a plain GET form submits country=HU&country=SK
// without JavaScript), which JavaScript turns into a searchable multi-select: a box that
// narrows the list as you type, and the chosen countries as removable chips.
import { useEffect, useId, useState } from 'react';

export type CountryOption = { code: string; name: string; count?: number };

export function CountryPicker({ options, selected, label = 'Country' }: { options: CountryOption[]; selected: string[]; label?: string }) {
  const id = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [chosen, setChosen] = useState<string[]>(selected);
  const [needle, setNeedle] = useState('');
  useEffect(() => setEnhanced(true), []);
  const toggle = (code: string, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== code), code] : c.filter((x) => x !== code)));
  const find = needle.trim().toLowerCase();
  const shown = options.filter((o) => !enhanced || find === '' || o.name.toLowerCase().includes(find) || o.code.toLowerCase() === find || chosen.includes(o.code));
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium">{label}</legend>
      {enhanced && (
        <>
          {chosen.length > 0 && (
            <ul className="mt-1 flex flex-wrap gap-1" aria-label="Chosen countries">
              {chosen.map((code) => {
                const name = options.find((o) => o.code === code)?.name ?? code;
                return (
                  <li key={code}>
                    <button
                      type="button"
                      onClick={() => toggle(code, false)}
                      className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 px-2 py-0.5 text-xs"
                    >
                      {/* The accessible name starts with the visible words (WCAG 2.5.3): "Hungary, remove". */}
                      <span>
                        {name}
                        <span className="sr-only">, remove</span>
                      </span>
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <label htmlFor={`${id}-find`} className="sr-only">
            Find a country
          </label>
          <input
            id={`${id}-find`}
            type="search"
            value={needle}
            onChange={(e) => setNeedle(e.target.value)}
            placeholder="Find a country…"
            autoComplete="off"
            className="mt-1 block w-full rounded border-slate-300 text-sm"
          />
        </>
      )}
      <ul className="mt-1 max-h-44 overflow-y-auto rounded border border-slate-300 bg-white p-1 text-sm" aria-label={`${label} choices`}>
        {shown.map((o) => (
          <li key={o.code}>
            <label className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-100">
              <input type="checkbox" name="country" value={o.code} checked={chosen.includes(o.code)} onChange={(e) => toggle(o.code, e.target.checked)} className="rounded border-slate-400" />
              <span>
                {o.name} <span className="font-mono text-xs text-slate-600">{o.code}</span>
                {o.count !== undefined && <span className="text-xs text-slate-600"> · {o.count}</span>}
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="px-1 text-slate-600">No country matches “{needle}”.</li>}
      </ul>
    </fieldset>
  );
}
