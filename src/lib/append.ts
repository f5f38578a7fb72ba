/**
 * `target.push(...items)` passes every item as an argument and overflows the stack past ~100 000
 * items (a clause naming 200 000 units, a 1 MB line of clauses). This appends in a loop instead.
 */
export function append<T>(target: T[], ...lists: readonly T[][]): T[] {
  for (const list of lists) for (let i = 0; i < list.length; i++) target.push(list[i]!);
  return target;
}
