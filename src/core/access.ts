// Who may do what. The one place access rules live: the server checks every route against it
// and pages only hide what the server would refuse anyway.

export const ROLES = ['admin', 'officer', 'manager', 'councillor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'view_aggregates', // indicators, reports, action plan, committee actions
  'view_child_records', // any child-level row or child id (trackers, missing episodes, letters)
  'edit_actions', // strategy action RAG/status and committee actions
  'edit_narratives', // officer narrative in the committee report
  'approve_commentary', // approve officers' commentary before it is printed in a committee paper
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
  manager: ['view_aggregates', 'view_child_records', 'edit_actions', 'edit_narratives', 'approve_commentary', 'view_audit_summary', 'view_exempt'],
  councillor: ['view_aggregates', 'view_audit_summary'],
  auditor: ['view_aggregates', 'view_child_records', 'view_audits', 'edit_audits', 'view_audit_summary'],
};

/** What a permission lets a person do, in words for the sign-in page and the access register. */
export const PERMISSION_LABEL: Record<Permission, string> = {
  view_aggregates: 'see the indicators, area pages, action plan, committee actions and committee papers',
  view_child_records: 'see lists of individual children and requests, and family letters',
  edit_actions: 'update strategy and committee actions',
  edit_narratives: 'draft commentary for committee papers and the family letter wording',
  approve_commentary: 'approve commentary for committee papers',
  import: 'import returns and case-system exports',
  view_audits: 'read case audit findings',
  edit_audits: 'record case audits',
  view_audit_summary: 'see case audit counts and themes',
  view_audit_log: 'read the audit log and access register',
  manage_users: 'manage user accounts',
  view_exempt: 'read Part 2 (exempt) committee items',
  manage_settings: "set the council's identity and statistical neighbours for official benchmarks",
};

/** A role's permissions in words, in the order of PERMISSIONS. */
export function roleAbilities(role: Role): string[] {
  return PERMISSIONS.filter((p) => can(role, p)).map((p) => PERMISSION_LABEL[p]);
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Councillors and the public see suppressed small numbers; case-level roles see exact counts. */
export function seesSuppressedCounts(role: Role): boolean {
  return !can(role, 'view_child_records');
}
