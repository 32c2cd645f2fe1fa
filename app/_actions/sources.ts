'use server';
// Adding articles from /sources/new: pasted with their details, or uploaded file by file (the
// page sends a batch one file at a time and shows each result). Both store the article and its
// suggested quotes in one transaction, as POST /api/sources does; a duplicate changes nothing.
import { type FormState, failedState, valuesOf } from '@/app/_components/forms/form-state';
import { extractor } from '@/app/_lib/extractor';
import { FormReader } from '@/app/_lib/form-input';
import { MAX_FILE_BYTES } from '@/lib/ingest';
import { tooLargeProblem } from '@/lib/ingest/decode';
import { PayloadTooLargeError, ValidationError } from '@/lib/write/errors';
import { articleFromFile, storeArticle, storePastedArticle, type StoredArticle } from '@/lib/write/operations';
import { authorizeServerAction, failureOf } from '@/lib/write/perform';

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
  try {
    const writer = await authorizeServerAction('source:ingest');
    const form = new FormReader(values);
    const input = {
      title: form.text('title'),
      publisher: form.text('publisher'),
      url: form.optionalText('url'),
      publishedAt: form.optionalText('publishedAt'),
      body: form.verbatim('body'),
    };
    const stored = storePastedArticle(writer, input, extractor);
    return { status: 'idle', message: null, errors: {}, values: stored.duplicate ? values : null, current: null, seq: previous.seq + 1, stored: summary(stored) };
  } catch (error) {
    return { ...failedState(failureOf(error), values, previous), stored: null };
  }
}

export type UploadResult = ({ ok: true } & StoredSummary) | { ok: false; status: number; reason: string };

/** One uploaded file: read as `npm run ingest` reads files (its name only tells HTML apart), never written to disk. */
export async function uploadArticle(data: FormData): Promise<UploadResult> {
  try {
    const writer = await authorizeServerAction('source:ingest');
    const file = data.get('file');
    if (!(file instanceof File)) throw ValidationError.field('file', 'no file was sent');
    if (file.size > MAX_FILE_BYTES) throw new PayloadTooLargeError(tooLargeProblem(file.size));
    const article = articleFromFile(file.name, new Uint8Array(await file.arrayBuffer()));
    return { ok: true, ...summary(storeArticle(writer, article, extractor)) };
  } catch (error) {
    const failure = failureOf(error);
    const fields = Object.values(failure.fieldErrors).flat();
    return { ok: false, status: failure.status, reason: fields.length ? fields.join('; ') : failure.message };
  }
}
