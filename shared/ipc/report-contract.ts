/**
 * The channels of the Reports page: a preview of a report, saving it as a PDF or CSV file,
 * and saving one statement per client into a folder. Part of `ipcContract`, kept here so that
 * the contract file stays short.
 *
 * The renderer never sends a path. It requests a place to save from the platform (a save
 * dialog in the desktop app, the exports folder of the loopback host) and receives a
 * `SaveTarget` whose token names the file or folder. The channels below take that token.
 */

import { z } from 'zod';
import { reportFilters, reportFormats, reportRequest } from '../reports/report-request.ts';
import { isoDate } from './schemas.ts';

export const reportFormat = z.enum(reportFormats);

/** The token of a file or folder the main process registered as a place to save into. */
export const saveToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected a save-target token from chooseSaveTarget');

/** Maximum length of a name offered to a save dialog. Most file systems allow 255 bytes. */
export const MAX_SAVE_NAME_LENGTH = 200;

/** A place to save, as the renderer receives it. Name and folder are for display only. */
export const saveTarget = z
  .object({
    token: saveToken,
    /** The file's or folder's own name, such as `aging-summary-2013-12-31.csv`. */
    name: z.string(),
    /** The folder the file or folder is in, to tell the user where it went. */
    folder: z.string(),
  })
  .strict();

export type SaveTarget = z.infer<typeof saveTarget>;

/**
 * Describes what is wrong with a name suggested for a saved file or folder, or returns null.
 * A name is one path segment: no separators, no `..`, no characters that Windows rejects, and
 * for a file, the extension of its format.
 */
export function saveNameProblem(name: string, format: string | null): string | null {
  if (name.trim() === '') return 'The suggested name is empty: give a file name.';
  if (name.length > MAX_SAVE_NAME_LENGTH) {
    return `The suggested name has ${name.length} characters: use at most ${MAX_SAVE_NAME_LENGTH}.`;
  }
  if (/[/\\]/.test(name)) {
    return `The suggested name "${name}" contains a path separator: give a name, not a path.`;
  }
  if (name.includes('..')) return `The suggested name "${name}" contains "..": remove it.`;
  if (/[\p{Cc}<>:"|?*]/u.test(name)) {
    return (
      `The suggested name "${name}" contains a control character or one of < > : " | ? *: ` +
      'remove it.'
    );
  }
  if (name.startsWith('.') || /[. ]$/.test(name)) {
    return `The suggested name "${name}" starts with a dot or ends with a dot or space: rename it.`;
  }
  if (format !== null && !name.toLowerCase().endsWith(`.${format}`)) {
    return `The suggested name "${name}" does not end in .${format}, the format being saved.`;
  }
  return null;
}

/** Options that `chooseSaveTarget` sends to the platform: the name to offer and the format. */
export const saveFileOptions = z
  .object({ suggestedName: z.string(), format: reportFormat })
  .strict()
  .superRefine(({ suggestedName, format }, context) => {
    const problem = saveNameProblem(suggestedName, format);
    if (problem) context.addIssue({ code: 'custom', path: ['suggestedName'], message: problem });
  });

export type SaveFileOptions = z.infer<typeof saveFileOptions>;

/** Options that `chooseFolder` sends: the name of the folder to offer or create. */
export const saveFolderOptions = z
  .object({ suggestedName: z.string() })
  .strict()
  .superRefine(({ suggestedName }, context) => {
    const problem = saveNameProblem(suggestedName, null);
    if (problem) context.addIssue({ code: 'custom', path: ['suggestedName'], message: problem });
  });

export type SaveFolderOptions = z.infer<typeof saveFolderOptions>;

const reportHeader = z
  .object({
    company: z.string(),
    companyContact: z.string(),
    title: z.string(),
    scope: z.string(),
    generatedOn: isoDate,
  })
  .readonly();

const previewTable = z
  .object({
    kind: z.literal('table'),
    title: z.string(),
    columns: z.array(z.object({ label: z.string(), numeric: z.boolean() }).readonly()).readonly(),
    rows: z.array(z.array(z.string()).readonly()).readonly(),
    totals: z.array(z.array(z.string()).readonly()).readonly(),
    moreRows: z.union([z.number().int().nonnegative(), z.boolean()]),
    emptyText: z.string().nullable(),
  })
  .readonly();

const previewFacts = z
  .object({
    kind: z.literal('facts'),
    title: z.string().optional(),
    facts: z.array(z.object({ label: z.string(), value: z.string() }).readonly()).readonly(),
  })
  .readonly();

const previewText = z
  .object({
    kind: z.literal('text'),
    text: z.string(),
    style: z.enum(['heading', 'body', 'note']).optional(),
  })
  .readonly();

/** A chart with its raw values: money in minor units of `currency`, as the PDF draws it. */
const previewChart = z
  .object({
    kind: z.literal('chart'),
    title: z.string(),
    type: z.enum(['bar', 'line']),
    stacked: z.boolean().optional(),
    labels: z.array(z.string()).readonly(),
    series: z
      .array(
        z
          .object({ label: z.string(), values: z.array(z.number().nullable()).readonly() })
          .readonly(),
      )
      .readonly(),
    unit: z.enum(['money', 'days', 'percent', 'count']),
    currency: z.string().optional(),
  })
  .readonly();

/** `ReportPreview` of shared/reports/report-preview.ts as a schema. */
export const reportPreviewSchema = z
  .object({
    header: reportHeader,
    blocks: z
      .array(z.discriminatedUnion('kind', [previewTable, previewFacts, previewText, previewChart]))
      .readonly(),
    fileStem: z.string(),
    csvColumns: z.array(z.string()).readonly(),
  })
  .readonly();

const jobId = z.string().uuid();

export const reportContract = {
  /** Builds the report and formats the first rows of each table, with facts, notes and charts. */
  'reports/preview': {
    request: reportRequest,
    response: reportPreviewSchema,
  },
  /**
   * Writes the whole report to the file of `target`, whose extension must be the format's.
   * A token is good for one export. Progress arrives as `reports/progress` events of `jobId`.
   */
  'reports/export': {
    request: z
      .object({ request: reportRequest, format: reportFormat, target: saveToken, jobId })
      .strict(),
    response: z.object({
      fileName: z.string(),
      /** The folder the file was saved in, so that the page can show where it went. */
      folder: z.string(),
      /** Rows of the CSV, or table rows laid out in the PDF. */
      rows: z.number().int().nonnegative(),
      /** Pages of the PDF, or null for CSV. */
      pages: z.number().int().positive().nullable(),
    }),
  },
  /**
   * Writes one statement file per client with a balance at `to` or activity in the period
   * into the folder of `target`, narrowed by `filters` (the client filter picks one client).
   */
  'reports/statements': {
    request: z
      .object({
        from: isoDate,
        to: isoDate,
        format: reportFormat,
        filters: reportFilters.default({}),
        target: saveToken,
        jobId,
      })
      .strict()
      .refine(({ from, to }) => from <= to, {
        message: 'The period starts after it ends: swap the from and to dates.',
        path: ['from'],
      }),
    response: z.object({
      folder: z.string(),
      /** Statement files written. */
      files: z.number().int().nonnegative(),
      /** Clients left out, such as those without activity or balance in the period. */
      skipped: z.number().int().nonnegative(),
    }),
  },
} as const;
