import { describeFaultMatrix } from './faults/describe-fault-matrix.js';
import { payaHarness } from './providers/paya-harness.js';

await describeFaultMatrix(payaHarness);
