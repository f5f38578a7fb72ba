/** Chinese numerals as plans write them: 一 … 十 … 九十九, 〇/零, 两. */
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export function chineseToNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char in DIGITS) current = DIGITS[char]!;
    else if (char === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (char === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN_DIGITS = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';

/** ① → 1, ⑴ → 1. */
export function enclosedToNumber(char: string): number | undefined {
  let i = CIRCLED.indexOf(char);
  if (i >= 0) return i + 1;
  i = PAREN_DIGITS.indexOf(char);
  return i >= 0 ? i + 1 : undefined;
}
