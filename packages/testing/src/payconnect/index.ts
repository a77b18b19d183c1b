// The payconnect simulator; filled by the payconnect provider work.
export {};
