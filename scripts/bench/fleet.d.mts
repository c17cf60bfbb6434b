/** `count` services where each depends on the next; returns the root contract's directory. */
export function writeChain(dir: string, count: number): string;
/** A root service with `count - 1` direct dependencies that have none; returns the root's directory. */
export function writeFan(dir: string, count: number): string;
