import type { UserRow } from '../queries/accounts';
import { useTranslation } from '../translation';
import { formatWarsawDate } from './editions/time';

/**
 * The organizer's sign that an account gets no mail: SES reported its address (a permanent bounce or
 * a complaint), so the platform skips every mail to it (docs/operations.md, "Lifting a suppression").
 */
export function MailSuppressionBadge({ suppression }: { suppression: NonNullable<UserRow['mailSuppression']> }) {
  const { t, i18n } = useTranslation();
  const reason = t(
    suppression.reason === 'bounce' ? 'users.mailSuppression.bounce' : 'users.mailSuppression.complaint',
  );
  return (
    <strong className="notice error mail-suppression">
      {t('users.mailSuppression.badge', {
        reason,
        date: formatWarsawDate(suppression.since, i18n.language),
      })}
    </strong>
  );
}
