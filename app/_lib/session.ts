import 'server-only';
// Who is looking at this page, once per request: decides which edit controls a page shows. The
// write helper checks again on every write, whatever a page showed.
import { cache } from 'react';
import { currentPrincipal, guardPage } from '@/lib/auth/guard';
import { can, type Principal, type WriteAction } from '@/lib/write/principal';

export type Viewer = {
  principal: Principal | null;
  /** Whether the signed-in person may do `action` (false for anonymous readers). */
  can(action: WriteAction): boolean;
};

const viewerOf = (principal: Principal | null): Viewer => ({ principal, can: (action) => principal !== null && can(principal, action) });

export const getViewer = cache(async (): Promise<Viewer> => viewerOf(await currentPrincipal()));

/** For analysts' pages: the signed-in analyst or admin, or a redirect to /sign-in. */
export async function requireAnalyst(returnTo: string): Promise<Viewer> {
  return viewerOf(await guardPage('analyst', returnTo));
}
