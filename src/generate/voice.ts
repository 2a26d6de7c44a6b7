// Synthetic voice of the child feedback.
import type { AreaGenerator } from './area.ts';

export const generateVoice: AreaGenerator = () => {};
