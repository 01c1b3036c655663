import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mayBeSignedIn } from '../../web/src/queries/accounts';
import { SessionProvider, useSession } from '../../web/src/session';
import { installFakeFetch, settle } from './support/fake-fetch';
import { renderWithQuery } from './support/render';
import { signedInHint } from './support/signed-in';

/** What the app shell reads: who is signed in, as the header and the pages see it. */
function Who() {
  const { state } = useSession();
  return <p>{state.status === 'signedIn' ? `signed in as ${state.user.displayName}` : state.status}</p>;
}

const me = {
  user: {
    userId: 'u1',
    email: 'anna@urzad.pl',
    displayName: 'Anna Nowak',
    language: 'pl',
    roles: ['institution'],
    status: 'active',
    emailVerified: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
};

const render = () =>
  renderWithQuery(
    <SessionProvider>
      <Who />
    </SessionProvider>,
  );

afterEach(() => {
  signedInHint(false);
});

describe('the signed-in hint (issue 16 §8: no /api/me 401 on anonymous pages)', () => {
  it('an anonymous visitor (no hint) is anonymous at once and /api/me is never asked', async () => {
    const api = installFakeFetch();
    render();
    expect(await screen.findByText('anonymous')).toBeTruthy();
    await settle();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).not.toContain('GET /api/me');
  });

  it('with the hint the account is read; a 401 (the session ended elsewhere) drops the hint', async () => {
    signedInHint(true);
    expect(mayBeSignedIn()).toBe(true);
    const api = installFakeFetch();
    render();
    const [session] = await api.waitFor('GET', '/api/me');
    session?.reply(200, me);
    expect(await screen.findByText('signed in as Anna Nowak')).toBeTruthy();

    const again = installFakeFetch();
    render();
    const [stale] = await again.waitFor('GET', '/api/me');
    stale?.reply(401, { error: { code: 'UNAUTHENTICATED', message: 'Zaloguj się.' } });
    expect((await screen.findAllByText('anonymous')).length).toBeGreaterThan(0);
    expect(mayBeSignedIn()).toBe(false);
    expect(document.cookie).not.toMatch(/signedin=/);
  });
});
