// The connectfi simulator; filled by the connectfi provider work.
export {};
