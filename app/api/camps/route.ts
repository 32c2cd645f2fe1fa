import { writeRoute } from '@/app/api/_http/write';
import { createCamp } from '@/lib/write/operations';

export const POST = writeRoute('camp:create', () => createCamp(), { created: true });
