import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { certificateRows } from '../support/access-matrix/rows-certificates';

/** The access matrix (docs/access-control.md): certificates — issuing, revocation, own downloads, public verification. */
describeMatrix(apiHarness({ maxBodyBytes: 1024 * 1024 }), 'access matrix: certificates', certificateRows);
