// Synthetic early help episodes. Most families are known to early help only; some are linked to
// the CIN census children the front-door generator makes (same child id): early help stepped up
// just before a referral, and families stepped down to early help when their social care plan
// ended (some of whom are referred again). Reach is about 400 new episodes a year per 10,000
// children, with episodes lasting around five months.
import type { AreaContext, AreaGenerator } from './area.ts';
import { dfe } from './csv.ts';
import { YEAR_DAYS } from './days.ts';
import { weights, type Random } from './random.ts';
import type { ScaleName } from './scales.ts';

export const EARLY_HELP_FILE = 'case_system/early_help_episodes.csv';
export const EARLY_HELP_HEADER = ['EpisodeID', 'ChildID', 'BirthDate', 'StartDate', 'EndDate', 'Level', 'LeadAgency', 'Source', 'Outcome'];

const NEW_PER_YEAR: Record<ScaleName, number> = { small: 240, la: 1_800, national: 480_000 };

const LEVEL = weights({ TARGETED: 60, UNIVERSAL_PLUS: 40 });
const AGENCY = weights({ SCHOOL: 35, FAMILY_HUB: 25, EARLY_HELP_TEAM: 20, HEALTH: 10, VOLUNTARY: 7, OTHER: 3 });
const ENDING = weights({ NEEDS_MET: 57, STEP_DOWN_UNIVERSAL: 12, STEP_UP: 6, DISENGAGED: 17, MOVED_AWAY: 8 });
const ENDING_AFTER_STEP_DOWN = weights({ NEEDS_MET: 62, STEP_DOWN_UNIVERSAL: 15, DISENGAGED: 15, MOVED_AWAY: 8 });

/** Something in a CIN child's history that early help took part in (day = epoch day). */
export interface EarlyHelpLink {
  /** STEP_UP: early help ended by a referral on `day`; STEP_DOWN: a plan closed on `day` and early help followed. */
  kind: 'STEP_UP' | 'STEP_DOWN';
  day: number;
  dob: number | null;
  /** For a step-down: the day of the child's next referral, if any. */
  until?: number;
  /** For a step-up: the day the child's previous social care episode closed, if any. */
  after?: number;
}

/**
 * Links the front-door generator leaves for this one, per generate() run: keyed by the run's
 * `open` function (the same object for every area of one run), so runs never mix.
 */
const LINKS = new WeakMap<AreaContext['open'], { child: string; events: EarlyHelpLink[] }[]>();

export function linksFor(open: AreaContext['open']): { child: string; events: EarlyHelpLink[] }[] {
  let list = LINKS.get(open);
  if (!list) {
    list = [];
    LINKS.set(open, list);
  }
  return list;
}

interface Episode {
  child: string;
  dob: number | null;
  start: number;
  end: number | null;
  source: 'NEW' | 'STEP_DOWN';
  outcome: string | null;
}

function duration(r: Random): number {
  return 14 + Math.round(r.exponential(140));
}

export const generateEarlyHelp: AreaGenerator = (ctx: AreaContext) => {
  const { random: r, win } = ctx;
  const out = ctx.open(EARLY_HELP_FILE, EARLY_HELP_HEADER);
  let serial = 0;
  const write = (e: Episode) => {
    serial++;
    out.write([
      `EHE${String(serial).padStart(7, '0')}`, e.child, dfe(e.dob), dfe(e.start), dfe(e.end), r.weighted(LEVEL), r.weighted(AGENCY), e.source,
      e.outcome,
    ]);
  };

  // Families known to early help only, arriving evenly through the window (and a little before it).
  const from = win.start - 180;
  const span = win.asOf - from + 1;
  const families = Math.round((NEW_PER_YEAR[ctx.scale] * span) / YEAR_DAYS);
  for (let i = 1; i <= families; i++) {
    const child = `EH${String(i).padStart(7, '0')}`;
    const dob = from - r.int(0, Math.floor(16 * YEAR_DAYS));
    let start = from + Math.floor(((i - 1 + r.next()) * span) / families);
    for (let k = 0; k < 2 && start <= win.asOf; k++) {
      const end = start + duration(r);
      const closed = end <= win.asOf;
      write({ child, dob, start, end: closed ? end : null, source: 'NEW', outcome: closed ? r.weighted(ENDING) : null });
      // One family in seven comes back for a second episode.
      if (!closed || !r.chance(0.15)) break;
      start = end + r.int(30, 400);
    }
  }

  // Children the front door knows: episodes placed around their referrals, never overlapping.
  for (const { child, events } of linksFor(ctx.open)) {
    let free = -Infinity;
    for (const ev of events) {
      if (ev.kind === 'STEP_UP') {
        const start = Math.max(ev.day - r.int(60, 300), free + 1, (ev.after ?? -Infinity) + 1);
        const end = ev.day - r.int(0, 10);
        if (end - start < 14) continue;
        write({ child, dob: ev.dob, start, end, source: 'NEW', outcome: 'STEP_UP' });
        free = end;
      } else {
        const start = Math.max(ev.day + r.int(0, 14), free + 1);
        if (start > win.asOf) continue;
        let end: number | null = start + duration(r);
        let outcome: string | null = r.weighted(ENDING_AFTER_STEP_DOWN);
        // Referred again while in early help: the episode ends in a step-up the day before.
        if (ev.until !== undefined && end >= ev.until) {
          end = Math.max(start, ev.until - 1);
          outcome = 'STEP_UP';
        }
        if (end > win.asOf) [end, outcome] = [null, null];
        write({ child, dob: ev.dob, start, end, source: 'STEP_DOWN', outcome });
        free = end ?? Infinity;
      }
    }
  }
};
