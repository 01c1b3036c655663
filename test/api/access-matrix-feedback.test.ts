import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { feedbackRows } from '../support/access-matrix/rows-feedback';

/** The access matrix (docs/access-control.md): residents' feedback — sending and tracking by code, the office's inbox. */
describeMatrix(apiHarness(), 'access matrix: feedback', feedbackRows);
