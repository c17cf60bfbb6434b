/**
 * Whether to colour a stream, the way Node's own tty module decides (and the no-color.org and
 * force-color.org conventions): `FORCE_COLOR` wins (`0` or `false` turn colour off, anything else on),
 * then a non-empty `NO_COLOR`, `NODE_DISABLE_COLORS` or `TERM=dumb` turn it off; otherwise colour follows
 * whether the stream is a terminal. Every coloured output of the CLI (help included) asks this.
 */
export function colorsEnabled(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR || env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  return isTTY;
}
