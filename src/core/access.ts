// Who may do what. The one place access rules live: the server checks every route against it
// and pages only hide what the server would refuse anyway.

export const ROLES = ['admin', 'officer', 'manager', 'councillor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'view_aggregates', // indicators, reports, action plan, committee actions
  'view_child_records', // any child-level row or child id (trackers, missing episodes, letters)
  'edit_actions', // strategy action RAG/status and committee actions
  'edit_narratives', // officer narrative in the committee report
  'import', // upload DfE returns and case-system exports
  'view_audits', // case audit findings (confidential)
  'edit_audits',
  'view_audit_summary', // counts and themes of audits only
  'view_audit_log', // who viewed or changed what
  'manage_users',
  'view_exempt', // Part 2 (exempt) committee report items
  'manage_settings', // the council's identity and statistical neighbours (official benchmarks)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = [...PERMISSIONS];

export const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  officer: ['view_aggregates', 'view_child_records', 'edit_actions', 'edit_narratives', 'import', 'view_audits', 'view_audit_summary', 'view_exempt'],
  manager: ['view_aggregates', 'view_child_records', 'edit_actions', 'edit_narratives', 'view_audit_summary', 'view_exempt'],
  councillor: ['view_aggregates', 'view_audit_summary'],
  auditor: ['view_aggregates', 'view_child_records', 'view_audits', 'edit_audits', 'view_audit_summary'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Councillors and the public see suppressed small numbers; case-level roles see exact counts. */
export function seesSuppressedCounts(role: Role): boolean {
  return !can(role, 'view_child_records');
}
