import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { surveyRows } from '../support/access-matrix/rows-surveys';

/** The access matrix (docs/access-control.md): residents' surveys — the institution's own, and the public form. */
describeMatrix(apiHarness(), 'access matrix: surveys', surveyRows);
