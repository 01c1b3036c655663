import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { mixedKnownBugs, mixedRows } from '../support/access-matrix/rows-mixed';

/** The access matrix (docs/access-control.md): ids of different owners in one request. */
describeMatrix(apiHarness({ maxBodyBytes: 1024 * 1024 }), 'access matrix: mixed-tenant ids', mixedRows, {
  knownBugs: mixedKnownBugs,
});
