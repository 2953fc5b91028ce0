import { useId } from 'react';
import { reportCatalog, type ReportName } from '../../../shared/reports/report-catalog.ts';

interface ReportPickerProps {
  readonly value: ReportName;
  onChange(report: ReportName): void;
}

/**
 * Lists every report of the catalog as a radio button with its title and description. The title
 * alone names the button and the description describes it, so that "Aging summary" is not
 * also matched by the aging detail's description, which mentions it.
 */
export function ReportPicker({ value, onChange }: ReportPickerProps) {
  const id = useId();

  return (
    <fieldset className="report-picker">
      <legend>Report</legend>
      {reportCatalog.map((entry) => {
        const titleId = `${id}-${entry.name}-title`;
        const descriptionId = `${id}-${entry.name}-description`;
        return (
          <label
            key={entry.name}
            className={entry.name === value ? 'report-choice selected' : 'report-choice'}
          >
            <input
              type="radio"
              name={`${id}-report`}
              value={entry.name}
              checked={entry.name === value}
              aria-labelledby={titleId}
              aria-describedby={descriptionId}
              onChange={() => onChange(entry.name)}
            />
            <span className="report-choice-text">
              <span className="report-choice-title" id={titleId}>
                {entry.title}
              </span>
              <span className="report-choice-description" id={descriptionId}>
                {entry.description}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
