import { useId, useState, type ReactNode } from 'react';

interface MetricCardProps {
  readonly label: string;
  readonly value: ReactNode;
  readonly detail?: ReactNode;
  /** How the figure is computed, shown while the card is hovered or focused. */
  readonly definition: string;
}

/**
 * One headline figure. The card takes keyboard focus so that the definition, a tooltip
 * otherwise shown on hover, reaches keyboard users too; Escape hides it again.
 */
export function MetricCard({ label, value, detail, definition }: MetricCardProps) {
  const labelId = useId();
  const definitionId = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    <div
      className={dismissed ? 'metric-card definition-dismissed' : 'metric-card'}
      role="group"
      tabIndex={0}
      aria-labelledby={labelId}
      aria-describedby={definitionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setDismissed(true);
      }}
      onBlur={() => setDismissed(false)}
      onMouseLeave={() => setDismissed(false)}
    >
      <h2 className="metric-label" id={labelId}>
        {label}
      </h2>
      <p className="metric-value">{value}</p>
      {detail !== undefined && <p className="metric-detail">{detail}</p>}
      <p className="metric-definition" role="tooltip" id={definitionId}>
        {definition}
      </p>
    </div>
  );
}
