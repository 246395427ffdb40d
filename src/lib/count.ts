/** "1 topic", "3 topics", "0 topics": a number with its noun in the singular or the plural. */
export const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
