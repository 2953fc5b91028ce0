import { moneyText } from '../format/money-text.ts';

interface AmountProps {
  readonly cents: number;
  readonly currency: string;
}

/**
 * Money in the currency's format. Negative amounts get a colour besides their sign, and
 * zeros are muted so that the amounts that matter stand out in wide tables.
 */
export function Amount({ cents, currency }: AmountProps) {
  const text = moneyText(cents, currency);
  let className = 'amount';
  if (cents < 0) className += ' negative';
  if (cents === 0) className += ' zero';
  return <span className={className}>{text}</span>;
}
