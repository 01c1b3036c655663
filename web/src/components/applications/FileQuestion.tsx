import { useRef, useState } from 'react';
import { useTranslation } from '../../translation';
import { kindOfFileName } from '../../../../shared/applications/file-type';
import { inLanguage } from '../../../../shared/editions/localized';
import { fileLimit, fileTypes, type FileKind, type Question } from '../../../../shared/editions/questionnaire';
import { toFormError } from '../../forms/errors';
import { ErrorText } from '../../forms/fields';
import { currentLanguage } from '../../i18n';
import { useRemoveAttachment, useUploadAttachment, type AttachmentView } from '../../queries/applications';
import { useFileSize } from './format';
import { ids, RequiredMarker } from './QuestionInput';

const kindName: Record<FileKind, string> = {
  pdf: 'PDF',
  png: 'PNG',
  jpeg: 'JPG',
  docx: 'DOCX',
  xlsx: 'XLSX',
  odt: 'ODT',
};
const kindAccept: Record<FileKind, string> = {
  pdf: '.pdf,application/pdf',
  png: '.png,image/png',
  jpeg: '.jpg,.jpeg,image/jpeg',
  docx: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: '.odt,application/vnd.oasis.opendocument.text',
};

export const downloadUrl = (applicationId: string, attachmentId: string) =>
  `/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** The uploaded files of a question, read-only: download links with sizes. */
export function FileList({ applicationId, files }: { applicationId: string; files: AttachmentView[] }) {
  const size = useFileSize();
  return (
    <ul className="ap-files">
      {files.map((f) => (
        <li key={f.attachmentId}>
          <a href={downloadUrl(applicationId, f.attachmentId)} download={f.fileName}>
            {f.fileName}
          </a>{' '}
          <span className="muted">({size(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * A file question: the uploaded files (with Remove) and "Add file". The type and size are checked
 * here first; the upload itself (ticket, bytes, completion with the server's content check) is the
 * upload mutation's.
 */
export function FileQuestion({
  applicationId,
  question: q,
  files,
  editable,
  outsideError,
  onAdded,
}: {
  applicationId: string;
  question: Question;
  files: AttachmentView[];
  editable: boolean;
  /** A message about this question from elsewhere (a failed submit). */
  outsideError: string | undefined;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const size = useFileSize();
  const id = ids(q.id);
  const input = useRef<HTMLInputElement>(null);
  const uploadAttachment = useUploadAttachment(applicationId);
  const removeAttachment = useRemoveAttachment(applicationId);
  const busy = uploadAttachment.isPending || removeAttachment.isPending;
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const kinds = fileTypes(q);
  const limit = fileLimit(q);
  const types = kinds.map((k) => kindName[k]).join(', ');
  const label = inLanguage(q.label, lang);
  const help = q.help ? inLanguage(q.help, lang) : '';
  const shownError = error || outsideError;

  const upload = async (file: File) => {
    const name = file.name;
    const kind = kindOfFileName(name);
    if (!kind || !(kinds as readonly string[]).includes(kind))
      return setError(t('application.files.wrongType', { name, types }));
    if (file.size > limit)
      return setError(t('application.files.tooLarge', { name, size: size(file.size), limit: size(limit) }));
    if (file.size === 0) return setError(t('application.files.empty', { name }));
    setError('');
    setStatus(t('application.files.uploading', { name }));
    try {
      await uploadAttachment.mutateAsync({ questionId: q.id, file });
      onAdded();
      setStatus(t('application.files.added', { name }));
    } catch (e) {
      const formError = toFormError(e);
      setError(formError.fields[`answers.${q.id}`] ?? formError.message);
      setStatus('');
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (file: AttachmentView) => {
    setError('');
    try {
      await removeAttachment.mutateAsync(file.attachmentId);
      setStatus(t('application.files.removed', { name: file.fileName }));
      input.current?.focus();
    } catch (e) {
      setError(toFormError(e).message);
    }
  };

  return (
    <div
      id={id.block}
      tabIndex={-1}
      className={shownError ? 'ap-question field field-error' : 'ap-question field'}
      data-question={q.id}
    >
      <fieldset
        className="ap-choices"
        aria-describedby={[help ? id.help : '', shownError ? id.error : ''].filter(Boolean).join(' ') || undefined}
      >
        <legend>
          {label}
          <RequiredMarker required={q.required} />
        </legend>
        {help && (
          <p className="hint" id={id.help}>
            {help}
          </p>
        )}
        <ErrorText id={id.error} message={shownError} />
        <p className="ap-files-title">{t('application.files.uploaded')}</p>
        {files.length === 0 ? (
          <p className="muted ap-no-files">{t('application.files.none')}</p>
        ) : (
          <ul className="ap-files">
            {files.map((f) => (
              <li key={f.attachmentId} data-file={f.fileName}>
                <a href={downloadUrl(applicationId, f.attachmentId)} download={f.fileName}>
                  {f.fileName}
                </a>{' '}
                <span className="muted">({size(f.size)})</span>{' '}
                {editable && (
                  <button
                    type="button"
                    className="danger"
                    aria-disabled={busy || undefined}
                    onClick={() => !busy && void remove(f)}
                    aria-label={t('application.files.removeLabel', { name: f.fileName })}
                  >
                    {t('application.files.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <div className="ap-file-add">
            <label htmlFor={id.control}>{t('application.files.add')}</label>
            <p className="hint" id={id.hint}>
              {t('application.files.hint', { types, size: size(limit) })}
            </p>
            <input
              ref={input}
              id={id.control}
              type="file"
              accept={kinds.map((k) => kindAccept[k]).join(',')}
              disabled={busy}
              aria-invalid={shownError ? true : undefined}
              aria-describedby={[id.hint, shownError ? id.error : ''].filter(Boolean).join(' ')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </div>
        )}
        <p role="status" className="ap-file-status">
          {busy && <span className="spinner" aria-hidden="true" />} {status}
        </p>
      </fieldset>
    </div>
  );
}
