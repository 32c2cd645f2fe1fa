import { idParam, writeRoute } from '@/app/api/_http/write';
import { rejectQuote } from '@/lib/write/operations';

export const POST = writeRoute('quote:reject', (p: { id: string }) => rejectQuote(idParam(p.id)));
