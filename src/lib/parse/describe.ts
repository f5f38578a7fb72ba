/**
 * What a block says: its heading and text, the units its clauses and cells name (with their roles),
 * the people it names, its deadlines and references. Problems of its clauses are reported here.
 */
import { append } from '../append.ts';
import { PAGE_NUMBER } from './classify.ts';
import { findDeadlines, findReferences } from './deadlines.ts';
import { agentClauses, findBodyClauses, mapClause, type Clause } from './forms.ts';
import { applyFirstLeads, applyMarks, firstLeadsNote, readClauseBody, type FirstLeads, type Mention } from './clause-body.ts';
import type { Role } from '../schema.ts';
import { matchView, nameKey } from '../normalize.ts';
import { joinedSource, type Source } from './source.ts';
import type { Cell } from './table.ts';
import { cellKind } from './table-cells.ts';
import type { PlanBlock, PlanLeaf, Problem } from './tree.ts';

function lineJoin(values: string[]): string {
  return values
    .join('')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n');
}

const columnNotes = new Map<string, FirstLeads | undefined>();
/** The note a column's header cell holds, read once per header. */
function columnNote(header: string): FirstLeads | undefined {
  if (!columnNotes.has(header)) columnNotes.set(header, firstLeadsNote(header));
  return columnNotes.get(header);
}

/** A table row's text without its outer pipes (no unanchored `\s*`: linear on a 1 MB line). */
function stripPipes(value: string): string {
  let out = value;
  const lead = /^\s*\|\s*/.exec(out);
  if (lead) out = out.slice(lead[0].length);
  const trimmed = out.trimEnd();
  if (trimmed.endsWith('|')) out = trimmed.slice(0, -1).trimEnd();
  return out;
}

