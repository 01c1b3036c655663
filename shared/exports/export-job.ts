import * as z from 'zod/mini';

export const exportFormats = ['csv', 'xlsx', 'zip'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A request to build one export of an edition's applications; handled by the worker, off the request path. */
export const exportJobSchema = z.object({
  type: z.literal('export.applications'),
  editionId: z.string().check(z.minLength(1)),
  exportId: z.string().check(z.minLength(1)),
  format: z.enum(exportFormats),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export interface ExportRecord {
  exportId: string;
  editionId: string;
  format: ExportFormat;
  status: 'queued' | 'ready' | 'failed';
  requestedBy: string;
  requestedAt: string;
  finishedAt?: string;
  fileName?: string;
  size?: number;
  rows?: number;
  error?: string;
}

export const exportBlobKey = (editionId: string, exportId: string) => `exports/${editionId}/${exportId}`;
