'use server';
// Adding articles from /sources/new: pasted with their details, or uploaded file by file (the
// page sends a batch one file at a time and shows each result). Both store the article and its
// suggested quotes in one transaction, as POST /api/sources does; a duplicate changes nothing.
import { type FormState, failedState, valuesOf } from '@/app/_components/forms/form-state';
import { FormReader } from '@/app/_lib/form-input';
import { MAX_FILE_BYTES } from '@/lib/ingest';
import { tooLargeProblem } from '@/lib/ingest/decode';
import { realExtractor } from '@/lib/ingest/real-extractor';
import { PayloadTooLargeError, ValidationError } from '@/lib/write/errors';
import { articleFromFile, storeArticle, storePastedArticle, type StoredArticle } from '@/lib/write/operations';
import { runServerAction } from '@/lib/write/perform';

export type StoredSummary = { duplicate: boolean; sourceId: number; title: string; quotesSuggested: number; actorsProposed: number };

const summary = (stored: StoredArticle): StoredSummary => ({
  duplicate: stored.duplicate,
  sourceId: stored.source.id,
  title: stored.source.title,
  quotesSuggested: stored.quotesSuggested,
  actorsProposed: stored.actorsProposed,
});

export type PasteState = FormState & { stored: StoredSummary | null };

export async function pasteArticle(previous: PasteState, data: FormData): Promise<PasteState> {
  const values = valuesOf(data);
  const result = await runServerAction('source:ingest', (writer) => {
    const form = new FormReader(values);
    const input = {
      title: form.text('title'),
      publisher: form.text('publisher'),
      url: form.optionalText('url'),
      publishedAt: form.optionalText('publishedAt'),
      body: form.verbatim('body'),
    };
    return summary(storePastedArticle(writer, input, realExtractor));
  });
  if (!result.ok) return { ...failedState(result, values, previous), stored: null };
  // A new article empties the form for the next one; a duplicate keeps what was typed.
  return { status: 'idle', message: null, errors: {}, values: result.record.duplicate ? values : null, current: null, seq: previous.seq + 1, stored: result.record };
}

export type UploadResult = ({ ok: true } & StoredSummary) | { ok: false; status: number; reason: string };

/** One uploaded file: read as `npm run ingest` reads files (its name only tells HTML apart), never written to disk. */
export async function uploadArticle(data: FormData): Promise<UploadResult> {
  const result = await runServerAction('source:ingest', async (writer) => {
    const file = data.get('file');
    if (!(file instanceof File)) throw ValidationError.field('file', 'no file was sent');
    if (file.size > MAX_FILE_BYTES) throw new PayloadTooLargeError(tooLargeProblem(file.size));
    const article = articleFromFile(file.name, new Uint8Array(await file.arrayBuffer()));
    return summary(storeArticle(writer, article, realExtractor));
  });
  if (result.ok) return { ok: true, ...result.record };
  const fields = Object.values(result.fieldErrors).flat();
  return { ok: false, status: result.status, reason: fields.length ? fields.join('; ') : result.message };
}
