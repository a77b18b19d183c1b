import { describeFaultMatrix } from './faults/describe-fault-matrix.js';
import { payConnectHarness } from './providers/payconnect-harness.js';

await describeFaultMatrix(payConnectHarness);
