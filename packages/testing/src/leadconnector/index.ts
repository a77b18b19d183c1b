// The leadconnector simulator; filled by the leadconnector provider work.
export {};
