// Elective home education register: children on the register and new registrations over time,
// the reasons parents give, engagement and vulnerability, for everyone (1 to 5 shown as "<6" to
// councillors); and for officers only, a safeguarding list of children whose family does not
// engage with the council and who are known to social care (a child-level route, so every view
// of it is in the audit log).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../core/access.ts';
import { SEN_PROVISION, SOCIAL_CARE_STATUS } from '../../core/homeEducation.ts';
import { indicatorById } from '../../core/indicators/index.ts';
import { indicatorHistory, indicatorSummary } from '../../store/indicators.ts';
import { eheByReason, eheSafeguarding } from '../../store/queries/homeEducation.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { jsonForScript } from '../format.ts';
import { indicatorCard, showFigure, showPoint } from '../present.ts';

const MONTHS_SHOWN = 24;

export async function homeEducationRoutes(app: FastifyInstance): Promise<void> {
  async function monthly(id: string, role: Role | undefined) {
    const def = indicatorById(id)!;
    return (await indicatorHistory(app.store, id, 'month')).slice(-MONTHS_SHOWN).map((p) => showPoint(def, p, role));
  }

  async function eheView(role: Role | undefined) {
    const asOf = app.asOf();
    const [summaries, reasons, registrations, children] = await Promise.all([
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
      eheByReason(app.store, asOf),
      monthly('ehe_new_registrations', role),
      monthly('ehe_children', role),
    ]);
    const show = (id: string) => {
      const def = indicatorById(id)!;
      return (row: Parameters<typeof showFigure>[1] | null) => (row ? showFigure(def, row, role) : { value: 0, text: '0', numeratorText: '', denominatorText: '' });
    };
    const [nowShown, yearShown] = [show('ehe_children'), show('ehe_new_registrations')];
    return {
      asOf,
      cards: summaries.filter((s) => s.definition.area === 'home_education').map((s) => indicatorCard(s, role)),
      reasons: reasons.map((r) => ({ reason: r.reason, label: r.label, now: nowShown(r.now), newThisYear: yearShown(r.newThisYear) })),
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
