// EHCP 20-week timeliness: the partner league and headline counts for everyone; the case-level
// tracker (request ids, clocks, late partners) only for roles that may see child records.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, seesSuppressedCounts, type Role } from '../../core/access.ts';
import { addMonths, addDays } from '../../core/dates.ts';
import { PARTNER_LABEL, PARTNERS, STAGE_LABEL, type EhcpStage } from '../../core/ehcp.ts';
import { CEASE_REASON, label, SEN_SETTING, SEN_TYPE, type CodeList } from '../../core/codes.ts';
import { planFigures, type CodeCount, type PlanFigures } from '../../store/queries/ehcpPlans.ts';
import { ehcpTracker, partnerLeague, type PartnerLeagueRow, type TrackerOptions, type TrackerRow } from '../../store/queries/ehcp.ts';
import { isSuppressed, rateIsDisclosive } from '../../core/suppression.ts';
import { formatNumber } from '../format.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { countFormatter } from '../present.ts';
import { parse } from '../validate.ts';

const OPEN_STAGES = ['decision', 'advice', 'drafting', 'consultation'] as const satisfies readonly EhcpStage[];

const trackerQuery = z.object({
  stage: z.enum([...OPEN_STAGES, '']).default(''),
  partner: z.enum([...PARTNERS, '']).default(''),
  status: z.enum(['', 'at_risk', 'breached', 'on_track']).default(''),
  q: z.string().trim().max(50).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
type TrackerQuery = z.infer<typeof trackerQuery>;

const PAGE_SIZE = 100;

function trackerOptions(q: TrackerQuery, asOf: string): TrackerOptions {
  return {
    asOf,
    stage: q.stage || undefined,
    partner: q.partner || undefined,
    atRisk: q.status === 'at_risk' ? true : undefined,
    breached: q.status === 'breached' ? true : q.status === 'on_track' ? false : undefined,
    search: q.q || undefined,
    limit: PAGE_SIZE,
    offset: (q.page - 1) * PAGE_SIZE,
  };
}

/**
 * How long the longest delay was, as councillors and the public see it: a band, not one child's
 * exact number of days (the upper ends in days; officers see the days).
 */
const DELAY_BANDS: readonly [number, string][] = [
  [28, 'Up to 4 weeks'],
  [56, '4 to 8 weeks'],
  [84, '8 to 12 weeks'],
  [182, '12 to 26 weeks'],
  [Infinity, 'Over 26 weeks'],
];
const SMALL = 'Withheld (small numbers)';

/**
 * The league as a role may see it. Councillors and the public: counts of 1-5 as "<6", the
 * percentage on time withheld when built from one, the average lateness withheld when fewer than
 * 6 returns were late (it would be one family's wait), the longest delay as a band and only then.
 */
function leagueView(rows: PartnerLeagueRow[], role: Role | undefined) {
  const count = countFormatter(role);
  const suppress = !role || seesSuppressedCounts(role);
  return rows.map((r) => {
    const fewLate = suppress && isSuppressed(r.lateCount);
    const longest = r.maxDaysLate === null ? 'None late' : fewLate ? SMALL : suppress ? DELAY_BANDS.find(([days]) => r.maxDaysLate! <= days)![1] : `${formatNumber(r.maxDaysLate)} days`;
    return {
      partner: r.partner,
      label: r.label,
      requested: count(r.requested),
      due: count(r.due),
      returnedOnTime: count(r.returnedOnTime),
      percentOnTime: r.percentOnTime === null ? 'None due yet' : suppress && rateIsDisclosive(r.returnedOnTime, r.due) ? SMALL : formatNumber(r.percentOnTime, 'percent'),
      meanDaysLate: r.meanDaysLate === null ? 'None late' : fewLate ? SMALL : `${formatNumber(r.meanDaysLate)} days`,
      maxDaysLate: longest,
      outstandingOverdue: count(r.outstandingOverdue),
    };
  });
}

/** SEN2's plan figures as a role may see them: labelled codes, counts through the count helper. */
function plansView(f: PlanFigures, count: (n: number | null) => string) {
  const rows = (list: CodeList, items: CodeCount[]) => items.map((r) => ({ label: label(list, r.code), count: count(r.count) }));
  return {
    asOf: f.asOf, ceasedFrom: f.ceasedFrom, inForce: count(f.inForce),
    byNeed: rows(SEN_TYPE, f.byNeed), bySetting: rows(SEN_SETTING, f.bySetting), ceased: rows(CEASE_REASON, f.ceased),
    reviewDue: count(f.reviewDue), reviewedInTime: count(f.reviewedInTime),
    reviewPercent: f.reviewDue ? formatNumber((100 * f.reviewedInTime) / f.reviewDue, 'percent') : 'None due yet',
    source: f.source, importedAt: f.importedAt, senSupport: f.senSupport === null ? null : count(f.senSupport),
  };
}

/** Tracker rows name a request and the child it is for: both go in the audit entry. */
function trackerRowsShown(request: FastifyRequest, rows: readonly TrackerRow[]): TrackerRow[] {
  recordsShown(request, 'child', rows, (r) => r.personId);
  return recordsShown(request, 'ehcp_request', rows, (r) => r.requestId);
}

export async function ehcpRoutes(app: FastifyInstance): Promise<void> {
  const leagueWindow = () => ({ from: addDays(addMonths(app.asOf(), -12), 1), to: app.asOf() });
  const seesCases = (request: FastifyRequest) => Boolean(request.user && can(request.user.role, 'view_child_records'));

  app.get('/ehcp', { config: { permission: 'view_aggregates', caseLevel: true } }, async (request, reply) => {
    const q = parse(trackerQuery, request.query);
    const asOf = app.asOf();
    const window = leagueWindow();
    const role = request.user?.role;
    const count = countFormatter(role);
    const [league, all, plans] = await Promise.all([partnerLeague(app.store, window), ehcpTracker(app.store, { asOf, limit: 0 }), planFigures(app.store, asOf)]);
    const view: Record<string, unknown> = {
      title: 'EHCP timeliness',
      asOf,
      window,
      league: leagueView(league, role),
      totals: { open: count(all.total), atRisk: count(all.atRisk), breached: count(all.breached) },
      plans: plansView(plans, count),
    };
    if (seesCases(request)) {
      const [tracker, atRisk] = await Promise.all([
        ehcpTracker(app.store, trackerOptions(q, asOf)),
        ehcpTracker(app.store, { asOf, atRisk: true, limit: 20 }),
      ]);
      trackerRowsShown(request, tracker.rows);
      const pages = Math.max(1, Math.ceil(tracker.total / PAGE_SIZE));
      Object.assign(view, {
        q,
        tracker,
        atRiskSoonest: trackerRowsShown(request, atRisk.rows).sort((a, b) => a.daysRemaining - b.daysRemaining),
        pages,
        stages: OPEN_STAGES.map((s) => ({ value: s, text: STAGE_LABEL[s], selected: q.stage === s })),
        partners: PARTNERS.map((p) => ({ value: p, text: PARTNER_LABEL[p], selected: q.partner === p })),
        partnerLabel: PARTNER_LABEL,
        filtered: Boolean(q.stage || q.partner || q.status || q.q),
      });
    }
    return reply.view('pages/ehcp.njk', view);
  });

  app.get('/api/ehcp/tracker', { config: { permission: 'view_child_records' } }, async (request) => {
    const page = await ehcpTracker(app.store, trackerOptions(parse(trackerQuery, request.query), app.asOf()));
    trackerRowsShown(request, page.rows);
    return page;
  });

  app.get('/api/ehcp/partners', { config: { permission: 'view_aggregates' } }, async (request) => {
    const window = leagueWindow();
    const league = await partnerLeague(app.store, window);
    // Officers get the numbers; roles that see suppressed counts get the published strings.
    return { ...window, partners: seesCases(request) ? league : leagueView(league, request.user?.role) };
  });
}
