// Social care workforce, beside the timeliness indicators it drives: the indicators this quarter,
// staff turnover and agency use month by month next to how quickly social care advice, EHC plans
// and assessments were done (with how closely they moved together, stated as a correlation), and
// each team's figures for a month. Staff figures of 1 to 5 FTE in a team are withheld from
// councillors, as counts of children are (see core/indicators/workforce.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { seesSuppressedCounts, type Role } from '../../core/access.ts';
import { addMonths, type IsoDate } from '../../core/dates.ts';
import { indicatorById, type IndicatorDefinition } from '../../core/indicators/index.ts';
import { periodOf, periodTo } from '../../core/periods.ts';
import { correlation, describeCorrelations } from '../../core/workforce.ts';
import { indicatorBreakdown, indicatorHistory, indicatorSummary } from '../../store/indicators.ts';
import { cswwYearlyMeasures } from '../../store/queries/csww.ts';
import { STABILITY_IDS, TEAM_TABLE_IDS, timelinessIds, workforceCoverage } from '../../store/queries/workforce.ts';
import { HttpError } from '../errors.ts';
import { formatDate, formatNumber, jsonForScript } from '../format.ts';
import { breakdownFigures, indicatorCard, showPoint, WITHHELD_GROUP, type ShownFigure } from '../present.ts';
import { parse } from '../validate.ts';

const VIEW = { config: { permission: 'view_aggregates' as const } };
/** Months drawn in the stability chart. */
const CHART_MONTHS = 24;

const query = z.object({
  month: z.string().regex(/^\d{4}-\d{2}-01$/, 'Choose a month from the list').optional(),
  team: z.string().max(80).optional(),
});

/** Short names for the chart legend and the correlation sentences. */
const SHORT: Record<string, string> = {
  workforce_turnover_rate: 'turnover',
  workforce_agency_rate: 'the agency rate',
  workforce_vacancy_rate: 'the vacancy rate',
  ehcp_advice_6wk_social_care: 'social care advice on time',
  ehcp_20wk_excl: 'EHC plans within 20 weeks',
  assessments_45_days: 'assessments within 45 working days',
};

interface Series {
  id: string;
  title: string;
  values: (number | null)[];
  texts: string[];
}

function definition(id: string): IndicatorDefinition {
  const def = indicatorById(id);
  if (!def) throw new Error(`No indicator ${id}`);
  return def;
}

