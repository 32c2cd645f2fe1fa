'use client';
// Upload one file or many: sent one at a time, so the page shows how far the batch is (n of N)
// and each file's result (new, duplicate, or failed with the reason) as it comes.
import { useRef, useState, type FormEvent } from 'react';
import { uploadArticle, type UploadResult } from '@/app/_actions/sources';
import { StoredMessage } from './stored-message';

type Row = { name: string; result: UploadResult | null };

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

export function UploadBatch({ maxBytes }: { maxBytes: number }) {
  const input = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const done = rows.filter((r) => r.result !== null).length;

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setProblem('Choose one or more files first.');
      input.current?.focus();
      return;
    }
    setProblem(null);
    setRunning(true);
    setRows(files.map((f) => ({ name: f.name, result: null })));
    for (const [i, file] of files.entries()) {
      let result: UploadResult;
      if (file.size > maxBytes) {
        // Refused here, without sending it: the server would refuse it by its size too.
        result = { ok: false, status: 413, reason: `file is too large (${(file.size / 1048576).toFixed(1)} MB; the limit is ${maxBytes / 1048576} MB)` };
      } else {
        const data = new FormData();
        data.append('file', file);
        try {
          result = await uploadArticle(data);
        } catch {
          result = { ok: false, status: 0, reason: 'the upload did not reach the server, or its answer was lost' };
        }
      }
      setRows((list) => list.map((row, j) => (j === i ? { ...row, result } : row)));
    }
    setRunning(false);
    summary.current?.focus();
  };

  const stored = rows.flatMap((r) => (r.result?.ok ? [r.result] : []));
  const suggested = stored.filter((s) => !s.duplicate).reduce((n, s) => n + s.quotesSuggested, 0);
  const failed = rows.filter((r) => r.result && !r.result.ok).length;

  return (
    <form onSubmit={upload} className="card form-stack" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="text-lg font-semibold">
        Upload files
      </h2>
      <div>
        <label htmlFor="upload-files" className="field-label">
          Article files
        </label>
        <span id="upload-files-hint" className="field-hint">
          Plain text, text or Markdown with front matter, or saved HTML pages; one or many, at most {maxBytes / 1048576} MB each.
        </span>
        <input
          ref={input}
          id="upload-files"
          name="files"
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby={problem ? 'upload-files-hint upload-files-error' : 'upload-files-hint'}
          aria-invalid={problem ? true : undefined}
          className="mt-1 block text-sm"
        />
        {problem && (
          <p id="upload-files-error" role="alert" className="field-error">
            {problem}
          </p>
        )}
      </div>
      <button type="submit" disabled={running} className="btn-primary">
        {running ? 'Uploading…' : 'Upload'}
      </button>

      {rows.length > 0 && (
        <div className="space-y-3">
          <div>
            <label htmlFor="upload-progress" className="text-sm font-medium">
              Uploaded {done} of {rows.length} {rows.length === 1 ? 'file' : 'files'}
            </label>
            <progress id="upload-progress" max={rows.length} value={done} className="mt-1 block h-3 w-full" />
          </div>
          <p ref={summary} tabIndex={-1} role="status" className="text-sm" data-testid="upload-summary">
            {running
              ? `Uploading file ${Math.min(done + 1, rows.length)} of ${rows.length}…`
              : `Done: ${stored.filter((s) => !s.duplicate).length} new, ${stored.filter((s) => s.duplicate).length} duplicate, ${failed} failed; ${suggested} suggested ${suggested === 1 ? 'quote' : 'quotes'} to review.`}
          </p>
          {!running && suggested > 0 && (
            <p className="text-sm">
              <a href="/review" className="btn-primary">
                Review the suggestions
              </a>
            </p>
          )}
          <table className="data-table" data-testid="upload-results">
            <caption className="sr-only">Result of each file</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Result</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <td className="min-w-40 [overflow-wrap:anywhere]">{row.name}</td>
                  <td className="whitespace-nowrap font-medium">{row.result === null ? (running ? 'waiting' : '—') : row.result.ok ? (row.result.duplicate ? 'duplicate' : 'new') : 'failed'}</td>
                  <td>{row.result === null ? '' : row.result.ok ? <StoredMessage stored={row.result} /> : row.result.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
