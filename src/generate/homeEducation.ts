// Synthetic the elective home education register.
import type { AreaGenerator } from './area.ts';

export const generateHomeEducation: AreaGenerator = () => {};
