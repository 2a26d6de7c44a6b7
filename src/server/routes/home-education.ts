// Elective home education register: children on the register and new registrations over time,
// the reasons parents give, engagement and vulnerability, for everyone (1 to 5 shown as "<6" to
// councillors); and for officers only, a safeguarding list of children whose family does not
// engage with the council and who are known to social care (a child-level route, so every view
// of it is in the audit log).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../core/access.ts';
import { SEN_PROVISION, SOCIAL_CARE_STATUS } from '../../core/homeEducation.ts';
import { indicatorById } from '../../core/indicators/index.ts';
import { periodOf } from '../../core/periods.ts';
import { indicatorHistory, indicatorSummary, type BreakdownRow, type IndicatorPoint } from '../../store/indicators.ts';
import { eheByReason, eheSafeguarding } from '../../store/queries/homeEducation.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { jsonForScript } from '../format.ts';
import { breakdownFigures, indicatorCard, showPoint, WITHHELD_GROUP } from '../present.ts';

const MONTHS_SHOWN = 24;

export async function homeEducationRoutes(app: FastifyInstance): Promise<void> {
  async function monthly(id: string, role: Role | undefined) {
    const def = indicatorById(id)!;
    return (await indicatorHistory(app.store, id, 'month')).slice(-MONTHS_SHOWN).map((p) => showPoint(def, p, role));
  }

  async function eheView(role: Role | undefined) {
    const asOf = app.asOf();
    const [summaries, reasons, registrations, children, nowTotal, yearTotal] = await Promise.all([
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
      eheByReason(app.store, asOf),
      monthly('ehe_new_registrations', role),
      monthly('ehe_children', role),
      indicatorHistory(app.store, 'ehe_children', 'month').then((h) => h.find((p) => p.period.start === periodOf(asOf, 'month').start)),
      indicatorHistory(app.store, 'ehe_new_registrations', 'year').then((h) => h.find((p) => p.period.start === periodOf(asOf, 'year').start)),
    ]);
    // Each column is a breakdown of a published figure: protected against it as a whole.
    const column = (id: string, total: IndicatorPoint | undefined, rows: (BreakdownRow | null)[]) => {
      const present = rows.map((r, i) => ({ r, i })).filter((x): x is { r: BreakdownRow; i: number } => x.r !== null);
      const shown = breakdownFigures(indicatorById(id)!, total, present.map((x) => x.r), role);
      const byRow = new Map(present.map((x, j) => [x.i, shown ? shown[j]! : WITHHELD_GROUP]));
      return rows.map((_, i) => byRow.get(i) ?? { value: 0, text: '0', numeratorText: '', denominatorText: '' });
    };
    const nowShown = column('ehe_children', nowTotal, reasons.map((r) => r.now));
    const yearShown = column('ehe_new_registrations', yearTotal, reasons.map((r) => r.newThisYear));
    return {
      asOf,
      cards: summaries.filter((s) => s.definition.area === 'home_education').map((s) => indicatorCard(s, role)),
      reasons: reasons.map((r, i) => ({ reason: r.reason, label: r.label, now: nowShown[i]!, newThisYear: yearShown[i]! })),
      registrations: registrations.map((p) => ({ label: p.label, text: p.text, value: p.value })),
      children: children.map((p) => ({ label: p.label, text: p.text, value: p.value })),
    };
  }

  app.get('/home-education', { config: { permission: 'view_aggregates' } }, async (request: FastifyRequest, reply) => {
    const role = request.user?.role;
    const v = await eheView(role);
    // Reasons chart: children on the register now, the largest first; withheld groups are gaps.
    const ranked = v.reasons.filter((r) => r.now.text !== '0').sort((a, b) => (b.now.value ?? 0) - (a.now.value ?? 0));
    return reply.view('pages/home-education.njk', {
      title: 'Elective home education',
      ...v,
      canSeeList: Boolean(role && can(role, 'view_child_records')),
      registrationsChart: jsonForScript({ kind: 'bars', labels: v.registrations.map((p) => p.label), series: [{ name: 'New registrations', values: v.registrations.map((p) => p.value) }] }),
      childrenChart: jsonForScript({
        kind: 'lines',
        labels: v.children.map((p) => p.label),
        axes: [{ name: 'Children', unit: 'count' }],
        series: [{ name: 'Children on the register at the end of the month', values: v.children.map((p) => p.value) }],
      }),
      reasonsChart: jsonForScript({ kind: 'bars', labels: ranked.map((r) => r.label), series: [{ name: 'Children on the register', values: ranked.map((r) => r.now.value) }] }),
    });
  });

  app.get('/api/home-education', { config: { permission: 'view_aggregates' } }, async (request) => eheView(request.user?.role));

  const safeguarding = async (request: FastifyRequest) => recordsShown(request, 'child', await eheSafeguarding(app.store, app.asOf()), (c) => c.childId);

  app.get('/home-education/safeguarding', { config: { permission: 'view_child_records' } }, async (request, reply) => {
    const asOf = app.asOf();
    const children = await safeguarding(request);
    return reply.view('pages/home-education-safeguarding.njk', {
      title: 'Home-educated children known to social care who are not seen',
      asOf,
      children: children.map((c) => ({ ...c, socialCareLabel: SOCIAL_CARE_STATUS[c.socialCare], senLabel: SEN_PROVISION[c.sen] })),
    });
  });

  app.get('/api/home-education/safeguarding', { config: { permission: 'view_child_records' } }, safeguarding);
}
