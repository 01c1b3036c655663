import * as z from 'zod/mini';

/**
 * A moment with its zone, e.g. 2026-03-31T23:59:00+02:00 (the UI sends Europe/Warsaw wall time converted).
 * A leaf module, so the chapter's and the sheets' schemas use it without loading the edition's.
 */
export const instant = z
  .string()
  .check(
    z.refine(
      (v) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
        !Number.isNaN(Date.parse(v)),
      'instant',
    ),
  );
