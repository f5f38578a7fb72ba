/**
 * Search filters. Pagefind's UI shows filter values as markup, so a value taken from the plan (its
 * title) must hold no `<` or `>`: they become their full-width forms, which read the same.
 */
export function pagefindFilter(name: string, value: string): string {
  // Pagefind's UI shows filter values as markup and splits the attribute at commas.
  return `${name}:${value.replace(/</g, '＜').replace(/>/g, '＞').replace(/,/g, '，').trim()}`;
}
