import { apiHarness } from '../support/accounts';
import { describeMatrix } from '../support/access-matrix/matrix';
import { resultsRows } from '../support/access-matrix/rows-results';

/** The access matrix (docs/access-control.md): results — deliberation, publication, the public record, own results. */
describeMatrix(apiHarness({ maxBodyBytes: 1024 * 1024 }), 'access matrix: results', resultsRows);