export function describeBlock(block: PlanBlock, src: Source, problems: Problem[]): void {
  const { text: source, view, year } = src;
  const data = block.data;
  const textParts: string[] = [];
  const headingParts: string[] = [];
  const textRanges: [number, number][] = [];
  const cells: Cell[] = [];
  let textCells = 0;
  let firstCell = '';
  let rowNamed = false;
  /** Every clause of the block is units at the end of a sentence, with no label: its other sentences are read too. */
  let sentenceEndOnly = true;
  for (const child of block.children) {
    if (!('value' in child)) continue;
    const leaf = child as PlanLeaf;
    const start = leaf.position.start.offset!;
    const end = leaf.position.end.offset!;
    switch (leaf.type) {
      case 'heading':
        // A heading written in a table cell over several lines (城乡⏎环境⏎整治, or one character a
        // line) is one name: its lines join with nothing.
        headingParts.push(leaf.value.replace(/\s*\n\s*/g, ''));
        break;
      case 'text':
        // Separators alone (` | ||` at a ragged row's end) are no text.
        if (!/^[\s|]*$/.test(leaf.value)) {
          textParts.push(stripPipes(leaf.value));
          textRanges.push([start, end]);
        }
        break;
      case 'break':
        textParts.push('\n');
        rowNamed ||= textCells > 1;
        textCells = 0;
        break;
      case 'clause': {
        const clause = leaf.data!.clause!;
        if (clause.mentions.length > 0) sentenceEndOnly &&= clause.form === 'sentence-final-units';
        append(data.mentions, clause.mentions);
        if (clause.mentions.length > 0) data.lists.push(clause.mentions);
        // 【牵头单位:A;完成时限:6月底前】: a deadline written inside the clause; after its label any date counts.
        const label = /(完成时限|完成时间|时间节点|时限要求|完成期限|时限)\s*[::]/.exec(view.slice(start, end));
        if (label) {
          const from = start + label.index + label[0].length;
          const stop = view.slice(from, end).search(/[;;)】\]]/);
          data.deadlines.push(...findDeadlines(view, source, from, stop >= 0 ? from + stop : end, year, true));
          data.deadlines.push(...findDeadlines(view, source, start, start + label.index, year));
        } else data.deadlines.push(...findDeadlines(view, source, start, end, year));
        append(data.persons, clause.persons);
        if (clause.mentions.length > 0) data.mentionSource ??= clause.labeled ? clause.kind : 'unlabeled';
        if (clause.unclosed)
          problems.push({
            ruleId: 'unclosed-clause',
            severity: 'warning',
            reason: 'Unexpected end of line in a responsibility clause, expected `)`',
            start,
            end,
          });
        // (A牵头,B配合) says its roles; only a bare list is read as responsible by default.
        if (!clause.labeled && clause.mentions.length > 0 && clause.mentions.every((m) => m.role === 'responsible'))
          problems.push({
            ruleId: 'unlabeled-units',
            severity: 'info',
            reason: `Units without a label (责任单位/牵头单位) read as responsible: ${clause.mentions.map((m) => m.text).join('、')}`,
            start,
            end,
          });
        reportPieces(clause.mentions, clause.rejected, (o) => o, problems);
        for (const person of clause.persons)
          problems.push({
            ruleId: 'person-not-unit',
            severity: 'info',
            reason: `\`${person.text}\` names a person, not a unit: left out of the units`,
            start: person.start,
            end: person.end,
          });
        break;
      }
      case 'cell': {
        const cell = leaf.data!.cell;
        const role = leaf.data!.role!;
        if (role === 'text') {
          // The text cells of a row (项目名称 | 建设内容) are apart, not run together; the first
          // of several, when short, is the task's name.
          if (textCells > 0) textParts.push(' ');
          else if (!firstCell) firstCell = leaf.value.trim();
          textCells++;
          textParts.push(leaf.value);
          textRanges.push([start, end]);
        } else if (cell && (role === 'lead' || role === 'support' || role === 'responsible' || role === 'deadline') && !cells.includes(cell)) cells.push(cell);
        // A 备注 cell that holds a date only (11月底前) is the task's deadline.
        else if (role === 'note' && cellKind(src, start, end) === 'deadline') append(data.deadlines, findDeadlines(view, source, start, end, year, true));
        break;
      }
      case 'deadline': {
        const colon = view.slice(start, end).search(/[::]/);
        append(data.deadlines, findDeadlines(view, source, colon >= 0 ? start + colon + 1 : start, end, year, true));
        break;
      }
      default:
        break;
    }
  }
  // Unit and deadline cells, each read whole (a cell may wrap between other columns' cells).
  // One list a row of the task (rows under a merged 序号 are rows of one task).
  const rowLists: Mention[][] = [];
  for (const whole of [...cells, ...(data.inherited ?? [])]) {
    // Each line of a cell is read alone, but for a PDF's wrapped lines, read as one.
    if (whole.wrapped) readCell(whole, 0);
    // A hard-wrapped cell (县生态环⏎境分局): its lines joined with nothing between them.
    else if (whole.glued) readCell({ ...whole, pieces: cellLines(view, whole).flatMap((l) => l.pieces) }, 0, '');
    else for (const piece of whole.pieces) for (const line of cellLines(view, { ...whole, pieces: [piece] })) readCell(line, piece.row ?? 0);
  }
  function readCell(cell: Cell, row: number, separator = '\n'): void {
    const joined = cell.pieces.length === 1 ? undefined : joinedSource(src, cell.pieces, separator);
    const from = joined ? joined.src : src;
    const at = (o: number) => (joined ? joined.toSource(o) : o);
    const start = joined ? 0 : cell.pieces[0]!.start;
    const end = joined ? joined.src.text.length : cell.pieces[0]!.end;
    if (cell.role === 'deadline') {
      for (const d of findDeadlines(from.view, from.text, start, end, year, true)) data.deadlines.push({ ...d, start: at(d.start), end: at(d.end) });
      return;
    }
    const body = readClauseBody(from, start, end, cell.role as Role, { promote: true, column: true });
    // The column's header may say how to read its lists (责任部门(加*号为牵头部门,其余为参与部门)).
    const note = cell.note === undefined ? undefined : columnNote(cell.note);
    // A sign's note holds for every cell of its column, one without a marked unit too.
    if (note?.marked) applyMarks(body.mentions, note);
    else if (note) applyFirstLeads(body.mentions, note);
    reportPieces(body.mentions, body.rejected, at, problems);
    const mentions = body.mentions.map((m) => ({ ...m, start: at(m.start), end: at(m.end) }));
    append(data.mentions, mentions);
    rowLists[row] = [...(rowLists[row] ?? []), ...mentions];
    append(
      data.persons,
      body.persons.map((p) => ({ ...p, start: at(p.start), end: at(p.end) })),
    );
    if (mentions.length > 0) data.mentionSource ??= 'cell';
  }
  // A row is one list: its 牵头 and 配合 cells together.
  for (const list of rowLists) if (list && list.length > 0) data.lists.push(list);
  data.text = lineJoin(textParts);
  // The bold markup that closes a heading (`**一、…**`) is no part of it.
  const heading = lineJoin(headingParts)
    .replace(/\s*(?:\*\*|__)$/, '')
    .replace(/[。.]$/, '');
  if (block.type === 'task') {
    // Units read from the end of a sentence, with no label, leave the task's other sentences to be
    // read too (一是A牵头,会同B开展…。二是各县政府落实属地责任。).
    if (data.mentions.length === 0 || (sentenceEndOnly && data.mentionSource === 'unlabeled')) {
      for (const paragraph of paragraphs(view, textRanges)) {
        for (const clause of inParagraph(src, paragraph, findBodyClauses)) {
          append(data.mentions, clause.mentions);
          if (clause.mentions.length > 0) data.lists.push(clause.mentions);
          data.mentionSource ??= 'inline';
        }
      }
    } else if (data.mentionSource !== 'inline') refineRoles(data, src, paragraphs(view, textRanges));
    // A 承办单位 with no 协办 or 配合 unit beside it answers for the task alone.
    if (!data.mentions.some((m) => m.role === 'support')) for (const m of data.mentions) if (m.alone) m.role = m.alone;
    // A task's lead phrase: the short first sentence, where there is one.
    // Punctuation is read in the match view (full-width ,;: as ASCII); the title is the source's text.
    const textView = matchView(data.text);
    const stop = textView.search(/[。]/);
    if (stop > 0 && stop <= 30 && !/[,;:]/.test(textView.slice(0, stop)) && data.text.length > stop + 1) data.title = data.text.slice(0, stop);
    rowNamed ||= textCells > 1;
    if (rowNamed && !data.title && firstCell.length <= 30 && !/[。;,]/.test(matchView(firstCell))) data.title = firstCell.replace(/[。.]$/, '');
    if (heading) data.title = heading;
  } else {
    if (heading) data.title = heading;
    // A section's (or part's) body may open with its units (`由A承办,B、C协办。…`), while its
    // tasks name their own: the opening sentence's clause is the section's.
    const first = paragraphs(view, textRanges)[0];
    if (data.mentions.length === 0 && first) {
      const from = first[0]![0];
      const opening = inParagraph(src, first, findBodyClauses).filter((c) => view.slice(from, c.start).trim() === '');
      for (const clause of opening.slice(0, 1)) {
        append(data.mentions, clause.mentions);
        if (clause.mentions.length > 0) data.lists.push(clause.mentions);
        data.mentionSource ??= 'inline';
      }
    }
  }
  // By paragraph: a date may wrap onto the next line (…,3⏎月15日前).
  for (const paragraph of paragraphs(view, textRanges)) for (const [s, e] of paragraph) append(data.deadlines, findDeadlines(view, source, s, e, year));
  data.references = findReferences([heading, data.text].join('\n'));
}

