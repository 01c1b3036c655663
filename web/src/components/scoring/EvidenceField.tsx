import { useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { kindOfFileName } from '../../../../shared/applications/file-type';
import { EVIDENCE_MAX_BYTES, evidenceKinds } from '../../../../shared/reviews/evidence';
import { toFormError } from '../../forms/errors';
import { errorOf, fieldId, useFormMeta } from '../../forms/form';
import { ErrorText } from '../../forms/fields';
import {
  evidenceUrl,
  useRemoveEvidence,
  useUploadEvidence,
  type EvidenceChannel,
  type EvidenceView,
} from '../../queries/reviews';
import { useFileSize } from '../applications/format';

const accept = '.pdf,application/pdf,.png,image/png,.jpg,.jpeg,image/jpeg';

/** The evidence field's path, as the server names it in its field messages. */
export const evidencePath = (channel: string) => `contacts.${channel}.evidence`;

/**
 * The evidence files of one mystery-shopper contact: the attached files with download links and
 * (on a draft) "Usuń", and a file input. The type and size are checked here first; the draft is
 * saved before an upload starts (the server attaches files only to a stored sheet). A failure is
 * reported through `onProblem`, which puts it on this field and in the sheet's error summary.
 */
export function EvidenceField({
  editionId,
  applicationId,
  channel,
  channelName,
  files,
  editable,
  ensureSaved,
  onProblem,
}: {
  editionId: string;
  applicationId: string;
  channel: EvidenceChannel;
  channelName: string;
  files: EvidenceView[];
  editable: boolean;
  /** Saves the draft now; false when it could not be stored. */
  ensureSaved: () => Promise<boolean>;
  /** A message about this field, or null to clear it. */
  onProblem: (path: string, message: string | null) => void;
}) {
  const { t } = useTranslation();
  const meta = useFormMeta();
  const size = useFileSize();
  const path = evidencePath(channel);
  const id = fieldId(meta.id, path);
  meta.labels.set(path, t('scoring.evidence.label', { channel: channelName }));
  const error = errorOf(meta.error, path);
  const input = useRef<HTMLInputElement>(null);
  const uploadEvidence = useUploadEvidence(editionId, applicationId);
  const removeEvidence = useRemoveEvidence(editionId, applicationId);
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState('');
  const busy = working || uploadEvidence.isPending || removeEvidence.isPending;

  const fail = (e: unknown) => {
    const formError = toFormError(e);
    onProblem(path, formError.fields[path] ?? formError.message);
    setStatus('');
  };

  const upload = async (file: File) => {
    const name = file.name;
    const kind = kindOfFileName(name);
    if (!evidenceKinds.some((k) => k === kind)) return onProblem(path, t('scoring.evidence.wrongType', { name }));
    if (file.size > EVIDENCE_MAX_BYTES)
      return onProblem(
        path,
        t('scoring.evidence.tooLarge', { name, size: size(file.size), limit: size(EVIDENCE_MAX_BYTES) }),
      );
    if (file.size === 0) return onProblem(path, t('scoring.evidence.empty', { name }));
    onProblem(path, null);
    setWorking(true);
    setStatus(t('scoring.evidence.uploading', { name }));
    try {
      if (!(await ensureSaved())) {
        onProblem(path, t('scoring.evidence.saveFirst'));
        setStatus('');
        return;
      }
      await uploadEvidence.mutateAsync({ channel, file });
      setStatus(t('scoring.evidence.added', { name }));
    } catch (e) {
      fail(e);
    } finally {
      setWorking(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (file: EvidenceView) => {
    onProblem(path, null);
    setStatus(t('scoring.evidence.removing', { name: file.fileName }));
    try {
      await removeEvidence.mutateAsync(file.fileId);
      setStatus(t('scoring.evidence.removed', { name: file.fileName }));
      input.current?.focus();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div className={error ? 'field field-error rv-evidence' : 'field rv-evidence'} data-evidence={channel}>
      <p className="ap-files-title">{t('scoring.evidence.attached')}</p>
      {files.length === 0 ? (
        <p className="muted ap-no-files">{t('scoring.evidence.none')}</p>
      ) : (
        <ul className="ap-files">
          {files.map((f) => (
            <li key={f.fileId} data-file={f.fileName}>
              <a href={evidenceUrl(editionId, applicationId, f.fileId)} download={f.fileName}>
                {f.fileName}
              </a>{' '}
              <span className="muted">({size(f.size)})</span>{' '}
              {editable && (
                <button
                  type="button"
                  className="danger"
                  aria-disabled={busy || undefined}
                  onClick={() => !busy && void remove(f)}
                  aria-label={t('scoring.evidence.removeLabel', { name: f.fileName })}
                >
                  {t('scoring.evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="ap-file-add">
          <label htmlFor={id}>{t('scoring.evidence.add')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('scoring.evidence.hint')}
          </p>
          <ErrorText id={`${id}-error`} message={error} />
          <input
            ref={input}
            id={id}
            type="file"
            accept={accept}
            disabled={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
        </div>
      ) : (
        <ErrorText id={`${id}-error`} message={error} />
      )}
      <p role="status" className="ap-file-status">
        {busy && <span className="spinner" aria-hidden="true" />} {status}
      </p>
    </div>
  );
}
