export type KnownActor = {
  name: string;
  aliases: readonly string[];
  kind: 'person' | 'anonymous' | 'organisation' | 'state';
  countryCode: string | null;
  organisation: string | null;
};

export type ExtractOptions = {
  /** Actors already in the database, so that "Szijjártó" is known to speak for HU. */
  knownActors?: readonly KnownActor[];
};
