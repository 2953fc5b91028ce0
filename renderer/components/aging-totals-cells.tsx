import type { AgingTotals } from '../../shared/aging.ts';
import { formatCount } from '../format/figures.ts';
import { Amount } from './amount.tsx';

interface AgingTotalsCellsProps {
  readonly totals: AgingTotals;
  readonly bucketKeys: readonly string[];
  readonly currency: string;
}

/** Renders one aging row's cells: each bucket, unapplied amounts, total and invoice count. */
export function AgingTotalsCells({ totals, bucketKeys, currency }: AgingTotalsCellsProps) {
  return (
    <>
      {bucketKeys.map((key) => (
        <td key={key} className="numeric">
          <Amount cents={totals.buckets[key] ?? 0} currency={currency} />
        </td>
      ))}
      <td className="numeric">
        <Amount cents={totals.unappliedPayments + totals.unappliedCredits} currency={currency} />
      </td>
      <td className="numeric">
        <Amount cents={totals.total} currency={currency} />
      </td>
      <td className="numeric">{formatCount(totals.count)}</td>
    </>
  );
}
