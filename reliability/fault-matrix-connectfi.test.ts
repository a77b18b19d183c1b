import { describeFaultMatrix } from './faults/describe-fault-matrix.js';
import { connectFiHarness } from './providers/connectfi-harness.js';

await describeFaultMatrix(connectFiHarness);
