/** Every item of a cursor-paged list (bounded at 50 pages of 100), for choosing from it in a form. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; cursor: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const next = await page(cursor);
    out.push(...next.items);
    if (!next.cursor) break;
    cursor = next.cursor;
  }
  return out;
}

/** Where a cursor-paged list stands: the cursor asked for and the page's number (1 for the first page). */
export interface PagePosition {
  cursor?: string;
  number: number;
}

/** One page as the lists show it: its items, the next page's cursor and its number. */
export interface CursorPage<T> {
  items: T[];
  next: string | null;
  number: number;
}

export const FIRST_PAGE: PagePosition = { number: 1 };

/** The page a query answered, numbered by the position it was asked for. */
export const pageAt =
  (at: PagePosition) =>
  <T>(res: { items: T[]; cursor: string | null }): CursorPage<T> => ({
    items: res.items,
    next: res.cursor,
    number: at.number,
  });

/** The query string part of a position: the cursor, when past the first page. */
export const cursorParam = (at: PagePosition) => (at.cursor ? { cursor: at.cursor } : {});
