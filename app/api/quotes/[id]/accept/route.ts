import { idParam, writeRoute } from '@/app/api/_http/write';
import { acceptQuote } from '@/lib/write/operations';

export const POST = writeRoute('quote:accept', (p: { id: string }) => acceptQuote(idParam(p.id)));
