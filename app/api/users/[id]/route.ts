import { writeRoute } from '@/app/api/_http/write';
import { ValidationError } from '@/lib/write/errors';
import { updateUser } from '@/lib/write/operations';

function userId(raw: string): string {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(raw)) throw ValidationError.field('id', `${JSON.stringify(raw.slice(0, 50))} is not a user id`);
  return raw;
}

/** Admins change a user's name, role or password. */
export const PATCH = writeRoute('user:update', (p: { id: string }) => updateUser(userId(p.id)));
