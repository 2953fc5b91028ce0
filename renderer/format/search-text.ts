/** Text folded for searching: lower case, accents removed, so "Zoe" finds "Zoë". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** True when `search` is blank or one of `fields` contains it, as folded text. */
export function matchesSearch(search: string, ...fields: readonly string[]): boolean {
  const query = foldForSearch(search.trim());
  if (query === '') return true;
  return fields.some((field) => foldForSearch(field).includes(query));
}
