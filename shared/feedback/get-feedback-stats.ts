import type { Deps } from '../deps';
import { keys } from '../store/keys';
import { warsawDate } from '../surveys/survey';
import { type FeedbackStats, feedbackStats } from './feedback-stats';
import { listInstitutionFeedback } from './feedback-store';

/** More than a busy office's feedback in years; past it the figures would be cut, so it is refused loudly. */
const MAX_ITEMS = 20_000;

/**
 * An office's feedback analytics (issue 18 §6): count per category and month, median days to answer,
 * share answered within 14 days. Its feedback is read a page at a time with Query (no Scan) — an
 * office receives tens a month, so a recount is cheaper than counters that would need fixing on reopen.
 */
export async function getFeedbackStats(
  deps: Pick<Deps, 'store' | 'clock'>,
  input: { institutionId: string },
): Promise<FeedbackStats> {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await listInstitutionFeedback(deps.store, input.institutionId, { limit: 1000, cursor });
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && items.length < MAX_ITEMS);
  if (cursor)
    throw new Error(`More than ${MAX_ITEMS} feedback items for ${keys.institutionFeedback(input.institutionId)}`);
  return feedbackStats(items, warsawDate(deps.clock.now()));
}
