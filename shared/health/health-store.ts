import { keys } from '../store/keys';
import type { Store } from '../store/store';

/** Reads the health sentinel (it never needs to exist): one GetItem proves the table answers. */
export async function probeTable(store: Store): Promise<void> {
  await store.get(keys.health());
}
