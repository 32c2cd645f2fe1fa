import { NextResponse } from 'next/server';
import { handle } from '@/app/api/_http/errors';
import { listingEndpoint } from '@/app/api/_http/listing';
import { MAX_FILE_BYTES } from '@/lib/ingest';
import { realExtractor as extractor } from '@/lib/ingest/real-extractor';
import { sourceListing } from '@/lib/listings/sources';
import { PayloadTooLargeError, ValidationError } from '@/lib/write/errors';
import { articleFromFile, articleFromInput, storeArticle, type StoredArticle } from '@/lib/write/operations';
import { articleInput } from '@/lib/write/inputs';
import { authorizeRequest, readBodyCapped, readJsonBody } from '@/lib/write/perform';

export const GET = listingEndpoint(sourceListing);

/** Room for the multipart framing around a file of the largest size. */
const MULTIPART_BYTES = MAX_FILE_BYTES + 64 * 1024;

/**
 * An article, as JSON { title, publisher, url?, publishedAt?, body } or as one uploaded file
 * (multipart/form-data, field "file") in any format `npm run ingest` reads. The upload is read in
 * memory, at most 5 MB, and never written to disk; its name only tells an HTML page apart.
 * 201 with the new source and how many quotes were suggested; 200 with `duplicate: true` and the
 * stored source when the article is already there.
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const writer = await authorizeRequest(request, 'source:ingest');
    const type = request.headers.get('content-type') ?? '';
    let stored: StoredArticle;
    if (/^multipart\/form-data/i.test(type)) {
      const bytes = await readBodyCapped(request, MULTIPART_BYTES);
      let form: FormData;
      try {
        form = await new Response(bytes, { headers: { 'Content-Type': type } }).formData();
      } catch {
        throw ValidationError.field('file', 'the body is not a readable multipart form');
      }
      const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
      if (files.length !== 1) throw ValidationError.field('file', files.length ? 'send one file per request' : 'no file in the form field "file"');
      const file = files[0]!;
      if (file.size > MAX_FILE_BYTES) throw new PayloadTooLargeError(`The file is larger than the limit of ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      stored = storeArticle(writer, articleFromFile(file.name, new Uint8Array(await file.arrayBuffer())), extractor);
    } else {
      const input = writer.validate({ action: 'source:ingest', schema: articleInput, what: 'article' }, await readJsonBody(request));
      stored = storeArticle(writer, articleFromInput(input), extractor);
    }
    const { source, ...outcome } = stored;
    return NextResponse.json({ ...source, ...outcome }, { status: stored.duplicate ? 200 : 201, headers: { 'Cache-Control': 'no-store' } });
  });
}
