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
export { latestReportedPeriod, performanceReport, type PerformanceReportOptions } from './performance.ts';
export { EXEMPT_MARKING, exemptMissingReport, lastFullQuarter, type ExemptMissingReportOptions } from './exempt-missing.ts';
export { ReportInputError } from './errors.ts';
export { letterTemplateVersions, previewLetter, type LetterTemplateVersion } from './letter-editing.ts';
