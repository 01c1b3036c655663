import type { Caller } from '../access/caller';
import { callerActor } from '../accounts/user-read-store';
import type { Deps } from '../deps';
import { editionSubject, getEdition } from '../editions/edition-store';
import type { Language } from '../language';
import type { ExportFormat, ExportRecord } from './export-job';
import { insertExportRecord } from './export-store';

export type RequestExportDeps = Pick<Deps, 'store' | 'clock' | 'ids' | 'jobs'>;

export interface RequestExportInput {
  caller: Caller;
  editionId: string;
  format: ExportFormat;
  /** The request's language: the file is written in it (headers, labels). Polish unless given. */
  language?: Language;
}

/** Queues an export; the worker builds it and marks it ready. Audited: exports carry institutions' data. */
export async function requestExport(deps: RequestExportDeps, input: RequestExportInput): Promise<ExportRecord> {
  const { caller, editionId, format } = input;
  const language = input.language ?? 'pl';
  const [edition, actor] = await Promise.all([getEdition(deps.store, editionId), callerActor(deps.store, caller)]);
  const record: ExportRecord = {
    exportId: deps.ids.newId(),
    editionId,
    format,
    language,
    status: 'queued',
    requestedBy: actor.label,
    requestedAt: deps.clock.now().toISOString(),
  };
  await insertExportRecord(deps, record, {
    action: 'export.requested',
    actor,
    subject: editionSubject(edition),
    ip: caller.ip,
    details: { format, language, exportId: record.exportId },
  });
  await deps.jobs.send({ type: 'export.applications', editionId, exportId: record.exportId, format, language });
  return record;
}
