/**
 * A table served as comma-separated values (a spreadsheet saved as CSV, or a document-sharing
 * site's preview of one): fields split by ASCII commas, a field with a comma, a quote or a line
 * break in it quoted (`"测评⏎项目"`, `""` for a quote). From a record that reads as a table's header
 * on, the commas that separate fields are tabs in the match view, so that the table reader reads
 * the records as it reads a table pasted from Excel (quoted cells may hold line breaks there too).
 * The source text is untouched: offsets stay those of the file. (csv-parse, which reads the
 * progress files, gives records and their line numbers but not the offset of each comma, which the
 * match view needs; finding the separators is the small quote-aware scan below.)
 */
import type { Line } from './lines.ts';
import type { Source } from './source.ts';
import { isHeaderRow } from './table-cells.ts';

interface CsvRecord {
  /** Offsets of the commas between fields. */
  separators: number[];
  fields: { start: number; end: number }[];
  /** Where the next record starts (after the line ending), or the text's length. */
  next: number;
}

/** The record that starts at `at`: quoted fields may run over line endings. */
function readRecord(text: string, at: number): CsvRecord {
  const separators: number[] = [];
  const fields: { start: number; end: number }[] = [];
  let fieldStart = at;
  let quoted = false;
  let k = at;
  for (; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"') {
        if (text[k + 1] === '"') k++;
        else quoted = false;
      }
    } else if (c === '"' && k === fieldStart) quoted = true;
    else if (c === ',') {
      fields.push({ start: fieldStart, end: k });
      separators.push(k);
      fieldStart = k + 1;
    } else if (c === '\n' || c === '\r') break;
  }
  fields.push({ start: fieldStart, end: k });
  if (text[k] === '\r' && text[k + 1] === '\n') k++;
  return { separators, fields, next: Math.min(text.length, k + 1) };
}

/** The longest column name a header field holds (完成时限及要求, 责任单位(牵头单位为第一个)). */
const HEADER_FIELD_MAX = 16;

/** How far down a header is looked for: lines, as a quoted note over lines may stand before it. */
const HEADER_LINES = 80;

/** More fields than a table's header has columns: a line of prose, not a header. */
const HEADER_FIELDS_MAX = 40;

/** A field as its words: quotes and white space dropped. */
function fieldWords(text: string, field: { start: number; end: number }): string {
  return text.slice(field.start, field.end).replace(/^"|"$/g, '').replace(/""/g, '"').replace(/\s+/g, '');
}

/**
 * The source with the field separators of its CSV table tabs in the view, or as it was when no
 * record reads as a header. Records are read from the header on, up to one with no separator.
 */
export function csvAsTabs(src: Source, lines: Line[]): { src: Source; lines: Line[] } {
  const { text, view } = src;
  // A pasted Excel table has tabs already; a text with no ASCII comma has no CSV.
  if (!text.includes(',') || text.includes('\t')) return { src, lines };
  let header: CsvRecord | undefined;
  let headerAt = -1;
  // The header stands near the top, after a title and notes (a spreadsheet's first rows).
  for (const line of lines.slice(0, HEADER_LINES)) {
    const second = line.text.indexOf(',', line.text.indexOf(',') + 1);
    if (second < 0 && !line.text.startsWith('"')) continue;
    const record = readRecord(text, line.start);
    if (record.separators.length < 2 || record.separators.length >= HEADER_FIELDS_MAX) continue;
    // A header's fields are column names, and the record after it has as many fields: a sentence
    // with ASCII commas in it (…审议意见,切实抓好…,压实整改责任,) is neither.
    const names = record.fields.map((f) => fieldWords(text, f));
    if (names.some((n) => n.length > HEADER_FIELD_MAX) || !isHeaderRow(names)) continue;
    const next = readRecord(text, record.next);
    if (next.separators.length === record.separators.length) {
      header = record;
      headerAt = line.start;
      break;
    }
  }
  if (!header) return { src, lines };
  const separators: number[] = [];
  for (let at = headerAt; at < text.length; ) {
    const record = readRecord(text, at);
    if (record.separators.length === 0) break;
    separators.push(...record.separators);
    at = record.next;
  }
  const chars = view.split('');
  for (const k of separators) chars[k] = '\t';
  const tabbed = chars.join('');
  return { src: { ...src, view: tabbed }, lines: lines.map((l) => ({ ...l, view: tabbed.slice(l.start, l.end) })) };
}
