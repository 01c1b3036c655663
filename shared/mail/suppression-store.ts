import { AppError } from '../errors';
import { keys } from '../store/keys';
import { parseItem } from '../store/parse';
import type { Store } from '../store/store';
import { Suppression, type SuppressionReason } from './suppression';

/**
 * The suppression items' DynamoDB shapes: one item per address (keys.mailSuppression). A feedback
 * event is recorded with one conditional UpdateItem that counts it and keeps its SES feedback id,
 * so the same event delivered twice (SQS is at-least-once) changes nothing.
 */
export interface SuppressionEvent {
  address: string;
  reason: SuppressionReason;
  bounceSubType?: string;
  /** When SES saw the bounce or complaint. */
  at: string;
  /** SES's id of this feedback event (one per bounce or complaint notification). */
  feedbackId: string;
}

/** 'duplicate': this feedback event was recorded before (a redelivery). */
export async function recordSuppression(store: Store, event: SuppressionEvent): Promise<'recorded' | 'duplicate'> {
  const set = [
    '#entity = :entity',
    '#address = :address',
    '#reason = :reason',
    '#lastAt = :at',
    '#firstAt = if_not_exists(#firstAt, :at)',
    ...(event.bounceSubType ? ['#bounceSubType = :bounceSubType'] : []),
  ];
  try {
    await store.update(
      keys.mailSuppression(event.address),
      {
        expression: `SET ${set.join(', ')}${event.bounceSubType ? '' : ' REMOVE #bounceSubType'} ADD #count :one, #feedbackIds :feedbackIds`,
        names: {
          '#entity': 'entity',
          '#address': 'address',
          '#reason': 'reason',
          '#lastAt': 'lastAt',
          '#firstAt': 'firstAt',
          '#bounceSubType': 'bounceSubType',
          '#count': 'count',
          '#feedbackIds': 'feedbackIds',
        },
        values: {
          ':entity': 'mailSuppression',
          ':address': event.address,
          ':reason': event.reason,
          ':at': event.at,
          ...(event.bounceSubType ? { ':bounceSubType': event.bounceSubType } : {}),
          ':one': 1,
          ':feedbackIds': new Set([event.feedbackId]),
        },
      },
      {
        expression: 'attribute_not_exists(#feedbackIds) OR NOT contains(#feedbackIds, :feedbackId)',
        values: { ':feedbackId': event.feedbackId },
      },
      { returnValues: 'ALL_OLD' },
    );
    return 'recorded';
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') return 'duplicate';
    throw error;
  }
}

const toSuppression = (item: Record<string, unknown>): Suppression => parseItem(Suppression, item, 'mail suppression');

/** The address's suppression, if any (one GetItem; the address as suppressionAddress gives it). */
export async function findSuppression(store: Store, address: string): Promise<Suppression | null> {
  const item = await store.get(keys.mailSuppression(address));
  return item ? toSuppression(item) : null;
}

/** The suppressions of several addresses in one BatchGet (a page of the users list), by address. */
export async function findSuppressions(store: Store, addresses: string[]): Promise<Map<string, Suppression>> {
  if (addresses.length === 0) return new Map();
  const items = await store.batchGet(addresses.map((a) => keys.mailSuppression(a)));
  return new Map(items.map(toSuppression).map((s) => [s.address, s]));
}
