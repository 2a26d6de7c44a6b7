// Seeded synthetic data for one council (or all of England), written in the input formats of
// docs/formats.md so the importers take it as they would a real return. Same seed, same bytes.
// Rows go to disk child by child, so national scale never holds a table in memory.
import { join, relative } from 'node:path';
import type { IsoDate } from '../core/dates.ts';
import { placeIn, sexCodeIn } from '../core/ssda903-years.ts';
import type { AreaContext, AreaGenerator } from './area.ts';
import { benchmarkRows } from './benchmarks.ts';
import { adoptionDecision } from './care.ts';
import { CsvWriter, dfe, TextWriter, type Cell } from './csv.ts';
import { fyEnd, fyStart, YEAR_DAYS } from './days.ts';
import { ehcpRequest, receivedDay, type Request, type Scenario } from './ehcp.ts';
import { generateCsww } from './cswwXml.ts';
import { planDetails, SEN2_FOOTER, SEN2_XML_DIR, sen2Header, sen2Year as sen2YearOf, writeSen2Person } from './sen2Xml.ts';
import { childMissingFromHome } from './fromHome.ts';
import * as L from './layout.ts';
import { entrantPlan, leaverPlan, lookedAfterChild, repeatMissingPlan, stockPlan, type LookedAfterChild } from './lookedAfter.ts';
import type { MissingEpisode } from './missing.ts';
import { streamFor } from './random.ts';
import { SCALE, windowFor, type ScaleName, type Window } from './scales.ts';
import { committeeRows, historyRows, strategyRows } from './strategy.ts';
import { contactCells } from './contacts.ts';
import { generateFrontDoor } from './frontDoor.ts';
import { generateEarlyHelp } from './earlyHelp.ts';
import { generateWorkforce } from './workforce.ts';
import { generateHomeEducation } from './homeEducation.ts';
import { generateVoice } from './voice.ts';
import { generateAnnexA } from './annexA.ts';

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  outDir: string;
  /** "Today" in the data: nothing is dated after it. */
  asOf: IsoDate;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  /** Paths of the files written, under outDir. */
  files: string[];
  /** Data rows per file, by path relative to outDir. */
  counts: Record<string, number>;
}

/** Children starting to be looked after each year, as a share of those looked after at a time. */
const ENTRANTS_PER_YEAR = 0.38;
/** EHCP requests span 3.5 years, so plans issued in every month of the last three have a request behind them. */
const EHCP_YEARS = 3.5;
/** Average missing episodes per child missing from home (observed from the generator's own rates). */
const EPISODES_PER_CHILD_FROM_HOME = 2.6;
/** Share of missing episodes that are of looked-after children; the rest are from home. */
const LOOKED_AFTER_SHARE = 0.45;
/** Requests placed so the tracker shows each state: advice overdue, past 20 weeks, awaiting decision. */
/** Areas beyond the statutory returns above, each drawing from its own random stream. */
const AREAS: readonly (readonly [name: string, AreaGenerator])[] = [
  ['front-door', generateFrontDoor], ['early-help', generateEarlyHelp], ['workforce', generateWorkforce],
  ['home-education', generateHomeEducation], ['voice', generateVoice], ['csww', generateCsww], ['annex-a', generateAnnexA],
];
const SCENARIOS: readonly (readonly [Scenario, number])[] = [
  ['late_advice', 100], ['overdue_drafting', 170], ['awaiting_decision', 20],
];

interface YearFiles {
  fy: number;
  start: number;
  end: number;
  header: CsvWriter;
  episodes: CsvWriter;
  missing: CsvWriter;
  oc3: CsvWriter;
  placedAdoption: CsvWriter;
  prevPerm: CsvWriter;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const scale = SCALE[options.scale];
  const win = windowFor(options.asOf);
  const writers: TextWriter[] = [];
  const { open } = areaContext({ ...options, win, name: '', writers });
  const years: YearFiles[] = win.years.map((fy) => {
    const dir = L.ssda903Folder(fy);
    return {
      fy, start: fyStart(fy), end: Math.min(fyEnd(fy), win.asOf),
      header: open(`${dir}/header.csv`, L.HEADER),
      episodes: open(`${dir}/episodes.csv`, L.EPISODES),
      missing: open(`${dir}/missing.csv`, L.MISSING),
      oc3: open(`${dir}/oc3.csv`, L.OC3),
      placedAdoption: open(`${dir}/placed_for_adoption.csv`, L.PLACED_ADOPTION),
      prevPerm: open(`${dir}/previous_permanence.csv`, L.PREV_PERM),
    };
  });
  const rhi = open(L.FILES.rhi, L.RHI);
  const fromHome = open(L.FILES.missingFromHome, L.MISSING_FROM_HOME);
  const activity = open(L.FILES.leaverActivity, L.LEAVER_ACTIVITY);
  const requests = open(L.FILES.ehcpRequests, L.EHCP_REQUESTS);
  const advice = open(L.FILES.ehcpAdvice, L.EHCP_ADVICE);
  const sen2Year = sen2YearOf(win.asOf);
  const sen2 = areaContext({ ...options, win, name: '', writers }).openText(`${SEN2_XML_DIR}/sen2_${sen2Year}.xml`);
  sen2.text(sen2Header(sen2Year));

