import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { applicationRows } from '../support/access-matrix/rows-applications';

/** The access matrix (docs/access-control.md): applications, attachments, uploads. */
describeMatrix(
  apiHarness({ maxBodyBytes: 1024 * 1024 }),
  'access matrix: applications, attachments, uploads',
  applicationRows,
);
