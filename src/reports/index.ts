// Committee papers and family letters, as HTML and PDF: the one entry point for the CLI and the web.
export { delayLetters, type DelayLetterOptions } from './letters.ts';
export {
  DEFAULT_LETTER_TEMPLATE,
  getLetterTemplate,
  LETTER_PLACEHOLDERS,
  letterTemplateProblems,
  setLetterTemplate,
  type LetterTemplate,
} from './letter-template.ts';
export { closePdfRenderer, renderPdf } from './pdf.ts';
export { actionPlanReport, type ActionPlanReportOptions } from './action-plan.ts';
export { performanceReport, type PerformanceReportOptions } from './performance.ts';
