import type { Role } from '../lib/schema.ts';

/** How each role is written on the site: always as text, colour only reinforces it. */
export const ROLE_LABEL: Record<Role, string> = { lead: '牵头', support: '配合', responsible: '责任' };
/** One-character mark for the matrix; it is text, so it reads without colour. */
export const ROLE_MARK: Record<Role, string> = { lead: '牵', support: '配', responsible: '责' };
export const ROLE_DESCRIPTION: Record<Role, string> = {
  lead: '牵头单位:对任务负总责,组织推进',
  support: '配合单位:按职责参与、协助牵头单位',
  responsible: '责任单位:原文只列“责任单位”,未分牵头与配合',
};
export const ROLES: Role[] = ['lead', 'support', 'responsible'];

/** Unit kinds in the order the site lists them; unknown kinds go last. */
export const UNIT_KIND_ORDER = ['党委部门', '政府部门', '垂直管理', '镇/街道', '议事协调机构', '群体', '其他'];

export function kindRank(kind: string): number {
  const i = UNIT_KIND_ORDER.indexOf(kind);
  return i === -1 ? UNIT_KIND_ORDER.length : i;
}
