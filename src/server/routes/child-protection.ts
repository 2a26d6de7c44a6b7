// Child protection: section 47 enquiries, initial conferences within 15 working days, plans
// starting (and for a second time), plans open by category of abuse and reviews on time, for
// everyone (counts of 1-5 suppressed for councillors); late conferences and overdue reviews by
// child for officers only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../core/access.ts';
import { ICPC_WORKING_DAYS } from '../../core/childProtection.ts';
import { addDays, addMonths } from '../../core/dates.ts';
import { indicatorSummary } from '../../store/indicators.ts';
import { childProtectionTotals, lateConferences, openPlansByCategory, overdueReviews } from '../../store/queries/childProtection.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { CountTable } from '../disclosure.ts';
import { countFormatter, indicatorCard, showRate } from '../present.ts';

/** Officer lists name children by their LA child id; the audit log records which were shown. */
const byChild = (row: { childId: string }) => row.childId;

const rate = (count: number, of: number) => ({ count, of, percent: of ? (100 * count) / of : null });

export async function childProtectionRoutes(app: FastifyInstance): Promise<void> {
  const window = () => ({ from: addDays(addMonths(app.asOf(), -12), 1), to: app.asOf() });
  const seesCases = (request: FastifyRequest) => Boolean(request.user && can(request.user.role, 'view_child_records'));

  async function aggregates(role: Role | undefined) {
    const w = window();
    const [totals, categories, quarter] = await Promise.all([
      childProtectionTotals(app.store, w),
      openPlansByCategory(app.store, { asOf: app.asOf() }),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
    ]);
    const count = countFormatter(role);
    // Plans by category add up to the plans open: protected together, so no small category can be
    // worked out by subtraction (server/disclosure.ts).
    const byCategory = new CountTable(role).count('open', totals.plansOpen);
    for (const c of categories) byCategory.count(`category|${c.category}`, c.count);
    const shown = byCategory.sum('open', categories.map((c) => `category|${c.category}`)).shown();
    return {
      window: w,
      icpcDays: ICPC_WORKING_DAYS,
      totals: {
        s47: count(totals.s47),
        icpcs: count(totals.icpcs),
        icpcInTime: showRate(rate(totals.icpcsInTime, totals.icpcs), role),
        plansStarted: count(totals.plansStarted),
        secondPlans: showRate(rate(totals.secondPlans, totals.plansStarted), role),
        plansOpen: shown.text('open'),
        cinPlansOpen: count(totals.cinPlansOpen),
        inPreProceedings: count(totals.inPreProceedings),
      },
      categories: categories.map((c) => ({ ...c, count: shown.text(`category|${c.category}`) })),
      cards: quarter.filter((s) => s.definition.area === 'child_protection').map((s) => indicatorCard(s, role)),
    };
  }

  app.get('/child-protection', { config: { permission: 'view_aggregates', caseLevel: true } }, async (request, reply) => {
    const view: Record<string, unknown> = { title: 'Child protection', ...(await aggregates(request.user?.role)) };
    if (seesCases(request)) {
      const w = window();
      const [late, reviews] = await Promise.all([lateConferences(app.store, { from: w.from, asOf: w.to }), overdueReviews(app.store, { asOf: w.to })]);
      Object.assign(view, { late: recordsShown(request, 'child', late, byChild), reviews: recordsShown(request, 'child', reviews, byChild), cases: true });
    }
    return reply.view('pages/child-protection.njk', view);
  });

  app.get('/api/child-protection', { config: { permission: 'view_aggregates' } }, async (request) => aggregates(request.user?.role));
  app.get('/api/child-protection/late-conferences', { config: { permission: 'view_child_records' } }, async (request) => {
    const w = window();
    return recordsShown(request, 'child', await lateConferences(app.store, { from: w.from, asOf: w.to }), byChild);
  });
  app.get('/api/child-protection/overdue-reviews', { config: { permission: 'view_child_records' } }, async (request) =>
    recordsShown(request, 'child', await overdueReviews(app.store, { asOf: app.asOf() }), byChild),
  );
}
