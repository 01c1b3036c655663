import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { chapterRows } from '../support/access-matrix/rows-chapter';

/** The access matrix (docs/access-control.md): chapter, assignment, experts. */
describeMatrix(apiHarness({ maxBodyBytes: 1024 * 1024 }), 'access matrix: chapter, assignment, experts', chapterRows);
