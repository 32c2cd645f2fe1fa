// Running store functions in a test: through the write helper's own transaction (store functions
// take nothing else), as the given principal, with an audit entry so that the helper accepts it.
import { z } from 'zod';
import type { Db } from '@/db/connection';
import { recordAudit } from '@/lib/write/audit';
import { SYSTEM_PRINCIPAL, type Principal, type Role, type WriteAction } from '@/lib/write/principal';
import type { WriteTx } from '@/lib/write/tx';
import { Writer } from '@/lib/write/writer';

export const principalAs = (role: Role): Principal => ({ id: `test:${role}`, role, email: role === 'system' ? null : `${role}@test.example`, door: 'cli' });

export function inWriteTx<R>(db: Db, work: (tx: WriteTx) => R, options: { principal?: Principal; action?: WriteAction } = {}): R {
  const action = options.action ?? 'seed:load';
  return Writer.forResolvedPrincipal(db, options.principal ?? SYSTEM_PRINCIPAL).write(
    {
      action,
      schema: z.unknown(),
      work: (tx) => {
        const result = work(tx);
        recordAudit(tx, { action, type: 'dataset', id: 'test', before: null, after: null });
        return result;
      },
    },
    null,
  );
}
