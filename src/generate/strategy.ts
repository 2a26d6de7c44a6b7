// The Children's Services Strategy (priorities and actions with owners and RAG) and the actions
// the Overview and Scrutiny Committee asked for at recent meetings (named as the committee papers'
// default, so the demo's action plan paper finds the last meeting). Owners are job titles.
import { dfe, type Cell } from './csv.ts';
import { weights, type Random } from './random.ts';

const PRIORITIES: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  ['Early help and family support', [
    ['Open family hubs in every locality', 'Head of Early Help'],
    ['Launch a single front door for early help requests', 'Head of Early Help'],
    ['Train partner agencies in the lead professional role', 'Early Help Partnership Manager'],
    ['Roll out the parenting programme to all family hubs', 'Family Hubs Service Manager'],
    ['Publish the early help outcomes framework', 'Head of Performance and Intelligence'],
  ]],
  ['Children in care and care leavers', [
    ['Recruit 40 additional in-house foster carers', 'Head of Fostering'],
    ['Open two small children\'s homes in the borough', 'Head of Residential Services'],
    ['Guarantee every care leaver a personal adviser until 25', 'Leaving Care Service Manager'],
    ['Extend the care leaver apprenticeship offer across the council', 'Leaving Care Service Manager'],
    ['Refresh the sufficiency strategy', 'Assistant Director, Children in Care'],
    ['Reduce placement moves through a stability panel', 'Assistant Director, Children in Care'],
  ]],
  ['SEND and inclusion', [
    ['Recover 20-week EHCP timeliness to above the national average', 'Head of SEND'],
    ['Recruit four additional educational psychologists', 'Principal Educational Psychologist'],
    ['Agree an advice turnaround standard with health partners', 'Designated Clinical Officer'],
    ['Open two additional resourced provisions', 'Head of Inclusion'],
    ['Launch the SEND local offer refresh with parent carers', 'SEND Partnership Manager'],
  ]],
  ['Safeguarding and missing children', [
    ['Commission an independent return home interview service', 'Head of Safeguarding'],
    ['Offer every return home interview within 72 hours', 'Missing and Exploitation Team Manager'],
    ['Implement the contextual safeguarding framework', 'Head of Safeguarding'],
    ['Share missing-episode intelligence with the police weekly', 'Missing and Exploitation Team Manager'],
  ]],
  ['Workforce', [
    ['Reduce agency social workers to below 15%', 'Principal Social Worker'],
    ['Launch the social work academy for newly qualified staff', 'Principal Social Worker'],
    ['Keep average caseloads below 18', 'Assistant Director, Safeguarding'],
    ['Introduce a career pathway for family support workers', 'Head of Workforce Development'],
  ]],
];

/** The ids strategyRows gives each priority and its actions (P1, P1.1, ...), for data linked to them. */
export function strategyIds(): { priorityId: string; actionIds: string[] }[] {
  return PRIORITIES.map(([, actions], p) => ({ priorityId: `P${p + 1}`, actionIds: actions.map((_, a) => `P${p + 1}.${a + 1}`) }));
}

/** Strategy rows: PriorityID, PriorityTitle, ActionID, Action, Owner, DueDate, Status, RAG. */
export function strategyRows(r: Random, asOf: number): Cell[][] {
  const rows: Cell[][] = [];
  PRIORITIES.forEach(([title, actions], p) => {
    actions.forEach(([action, owner], a) => {
      const due = asOf + r.int(-300, 500);
      const status = due < asOf ? r.weighted(PAST_DUE) : r.weighted(NOT_DUE);
      const rag = status === 'complete' ? 'green' : status === 'not_started' && due > asOf + 180 ? null : r.weighted(RAG_IN_PROGRESS);
      rows.push([`P${p + 1}`, title, `P${p + 1}.${a + 1}`, action, owner, dfe(due), status, rag]);
    });
  });
  return rows;
}

/** Reviews of a rated action before asOf (about monthly, at the programme board), fewest and most. */
const REVIEWS: readonly [number, number] = [6, 10];
const REVIEW_DAYS = 30;
/** Chance that an action's rating differs from the review before. */
const RATING_MOVES = 0.35;
const RAG_STEPS = ['red', 'amber', 'green'] as const;
type Rag = (typeof RAG_STEPS)[number];

const NOTES: Record<Rag, readonly string[]> = {
  green: [
    "On track: this month's milestones were met.",
    'Reviewed at the programme board: on track for the due date.',
    'Work is going to plan; the next milestone is set for next month.',
  ],
  amber: [
    'Some slippage: the next milestone has moved by a month, but the due date still holds.',
    'Slower than planned while a key post is covered; a recovery plan is agreed.',
    "Waiting for partners' sign-off; raised at the programme board.",
  ],
  red: [
    'Off track: the due date will be missed without more capacity; options go to the leadership team.',
    'Stalled while the funding is confirmed; on the directorate risk register.',
    'Milestones missed two months running; a recovery plan is being drawn up.',
  ],
};
const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
/** What a note says when the rating moved since the review before (a month earlier). */
const changeNote = (from: Rag, to: Rag) => (from === to ? '' : `${RAG_STEPS.indexOf(to) > RAG_STEPS.indexOf(from) ? 'Up' : 'Down'} from ${RAG_LABEL[from]} last month. `);
const COMPLETED_NOTE = 'Completed and signed off at the programme board.';

