import { useTranslation } from '../../translation';
import type { EditionState } from '../../../../shared/editions/edition';
import type { ApplicationStatus } from '../../../../shared/applications/application';

/** An edition's state as a labelled badge (text, not colour alone). */
export function StateBadge({ state }: { state: EditionState }) {
  const { t } = useTranslation();
  return <span className={`ed-badge ed-state-${state}`}>{t(`editions.state.${state}`)}</span>;
}

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <span className={`ed-badge ed-status-${status}`}>{t(`editions.appStatus.${status}`)}</span>;
}
