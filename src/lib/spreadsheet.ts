/**
 * Plan text in CSV and .xlsx exports: a cell that begins with = + - @ (or a tab or carriage return,
 * or any of them after blank space) is a formula to Excel, WPS and LibreOffice, which would run
 * `=HYPERLINK(…)` or `=cmd|…` from a plan. Such a value gets a leading apostrophe, which the
 * spreadsheet shows as text and does not display. For exports (issue 4): pass every text cell
 * through `spreadsheetText`; numbers stay numbers.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r＝＋－＠]/;

export function spreadsheetText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Whether a spreadsheet would read the value as a formula. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}
