import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { api, type Json, read, send } from '../api';
import i18n from '../i18n';
import { editionKeys } from './editions';
import { putBytes, sha256Hex } from './uploads';

/**
 * Applications: an institution's own list and form (autosaved sections, attachments, submit,
 * withdraw) and the organizer's formal check. Keys: `['application', applicationId]` for one
 * application, `['institution-applications', institutionId]` for an institution's list.
 */
type ApplicationApi = (typeof api.api.applications)[':applicationId'];

export type ApplicationView = InferResponseType<ApplicationApi['$get'], 200>;
export type ApplicationHeaderView = ApplicationView['application'];
export type AttachmentView = ApplicationView['attachments'][number];
export type SectionSave = Json<ApplicationApi['sections'][':sectionId']['$put']>;
export type SectionSaved = InferResponseType<ApplicationApi['sections'][':sectionId']['$put'], 200>;
export type FormalDecision = Json<ApplicationApi['formal-check']['$post']>;

export const applicationKeys = {
  application: (applicationId: string) => ['application', applicationId] as const,
  ofInstitution: (institutionId: string) => ['institution-applications', institutionId] as const,
};

export const applicationQuery = (applicationId: string) =>
  queryOptions({
    queryKey: applicationKeys.application(applicationId),
    queryFn: () => read(api.api.applications[':applicationId'].$get({ param: { applicationId } })),
  });

export const institutionApplicationsQuery = (institutionId: string) =>
  queryOptions({
    queryKey: applicationKeys.ofInstitution(institutionId),
    queryFn: async () =>
      (await read(api.api.institutions[':institutionId'].applications.$get({ param: { institutionId } }))).items,
  });

/** The application's state changed: its page, the institution's list and the edition's lists show it anew. */
function applicationChanged(
  queryClient: QueryClient,
  header: { applicationId: string; institutionId: string; editionId: string },
) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: applicationKeys.application(header.applicationId) }),
    queryClient.invalidateQueries({ queryKey: applicationKeys.ofInstitution(header.institutionId) }),
    queryClient.invalidateQueries({ queryKey: editionKeys.applications(header.editionId) }),
  ]);
}

export function useStartApplication(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (editionId: string) =>
      read(api.api.editions[':editionId'].applications.$post({ param: { editionId } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationKeys.ofInstitution(institutionId) }),
  });
}

/**
 * One section's answers (the autosave). The form holds the edits, so the saved answers do not go
 * into the cached application: it is only marked stale, for the next screen that opens it.
 */
export function useSaveSection(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sectionId, ...json }: SectionSave & { sectionId: string }) =>
      read(
        api.api.applications[':applicationId'].sections[':sectionId'].$put({
          param: { applicationId, sectionId },
          json,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: applicationKeys.application(applicationId), refetchType: 'none' }),
  });
}

export function useSubmitApplication(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      read(api.api.applications[':applicationId'].submit.$post({ param: { applicationId }, json: { version } })),
    onSuccess: (header) => applicationChanged(queryClient, header),
  });
}

export function useWithdrawApplication(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      read(api.api.applications[':applicationId'].withdraw.$post({ param: { applicationId }, json: { version } })),
    onSuccess: (header) => applicationChanged(queryClient, header),
  });
}

export function useFormalCheck(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: FormalDecision) =>
      read(api.api.applications[':applicationId']['formal-check'].$post({ param: { applicationId }, json })),
    onSuccess: (header) => applicationChanged(queryClient, header),
  });
}

/** The attachment list of the cached application, changed in place (the form's answers stay as they are). */
function setAttachments(
  queryClient: QueryClient,
  applicationId: string,
  change: (list: AttachmentView[]) => AttachmentView[],
) {
  queryClient.setQueryData(applicationKeys.application(applicationId), (view: ApplicationView | undefined) =>
    view ? { ...view, attachments: change(view.attachments) } : view,
  );
}

/**
 * The three steps of an upload: ask for a ticket naming the file's SHA-256, PUT the bytes to it
 * (same origin locally, a presigned S3 address in the cloud, which needs no cookie), and complete,
 * where the server checks the content.
 */
export function useUploadAttachment(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ questionId, file }: { questionId: string; file: File }) => {
      const param = { applicationId };
      // The upload link accepts exactly these bytes: the server binds their SHA-256 to it.
      const sha256 = await sha256Hex(file);
      const ticket = await read(
        api.api.applications[':applicationId'].attachments.$post({
          param,
          json: { questionId, fileName: file.name, size: file.size, sha256 },
        }),
      );
      await putBytes(ticket.upload, file, () => i18n.t('application.files.uploadFailed', { name: file.name }));
      return read(
        api.api.applications[':applicationId'].attachments[':attachmentId'].complete.$post({
          param: { applicationId, attachmentId: ticket.attachment.attachmentId },
        }),
      );
    },
    onSuccess: (ready) => setAttachments(queryClient, applicationId, (list) => [...list, ready]),
  });
}

export function useRemoveAttachment(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      send(
        api.api.applications[':applicationId'].attachments[':attachmentId'].$delete({
          param: { applicationId, attachmentId },
        }),
      ),
    onSuccess: (_, attachmentId) =>
      setAttachments(queryClient, applicationId, (list) => list.filter((a) => a.attachmentId !== attachmentId)),
  });
}
