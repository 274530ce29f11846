/** Latin tokens allowed in Arabic and Sorani text: handling labels, grid and unit abbreviations, file formats. */
export const ALLOWED_LATIN = new Set(['TLP', 'RED', 'AMBER', 'STRICT', 'GREEN', 'CLEAR', 'MGRS', 'UTM', 'km', 'm', 'ACLED', 'CoT', 'ATAK', 'PDF', 'HTML', 'CSV', 'GeoJSON', 'KML', 'SIDC', 'APP', 'ID', 'JCC', 'SITREP']);

/** Latin words left in a translated string, ignoring {{placeholders}} and allowed tokens. */
export function strayLatin(text: string): string[] {
  const words = text.replace(/\{\{[^}]*\}\}/g, ' ').match(/[A-Za-z][A-Za-z+]*/g) ?? [];
  return words.flatMap((w) => w.split('+')).filter((w) => w !== '' && !ALLOWED_LATIN.has(w));
}
