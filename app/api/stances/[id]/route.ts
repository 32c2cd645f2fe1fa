import { idParam, writeRoute } from '@/app/api/_http/write';
import { deleteRecord, updateStance } from '@/lib/write/operations';

type Params = { id: string };

export const PATCH = writeRoute('stance:update', (p: Params) => updateStance(idParam(p.id)));
export const DELETE = writeRoute('stance:delete', (p: Params) => deleteRecord({ type: 'stance', id: idParam(p.id) }));
