import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../translation';

/**
 * A destructive action asked twice, inline (no modal to trap anyone): the first press shows the
 * question with Confirm/Cancel and moves focus to Confirm; Cancel returns focus to the first button.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  busy = false,
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (returnFocus.current) first.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" ref={first} onClick={() => !busy && setAsking(true)} aria-disabled={busy || undefined}>
        {children}
      </button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: an inline question with its two buttons inside a table cell or a sentence; a <fieldset> is a block that groups form fields
    <span className="confirm" role="group" aria-labelledby={questionId}>
      <span id={questionId}>{question}</span>{' '}
      <button
        type="button"
        className="danger"
        ref={confirm}
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          returnFocus.current = true;
          setAsking(false);
        }}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