  const windowYears = (win.asOf - win.start + 1) / YEAR_DAYS;
  const homeChildren = Math.max(1, Math.round((scale.missingPerYear * windowYears * (1 - LOOKED_AFTER_SHARE)) / EPISODES_PER_CHILD_FROM_HOME));
  const ehcpTotal = Math.round(scale.ehcpPerYear * EHCP_YEARS);
  const entrants = Math.round(scale.lookedAfter * ENTRANTS_PER_YEAR * windowYears);
  const total = scale.lookedAfter + entrants + scale.careLeavers + homeChildren + ehcpTotal;
  const progress = progressReporter(total, options.onProgress);

  try {
    // Looked-after children: in care when the window opens, entering during it, then care leavers.
    const care = streamFor(options.seed, 'looked-after');
    const missingScale = missingScaleFor(scale.missingPerYear * LOOKED_AFTER_SHARE, scale.lookedAfter);
    for (let i = 1; i <= scale.lookedAfter + entrants + scale.careLeavers; i++) {
      const plan = i === 1 ? repeatMissingPlan(care, win)
        : i <= scale.lookedAfter ? stockPlan(care, win)
        : i <= scale.lookedAfter + entrants ? entrantPlan(care, win)
        : leaverPlan(care, win);
      writeLookedAfter(lookedAfterChild(care, i, plan, win, missingScale, i === 1), years, rhi, activity);
      await progress.step();
    }

    const home = streamFor(options.seed, 'missing-from-home');
    for (let i = 1; i <= homeChildren; i++) {
      const child = childMissingFromHome(home, i, win);
      for (const e of child.missing) {
        fromHome.write([child.id, child.sex, dfe(child.dob), e.type, dfe(e.start), dfe(e.end)]);
        writeInterview(rhi, child.id, e);
      }
      await progress.step();
    }

    const ehcp = streamFor(options.seed, 'ehcp');
    // Plan details (setting, reviews, cessation) draw on their own stream, so the requests are as before.
    const planStream = streamFor(options.seed, 'sen2');
    // Parents' names and addresses draw on their own stream too.
    const contactStream = streamFor(options.seed, 'ehcp/contact');
    const writeBoth = (q: Request) => {
      writeRequest(requests, advice, q, contactCells(contactStream));
      writeSen2Person(sen2, q, q.startDate === null ? null : planDetails(planStream, q.startDate, win.asOf));
    };
    const from = win.asOf - Math.round(EHCP_YEARS * YEAR_DAYS);
    const span = win.asOf - from;
    for (let i = 1; i <= ehcpTotal; i++) {
      // Stratified arrival days keep the file in date order without sorting it.
      const slot = Math.floor(((i - 1) * span) / ehcpTotal);
      const received = receivedDay(ehcp, from + slot, Math.min(win.asOf, from + slot + 6));
      writeBoth(ehcpRequest(ehcp, i, received, win.asOf, (received - from) / span));
      await progress.step();
    }
    SCENARIOS.forEach(([scenario, daysAgo], k) => {
      const received = win.asOf - daysAgo;
      writeBoth(ehcpRequest(ehcp, ehcpTotal + k + 1, received, win.asOf, (received - from) / span, scenario));
    });
    sen2.text(SEN2_FOOTER);

    const plans = streamFor(options.seed, 'strategy');
    const strategy = strategyRows(plans, win.asOf);
    writeAll(open(L.FILES.strategyActions, L.STRATEGY_ACTIONS), strategy);
    writeAll(open(L.FILES.actionHistory, L.ACTION_HISTORY), historyRows(streamFor(options.seed, 'strategy/history'), win.asOf, strategy));
    writeAll(open(L.FILES.committeeActions, L.COMMITTEE_ACTIONS), committeeRows(plans, win.asOf));
    const bench = streamFor(options.seed, 'benchmarks');
    writeAll(open(L.FILES.benchmarks, L.BENCHMARKS), benchmarkRows(bench, [win.years[0]! - 2, win.years[0]! - 1, ...win.years]));
    for (const [name, area] of AREAS) await area(areaContext({ ...options, win, name, writers }));
  } finally {
    for (const w of writers) w.close();
  }
  options.onProgress?.(total, total);
  const counts: Record<string, number> = {};
  for (const w of writers) counts[relative(options.outDir, w.path).split('\\').join('/')] = w.rows;
  return { files: writers.map((w) => w.path), counts };
}

/**
 * The file openers of one run, one pair per `writers` list: areas that pass data to each other
 * (the front door's links for early help, earlyHelp.ts) find it by the run's `open`.
 */
const OPENERS = new WeakMap<TextWriter[], Pick<AreaContext, 'open' | 'openText'>>();

