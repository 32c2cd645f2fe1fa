import { eq } from 'drizzle-orm';
import type { Db } from '@/db/sqlite/connection';
import { settings } from '@/db/schema';

const keys = new WeakMap<object, string>();

/** The database's cursor-signing key (made by a migration), read once per connection. */
export function getCursorKey(db: Db): string {
  let key = keys.get(db.$client);
  if (!key) {
    key = db.select({ value: settings.value }).from(settings).where(eq(settings.name, 'cursor_key')).get()?.value;
    if (!key) throw new Error('The database has no cursor key: apply the migrations (npm run prepare-db)');
    keys.set(db.$client, key);
  }
  return key;
}
