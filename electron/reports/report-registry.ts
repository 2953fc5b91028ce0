import type { ReportName } from '../../shared/reports/report-catalog.ts';
import type { ReportModule } from './report-builder.ts';
import { agingDetailReport } from './documents/aging-detail.ts';
import { agingSummaryReport } from './documents/aging-summary.ts';
import { collectionActivityReportDocument } from './documents/collection-activity.ts';
import { dunningLetterModule } from './documents/letter/dunning-letter-report.ts';
import { metricsReport } from './documents/metrics-report.ts';
import { statementReport } from './documents/statement/statement-report.ts';
import { writeOffsReport } from './documents/write-offs.ts';

/** Every report of the catalog, by name: a new report is a module and a line here. */
const reportModules: Record<ReportName, ReportModule> = {
  'aging-summary': { build: agingSummaryReport },
  'aging-detail': { build: agingDetailReport },
  statement: { build: statementReport },
  'dunning-letter': dunningLetterModule,
  metrics: { build: metricsReport },
  'collection-activity': { build: collectionActivityReportDocument },
  'write-offs': { build: writeOffsReport },
};

export function reportModule(name: ReportName): ReportModule {
  return reportModules[name];
}
