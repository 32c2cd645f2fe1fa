// Who is writing, and what each role may write. A principal is never taken from a caller: the
// write helpers resolve it from the request (lib/write/perform.ts) or name the system itself
// (lib/write/writer.ts, for the command line and the seed).
import { USER_ROLES, type AuditDoor, type UserRole } from '@/lib/domain/vocabulary';
import { ForbiddenError } from './errors';

export const ROLES = [...USER_ROLES, 'system'] as const;
export type Role = (typeof ROLES)[number];

export type Principal = {
  /** The user's id, or "system:<what>" for the command line and the seed. */
  readonly id: string;
  readonly role: Role;
  /** The user's email; null for the system. */
  readonly email: string | null;
  /** Through which door the write came: recorded in the audit log. */
  readonly door: AuditDoor;
};

export const SYSTEM_PRINCIPAL: Principal = { id: 'system:seed', role: 'system', email: null, door: 'cli' };

export function systemPrincipal(name: string): Principal {
  return { id: `system:${name}`, role: 'system', email: null, door: 'cli' };
}

export function userPrincipal(user: { id: string; email: string; role: UserRole }, door: AuditDoor): Principal {
  return { id: user.id, role: user.role, email: user.email, door };
}

/** The kinds of record the API writes, as named in the audit log. */
export const RECORD_TYPES = ['source', 'quote', 'stance', 'actor', 'topic', 'camp', 'camp-member'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const WRITE_ACTIONS = [
  'source:create',
  // An article with the quotes the extractor suggests and the speakers it proposes.
  'source:ingest',
  'quote:create',
  'quote:accept',
  'quote:reject',
  'quote:update',
  'stance:create',
  'stance:update',
  'actor:create',
  'actor:update',
  'topic:create',
  'topic:update',
  'camp:create',
  'camp-member:create',
  ...RECORD_TYPES.map((type) => `${type}:delete` as const),
  ...RECORD_TYPES.map((type) => `${type}:restore` as const),
  'user:create',
  'user:update',
  'token:create',
  'token:revoke',
  'seed:load',
] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

const isDataWrite = (action: WriteAction) => !action.endsWith(':restore') && !/^(user|token|seed):/.test(action);

// Analysts add sources, review quotes, code stances and camps, edit actors and topics (deleting
// included); admins also restore deleted records and manage accounts and tokens.
const RIGHTS: Record<Role, readonly WriteAction[]> = {
  viewer: [],
  analyst: WRITE_ACTIONS.filter(isDataWrite),
  admin: WRITE_ACTIONS.filter((a) => a !== 'seed:load'),
  system: WRITE_ACTIONS,
};

export function can(principal: Pick<Principal, 'role'>, action: WriteAction): boolean {
  return RIGHTS[principal.role].includes(action);
}

export function assertCan(principal: Principal, action: WriteAction): void {
  if (!can(principal, action)) throw new ForbiddenError(`${principal.email ?? principal.id} (${principal.role}) may not ${action}`);
}

/** The least role that may do `action`, for messages ("needs an analyst"). */
export function roleNeededFor(action: WriteAction): Role {
  return (['viewer', 'analyst', 'admin', 'system'] as const).find((role) => RIGHTS[role].includes(action))!;
}
