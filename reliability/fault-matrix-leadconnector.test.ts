import { describeFaultMatrix } from './faults/describe-fault-matrix.js';
import { leadConnectorHarness } from './providers/leadconnector-harness.js';

await describeFaultMatrix(leadConnectorHarness);
