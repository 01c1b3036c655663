import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { scoringRows } from '../support/access-matrix/rows-scoring';

/** The access matrix (docs/access-control.md): scoring — the experts' reviews and the organizer's progress. */
describeMatrix(apiHarness({ maxBodyBytes: 1024 * 1024 }), 'access matrix: scoring', scoringRows);
