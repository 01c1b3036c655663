import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { MailSuppressionBadge } from '../../web/src/components/MailSuppressionBadge';
import { renderWithQuery } from './support/render';

/** Issue 19 §4: the organizer's users list says which accounts SES suppressed, why and since when. */
it('a bounced address: the reason and the date it was first reported, in Polish', () => {
  renderWithQuery(
    <MailSuppressionBadge
      suppression={{
        reason: 'bounce',
        bounceSubType: 'General',
        since: '2026-02-27T08:00:00.000Z',
        lastAt: '2026-03-01T08:00:00.000Z',
      }}
    />,
  );
  expect(screen.getByText('Bez poczty: adres odrzuca wiadomości od 27 lutego 2026')).toBeTruthy();
});

it('a complaint says so', () => {
  renderWithQuery(
    <MailSuppressionBadge
      suppression={{ reason: 'complaint', since: '2026-03-03T23:30:00.000Z', lastAt: '2026-03-03T23:30:00.000Z' }}
    />,
  );
  // 23:30 UTC is already 4 March in Warsaw.
  expect(screen.getByText('Bez poczty: odbiorca zgłosił skargę od 4 marca 2026')).toBeTruthy();
});
