export function TableSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className="card animate-pulse space-y-2">
      <span className="sr-only">{label}…</span>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="h-6 rounded bg-slate-200" />
      ))}
    </div>
  );
}
