import { formatLongDate } from '../../format/dates.ts';
import { PreviewChart } from './preview-chart.tsx';
import { PreviewTable } from './preview-table.tsx';
import type { ReportPreviewValue } from './use-report-preview.ts';

type PreviewBlock = ReportPreviewValue['blocks'][number];

interface ReportPreviewViewProps {
  readonly preview: ReportPreviewValue;
  /** True while a newer preview loads: the figures shown are of the earlier options. */
  readonly stale: boolean;
}

/**
 * Renders the report as the saved file will have it, up to the first rows of each table: the
 * header with the company, title, scope and day made, then its facts, notes, tables and charts.
 */
export function ReportPreviewView({ preview, stale }: ReportPreviewViewProps) {
  const { header } = preview;
  return (
    <article
      className={stale ? 'report-preview stale' : 'report-preview'}
      aria-label={`Preview of the ${header.title.toLowerCase()}`}
    >
      <header className="report-preview-header">
        <p className="report-company">{header.company}</p>
        {header.companyContact !== '' && (
          <p className="report-company-contact">{header.companyContact}</p>
        )}
        <h2 className="report-title">{header.title}</h2>
        <p className="report-scope">{header.scope}</p>
        <p className="report-generated">Generated on {formatLongDate(header.generatedOn)}</p>
      </header>
      {preview.blocks.map((block, index) => (
        <PreviewBlockView key={index} block={block} />
      ))}
    </article>
  );
}

function PreviewBlockView({ block }: { block: PreviewBlock }) {
  switch (block.kind) {
    case 'table':
      return <PreviewTable table={block} />;
    case 'chart':
      return <PreviewChart chart={block} />;
    case 'facts':
      return (
        <section className="report-facts">
          {block.title !== undefined && <h3>{block.title}</h3>}
          <dl className="detail-list">
            {block.facts.map((fact, index) => (
              <div key={index}>
                <dt>{fact.label}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      );
    case 'text':
      if (block.style === 'heading') return <h3 className="report-heading">{block.text}</h3>;
      return <p className={block.style === 'note' ? 'report-note' : 'report-text'}>{block.text}</p>;
  }
}
