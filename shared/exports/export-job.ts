import * as z from 'zod/mini';
import { languages } from '../language';

/** Applications as CSV, XLSX or a ZIP of attachments; `scores`: the experts' score sheets as XLSX (issue 13);
 * `fees` / `fees-csv`: the laureates' fee list for invoicing (issue 14). */
export const exportFormats = ['csv', 'xlsx', 'zip', 'scores', 'fees', 'fees-csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A request to build one export of an edition's applications; handled by the worker, off the request path. */
export const exportJobSchema = z.object({
  type: z.literal('export.applications'),
  editionId: z.string().check(z.minLength(1)),
  exportId: z.string().check(z.minLength(1)),
  format: z.enum(exportFormats),
  /** The organizer's language when asking (issue 16 §1): the file's headers and labels. Jobs queued before it existed are Polish. */
  language: z.optional(z.enum(languages)),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

/** An export of an edition's applications: queued by the organizer, then ready (with its file) or failed. */
export const ExportRecord = z.object({
  exportId: z.string(),
  editionId: z.string(),
  format: z.enum(exportFormats),
  /** The language of the file's headers and labels; absent on exports made before issue 16 (Polish). */
  language: z.optional(z.enum(languages)),
  status: z.enum(['queued', 'ready', 'failed']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  finishedAt: z.optional(z.string()),
  fileName: z.optional(z.string()),
  size: z.optional(z.number()),
  rows: z.optional(z.number()),
  error: z.optional(z.string()),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export const exportBlobKey = (editionId: string, exportId: string) => `exports/${editionId}/${exportId}`;
