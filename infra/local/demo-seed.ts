import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Role } from '../../shared/access/principal';
import { hashPassword } from '../../shared/accounts/password-hash';
import { newUser, type User } from '../../shared/accounts/user';
import { emailMarker, newAccountItems } from '../../shared/accounts/user-store';
import type { Institution } from '../../shared/institutions/institution';
import { newInstitutionItems } from '../../shared/institutions/institution-store';
import type { TransactItem } from '../../shared/store/store';
import { seedDemoChapter } from './demo-chapter';
import { seedDemoEdition } from './demo-edition';
import { type DemoDeps, seedDemoResults } from './demo-results';
import { seedDemoScoring } from './demo-scoring';
import { seedDemoSurvey } from './demo-survey';
import { seedDemoFeedback } from './demo-feedback';
import { seedDemoMeasurement } from './demo-measurement';

export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
}

const DOMAIN = 'demo.przyjazny-urzad.pl';
const accounts: { role: Role; email: string; displayName: string }[] = [
  { role: 'organizer', email: `organizator@${DOMAIN}`, displayName: 'Organizator Demo' },
  { role: 'institution', email: `urzad@${DOMAIN}`, displayName: 'Anna Urzędniczka' },
  { role: 'expert', email: `ekspert@${DOMAIN}`, displayName: 'dr Jan Ekspert' },
];

/**
 * Demo accounts for trying the platform locally: an organizer, a member of a demo town office and an
 * expert, each with a random password, an open demo edition with other institutions' applications,
 * the previous edition in the chapter's scoring (demo-scoring.ts) and the one before it published
 * (demo-results.ts). Seeded once per data folder; the passwords are kept in
 * `.data/demo-credentials.json` (mode 0600) so every start can print them. Never run in the cloud.
 */
export async function seedDemo(deps: DemoDeps, credentialsFile?: string): Promise<DemoAccount[]> {
  const existing = await deps.store.get(emailMarker(accounts[0]!.email), { consistent: true });
  if (existing) {
    if (!credentialsFile) return [];
    try {
      return JSON.parse(readFileSync(credentialsFile, 'utf8')) as DemoAccount[];
    } catch {
      return [];
    }
  }
  const now = deps.clock.now().toISOString();
  const institutionId = deps.ids.newId();
  const institution: Institution = {
    institutionId,
    name: 'Urząd Miasta Demo',
    type: 'municipal_office',
    nip: '1234563218',
    regon: '123456785',
    address: {
      street: 'ul. Przykładowa 1',
      postalCode: '00-001',
      city: 'Demo',
      commune: 'Demo',
      county: 'demowski',
      voivodeship: 'mazowieckie',
    },
    website: 'https://demo.example.org',
    headcount: '41-100',
    contactPerson: { name: 'Anna Urzędniczka', email: `urzad@${DOMAIN}`, phone: '+48 22 000 00 00' },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const seeded: DemoAccount[] = [];
  const items: TransactItem[] = [];
  let demoExpert: User | undefined;
  let organizer: User | undefined;
  let member: User | undefined;
  for (const account of accounts) {
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    const user = newUser(deps, {
      email: account.email,
      displayName: account.displayName,
      language: 'pl',
      roles: [account.role],
      institutionId: account.role === 'institution' ? institutionId : undefined,
      expert:
        account.role === 'expert'
          ? { affiliation: 'Uniwersytet Demo', voivodeship: 'małopolskie', expertise: ['standardy obsługi klienta'] }
          : undefined,
      status: 'active',
      emailVerified: true,
      passwordHash: await hashPassword(password),
    });
    items.push(...newAccountItems(user)); // the institution member's items include the membership
    if (account.role === 'expert') demoExpert = user;
    if (account.role === 'organizer') organizer = user;
    if (account.role === 'institution') member = user;
    seeded.push({ role: account.role, email: account.email, password });
  }
  items.push(...newInstitutionItems(institution));
  await deps.store.transact(items);
  const editionId = await seedDemoEdition(deps);
  if (demoExpert && organizer) {
    const colleagues = await seedDemoChapter(deps, editionId, demoExpert);
    const [first, second] = colleagues;
    if (first && second) {
      const ninth = await seedDemoScoring(deps, { organizer, expert: demoExpert, colleagues: [first, second] });
      await seedDemoResults(deps, { organizer, colleagues }, ninth);
    }
  }
  if (member) await seedDemoSurvey(deps, { ...member, institutionId });
  if (member) await seedDemoFeedback(deps, institutionId);
  if (member && organizer) await seedDemoMeasurement(deps, { organizer, member: { ...member, institutionId } });
  if (credentialsFile) writeFileSync(credentialsFile, JSON.stringify(seeded, null, 2), { mode: 0o600 });
  return seeded;
}
