import { describe, expect, it } from 'vitest';
import { seedDemoFeedback } from '../../infra/local/demo-feedback';
import { sniffFileKind } from '../../shared/applications/file-type';
import { feedbackStatuses } from '../../shared/feedback/feedback';
import { getFeedbackAttachment } from '../../shared/feedback/get-feedback-attachment';
import { getFeedbackStats } from '../../shared/feedback/get-feedback-stats';
import { listFeedback } from '../../shared/feedback/list-feedback';
import { apiHarness, seedInstitution } from '../support/accounts';

const { deps } = apiHarness();

describe('the demo office’s feedback (issue 18 §9)', () => {
  it('has a handful of items in every status, newest first, with analytics to show', async () => {
    const { institutionId } = await seedInstitution(deps);
    expect(await seedDemoFeedback(deps, institutionId)).toBe(6);
    const { items } = await listFeedback(deps, { institutionId, limit: 25 });
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(feedbackStatuses));
    const days = items.map((i) => i.submittedOn);
    expect(days).toEqual([...days].sort().reverse());
    const stats = await getFeedbackStats(deps, { institutionId });
    expect(stats).toMatchObject({ total: 6, answered: 3, medianDaysToAnswer: 6 });
    expect(stats.answeredWithin14Days).toBeCloseTo(2 / 3);
    // One carries a small PNG attachment the office can download.
    const withFile = items.filter((i) => i.attachment);
    expect(withFile).toHaveLength(1);
    const file = await getFeedbackAttachment(deps, { institutionId, feedbackId: withFile[0]?.feedbackId ?? '' });
    expect(sniffFileKind(file.body)).toBe('png');
  });
});
