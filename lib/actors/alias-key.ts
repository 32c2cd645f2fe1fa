// How a name is compared with actors' names and aliases: case, diacritics and spacing do not
// count, so "Viktor Orban", "viktor  orbán" and "Viktor Orbán" are one key.
export function aliasKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
