import { describe, expect, it } from 'vitest';
import { seedDemoMeasurement } from '../../infra/local/demo-measurement';
import { getPublishedRanking } from '../../shared/measurement/get-published-ranking';
import { apiHarness, seedInstitution, seedUser } from '../support/accounts';

const { deps } = apiHarness();

describe('the standard measurement’s demo (issue 18 §4)', () => {
  it('publishes last year and this year with several offices, so ranks and movement show at once', async () => {
    const { institutionId, member } = await seedInstitution(deps, { institution: { type: 'municipal_office' } });
    const { user: organizer } = await seedUser(deps, { role: 'organizer' });
    const { years } = await seedDemoMeasurement(deps, { organizer, member: { ...member, institutionId } });
    const [previous, current] = await Promise.all(years.map((year) => getPublishedRanking(deps, { year })));
    expect(previous?.types.map((t) => t.type)).toEqual(['municipal_office', 'county_office']);
    const municipal = current?.types.find((t) => t.type === 'municipal_office')?.entries ?? [];
    expect(municipal.filter((e) => e.overall)).toHaveLength(3);
    const movements = new Set(current?.types.flatMap((t) => t.entries.map((e) => e.movement)));
    expect(movements).toContain('up');
    expect(movements).toContain('down');
    // the demo office has no answers here: listed, not ranked
    expect(municipal.find((e) => e.institutionId === institutionId)?.overall).toBeUndefined();
    for (const e of municipal.filter((x) => x.overall)) expect(e.n).toBeGreaterThanOrEqual(30);
  }, 120_000);
});
