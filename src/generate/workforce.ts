// Synthetic workforce per team and month.
import type { AreaGenerator } from './area.ts';

export const generateWorkforce: AreaGenerator = () => {};
