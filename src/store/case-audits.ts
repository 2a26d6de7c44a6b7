// Case audits: confidential findings about individual children's cases. Only the summary (counts
// by grade) leaves this module for roles that may not see case records.
import { sql } from 'kysely';
import type { AuditGrade, AuditType, GradedAudit, ParsedAudit } from '../core/audits.ts';
import type { Store, Tx } from './open.ts';

export type CaseAudit = ParsedAudit;

export interface CaseAuditFilter {
  type?: AuditType;
  theme?: string;
  grade?: AuditGrade;
  from?: string;
  to?: string;
}

const COLUMNS = ['audit_id', 'type', 'theme', 'audited_date', 'child_id', 'auditor', 'grade', 'findings', 'actions'] as const;

/** Inserts or replaces audits by audit id, in one transaction; returns how many were written. */
export async function saveCaseAudits(store: Store, audits: readonly CaseAudit[], byUser: string): Promise<number> {
  if (audits.length === 0) return 0;
  return store.transaction((tx) => writeAudits(tx, audits, byUser));
}

export async function writeAudits(tx: Tx, audits: readonly CaseAudit[], byUser: string): Promise<number> {
  for (let i = 0; i < audits.length; i += 500) {
    const rows = audits.slice(i, i + 500).map((a) => ({
      audit_id: a.auditId,
      type: a.type,
      theme: a.type === 'themed' ? a.theme : null,
      audited_date: a.auditedDate,
      child_id: a.childId,
      auditor: a.auditor,
      grade: a.grade,
      findings: a.findings,
      actions: a.actions,
      updated_by: byUser,
    }));
    await tx.db
      .insertInto('case_audit')
      .values(rows)
      .onConflict((oc) =>
        oc.column('audit_id').doUpdateSet((eb) => ({
          ...Object.fromEntries(COLUMNS.filter((c) => c !== 'audit_id').map((c) => [c, eb.ref(`excluded.${c}`)])),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  }
  return audits.length;
}

export async function listCaseAudits(store: Store, f: CaseAuditFilter = {}): Promise<CaseAudit[]> {
  const rows = await filtered(store, f).select(COLUMNS).orderBy('audited_date', 'desc').orderBy('audit_id').execute();
  return rows.map((r) => ({
    auditId: r.audit_id,
    type: r.type,
    theme: r.theme,
    auditedDate: r.audited_date,
    childId: r.child_id,
    auditor: r.auditor,
    grade: r.grade,
    findings: r.findings,
    actions: r.actions,
  }));
}

/** Type, theme and grade of each audit: what the councillors' summary is built from. */
export async function auditGrades(store: Store, f: CaseAuditFilter = {}): Promise<GradedAudit[]> {
  return filtered(store, f).select(['type', 'theme', 'grade']).execute();
}

function filtered(store: Store, f: CaseAuditFilter) {
  let q = store.db.selectFrom('case_audit');
  if (f.type) q = q.where('type', '=', f.type);
  if (f.theme) q = q.where('theme', '=', f.theme);
  if (f.grade) q = q.where('grade', '=', f.grade);
  if (f.from) q = q.where('audited_date', '>=', f.from);
  if (f.to) q = q.where('audited_date', '<=', f.to);
  return q;
}
