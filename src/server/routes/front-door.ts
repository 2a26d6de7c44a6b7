// Front door: referrals by source over time (so a partnership can be seen growing or fading),
// re-referrals, no further action, assessments within 45 working days and the rate per 10,000
// children against England and statistical neighbours, for everyone (counts of 1-5 suppressed for
// councillors); late assessments and repeat referrals by child for officers only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, type Role } from '../../core/access.ts';
import { LOCAL_SOURCE, REFERRAL_SOURCE_LABEL } from '../../core/cin.ts';
import { addDays, addMonths, type IsoDate } from '../../core/dates.ts';
import { periodOf, periodsTo, type Period } from '../../core/periods.ts';
import { indicatorHistory, indicatorSummary, type IndicatorPoint } from '../../store/indicators.ts';
import {
  frontDoorTotals, overdueAssessments, referralSourceChange, referralsBySourceMonth, repeatReferrals, type SourceChange, type SourceMonth,
} from '../../store/queries/frontDoor.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { CountTable, wholeMonthsTo, type ShownCounts } from '../disclosure.ts';
import { jsonForScript } from '../format.ts';
import { paginate } from '../paginate.ts';
import { parse } from '../validate.ts';
import { chartCount, countFormatter, indicatorCard, showRate } from '../present.ts';

/** DfE groups drawn as their own series; the rest of the groups share one. Local partners always have their own. */
const CHART_GROUPS = 6;
const OTHER = 'Other sources';
const CHART_MONTHS = 24;

const rate = (count: number, of: number) => ({ count, of, percent: of ? (100 * count) / of : null });

/** Monthly referrals by source as series: the biggest groups, every local partner, the rest together. */
export function sourceSeries(rows: SourceMonth[]) {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.source, (totals.get(r.source) ?? 0) + r.count);
  const isLocal = (s: string) => s in LOCAL_SOURCE;
  const groups = [...totals].filter(([s]) => !isLocal(s)).sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const shown = [...groups.slice(0, CHART_GROUPS), ...[...totals.keys()].filter(isLocal).sort()];
  const seriesOf = (source: string) => (shown.includes(source) ? REFERRAL_SOURCE_LABEL[source] ?? source : OTHER);
  const names = [...shown.map((s) => REFERRAL_SOURCE_LABEL[s] ?? s), ...(groups.length > CHART_GROUPS ? [OTHER] : [])];
  const cells = new Map<string, number>();
  for (const r of rows) {
    const key = `${seriesOf(r.source)}|${r.month}`;
    cells.set(key, (cells.get(key) ?? 0) + r.count);
  }
  return { names, seriesOf, count: (name: string, month: IsoDate) => cells.get(`${name}|${month}`) ?? 0 };
}

/**
 * The front door's counts as a role may see them, protected together: referrals by source and
 * month (each month adds up to its referrals figure on the indicator pages), by source in the
 * latest and previous 12 months (adding up to the referrals in 12 months) and, when those windows
 * are whole months, each source's months adding up to its 12-month figures.
 */
function frontDoorCounts(
  series: ReturnType<typeof sourceSeries>,
  months: Period[],
  monthFigures: Map<IsoDate, IndicatorPoint>,
  change: SourceChange[],
  referrals: number,
  asOf: IsoDate,
  role: Role | undefined,
): ShownCounts {
  const t = new CountTable(role).count('referrals', referrals, 'shown');
  for (const c of change) t.count(`latest|${c.source}`, c.latest).count(`previous|${c.source}`, c.previous);
  t.sum('referrals', change.map((c) => `latest|${c.source}`));
  for (const m of months) {
    const ids = series.names.map((name) => `cell|${name}|${m.start}`);
    series.names.forEach((name, i) => t.count(ids[i]!, series.count(name, m.start)));
    const figure = monthFigures.get(m.start);
    if (figure) t.figure(`month|${m.start}`, figure).sum(`month|${m.start}`, ids);
  }
  // The two 12-month windows are the chart's 24 months when asOf is the last day of a month.
  const whole = wholeMonthsTo(asOf, 2 * 12);
  if (whole && whole.join() === months.map((m) => m.start).join()) {
    for (const [window, part] of [['previous', months.slice(0, 12)], ['latest', months.slice(12)]] as const) {
      for (const name of series.names) {
        const sources = change.filter((c) => series.seriesOf(c.source) === name).map((c) => `${window}|${c.source}`);
        const total = sources.reduce((n, id) => n + (change.find((c) => `${window}|${c.source}` === id)?.[window] ?? 0), 0);
        const both = `${window}|series|${name}`;
        t.hidden(both, total).sum(both, sources).sum(both, part.map((m) => `cell|${name}|${m.start}`));
      }
    }
  }
  return t.shown();
}

