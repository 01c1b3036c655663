import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { editionRows } from '../support/access-matrix/rows-editions';

/** The access matrix (docs/access-control.md): editions, extensions, edition lists, exports. */
describeMatrix(
  apiHarness({ maxBodyBytes: 1024 * 1024 }),
  'access matrix: editions, extensions, edition lists, exports',
  editionRows,
);
