// Who is writing. v0 has no accounts yet: the seeder writes as the system principal.
// Accounts with roles slot in here without changing any write path.
export const ROLES = ['viewer', 'analyst', 'editor', 'system'] as const;
export type Role = (typeof ROLES)[number];

export type Principal = { readonly id: string; readonly role: Role };

export const SYSTEM_PRINCIPAL: Principal = { id: 'system:seed', role: 'system' };

// 'source:ingest' stores an article with the quotes the extractor suggests and the speakers it proposes.
export const WRITE_ACTIONS = ['source:create', 'source:ingest', 'actor:create', 'topic:create', 'quote:create', 'stance:create', 'camp:create'] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

const RIGHTS: Record<Role, readonly WriteAction[]> = {
  viewer: [],
  analyst: ['quote:create', 'stance:create', 'camp:create'],
  editor: WRITE_ACTIONS,
  system: WRITE_ACTIONS,
};

export class ForbiddenError extends Error {
  constructor(principal: Principal, action: WriteAction) {
    super(`${principal.id} (${principal.role}) may not ${action}`);
    this.name = 'ForbiddenError';
  }
}

export function can(principal: Principal, action: WriteAction): boolean {
  return RIGHTS[principal.role].includes(action);
}

export function assertCan(principal: Principal, action: WriteAction): void {
  if (!can(principal, action)) throw new ForbiddenError(principal, action);
}
