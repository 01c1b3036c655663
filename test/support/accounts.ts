import type { Role } from '../../shared/access/principal';
import { hashPassword } from '../../shared/accounts/password-hash';
import { startSession } from '../../shared/accounts/start-session';
import { newUser, type AccountStatus, type User } from '../../shared/accounts/user';
import { newAccountItems } from '../../shared/accounts/user-store';
import { createApp } from '../../shared/http/app';
import type { NewInstitution } from '../../shared/institutions/institution';
import { newInstitutionItems } from '../../shared/institutions/institution-store';
import { localDynamo, testTableName } from './dynamo';
import { testDeps, uniqueId } from './factories';

/** The app against DynamoDB Local, with deps exposed (clock, outbox, store) for Prepare/Assess. */
export function apiHarness(options: { maxBodyBytes?: number } = {}) {
  const deps = testDeps({ dynamo: localDynamo(), tableName: testTableName(), maxBodyBytes: options.maxBodyBytes });
  return { deps, app: createApp(deps) };
}
export type Harness = ReturnType<typeof apiHarness>;

const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10));

/** A random NIP with a correct check digit. */
export function validNip(): string {
  for (;;) {
    const d = randomDigits(9);
    d[0] = 1 + Math.floor(Math.random() * 9);
    const check = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * d[i]!, 0) % 11;
    if (check !== 10) return [...d, check].join('');
  }
}

/** A random 9-digit REGON with a correct check digit. */
export function validRegon(): string {
  const d = randomDigits(8);
  const check = ([8, 9, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * d[i]!, 0) % 11) % 10;
  return [...d, check].join('');
}

export const uniqueEmail = (label = 'user') => `${uniqueId(label)}@example.org`;
export const goodPassword = 'Kasztanowa aleja 17 w maju';

export function institutionInput(overrides: Partial<NewInstitution> = {}): NewInstitution {
  return {
    name: `Urząd Gminy ${uniqueId('Testowo')}`,
    type: 'municipal_office',
    nip: validNip(),
    regon: validRegon(),
    address: {
      street: 'ul. Rynek 1',
      postalCode: '00-950',
      city: 'Testowo',
      commune: 'Testowo',
      county: 'testowski',
      voivodeship: 'mazowieckie',
    },
    website: 'https://testowo.example.org',
    headcount: '41-100',
    contactPerson: { name: 'Anna Kowalska', email: 'sekretariat@testowo.example.org', phone: '+48 22 123 45 67' },
    ...overrides,
  };
}

export function registrationBody(
  overrides: {
    institution?: Partial<NewInstitution>;
    account?: Partial<{ email: string; password: string; displayName: string; language: 'pl' | 'en' }>;
  } = {},
) {
  return {
    institution: institutionInput(overrides.institution),
    account: {
      email: uniqueEmail('clerk'),
      password: goodPassword,
      displayName: 'Jan Urzędnik',
      language: 'pl' as const,
      ...overrides.account,
    },
  };
}

export const jsonRequest = (method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: body === undefined ? '{}' : JSON.stringify(body),
});

/** An account written straight to the table (fast scrypt parameters; login upgrades them). */
export async function seedUser(
  deps: Harness['deps'],
  options: {
    role: Role;
    institutionId?: string;
    status?: AccountStatus;
    emailVerified?: boolean;
    password?: string;
    email?: string;
    displayName?: string;
    language?: 'pl' | 'en';
  } = { role: 'institution' },
): Promise<{ user: User; password: string }> {
  const password = options.password ?? goodPassword;
  const user = newUser(deps, {
    email: options.email ?? uniqueEmail(options.role),
    displayName: options.displayName ?? `Test ${options.role}`,
    language: options.language ?? 'pl',
    roles: [options.role],
    institutionId: options.institutionId,
    status: options.status ?? 'active',
    emailVerified: options.emailVerified ?? true,
    passwordHash: await hashPassword(password, { log2N: 10, r: 8, p: 1 }),
  });
  // With an institution, the account's items include its membership.
  await deps.store.transact(newAccountItems(user));
  return { user, password };
}

/** An institution written straight to the table, with one member. */
export async function seedInstitution(
  deps: Harness['deps'],
  overrides: { institution?: Partial<NewInstitution>; memberName?: string } = {},
): Promise<{ institutionId: string; member: User; nip: string }> {
  const institutionId = deps.ids.newId();
  const now = deps.clock.now().toISOString();
  const input = institutionInput(overrides.institution);
  await deps.store.transact(
    newInstitutionItems({ ...input, institutionId, createdAt: now, updatedAt: now, version: 1 }),
  );
  const { user } = await seedUser(deps, { role: 'institution', institutionId, displayName: overrides.memberName });
  return { institutionId, member: user, nip: input.nip };
}

/** A Cookie header for a fresh session of the user (no password round). */
export async function sessionCookie(deps: Harness['deps'], userId: string): Promise<string> {
  const { token } = await startSession(deps, { userId, ip: '192.0.2.1', userAgent: 'vitest' });
  return `__Host-session=${token}`;
}

/** The token from the newest outbox message to `to` whose link goes to `page`. */
export async function tokenFromOutbox(deps: Harness['deps'], to: string, page: string): Promise<string> {
  const mails = await deps.mail.list();
  const mail = mails.find((m) => m.to === to && m.text.includes(`/${page}?token=`));
  if (!mail)
    throw new Error(`No ${page} mail to ${to} in the outbox: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`);
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.text);
  return decodeURIComponent(match?.[1] ?? '');
}

export async function errorOf(
  res: Response,
): Promise<{ status: number; code: string; message: string; fields: Record<string, string> }> {
  const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  return { status: res.status, code: body.error.code, message: body.error.message, fields: body.error.fields ?? {} };
}
