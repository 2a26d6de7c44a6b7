// Front door: referrals by source over time (so a partnership can be seen growing or fading),
// re-referrals, no further action, assessments within 45 working days and the rate per 10,000
// children against England and statistical neighbours, for everyone (counts of 1-5 suppressed for
// councillors); late assessments and repeat referrals by child for officers only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, type Role } from '../../core/access.ts';
import { LOCAL_SOURCE, REFERRAL_SOURCE_LABEL } from '../../core/cin.ts';
import { addDays, addMonths, type IsoDate } from '../../core/dates.ts';
import { periodOf, periodsBetween } from '../../core/periods.ts';
import { indicatorSummary } from '../../store/indicators.ts';
import {
  frontDoorTotals, overdueAssessments, referralSourceChange, referralsBySourceMonth, repeatReferrals, type SourceMonth,
} from '../../store/queries/frontDoor.ts';
import { jsonForScript } from '../format.ts';
import { paginate } from '../paginate.ts';
import { parse } from '../validate.ts';
import { chartCount, countFormatter, indicatorCard, showRate } from '../present.ts';

/** DfE groups drawn as their own series; the rest of the groups share one. Local partners always have their own. */
const CHART_GROUPS = 6;
const OTHER = 'Other sources';
const CHART_MONTHS = 24;

const rate = (count: number, of: number) => ({ count, of, percent: of ? (100 * count) / of : null });

/** Monthly referrals by source as stacked bars: the biggest groups, every local partner, the rest together. */
export function sourceChart(rows: SourceMonth[], months: { start: IsoDate; label: string }[], role: Role | undefined) {
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
  const value = chartCount(role);
  const count = countFormatter(role);
  return {
    chart: {
      kind: 'bars',
      stacked: true,
      labels: months.map((m) => m.label),
      series: names.map((name) => ({ name, values: months.map((m) => value(cells.get(`${name}|${m.start}`) ?? 0)) })),
    },
    table: {
      names,
      rows: months.map((m) => ({ label: m.label, counts: names.map((name) => count(cells.get(`${name}|${m.start}`) ?? 0)) })),
    },
  };
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

  async function aggregates(role: Role | undefined) {
    const w = window();
    const months = periodsBetween('month', periodOf(addMonths(app.asOf(), -(CHART_MONTHS - 1)), 'month').start, app.asOf());
    const [totals, byMonth, change, quarter] = await Promise.all([
      frontDoorTotals(app.store, w),
      referralsBySourceMonth(app.store, { from: months[0]!.start, to: app.asOf() }),
      referralSourceChange(app.store, { asOf: app.asOf() }),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
    ]);
    const count = countFormatter(role);
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
      sources: sourceChart(byMonth, months, role),
      change: change.map((c) => ({
        source: c.source,
        label: c.label,
        previous: count(c.previous),
        latest: count(c.latest),
        trend: c.latest > c.previous ? 'Growing' : c.latest < c.previous ? 'Fading' : 'Steady',
      })),
    };
  }

  app.get('/front-door', { config: { permission: 'view_aggregates' } }, async (request, reply) => {
    const v = await aggregates(request.user?.role);
    const view: Record<string, unknown> = { title: 'Front door: contacts and referrals', ...v, sourceJson: jsonForScript(v.sources.chart) };
    if (seesCases(request)) {
      const q = parse(repeatQuery, request.query);
      const [overdue, repeat] = await Promise.all([overdueAssessments(app.store, { asOf: app.asOf() }), repeatReferrals(app.store, { asOf: app.asOf(), limit: MOST_REPEAT_REFERRALS })]);
      const shown = repeat.filter((c) => q.case === 'all' || (q.case === 'open') === c.open);
      Object.assign(view, { overdue, repeat: paginate(shown, q.page, '/front-door', { case: q.case }), caseFilter: q.case });
    }
    return reply.view('pages/front-door.njk', view);
  });

  app.get('/api/front-door', { config: { permission: 'view_aggregates' } }, async (request) => aggregates(request.user?.role));
  app.get('/api/front-door/overdue-assessments', { config: { permission: 'view_child_records' } }, async () => overdueAssessments(app.store, { asOf: app.asOf() }));
  app.get('/api/front-door/repeat-referrals', { config: { permission: 'view_child_records' } }, async () => repeatReferrals(app.store, { asOf: app.asOf() }));
}
