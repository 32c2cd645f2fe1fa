
export default function NotFound() {
  return (
    <div className="card space-y-2">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p>There is nothing at this address. It may have been mistyped, or the record does not exist.</p>
      <p>
        <a href="/">Back to the overview</a>
      </p>
    </div>
  );
}
