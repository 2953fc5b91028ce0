import { formatLongDate } from '../format/dates.ts';

interface PageHeadingProps {
  readonly title: string;
  readonly asOf?: string;
  readonly currency?: string | null;
}

/** The page's h1, with the as-of date and currency its figures are computed for. */
export function PageHeading({ title, asOf, currency }: PageHeadingProps) {
  const scope = [
    asOf === undefined ? null : `At the end of ${formatLongDate(asOf)}`,
    currency ? `amounts in ${currency}` : null,
  ].filter((part) => part !== null);
  return (
    <div className="page-heading">
      <h1>{title}</h1>
      {scope.length > 0 && <p className="page-scope">{scope.join(', ')}</p>}
    </div>
  );
}
