import { createColors } from 'picocolors';

/**
 * Colour functions for one stream (picocolors): identities when colour is off. Decide `enabled` with
 * colorsEnabled() (src/colors.ts) or a command's `colors`; import this module only where colour is printed.
 */
export type Paint = ReturnType<typeof createColors>;

export function paint(enabled: boolean): Paint {
  return createColors(enabled);
}
