// Inspection readiness: the Annex A lists Ofsted asks for at an ILACS inspection, as imported
// (size of each list, when it came), children's journeys from contact to leaving care over the
// last 6 and 12 months (a Sankey chart drawn on the server, the same figures in a table, conversion at each step),
// timeliness on the lists' own dates, for everyone (counts of 1-5 suppressed for councillors);
// and the officers' list of children whose work has drifted, audited like every list of children.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../core/access.ts';
import { drift, journey, JOURNEY_STEPS, stopNode, timeliness, type Journey, type JourneyStep } from '../../core/annexAJourneys.ts';
import { ANNEX_A_LISTS, type AnnexAList } from '../../importers/annexA/lists.ts';
import { ANNEX_A_SEND_LISTS } from '../../importers/annexA/send-lists.ts';
import { annexAListSizes, annexARecords, type ListFamily, type ListSize } from '../../store/queries/annexA.ts';
import { renderPdf } from '../../reports/pdf.ts';
import { renderInspectionPack } from '../../reports/inspection-pack.ts';
import { journeySankeySvg, PAGE_CHART, type JourneyChart, type JourneyNode } from '../../reports/journey-chart.ts';
import { recordsShown } from '../auth/audit-trail.ts';
import { REPORT_CSP } from './reports.ts';
import { annexAExport, readSaltFile, SaltError, writeDegradedWorkbook } from '../../reports/annex-a-export.ts';
import { Writable } from 'node:stream';
import * as z from 'zod';
import { seesSuppressedCounts } from '../../core/access.ts';
import { CountTable, type ShownCounts } from '../disclosure.ts';
import { countFormatter, showRate } from '../present.ts';
import { formatNumber } from '../format.ts';
import { INDICATORS } from '../../core/indicators/index.ts';
import { addDays } from '../../core/dates.ts';
import { benchmarksFor, type Benchmarks } from '../../store/benchmarks.ts';

/** Journeys are shown over these windows, in months (Ofsted's lists cover up to 12). */
const JOURNEY_MONTHS = [6, 12] as const;
const JOURNEY_LISTS = [...new Set([...JOURNEY_STEPS.map((s) => s.list)])];

const packQuery = z.object({ format: z.enum(['html', 'pdf'], { message: 'Choose HTML or PDF' }).default('html') });

const byChild = (row: { childId: string }) => row.childId;

const linkId = (l: { source: string; target: string }) => `link|${l.source}|${l.target}`;
/** The flow of children who stopped at a step. */
const stopId = (step: JourneyStep) => linkId({ source: step.label, target: stopNode(step) });

/**
 * A journey's counts as a role may see them, protected together (server/disclosure.ts): the
 * children reaching each step either reach the next (that flow equals the next step's count) or
 * stop there, so no small flow can be worked out from the steps either side of it.
 */
function journeyCounts(j: Journey, role: Role | undefined): ShownCounts {
  const t = new CountTable(role);
  j.reached.forEach((n, i) => t.count(`reached|${i}`, n));
  const flow = new Map(j.links.map((l) => [linkId(l), l.value]));
  JOURNEY_STEPS.forEach((step, k) => {
    const next = JOURNEY_STEPS[k + 1];
    if (!next) return;
    const onward = linkId({ source: step.label, target: next.label });
    // Every flow is counted, none as 0 (a table row says "0", the chart draws nothing).
    for (const id of [onward, stopId(step)]) t.count(id, flow.get(id) ?? 0);
    t.sum(`reached|${k}`, [onward, stopId(step)]);
    t.sum(`reached|${k + 1}`, [onward]);
  });
  return t.shown();
}

/** Shown where no published figure measures the same thing, or none is loaded. */
export const NO_COMPARISON = 'No published comparison';

/**
 * England, region and neighbours beside one of our figures, as text: from the DfE's published
 * figures (EES) or the benchmark table, whichever the benchmarks hold (store/benchmarks.ts).
 */
function comparisonOf(b: Benchmarks | undefined) {
  if (!b || b.source === null) return { missing: NO_COMPARISON };
  const text = (v: number | null) => (v === null ? 'Not published' : formatNumber(v, 'percent'));
  return {
    missing: null,
    england: text(b.england),
    region: b.region === null ? 'Not published' : `${text(b.region)} (${b.regionName})`,
    neighbours: b.neighbours === null ? 'Not published' : b.neighbourCount ? `${text(b.neighbours)} (average of ${formatNumber(b.neighbourCount)})` : text(b.neighbours),
    source: `${b.source === 'ees' ? 'DfE published figures' : 'Benchmark table'}, ${b.period}`,
  };
}

