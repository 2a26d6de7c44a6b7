// Synthetic early help episodes.
import type { AreaGenerator } from './area.ts';

export const generateEarlyHelp: AreaGenerator = () => {};
