// Who a quote is by: a speaker the extractor names is matched to an existing actor by name or
// alias, or proposed as a new actor (confirmed = false) for an analyst to confirm.
import { eq, isNull } from 'drizzle-orm';
import { actorAliases, actors, type Actor, type ActorKind } from '@/db/schema';
import { aliasKey } from '@/lib/actors/alias-key';
import type { KnownActor } from '@/lib/extract';
import type { Speaker } from '@/lib/extract/types';
import { ValidationError } from '@/lib/write/errors';
import { actorInput } from '@/lib/write/inputs';
import { insertActor, type ReadTx, type WriteTx } from '@/lib/write/store';
import { slugFor, uniqueSlug as firstFreeSlug } from '@/lib/slug';

export type DirectoryActor = Pick<Actor, 'id' | 'slug' | 'name' | 'kind' | 'countryCode' | 'organisationId' | 'confirmed'> & {
  aliases: string[];
};

/** The keys a name is found by: its alias key, and the same without a leading "the". */
export function nameKeys(name: string): string[] {
  const key = aliasKey(name);
  const bare = key.replace(/^the /, '');
  return bare && bare !== key ? [key, bare] : key ? [key] : [];
}

// Which actor kinds a speaker of each kind may be: a government speaking is its state.
const COMPATIBLE: Record<ActorKind, readonly ActorKind[]> = {
  person: ['person'],
  anonymous: ['anonymous'],
  organisation: ['organisation', 'state'],
  state: ['state', 'organisation'],
};

/**
 * Every actor by name and alias keys, read once per run. Writes made inside an article's
 * transaction go to a layer that joins the directory only when the transaction commits.
 */
export class ActorDirectory {
  private readonly byId = new Map<number, DirectoryActor>();
  private readonly byKey = new Map<string, Set<number>>();
  private known: KnownActor[] | null = null;

  private constructor(private readonly parent: ActorDirectory | null) {}

  static load(db: ReadTx): ActorDirectory {
    const directory = new ActorDirectory(null);
    const aliases = new Map<number, string[]>();
    for (const row of db.select({ actorId: actorAliases.actorId, alias: actorAliases.alias }).from(actorAliases).all()) {
      aliases.set(row.actorId, [...(aliases.get(row.actorId) ?? []), row.alias]);
    }
    // A deleted actor is nobody's speaker.
    const rows = db
      .select({ id: actors.id, slug: actors.slug, name: actors.name, kind: actors.kind, countryCode: actors.countryCode, organisationId: actors.organisationId, confirmed: actors.confirmed })
      .from(actors)
      .where(isNull(actors.deletedAt))
      .all();
    for (const row of rows) directory.add({ ...row, aliases: aliases.get(row.id) ?? [] });
    return directory;
  }

  /** A layer for one transaction: sees everything here, adds nothing here until commit(). */
  layer(): ActorDirectory {
    return new ActorDirectory(this);
  }

  commit(): void {
    if (!this.parent) return;
    for (const actor of this.byId.values()) this.parent.add(actor);
    this.byId.clear();
    this.byKey.clear();
  }

  add(actor: DirectoryActor): void {
    this.byId.set(actor.id, actor);
    for (const name of [actor.name, ...actor.aliases]) {
      for (const key of nameKeys(name)) {
        const ids = this.byKey.get(key) ?? new Set<number>();
        ids.add(actor.id);
        this.byKey.set(key, ids);
      }
    }
    if (actor.confirmed) this.known = null;
  }

  get(id: number): DirectoryActor | undefined {
    return this.byId.get(id) ?? this.parent?.get(id);
  }

  private idsFor(key: string): number[] {
    return [...(this.byKey.get(key) ?? []), ...(this.parent?.idsFor(key) ?? [])];
  }

  private all(): DirectoryActor[] {
    return [...(this.parent?.all() ?? []), ...this.byId.values()];
  }

  /** Actors named `name` (by name or alias) that a speaker of `kind` can be. */
  byName(name: string, kinds: readonly ActorKind[]): DirectoryActor[] {
    const ids = new Set(nameKeys(name).flatMap((key) => this.idsFor(key)));
    return [...ids].map((id) => this.get(id)!).filter((a) => kinds.includes(a.kind));
  }

