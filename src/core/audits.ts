// Case audits: Ofsted's four grades, the themes of themed audits, and the summary councillors
// may see (counts only, small numbers suppressed so no child's case can be recognised).
import { isSuppressed, DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.ts';

export const AUDIT_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type AuditGrade = (typeof AUDIT_GRADES)[number];

export const GRADE_LABELS: Record<AuditGrade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

export const AUDIT_TYPES = ['core', 'themed'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const AUDIT_THEMES = [
  'neglect',
  'exploitation',
  'missing',
  'child_protection',
  'children_in_care',
  'care_leavers',
  'send',
  'domestic_abuse',
  'voice_of_the_child',
  'management_oversight',
] as const;
export type AuditTheme = (typeof AUDIT_THEMES)[number];

export const THEME_LABELS: Record<AuditTheme, string> = {
  neglect: 'Neglect',
  exploitation: 'Exploitation (CSE and CCE)',
  missing: 'Missing children',
  child_protection: 'Child protection',
  children_in_care: 'Children in care',
  care_leavers: 'Care leavers',
  send: 'Special educational needs and disabilities',
  domestic_abuse: 'Domestic abuse',
  voice_of_the_child: 'Voice of the child',
  management_oversight: 'Management oversight',
};

/** A free-text grade ("Requires Improvement", "RI", "good") as a grade, or null. */
export function parseGrade(text: string): AuditGrade | null {
  const s = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (s === 'ri') return 'requires_improvement';
  return (AUDIT_GRADES as readonly string[]).includes(s) ? (s as AuditGrade) : null;
}

export function isTheme(text: string): text is AuditTheme {
  return (AUDIT_THEMES as readonly string[]).includes(text);
}

/**
 * A count as a summary shows it: `value` is null when the count is withheld. A small count shows
 * as "<6"; a larger one withheld only to protect a small one shows as "c" (confidential), the
 * convention of official statistics.
 */
export interface ShownCount {
  value: number | null;
  text: string;
}

export interface GradeRow {
  key: string; // 'all', 'core' or a theme
  label: string;
  total: ShownCount;
  grades: Record<AuditGrade, ShownCount>;
}

export interface AuditSummary {
  suppressed: boolean;
  rows: GradeRow[];
}

export interface GradedAudit {
  type: AuditType;
  theme: string | null;
  grade: AuditGrade;
}

/**
 * Counts by grade: all audits, core audits, then each theme that has audits. With `suppress`,
 * counts of 1 to 5 are withheld, and when a row withholds only one grade the next smallest is
 * withheld too, or the row's total would give it away by subtraction.
 */
export function summariseAudits(
  audits: readonly GradedAudit[],
  options: { suppress: boolean; threshold?: number },
): AuditSummary {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const groups = new Map<string, AuditGrade[]>([['all', []], ['core', []]]);
  for (const a of audits) {
    groups.get('all')!.push(a.grade);
    const key = a.type === 'core' ? 'core' : (a.theme ?? 'other');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(a.grade);
  }
  const themed = [...groups.keys()].filter((k) => k !== 'all' && k !== 'core').sort();
  const rows = ['all', 'core', ...themed].map((key) => gradeRow(key, groups.get(key)!, options.suppress, threshold));
  return { suppressed: options.suppress, rows };
}

function label(key: string): string {
  if (key === 'all') return 'All audits';
  if (key === 'core') return 'Core audits';
  return isTheme(key) ? `Themed: ${THEME_LABELS[key]}` : `Themed: ${key}`;
}

function gradeRow(key: string, grades: AuditGrade[], suppress: boolean, threshold: number): GradeRow {
  const counts = AUDIT_GRADES.map((g) => grades.filter((x) => x === g).length);
  const small = counts.map((n) => suppress && isSuppressed(n, threshold));
  const secondary = counts.map(() => false);
  if (small.filter(Boolean).length === 1) {
    // Withhold the smallest other non-zero count as well.
    const others = counts.map((n, i) => ({ n, i })).filter(({ n, i }) => n > 0 && !small[i]).sort((a, b) => a.n - b.n);
    if (others[0]) secondary[others[0].i] = true;
  }
  const show = (n: number, i: number): ShownCount => {
    if (small[i]) return { value: null, text: `<${threshold}` };
    if (secondary[i]) return { value: null, text: 'c' };
    return { value: n, text: String(n) };
  };
  const total = grades.length;
  return {
    key,
    label: label(key),
    total: suppress && isSuppressed(total, threshold) ? { value: null, text: `<${threshold}` } : { value: total, text: String(total) },
    grades: Object.fromEntries(AUDIT_GRADES.map((g, i) => [g, show(counts[i]!, i)])) as Record<AuditGrade, ShownCount>,
  };
}

export const AUDIT_CSV_COLUMNS = ['AuditID', 'Type', 'Theme', 'AuditedDate', 'ChildID', 'Auditor', 'Grade', 'Findings', 'Actions'] as const;

export interface AuditRowError {
  row: number; // as a spreadsheet shows it: the header is row 1
  field: string;
  message: string;
}

export interface ParsedAudit {
  auditId: string;
  type: AuditType;
  theme: string | null;
  auditedDate: string;
  childId: string;
  auditor: string;
  grade: AuditGrade;
  findings: string;
  actions: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const MAX_TEXT = 20_000;

/**
 * Checks case-audit rows (already split into named fields, header matched case-insensitively).
 * All or nothing: any error means no audits.
 */
export function validateAuditRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  parseDate: (text: string) => string | null,
): { audits: ParsedAudit[]; errors: AuditRowError[] } {
  const errors: AuditRowError[] = [];
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = AUDIT_CSV_COLUMNS.filter((c) => !index.has(c.toLowerCase()));
  const extra = header.filter((h) => !AUDIT_CSV_COLUMNS.some((c) => c.toLowerCase() === h.trim().toLowerCase()));
  if (missing.length || extra.length) {
    if (missing.length) errors.push({ row: 1, field: missing.join(', '), message: `Missing column(s): ${missing.join(', ')}` });
    if (extra.length) errors.push({ row: 1, field: extra.join(', '), message: `Unexpected column(s): ${extra.join(', ')}` });
    return { audits: [], errors };
  }
  const seen = new Set<string>();
  const audits: ParsedAudit[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const get = (c: (typeof AUDIT_CSV_COLUMNS)[number]) => (cells[index.get(c.toLowerCase())!] ?? '').trim();
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    const auditId = get('AuditID');
    const childId = get('ChildID');
    const type = get('Type').toLowerCase();
    const theme = get('Theme').toLowerCase() || null;
    const date = parseDate(get('AuditedDate'));
    const grade = parseGrade(get('Grade'));
    const auditor = get('Auditor');
    if (!ID.test(auditId)) fail('AuditID', 'Enter an audit id (letters, digits, . _ / -)');
    else if (seen.has(auditId)) fail('AuditID', `Audit ${auditId} appears twice`);
    seen.add(auditId);
    if (!ID.test(childId)) fail('ChildID', 'Enter the child id (letters, digits, . _ / -)');
    if (type !== 'core' && type !== 'themed') fail('Type', 'Type must be core or themed');
    if (type === 'themed' && (!theme || !isTheme(theme))) fail('Theme', `A themed audit needs a theme: ${AUDIT_THEMES.join(', ')}`);
    if (type === 'core' && theme) fail('Theme', 'A core audit has no theme');
    if (!date) fail('AuditedDate', 'Enter the date as DD/MM/YYYY');
    if (!grade) fail('Grade', 'Grade must be outstanding, good, requires improvement or inadequate');
    if (!auditor || auditor.length > 200) fail('Auditor', 'Enter the auditor (up to 200 characters)');
    if (get('Findings').length > MAX_TEXT || get('Actions').length > MAX_TEXT) fail('Findings', `Findings and actions are limited to ${MAX_TEXT} characters`);
    if (errors.some((e) => e.row === row)) return;
    audits.push({ auditId, type: type as AuditType, theme, auditedDate: date!, childId, auditor, grade: grade!, findings: get('Findings'), actions: get('Actions') });
  });
  return { audits: errors.length ? [] : audits, errors };
}
