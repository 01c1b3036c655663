import { getHeader } from '../applications/application-read-store';
import { listMembers } from '../chapter/chapter-store';
import type { Deps } from '../deps';
import { getEdition } from '../editions/edition-read-store';
import { AppError } from '../errors';
import { type SheetTotal, sheetTotal } from './scoring';
import type { ScoreSheet } from './sheet';
import { sheetsOfApplication } from './sheet-store';

/** Every sheet of one application with its expert's name and total: the organizer sees everything. */
export async function listApplicationSheets(
  deps: Pick<Deps, 'store'>,
  input: { editionId: string; applicationId: string },
): Promise<{ items: (ScoreSheet & { expertName: string; expertEmail: string; total: SheetTotal })[] }> {
  const [edition, header, sheets, members] = await Promise.all([
    getEdition(deps.store, input.editionId),
    getHeader(deps.store, input.applicationId),
    sheetsOfApplication(deps.store, input.applicationId),
    listMembers(deps.store, input.editionId),
  ]);
  if (header.editionId !== input.editionId) throw new AppError('NOT_FOUND', 'No such application in this edition');
  const people = new Map(members.map((m) => [m.userId, m]));
  return {
    items: sheets.map((s) => ({
      ...s,
      expertName: people.get(s.expertId)?.displayName ?? s.expertId,
      expertEmail: people.get(s.expertId)?.email ?? '',
      total: sheetTotal(edition.rubric, s),
    })),
  };
}
