import { idParam, writeRoute } from '@/app/api/_http/write';
import { deleteRecord, updateQuote } from '@/lib/write/operations';

type Params = { id: string };

/** Correct a quote: span (re-checked against the body), kind, speaker. */
export const PATCH = writeRoute('quote:update', (p: Params) => updateQuote(idParam(p.id)));
export const DELETE = writeRoute('quote:delete', (p: Params) => deleteRecord({ type: 'quote', id: idParam(p.id) }));