/** What area `name` is given: its streams, and files under outDir (added to `writers` to be closed). */
export function areaContext(o: { scale: ScaleName; seed: number; outDir: string; win: Window; name: string; writers: TextWriter[] }): AreaContext {
  let openers = OPENERS.get(o.writers);
  if (!openers) {
    const kept = <W extends TextWriter>(w: W): W => (o.writers.push(w), w);
    openers = {
      open: (path, header) => kept(new CsvWriter(join(o.outDir, path), header)),
      openText: (path) => kept(new TextWriter(join(o.outDir, path))),
    };
    OPENERS.set(o.writers, openers);
  }
  return { scale: o.scale, win: o.win, random: streamFor(o.seed, o.name), stream: (part) => streamFor(o.seed, `${o.name}/${part}`), ...openers };
}

/**
 * Multiplier on each missing child's rate of going missing, so looked-after episodes come out
 * near the scale's target (measured: about 0.8 episodes a year per child looked after at a time
 * when the multiplier is 1).
 */
function missingScaleFor(episodesPerYear: number, children: number): number {
  return episodesPerYear / (children * 0.8);
}

function writeAll(w: CsvWriter, rows: Cell[][]): void {
  for (const row of rows) w.write(row);
}

function writeInterview(w: CsvWriter, child: string, e: MissingEpisode): void {
  w.write([child, dfe(e.start), dfe(e.rhiOffered), dfe(e.rhiCompleted), dfe(e.rhiDeclined), e.startTime, e.exploitation, e.themes]);
}

function writeRequest(requests: CsvWriter, advice: CsvWriter, r: Request, contact: Cell[]): void {
  requests.write([
    r.requestId, r.personId, dfe(r.dob), r.sex, dfe(r.received), dfe(r.requestOutcomeDate), r.requestOutcome,
    dfe(r.assessmentOutcomeDate), r.assessmentOutcome, r.week20 ? 'Y' : 'N', r.exceptionReason, dfe(r.draftPlanDate),
    dfe(r.startDate), r.senType, ...contact,
  ]);
  for (const a of r.advice) advice.write([r.requestId, a.partner, dfe(a.requested), dfe(a.received)]);
}

/**
 * Each year's return shows the child as it stood at the end of that year (or on asOf for the
 * year in progress): an episode still open then has no DEC, REC or reason for placement change yet.
 */
function writeLookedAfter(c: LookedAfterChild, years: readonly YearFiles[], rhi: CsvWriter, activity: CsvWriter): void {
  const dob = dfe(c.dob);
  const decided = adoptionDecision(c.episodes);
  let inAnyReturn = false;
  for (const y of years) {
    const episodes = c.episodes.filter((e) => e.decom <= y.end && (e.dec === null || e.dec >= y.start));
    const oc3 = c.oc3.filter((o) => o.fy === y.fy);
    if (episodes.length === 0 && oc3.length === 0) continue;
    inAnyReturn = true;
    // Each return in its own year's codes (ssda903-years.ts).
    // From 2024-25 MOTHER is due for every looked-after girl (rules 393, 607), whatever her age.
    // A care leaver not looked after in the year has no motherhood details (rule 628).
    const lookedAfter = episodes.length > 0;
    const mother = lookedAfter ? (c.mother ?? (c.sex === 2 && y.fy >= 2024 ? '0' : null)) : null;
    y.header.write([c.id, sexCodeIn(y.fy, c.sex), dob, c.ethnic, c.upn, mother, lookedAfter ? dfe(c.mcDob) : null]);
    for (const e of episodes) {
      const ended = e.dec !== null && e.dec <= y.end;
      y.episodes.write([
        c.id, dfe(e.decom), e.rne, e.ls, e.cin, placeIn(y.fy, e.place), e.provider, ended ? dfe(e.dec) : null, ended ? e.rec : null,
        ended ? e.reasonPlaceChange : null, e.homePost, e.plPost, e.urn,
      ]);
    }
    for (const m of c.missing) {
      if (m.start >= y.start && m.start <= y.end) y.missing.write([c.id, dob, m.type, dfe(m.start), dfe(m.end)]);
    }
    for (const o of oc3) y.oc3.write([c.id, dob, o.inTouch, o.activ, o.accom]);
    // The decision to place for adoption, in every return from its year while the child is looked after:
    // never reversed, as the generator's adoptions all end in an adoption order (rules 551 to 561).
    if (decided !== null && decided <= y.end && lookedAfter) y.placedAdoption.write([c.id, dob, dfe(decided), null, null]);
    // A period of care that began this year: no known permanence before it (Z1, rule 630).
    if (episodes.some((e) => e.rne === 'S' && e.decom >= y.start)) y.prevPerm.write([c.id, dob, 'Z1', null, null]);
  }
  if (!inAnyReturn) return;
  for (const m of c.missing) writeInterview(rhi, c.id, m);
  for (const a of c.activities) activity.write([c.id, a.activ, dfe(a.start), dfe(a.end)]);
}

function progressReporter(total: number, onProgress?: (done: number, total: number) => void) {
  let done = 0;
  const every = Math.max(1, Math.floor(total / 200));
  return {
    async step(): Promise<void> {
      done++;
      if (done % every === 0) {
        onProgress?.(done, total);
        // Let a progress bar redraw.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

export type { ScaleName, Window };
