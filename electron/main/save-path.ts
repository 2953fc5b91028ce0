import { extname } from 'node:path';
import type { ReportFormat } from '../../shared/reports/report-request.ts';

/**
 * Returns the path a save dialog gave, with the format's extension appended when the path has
 * another or none. Linux file dialogs do not add it, and a report saved as `march.txt` would
 * not open as the PDF or CSV file it is.
 */
export function withSaveExtension(path: string, format: ReportFormat): string {
  return extname(path).toLowerCase() === `.${format}` ? path : `${path}.${format}`;
}
