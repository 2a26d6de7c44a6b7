// Care leavers aged 17 to 21: how many are NEET and for how long, against England and statistical
// neighbours; whether the council is in touch and they live somewhere suitable. Aggregates only.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../core/access.ts';
import { indicatorById } from '../../core/indicators/index.ts';
import { fyLabel } from '../../core/periods.ts';
import { indicatorHistory, indicatorSummary } from '../../store/indicators.ts';
import { careLeaverSummary, neetSpells } from '../../store/queries/careLeavers.ts';
import { formatNumber, jsonForScript } from '../format.ts';
import { CountTable } from '../disclosure.ts';
import { indicatorCard, showPoint, showRate, trendChart } from '../present.ts';

const NEET = 'care_leavers_neet';

export async function careLeaverRoutes(app: FastifyInstance): Promise<void> {
  async function careLeaverView(role: Role | undefined) {
    const asOf = app.asOf();
    const def = indicatorById(NEET);
    const [summary, spells, cards, history] = await Promise.all([
      careLeaverSummary(app.store, { asOf }),
      neetSpells(app.store, { asOf }),
      indicatorSummary(app.store, { periodType: 'year', asOf: app.figuresAsOf }),
      def ? indicatorHistory(app.store, NEET, 'quarter') : Promise.resolve([]),
    ]);
    // The bands add up to the spells: protected together.
    const shown = new CountTable(role).count('total', spells.total);
    for (const b of spells.bands) shown.count(b.band, b.count);
    const counts = shown.sum('total', spells.bands.map((b) => b.band)).shown();
    const spellsWithheld = spells.total > 0 && counts.value('total') === null;
    return {
      asOf,
      oc3Year: summary.oc3Year === null ? null : fyLabel(summary.oc3Year),
      neet: showRate(summary.neet, role),
      inTouch: showRate(summary.inTouch, role),
      suitableAccommodation: showRate(summary.suitableAccommodation, role),
      neetOc3: showRate(summary.neetOc3, role),
      cards: cards.filter((s) => s.definition.area === 'care_leavers').map((s) => indicatorCard(s, role)),
      trend: def ? trendChart(def, history.map((p) => showPoint(def, p, role))) : null,
      spells: {
        total: counts.text('total'),
        // The median of a handful of spells describes those few young people.
        median: spells.medianDays === null || spellsWithheld ? 'Not available' : `${formatNumber(spells.medianDays)} days`,
        bands: spells.bands.map((b) => ({ label: b.band, count: counts.text(b.band), value: counts.value(b.band) })),
      },
    };
  }

  app.get('/care-leavers', { config: { permission: 'view_aggregates' } }, async (request, reply) => {
    const v = await careLeaverView(request.user?.role);
    return reply.view('pages/care-leavers.njk', {
      title: 'Care leavers',
      ...v,
      trendJson: v.trend ? jsonForScript(v.trend) : null,
      spellChart: jsonForScript({ kind: 'bars', labels: v.spells.bands.map((b) => b.label), series: [{ name: 'Young people NEET', values: v.spells.bands.map((b) => b.value) }] }),
    });
  });

  app.get('/api/care-leavers', { config: { permission: 'view_aggregates' } }, async (request) => careLeaverView(request.user?.role));
}
