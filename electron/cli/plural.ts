/** Formats a count with its noun, such as "1 row" or "2 rows", for the CLI's summary lines. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