/**
 * Action history rows (ActionID, UpdateDate, RAG, Status, Note, UpdatedBy): each rated action's past reviews, oldest first, ending with the rating and status it has now
 * (strategy rows as strategyRows writes them): the action plan paper compares a meeting's
 * ratings with the last meeting's from these, and shows the latest note.
 */
export function historyRows(r: Random, asOf: number, strategy: readonly Cell[][]): Cell[][] {
  const rows: Cell[][] = [];
  for (const [, , actionId, , owner, , status, rag] of strategy) {
    if (rag === null) continue; // not rated yet: nothing has been reviewed
    const reviews = r.int(...REVIEWS);
    // Walked back from today's rating: each review before may have stood one step either side.
    const rags: Rag[] = [rag as Rag];
    for (let k = 1; k < reviews; k++) {
      const later = RAG_STEPS.indexOf(rags[0]!);
      const moved = r.chance(RATING_MOVES) ? later + (r.chance(0.5) ? 1 : -1) : later;
      rags.unshift(RAG_STEPS[Math.max(0, Math.min(RAG_STEPS.length - 1, moved))]!);
    }
    let lastNote = '';
    rags.forEach((now, k) => {
      const day = asOf - (reviews - 1 - k) * REVIEW_DAYS - r.int(3, 12);
      const last = k === reviews - 1;
      const done = last && status === 'complete';
      // A review says something new: never the same words as the review before.
      const said = r.pick(NOTES[now].filter((n) => n !== lastNote));
      lastNote = said;
      const note = done ? COMPLETED_NOTE : changeNote(rags[k - 1] ?? now, now) + said;
      rows.push([actionId!, dfe(day), now, last || status !== 'complete' ? status! : 'in_progress', note, owner!]);
    });
  }
  return rows;
}

const PAST_DUE = weights({ complete: 70, in_progress: 30 });
const NOT_DUE = weights({ in_progress: 65, not_started: 20, complete: 15 });
const RAG_IN_PROGRESS = weights({ green: 45, amber: 40, red: 15 });

const COMMITTEE_ITEMS: readonly (readonly [string, string, string])[] = [
  ['EHCP timeliness', 'Report the 20-week rate by partner and the plan to recover it', 'Head of SEND'],
  ['EHCP timeliness', 'Bring health partners to the next meeting to explain advice delays', 'Designated Clinical Officer'],
  ['Care leavers', 'Provide a breakdown of NEET care leavers by length of time NEET', 'Leaving Care Service Manager'],
  ['Care leavers', 'Circulate the care leaver local offer to all members', 'Leaving Care Service Manager'],
  ['Missing children', 'Explain why return home interviews are not offered within 72 hours', 'Missing and Exploitation Team Manager'],
  ['Missing children', 'Report repeat missing episodes from out-of-borough placements', 'Head of Safeguarding'],
  ['Placement sufficiency', 'Share the costs of external residential placements', 'Assistant Director, Children in Care'],
  ['Workforce', 'Report agency social worker numbers quarterly', 'Principal Social Worker'],
  ['Strategy progress', 'Add a RAG summary of the strategy to each meeting pack', 'Head of Performance and Intelligence'],
  ['Early help', 'Provide family hub attendance figures by ward', 'Head of Early Help'],
  ['SEND and inclusion', 'Report progress on recruiting educational psychologists', 'Principal Educational Psychologist'],
  ['Missing children', 'Brief members on the exploitation risk screening tool', 'Head of Safeguarding'],
];

/** Committee action rows from meetings about every two months before asOf. */
export function committeeRows(r: Random, asOf: number): Cell[][] {
  const rows: Cell[][] = [];
  const meetings = r.int(3, 4);
  let item = 0;
  for (let m = meetings; m >= 1; m--) {
    const meeting = asOf - m * 61 + r.int(-5, 5);
    for (let k = r.int(2, 4); k > 0 && item < COMMITTEE_ITEMS.length; k--, item++) {
      const [subject, action, responsible] = COMMITTEE_ITEMS[item] as readonly [string, string, string];
      const due = meeting + r.int(28, 90);
      const status = due < asOf ? r.weighted(CLOSED) : r.weighted(OPEN);
      const response = status === 'done' ? 'Reported to the committee; see the meeting pack.' : status === 'dropped' ? 'Superseded by a later request.' : '';
      rows.push([`CA${String(rows.length + 1).padStart(3, '0')}`, dfe(meeting), "Children's Services Overview and Scrutiny Committee", subject, action, responsible, dfe(due), status, response]);
    }
  }
  return rows;
}

const CLOSED = weights({ done: 70, in_progress: 20, open: 5, dropped: 5 });
const OPEN = weights({ open: 50, in_progress: 40, done: 10 });
