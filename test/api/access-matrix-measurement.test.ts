import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { measurementRows } from '../support/access-matrix/rows-measurement';

/** The access matrix (docs/access-control.md): the standard measurement — organizers run it, staff opt in, anyone reads the published ranking. */
describeMatrix(apiHarness(), 'access matrix: measurement', measurementRows);
