import { newUser, type User } from '../../shared/accounts/user';
import { newAccountItems } from '../../shared/accounts/user-store';
import type { ChapterMember, Workplace } from '../../shared/chapter/chapter';
import { defaultAssignmentSettings } from '../../shared/chapter/chapter';
import { assignmentSettingsItem, memberItem } from '../../shared/chapter/chapter-store';
import type { InstitutionType } from '../../shared/institutions/institution';
import { type TransactItem, tx } from '../../shared/store/store';
import type { Deps } from '../../shared/deps';

const DOMAIN = 'demo.przyjazny-urzad.pl';

/** The demo chapter's other members: invited accounts (no password), so only the demo expert signs in. */
const others: {
  displayName: string;
  email: string;
  workplace: Workplace;
  preferred: InstitutionType[];
  chair?: boolean;
}[] = [
  // Works in Nowy Targ: the same-county rule keeps her away from the tax office there.
  {
    displayName: 'dr hab. Anna Nowak',
    email: `anna.nowak@${DOMAIN}`,
    workplace: { voivodeship: 'małopolskie', county: 'Nowy Targ', commune: 'Nowy Targ' },
    preferred: ['tax_office'],
    chair: true,
  },
  {
    displayName: 'mgr Piotr Zieliński',
    email: `piotr.zielinski@${DOMAIN}`,
    workplace: { voivodeship: 'mazowieckie', county: 'Warszawa', commune: 'Warszawa' },
    preferred: ['labour_office'],
  },
  {
    displayName: 'dr Ewa Wiśniewska',
    email: `ewa.wisniewska@${DOMAIN}`,
    workplace: { voivodeship: 'pomorskie', county: 'Gdańsk', commune: 'Gdańsk' },
    preferred: ['social_welfare_centre'],
  },
  {
    displayName: 'prof. Tomasz Lewandowski',
    email: `tomasz.lewandowski@${DOMAIN}`,
    workplace: { voivodeship: 'wielkopolskie', county: 'Poznań', commune: 'Poznań' },
    preferred: ['county_office', 'municipal_office'],
  },
];

/**
 * The demo edition's chapter: the demo expert and four colleagues, loads [0, 10], workplaces that
 * make one rule-derived conflict visible, and bidding open for two weeks. Nothing is assigned yet:
 * the organizer previews and commits it in the UI. Returns the colleagues' accounts.
 */
export async function seedDemoChapter(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  editionId: string,
  demoExpert: User,
): Promise<User[]> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const items: TransactItem[] = [];
  const colleagues: User[] = [];
  const member = (
    user: User,
    workplace: Workplace,
    preferredCategories: InstitutionType[],
    chair: boolean,
  ): ChapterMember => ({
    editionId,
    userId: user.userId,
    displayName: user.displayName,
    email: user.email,
    language: user.language,
    minLoad: 0,
    maxLoad: 10,
    expertise: user.expert?.expertise ?? [],
    preferredCategories,
    chair,
    workplace,
    addedAt: at,
    version: 1,
  });
  items.push(
    tx.put(
      memberItem(
        member(
          demoExpert,
          { voivodeship: 'małopolskie', county: 'Kraków', commune: 'Kraków' },
          ['municipal_office'],
          false,
        ),
      ),
    ),
  );
  for (const o of others) {
    const user = newUser(deps, {
      email: o.email,
      displayName: o.displayName,
      language: 'pl',
      roles: ['expert'],
      status: 'invited',
      emailVerified: false,
      expert: {
        affiliation: 'Uniwersytet Demo',
        voivodeship: o.workplace.voivodeship,
        expertise: ['zarządzanie jakością'],
      },
    });
    colleagues.push(user);
    items.push(...newAccountItems(user), tx.put(memberItem(member(user, o.workplace, o.preferred, o.chair ?? false))));
  }
  const bidding = {
    opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
  };
  items.push(tx.put(assignmentSettingsItem(editionId, { ...defaultAssignmentSettings, bidding, version: 1 })));
  await deps.store.transact(items);
  return colleagues;
}