export async function inspectionRoutes(app: FastifyInstance): Promise<void> {
  const seesCases = (request: FastifyRequest) => Boolean(request.user && can(request.user.role, 'view_child_records'));

  async function aggregates(role: Role | undefined) {
    const asOf = app.asOf();
    const [sizes, sendSizes, records] = await Promise.all([annexAListSizes(app.store), annexAListSizes(app.store, 'send'), annexARecords(app.store, JOURNEY_LISTS)]);
    const count = countFormatter(role);
    const sizeRow = (l: AnnexAList, s: ListSize | undefined, family: ListFamily) =>
      ({ list: l.list, family, label: l.label.replace(/^Annex A /, ''), rows: s ? count(s.rows) : 'Not imported', children: s ? count(s.children) : '', importedAt: s?.importedAt?.slice(0, 10) ?? null });
    // The SEND lists are listed when imported (an ILACS inspection does not ask for them).
    const lists = [
      ...ANNEX_A_LISTS.map((l) => sizeRow(l, sizes.find((x) => x.list === l.list), 'ilacs')),
      ...ANNEX_A_SEND_LISTS.flatMap((l) => { const s = sendSizes.find((x) => x.list === l.list); return s ? [sizeRow(l, s, 'send')] : []; }),
    ];
    const journeys = JOURNEY_MONTHS.map((months) => {
      const j = journey(records, asOf, months);
      const shown = journeyCounts(j, role);
      const exact = (i: number) => shown.value(`reached|${i}`) !== null;
      const last = JOURNEY_STEPS.length - 1;
      const steps = JOURNEY_STEPS.map((s, i) => ({
        label: s.label,
        reached: shown.text(`reached|${i}`),
        // The last step has no next one to stop short of.
        stopped: i === last ? '' : shown.text(stopId(s)),
        conversion:
          i === 0
            ? null
            : exact(i) && exact(i - 1)
              ? showRate({ count: j.reached[i]!, of: j.reached[i - 1]!, percent: j.reached[i - 1] ? (100 * j.reached[i]!) / j.reached[i - 1]! : null }, role)
              : { text: 'Withheld (small numbers)', detail: '' },
      }));
      // The chart's nodes carry the table's own texts: a step its "Children", a stop its "No further step".
      const nodes: JourneyNode[] = JOURNEY_STEPS.flatMap((s, i) => [{ name: s.label, text: steps[i]!.reached }, ...(i === last ? [] : [{ name: stopNode(s), text: steps[i]!.stopped }])]);
      const sankey: JourneyChart = { kind: 'sankey', nodes, links: j.links.map((l) => ({ ...l, value: shown.value(linkId(l)) })) };
      return { months, from: j.from, steps, sankey, id: `journey-${months}` };
    });
    const measures = timeliness(records, asOf);
    const marks = await benchmarksFor(app.store, INDICATORS.filter((d) => measures.some((t) => t.published === d.id)), addDays(asOf, 1));
    const timely = measures.map((t) => ({
      ...t,
      rate: showRate({ count: t.inTime, of: t.of, percent: t.of ? (100 * t.inTime) / t.of : null }, role),
      comparison: comparisonOf(t.published ? marks.get(t.published) : undefined),
    }));
    return { asOf, lists, journeys, timely, imported: sizes.length > 0 };
  }

  app.get('/inspection', { config: { permission: 'view_aggregates', caseLevel: true } }, async (request, reply) => {
    const figures = await aggregates(request.user?.role);
    // The journeys drawn on the server (reports/journey-chart.ts), laid out as in the pack.
    const journeys = figures.journeys.map((j) => ({ ...j, chart: journeySankeySvg(j.sankey, PAGE_CHART) }));
    const view: Record<string, unknown> = { title: 'Inspection', ...figures, journeys };
    if (seesCases(request)) {
      const cases = drift(await annexARecords(app.store, [4, 5, 7]), app.asOf());
      Object.assign(view, { drift: recordsShown(request, 'child', cases, byChild), cases: true, regionalExport: app.annexASaltFile !== null });
    }
    return reply.view('pages/inspection.njk', view);
  });

  // The pack: the same aggregate tables printed, as the viewer sees them (no child named).
  app.get('/inspection/pack', { config: { permission: 'view_aggregates' } }, async (request, reply) => {
    const role = request.user?.role;
    const html = renderInspectionPack(await aggregates(role), Boolean(role && !seesSuppressedCounts(role)));
    reply.header('cache-control', 'private, no-store');
    const query = packQuery.safeParse(request.query ?? {});
    if (!query.success) return reply.code(400).type('text/plain; charset=utf-8').send(query.error.issues[0]!.message);
    if (query.data.format === 'pdf') {
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="inspection-pack.pdf"').send(await renderPdf(html));
    }
    return reply.type('text/html; charset=utf-8').header('content-security-policy', REPORT_CSP).send(html);
  });

  // The lists for a regional pool with degraded identifiers: child-level even so, so officers only
  // and every child exported named in the audit log. The salt is read from its file per request
  // (a changed salt needs no restart) and goes nowhere else; a problem with it is logged by file name.
  app.get('/inspection/annex-a-export.xlsx', { config: { permission: 'view_child_records' } }, async (request, reply) => {
    const plain = (code: number, message: string) => reply.code(code).type('text/plain; charset=utf-8').send(message);
    if (app.annexASaltFile === null) return plain(409, 'The regional export is not set up: set CSINSIGHT_ANNEX_A_SALT_FILE to the council\'s salt file and restart.');
    let salt: string;
    try {
      salt = readSaltFile(app.annexASaltFile);
    } catch (err) {
      if (!(err instanceof SaltError)) throw err;
      request.log.error({ saltFile: app.annexASaltFile }, 'Annex A salt file refused');
      return plain(409, err.message);
    }
    const lists = await annexAExport(app.store);
    if (lists.length === 0) return plain(409, 'No Annex A lists have been imported: there is nothing to export.');
    // List 11 is of adopters, not children; every other list (and both SEND lists) names children.
    recordsShown(request, 'child', lists.filter((l) => l.sheet !== 'List 11').flatMap((l) => l.childIds), (id) => id);
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (chunks.push(chunk), done()) });
    await writeDegradedWorkbook(sink, lists, salt);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="annex-a-regional-${app.asOf()}.xlsx"`)
      .send(Buffer.concat(chunks));
  });

  app.get('/api/inspection', { config: { permission: 'view_aggregates' } }, async (request) => aggregates(request.user?.role));
  app.get('/api/inspection/drift', { config: { permission: 'view_child_records' } }, async (request) =>
    recordsShown(request, 'child', drift(await annexARecords(app.store, [4, 5, 7]), app.asOf()), byChild),
  );
}