  /**
   * The one actor this speaker is, or null when there is none or more than one could be
   * (an ambiguous name is left for the analyst rather than guessed).
   */
  match(speaker: Speaker): DirectoryActor | null {
    let candidates = this.byName(speaker.name, COMPATIBLE[speaker.kind]).filter((a) =>
      // An unnamed official is told apart only by whom they speak for: the country must agree exactly.
      a.kind === 'anonymous' ? a.countryCode === speaker.countryCode : !speaker.countryCode || !a.countryCode || a.countryCode === speaker.countryCode,
    );
    if (candidates.length === 0 && speaker.kind === 'state' && speaker.countryCode) {
      candidates = this.all().filter((a) => a.kind === 'state' && a.countryCode === speaker.countryCode);
    }
    if (candidates.length > 1) candidates = candidates.filter((a) => a.confirmed);
    return candidates.length === 1 ? candidates[0]! : null;
  }

  /** True when the name matches actors, but not exactly one: such a speaker is not proposed again. */
  isAmbiguous(speaker: Speaker): boolean {
    return this.byName(speaker.name, COMPATIBLE[speaker.kind]).length > 1 && this.match(speaker) === null;
  }

  /**
   * Confirmed actors as the extractor knows them. Proposals are left out: they are the extractor's
   * own unreviewed guesses and must not feed its next guess.
   */
  knownActors(): KnownActor[] {
    if (this.parent) return this.parent.knownActors();
    this.known ??= this.all()
      .filter((a) => a.confirmed)
      .map((a) => ({ name: a.name, aliases: a.aliases, kind: a.kind, countryCode: a.countryCode, organisation: a.organisationId ? (this.get(a.organisationId)?.name ?? null) : null }));
    return this.known;
  }
}

function uniqueSlug(tx: ReadTx, base: string): string {
  return firstFreeSlug(base, (slug) => tx.select({ id: actors.id }).from(actors).where(eq(actors.slug, slug)).get() !== undefined);
}

export type ResolvedSpeaker = { actorId: number | null; proposed: DirectoryActor[] };

function propose(tx: WriteTx, directory: ActorDirectory, fields: { name: string; kind: ActorKind; countryCode: string | null; organisationId: number | null }): DirectoryActor {
  const what = `proposed actor "${fields.name}"`;
  const parsed = actorInput.safeParse({ ...fields, slug: uniqueSlug(tx, slugFor(fields.name, fields.kind)), aliases: [fields.name], confirmed: false, natoAccessionYear: null });
  if (!parsed.success) throw ValidationError.fromZod(what, parsed.error);
  // Proposed while storing an article: part of the ingest, and of its audit entry.
  const row = insertActor(tx, parsed.data, 'source:ingest');
  const actor: DirectoryActor = { id: row.id, slug: row.slug, name: row.name, kind: row.kind, countryCode: row.countryCode, organisationId: row.organisationId, confirmed: row.confirmed, aliases: row.aliases };
  directory.add(actor);
  return actor;
}

/** The organisation a speaker speaks for, found by name, or proposed. */
function organisationFor(tx: WriteTx, directory: ActorDirectory, speaker: Speaker, proposed: DirectoryActor[]): number | null {
  if (!speaker.organisation || nameKeys(speaker.organisation)[0] === nameKeys(speaker.name)[0]) return null;
  const found = directory.byName(speaker.organisation, ['organisation', 'state']);
  if (found.length === 1) return found[0]!.id;
  if (found.length > 1) return null;
  const organisation = propose(tx, directory, { name: speaker.organisation, kind: 'organisation', countryCode: speaker.countryCode, organisationId: null });
  proposed.push(organisation);
  return organisation.id;
}

/** Matches the speaker to an actor, proposing one (and the organisation it speaks for) if none is known. */
export function resolveSpeaker(tx: WriteTx, directory: ActorDirectory, speaker: Speaker | null): ResolvedSpeaker {
  if (!speaker) return { actorId: null, proposed: [] };
  const known = directory.match(speaker);
  if (known) return { actorId: known.id, proposed: [] };
  // A state needs its country code; an ambiguous name is not proposed as yet another actor.
  if ((speaker.kind === 'state' && !speaker.countryCode) || directory.isAmbiguous(speaker)) return { actorId: null, proposed: [] };
  const proposed: DirectoryActor[] = [];
  const organisationId = speaker.kind === 'person' || speaker.kind === 'anonymous' ? organisationFor(tx, directory, speaker, proposed) : null;
  const actor = propose(tx, directory, { name: speaker.name, kind: speaker.kind, countryCode: speaker.countryCode, organisationId });
  return { actorId: actor.id, proposed: [...proposed, actor] };
}
