import type { IsoDate } from '../../shared/calendar-date.ts';
import { reportEntry } from '../../shared/reports/report-catalog.ts';
import type { ReportHeader } from '../../shared/reports/report-document.ts';
import { describeReportScope, type ReportRequest } from '../../shared/reports/report-request.ts';
import type { Ledger } from '../ledger/database.ts';
import { readSettings } from '../ledger/settings-store.ts';

/**
 * Builds the header every report prints: the company from the settings (its address, e-mail and
 * phone on one line), the report's title, its dates and filters, and the day it was made.
 */
export function reportHeader(
  db: Ledger,
  request: ReportRequest,
  generatedOn: IsoDate,
): ReportHeader {
  const { company } = readSettings(db);
  const address = company.address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
  return {
    company: company.name.trim() || 'Duedesk',
    companyContact: [address, company.email.trim(), company.phone.trim()]
      .filter(Boolean)
      .join(' · '),
    title: reportEntry(request.report).title,
    scope: describeReportScope(request),
    generatedOn,
  };
}
