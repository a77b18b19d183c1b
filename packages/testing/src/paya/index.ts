// The paya simulator; filled by the paya provider work.
export {};
