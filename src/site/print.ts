/** View data for the printed version of a unit page (任务清单 to sign and file). Pure: no Astro import. */
import { deadlineText, taskFullText, unitsOfTask } from './opendata.ts';
import { displayNumber } from './plan.ts';
import { ROLE_LABEL } from './roles.ts';
import type { PlanInput, UnitTaskRef, UnitView } from './units.ts';

export interface PrintRow {
  number: string;
  text: string;
  deadline: string;
  /** The plan's title, when the sheet covers more than one plan. */
  planTitle?: string;
  /** The task's other units by role (牵头:…;配合:…), this unit left out; '' when it has none. */
  others: string;
  /** 人工校正: the correction's note. */
  corrected?: string;
}

export interface PrintGroup {
  heading: string;
  rows: PrintRow[];
}

export interface UnitPrintSheet {
  unitName: string;
  /** Titles of the plans the tasks come from, newest first. */
  planTitles: string[];
  groups: PrintGroup[];
  total: number;
  summary: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一、二、… for the group headings, as official documents number their parts. */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

export function unitPrintSheet(view: UnitView, plans: PlanInput[]): UnitPrintSheet {
  const tasks = new Map(plans.flatMap((plan) => plan.document.tasks.map((t) => [`${plan.id}/${displayNumber(t)}`, t] as const)));
  const involved = new Set<string>();
  const row = (ref: UnitTaskRef): PrintRow => {
    involved.add(ref.planId);
    const task = tasks.get(`${ref.planId}/${ref.slug}`);
    const others = task ? unitsOfTask(task).filter((u) => u.unit !== view.unit.id && u.unit !== ref.via?.id) : [];
    return {
      number: ref.slug,
      text: task ? taskFullText(task) : ref.label,
      deadline: task ? deadlineText(task) : '',
      ...(plans.length > 1 ? { planTitle: ref.planTitle } : {}),
      others: (['lead', 'responsible', 'support'] as const)
        .map((role) => ({ role, names: others.filter((u) => u.role === role).map((u) => u.name) }))
        .filter((g) => g.names.length > 0)
        .map((g) => `${ROLE_LABEL[g.role]}:${g.names.join('、')}`)
        .join(';'),
      ...(ref.corrected ? { corrected: ref.corrected } : {}),
    };
  };
  const sections = [
    ...view.byRole.map((g) => ({ title: `${ROLE_LABEL[g.role]}的任务`, refs: g.tasks })),
    ...view.viaGroups.map((g) => ({ title: `作为${g.group.name}承担的任务`, refs: g.tasks })),
  ];
  const groups = sections.map((s, i) => ({ heading: `${chineseOrdinal(i + 1)}、${s.title}(${s.refs.length} 项)`, rows: s.refs.map(row) }));
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const parts = [
    ...view.byRole.map((g) => `${ROLE_LABEL[g.role]} ${g.tasks.length} 项`),
    ...(view.viaGroupCount > 0 ? [`经所属群体 ${view.viaGroupCount} 项`] : []),
  ];
  return {
    unitName: view.unit.name,
    planTitles: plans.filter((p) => involved.size === 0 || involved.has(p.id)).map((p) => p.metadata.title ?? p.document.title),
    groups,
    total,
    summary: total === 0 ? '现有计划中没有列给本单位的任务。' : `共 ${total} 项:${parts.join(',')}。`,
  };
}