export async function workforceRoutes(app: FastifyInstance): Promise<void> {
  /** A service-wide monthly series over the chart's months, as this role may see it. */
  async function serviceSeries(id: string, months: readonly IsoDate[], role: Role | undefined): Promise<Series> {
    const def = definition(id);
    const history = await indicatorHistory(app.store, id, 'month');
    const byStart = new Map(history.map((p) => [p.period.start, showPoint(def, p, role)]));
    const points = months.map((m) => byStart.get(m) ?? null);
    return { id, title: def.title, values: points.map((p) => p?.value ?? null), texts: points.map((p) => p?.text ?? 'No data') };
  }

  /**
   * Each team's figure of an indicator for a month, as this role may see it: the teams add up to
   * the service's figure for the month, so they are protected against it together.
   */
  async function teamColumn(id: string, month: IsoDate, role: Role | undefined): Promise<Map<string, ShownFigure>> {
    const def = definition(id);
    const [rows, history] = await Promise.all([indicatorBreakdown(app.store, id, 'team', 'month', month, app.figuresAsOf), indicatorHistory(app.store, id, 'month')]);
    const shown = breakdownFigures(def, history.find((p) => p.period.start === month), rows, role);
    return new Map(rows.map((r, i) => [r.key ?? '', shown ? shown[i]! : WITHHELD_GROUP]));
  }

  async function workforceView(request: FastifyRequest) {
    const q = parse(query, request.query);
    const role = request.user?.role;
    const coverage = await workforceCoverage(app.store);
    if (q.team && !coverage.teams.includes(q.team)) throw new HttpError(400, 'There is no team of that name in the workforce returns.', [{ field: 'team', message: 'Choose a team from the list' }]);
    if (q.month && !coverage.months.includes(q.month)) throw new HttpError(400, 'There is no workforce return for that month.', [{ field: 'month', message: 'Choose a month from the list' }]);
    const latest = coverage.months[0] ?? null;
    const month = q.month ?? latest;
    // The chart runs to the latest return (or asOf when there is none yet).
    const end = periodOf(latest ?? app.asOf(), 'month').start;
    const months = Array.from({ length: CHART_MONTHS }, (_, i) => addMonths(end, i - CHART_MONTHS + 1));

    const [census, summaries, teams, timeliness, stability, teamHistory] = await Promise.all([
      cswwYearlyMeasures(app.store),
      indicatorSummary(app.store, { periodType: 'quarter', asOf: app.figuresAsOf }),
      month ? Promise.all(TEAM_TABLE_IDS.map((id) => teamColumn(id, month, role))) : Promise.resolve([]),
      Promise.all(timelinessIds().map((id) => serviceSeries(id, months, role))),
      q.team ? teamSeries(q.team, months, role) : Promise.all(STABILITY_IDS.map((id) => serviceSeries(id, months, role))),
      indicatorHistory(app.store, TEAM_TABLE_IDS[0]!, 'month'),
    ]);
    // A month still running is shown as it stands on the figures' date, not "at the end of" it.
    const runningTo = teamHistory.find((p) => p.period.start === month)?.partialTo ?? null;
    const scope = q.team ? `the ${q.team} team` : 'the whole service';
    // Turnover and agency use are the measures of churn; vacancies are drawn for context.
    const churn = stability.filter((s) => s.id !== 'workforce_vacancy_rate');
    const comparisons = timeliness.map((t) => ({
      title: t.title,
      text: describeCorrelations(
        SHORT[t.id] ?? t.title,
        churn.map((s) => ({ name: `${SHORT[s.id]} (${scope})`, correlation: correlation(s.values, t.values) })),
        { statistic: role !== undefined && !seesSuppressedCounts(role) },
      ),
    }));
    return {
      month,
      monthLabel: month ? periodOf(month, 'month').label : null,
      teamCaption: !month ? null : runningTo ? `Each team on ${formatDate(runningTo)} (${periodOf(month, 'month').label} so far)` : `Each team at the end of ${periodOf(month, 'month').label}`,
      team: q.team ?? null,
      scope,
      coverage: {
        months: coverage.months.map((m) => ({ value: m, text: periodOf(m, 'month').label, selected: m === month })),
        teams: [{ value: '', text: 'Whole service', selected: !q.team }, ...coverage.teams.map((t) => ({ value: t, text: t, selected: t === q.team }))],
      },
      cards: summaries.filter((s) => s.definition.area === 'workforce').map((s) => indicatorCard(s, role)),
      // "3 of 12" under a rate only: a caseload's cases and FTE are not one "of" the other.
      columns: TEAM_TABLE_IDS.map((id) => ({ id, title: definition(id).title, fraction: definition(id).aggregate === 'rate' })),
      teams: [...new Set(teams.flatMap((column) => [...column.keys()]))].sort().map((team) => ({
        team,
        figures: TEAM_TABLE_IDS.map((id, i): ShownFigure & { id: string } => {
          const shown = teams[i]!.get(team);
          return shown ? { id, ...shown } : { id, value: null, text: 'No data', numeratorText: '', denominatorText: '' };
        }),
      })),
      // The month still running is labelled as a part month ("Dec 2026 to 3 December").
      chart: { labels: months.map((m) => periodTo(periodOf(m, 'month'), app.asOf()).label), stability, timeliness },
      comparisons,
      // The DfE's yearly measures from the workforce census, newest year first, beside the months.
      census: census.reverse().map((m) => ({
        year: m.year, inPostFte: formatNumber(m.inPostFte, 'fte'), turnover: formatNumber(m.turnoverRate, 'percent'), agency: formatNumber(m.agencyRate, 'percent'),
        vacancy: formatNumber(m.vacancyRate, 'percent'), daysLost: formatNumber(m.daysLostPerFte, 'ratio'), absent: formatNumber(m.absentRate, 'percent'), caseload: formatNumber(m.caseload, 'ratio'),
      })),
    };
  }

  /** One team's stability measures by month, from the indicators broken down by team. */
  async function teamSeries(team: string, months: readonly IsoDate[], role: Role | undefined): Promise<Series[]> {
    // Through the month's whole team table, so a team's line withholds what its table does.
    return Promise.all(
      STABILITY_IDS.map(async (id) => {
        const shown = await Promise.all(months.map(async (m) => (await teamColumn(id, m, role)).get(team) ?? null));
        return { id, title: definition(id).title, values: shown.map((s) => s?.value ?? null), texts: shown.map((s) => s?.text ?? 'No data') };
      }),
    );
  }

  app.get('/workforce', VIEW, async (request, reply) => {
    const v = await workforceView(request);
    const chart = {
      kind: 'lines',
      labels: v.chart.labels,
      axes: [{ name: 'Staffing (%)', unit: 'percent' }, { name: 'On time (%)', unit: 'percent', max: 100 }],
      series: [
        ...v.chart.stability.map((s) => ({ name: s.title, values: s.values, axis: 0 })),
        ...v.chart.timeliness.map((s) => ({ name: s.title, values: s.values, axis: 1, dashed: true })),
      ],
    };
    return reply.view('pages/workforce.njk', { title: 'Social care workforce', ...v, chartJson: jsonForScript(chart) });
  });

  app.get('/api/workforce', VIEW, async (request) => workforceView(request));
}
