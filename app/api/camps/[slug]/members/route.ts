import { slugParam, writeRoute } from '@/app/api/_http/write';
import { addCampMember } from '@/lib/write/operations';

export const POST = writeRoute('camp-member:create', (p: { slug: string }) => addCampMember(slugParam(p.slug)), { created: true });