/** Children referred twice or more read for the page, then shown a page at a time: bounded so one request cannot read without limit. */
const MOST_REPEAT_REFERRALS = 5000;
const repeatQuery = z.object({
  case: z.enum(['all', 'open', 'closed']).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export async function frontDoorRoutes(app: FastifyInstance): Promise<void> {
  const window = () => ({ from: addDays(addMonths(app.asOf(), -12), 1), to: app.asOf() });
  const seesCases = (request: FastifyRequest) => Boolean(request.user && can(request.user.role, 'view_child_records'));
  const overdue = async (request: FastifyRequest) => recordsShown(request, 'child', await overdueAssessments(app.store, { asOf: app.asOf() }), (r) => r.childId);
  const repeat = async (request: FastifyRequest) => recordsShown(request, 'child', await repeatReferrals(app.store, { asOf: app.asOf() }), (r) => r.childId);

  async function aggregates(role: Role | undefined) {
    const w = window();
    const months = periodsTo('month', periodOf(addMonths(app.asOf(), -(CHART_MONTHS - 1)), 'month').start, app.asOf());
    const [totals, byMonth, change, quarter, monthly] = await Promise.all([
      frontDoorTotals(app.store, w),
      referralsBySourceMonth(app.store, { from: months[0]!.start, to: app.asOf() }),
      referralSourceChange(app.store, { asOf: app.asOf() }),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
      indicatorHistory(app.store, 'referrals', 'month'),
    ]);
    const count = countFormatter(role);
    const series = sourceSeries(byMonth);
    const shown = frontDoorCounts(series, months, new Map(monthly.map((p) => [p.period.start, p])), change, totals.referrals, app.asOf(), role);
    const cell = (name: string, m: Period) => `cell|${name}|${m.start}`;
    return {
      window: w,
      totals: {
        referrals: count(totals.referrals),
        children: count(totals.children),
        reReferrals: showRate(rate(totals.reReferrals, totals.referrals), role),
        nfa: showRate(rate(totals.nfa, totals.referrals), role),
        inTime: showRate(rate(totals.assessmentsInTime, totals.assessmentsCompleted), role),
        assessmentsOpen: count(totals.assessmentsOpen),
        assessmentsOverdue: count(totals.assessmentsOverdue),
      },
      cards: quarter.filter((s) => s.definition.area === 'front_door').map((s) => indicatorCard(s, role)),
      sources: {
        chart: {
          kind: 'bars',
          stacked: true,
          labels: months.map((m) => m.label),
          partial: months.map((m) => Boolean(m.partTo)),
          series: series.names.map((name) => ({ name, values: months.map((m) => shown.value(cell(name, m))) })),
        },
        table: { names: series.names, rows: months.map((m) => ({ label: m.label, counts: series.names.map((name) => shown.text(cell(name, m))) })) },
      },
      change: change.map((c) => ({
        source: c.source,
        label: c.label,
        previous: shown.text(`previous|${c.source}`),
        latest: shown.text(`latest|${c.source}`),
        trend: c.latest > c.previous ? 'Growing' : c.latest < c.previous ? 'Falling' : 'Steady',
      })),
    };
  }

  app.get('/front-door', { config: { permission: 'view_aggregates', caseLevel: true } }, async (request, reply) => {
    const v = await aggregates(request.user?.role);
    const view: Record<string, unknown> = { title: 'Front door: contacts and referrals', ...v, sourceJson: jsonForScript(v.sources.chart) };
    if (seesCases(request)) {
      const q = parse(repeatQuery, request.query);
      const [overdueRows, repeatRows] = await Promise.all([overdue(request), repeatReferrals(app.store, { asOf: app.asOf(), limit: MOST_REPEAT_REFERRALS })]);
      const shown = paginate(repeatRows.filter((c) => q.case === 'all' || (q.case === 'open') === c.open), q.page, '/front-door', { case: q.case });
      // Only the page of repeat referrals sent is logged as shown.
      recordsShown(request, 'child', shown.rows, (r) => r.childId);
      Object.assign(view, { overdue: overdueRows, repeat: shown, caseFilter: q.case });
    }
    return reply.view('pages/front-door.njk', view);
  });

  app.get('/api/front-door', { config: { permission: 'view_aggregates' } }, async (request) => aggregates(request.user?.role));
  app.get('/api/front-door/overdue-assessments', { config: { permission: 'view_child_records' } }, overdue);
  app.get('/api/front-door/repeat-referrals', { config: { permission: 'view_child_records' } }, repeat);
}
