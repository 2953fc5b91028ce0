/** "1 row", "2 rows": a count with its noun, for the CLI's summary lines. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