/**
 * A task's sentence that gives one of its units a role (责任单位:A B C ⏎ 工作要求:由A牵头,D配合…)
 * says that unit's role: a listed unit read as responsible takes the sentence's 牵头 or 配合, and
 * a unit only the sentence names joins the task with its role.
 */
function refineRoles(data: PlanBlock['data'], src: Source, ranges: Paragraph[]): void {
  for (const paragraph of ranges) {
    // Most tasks' text names no unit with 由: nothing to read.
    if (
      !paragraph.some(([s, e]) => {
        const at = src.view.indexOf('由', s);
        return at >= 0 && at < e;
      })
    )
      continue;
    for (const clause of inParagraph(src, paragraph, agentClauses)) {
      const added: Mention[] = [];
      for (const mention of clause.mentions) {
        if (mention.role !== 'lead' && mention.role !== 'support') continue;
        const key = nameKey(mention.text);
        const listed = data.mentions.filter((m) => nameKey(m.text) === key);
        if (listed.length === 0) added.push(mention);
        for (const m of listed) if (m.role === 'responsible') m.role = mention.role;
      }
      if (added.length > 0) {
        append(data.mentions, added);
        data.lists.push(added);
      }
    }
  }
}

/** Forget what describeBlock read, so that a block moved by a transform is read again. */
export function resetDescription(block: PlanBlock): void {
  Object.assign(block.data, { text: '', mentions: [], lists: [], persons: [], deadlines: [], references: [] });
  delete block.data.mentionSource;
  delete block.data.title;
}

