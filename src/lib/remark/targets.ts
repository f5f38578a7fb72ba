/**
 * What the plan-links plugin links to: the site's plans (with their tasks, sections and parts) and
 * units, each with its page's URL. The plugin never reads files: a build hands it these from its
 * content loader (src/site/plan-links.ts builds them), a test writes them by hand.
 */
import { chineseToNumber } from '../parse/numerals.ts';

/** A task, section or part, by its number as the plan writes it ("12", "三"). */
export interface NumberedTarget {
  number: string;
  href: string;
}

export interface PlanTargets {
  id: string;
  /** The title a 解读 cites in 《》. */
  title: string;
  href: string;
  /** Top-level tasks (任务12, 第12项); sub-tasks are reached from their task's page. */
  tasks: NumberedTarget[];
  /** Sections ((三), cited as 第(三)部分). */
  sections: NumberedTarget[];
  /** Parts (三、, cited as 第三部分). */
  parts: NumberedTarget[];
}

export interface UnitTarget {
  id: string;
  name: string;
  aliases: string[];
  href: string;
}

export interface LinkTargets {
  plans: PlanTargets[];
  units: UnitTarget[];
}

const FULL_WIDTH_DIGIT = /[０-９]/g;

/** "12", "１２", "十二" → 12; undefined for anything else. */
export function numberValue(text: string): number | undefined {
  const ascii = text.trim().replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  return chineseToNumber(ascii);
}

/** Targets by their numeric value; a plan whose numbering restarts has several under one number. */
export function byNumber(targets: NumberedTarget[]): Map<number, NumberedTarget[]> {
  const map = new Map<number, NumberedTarget[]>();
  for (const target of targets) {
    const value = numberValue(target.number);
    if (value === undefined) continue;
    map.set(value, [...(map.get(value) ?? []), target]);
  }
  return map;
}
