// Synthetic CIN census referrals and assessments.
import type { AreaGenerator } from './area.ts';

export const generateFrontDoor: AreaGenerator = () => {};