/** A paragraph: the text ranges it is made of, in order (more than one where a page break cuts it). */
type Paragraph = [number, number][];

/**
 * Text ranges that only a line break separates are one paragraph (a sentence may wrap); so are
 * those that only a page break separates (its page number and blank lines: `…县生态⏎第 5 页⏎环境局配合。`).
 */
function paragraphs(view: string, ranges: [number, number][]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const [s, e] of ranges) {
    const last = out.at(-1)?.at(-1);
    const gap = last ? view.slice(last[1], s) : '';
    if (last && /^[\r\n \u3000]*$/.test(gap) && gap.includes('\n') && !/\n\s*\n/.test(gap)) last[1] = e;
    else if (last && pageBreak(gap)) out.at(-1)!.push([s, e]);
    else out.push([[s, e]]);
  }
  return out;
}

/** A gap between two lines that is a page break: page numbers and blank lines, at least one page number. */
function pageBreak(gap: string): boolean {
  const lines = gap.split('\n').slice(1, -1);
  return lines.some((l) => PAGE_NUMBER.test(l)) && lines.every((l) => l.trim() === '' || PAGE_NUMBER.test(l));
}

/** Clauses of a paragraph by `read`: across a page break, read in its pieces joined, with offsets in the source. */
function inParagraph(src: Source, paragraph: Paragraph, read: (src: Source, start: number, end: number) => Clause[]): Clause[] {
  if (paragraph.length === 1) return read(src, paragraph[0]![0], paragraph[0]![1]);
  const joined = joinedSource(
    src,
    paragraph.map(([start, end]) => ({ start, end })),
  );
  return read(joined.src, 0, joined.src.text.length).map((c) => mapClause(c, joined.toSource));
}

/** Nothing of a clause vanishes: an unusual name read as a unit, and a piece that is none, are reported at their place. */
function reportPieces(
  mentions: Mention[],
  rejected: { start: number; end: number; text: string }[],
  at: (offset: number) => number,
  problems: Problem[],
): void {
  for (const m of mentions) {
    if (!m.unusual) continue;
    problems.push({
      ruleId: 'unusual-unit',
      severity: 'warning',
      reason: `Unexpected unit name \`${m.text}\` with no usual ending (局, 委, 办, 中心, 政府 …): read as a unit, check the name`,
      start: at(m.start),
      end: at(m.end),
    });
  }
  for (const r of rejected) {
    const shown = r.text.length > 24 ? `${r.text.slice(0, 24)}…` : r.text;
    problems.push({
      ruleId: 'clause-piece',
      severity: 'warning',
      reason: `Unexpected \`${shown}\` in a responsibility clause, expected a unit name: left out of the units`,
      start: at(r.start),
      end: at(r.end),
    });
  }
}

/** A cell cut at its line breaks: one cell a line (blank lines dropped). */
function cellLines(view: string, cell: Cell): Cell[] {
  const out: Cell[] = [];
  for (const p of cell.pieces) {
    let at = p.start;
    for (let i = p.start; i <= p.end; i++) {
      if (i === p.end || view[i] === '\n' || view[i] === '\r') {
        if (view.slice(at, i).trim() !== '') out.push({ ...cell, pieces: [{ start: at, end: i }] });
        at = i + 1;
      }
    }
  }
  return out;
}
