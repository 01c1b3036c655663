import { errorMessage } from '../forms/errors';

/**
 * The one way a failed read or action is shown outside a form: the server's (already localized)
 * message in an alert, so assistive technology announces it. Renders nothing without an error.
 */
export function ErrorNotice({ error, className = 'notice error' }: { error: unknown; className?: string }) {
  if (!error) return null;
  return (
    <p className={className} role="alert">
      {errorMessage(error)}
    </p>
  );
}
