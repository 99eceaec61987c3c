// Letters that carry no combining accent in Unicode, so NFD leaves them alone; folded by hand.
const LETTER_FOLDS: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};
const FOLDABLE_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');
// Only the Latin-script accent block is removed: combining marks of other scripts (Devanagari vowel
// signs, Arabic harakat used as letters) are part of the word there, not decoration.
const LATIN_ACCENTS = /[\u0300-\u036f]/g;
const SEPARATORS = /[\s\-‐‑‒–—_.,'’`]+/g;

/**
 * A name folded for comparison: lower case, Latin accents removed, punctuation and runs of spaces
 * turned into one space. "Hà Nội", "HA  NOI" and "Ha-Noi" all become "ha noi"; "تهران" stays itself.
 */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .replace(FOLDABLE_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFC')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** What, with the country, identifies a city: its folded official name. */
export const nameKeyOf = (name: string): string => foldName(name);

/** Every name of a city folded into one searchable text. */
export function searchTextOf(names: {
  name: string;
  englishName: string | null;
  localName: string | null;
}): string {
  const folded = [names.name, names.englishName, names.localName]
    .filter((name): name is string => name !== null && name.trim() !== '')
    .map(foldName);
  return [...new Set(folded)].join(' ');
}
