/** Display text for the figures that are not money. Missing values show as an em dash. */

const percentFormat = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const MISSING = '—';

/** A share from 0 to 1 as a percentage: 0.253 is "25.3%". */
export function formatShare(share: number | null): string {
  return share === null ? MISSING : percentFormat.format(share);
}

/** A figure already on a 0-100 scale, such as CEI: 87.46 is "87.5%". */
export function formatPercentPoints(points: number | null): string {
  return points === null ? MISSING : `${oneDecimal.format(points)}%`;
}

export function formatDays(days: number | null): string {
  return days === null ? MISSING : `${oneDecimal.format(days)} days`;
}

export function formatCount(count: number): string {
  return wholeNumber.format(count);
}

/** Describes a delimiter character in words, since a tab or a space is invisible. */
export function describeDelimiter(delimiter: string): string {
  const names: Record<string, string> = {
    ',': 'comma (,)',
    ';': 'semicolon (;)',
    '\t': 'tab',
    '|': 'vertical bar (|)',
    ' ': 'space',
  };
  return names[delimiter] ?? JSON.stringify(delimiter);
}
