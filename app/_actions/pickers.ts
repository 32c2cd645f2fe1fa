'use server';
// Reads behind the analysts' pickers: actors by name or alias, accepted quotes by their words.
// Only for those who may code (the forms that use them are theirs).
import { currentPrincipal } from '@/lib/auth/guard';
import { searchActorChoices, searchQuoteChoices, type ActorChoice, type QuoteChoice } from '@/lib/queries/pickers';
import { can } from '@/lib/write/principal';

async function mayCode(): Promise<boolean> {
  const principal = await currentPrincipal();
  return principal !== null && can(principal, 'stance:create');
}

export async function findActors(query: string): Promise<{ ok: true; actors: ActorChoice[] } | { ok: false; message: string }> {
  if (!(await mayCode())) return { ok: false, message: 'Sign in as an analyst to search actors here.' };
  if (typeof query !== 'string' || query.length > 200) return { ok: false, message: 'Type at most 200 characters.' };
  return { ok: true, actors: searchActorChoices(query) };
}

export async function findQuotes(params: { q?: string; actor?: string }): Promise<{ ok: true; quotes: QuoteChoice[] } | { ok: false; message: string }> {
  if (!(await mayCode())) return { ok: false, message: 'Sign in as an analyst to search quotes here.' };
  const q = typeof params?.q === 'string' ? params.q : '';
  const actor = typeof params?.actor === 'string' ? params.actor : '';
  const { choices, problems } = searchQuoteChoices({ q, actor });
  return problems.length ? { ok: false, message: problems.join('; ') } : { ok: true, quotes: choices };
}
