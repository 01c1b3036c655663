import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { platformRows } from '../support/access-matrix/rows-platform';

/** The access matrix (docs/access-control.md): platform, accounts, institutions and staff routes. */
describeMatrix(
  apiHarness({ maxBodyBytes: 1024 * 1024 }),
  'access matrix: platform, accounts, institutions',
  platformRows,
);
