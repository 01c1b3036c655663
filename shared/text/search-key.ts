/** Normalized for search: lower case, no diacritics ("Urząd Łódź" → "urzad lodz"). */
export function searchKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
