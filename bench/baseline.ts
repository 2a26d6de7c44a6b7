// The straightforward alternative csinsight is measured against: read every file whole into
// memory and compute the headline indicators per month with plain loops (what a spreadsheet
// macro or a quick script does). Prints one JSON line with its time and peak memory.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { addMonths, daysBetween, parseDate } from '../src/core/dates.ts';
import { issuedWithin20Weeks, ADVICE_WEEKS } from '../src/core/ehcp.ts';
import { rhiOfferedInTime } from '../src/core/missing.ts';

type Row = Record<string, string>;
const dir = process.argv[2] as string;

function csvFiles(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? csvFiles(p) : n.endsWith('.csv') ? [p] : [];
  });
}

const t0 = performance.now();
const tables = new Map<string, Row[]>();
let rows = 0;
for (const file of csvFiles(dir)) {
  const records = parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  rows += records.length;
  const key = file.split('/').pop()!.replace('.csv', '');
  tables.set(key, [...(tables.get(key) ?? []), ...records]);
}
const d = (s: string | undefined) => (s ? parseDate(s) : null);
const month = (s: string) => s.slice(0, 7);
const bump = (m: Map<string, [number, number]>, k: string, num: number) => {
  const v = m.get(k) ?? [0, 0];
  v[0] += num;
  v[1] += 1;
  m.set(k, v);
};

// EHCP: % within 20 weeks (excl. and incl. exceptions) and mean weeks, by month of issue.
const excl = new Map<string, [number, number]>();
const incl = new Map<string, [number, number]>();
const weeks = new Map<string, [number, number]>();
for (const r of tables.get('ehcp_requests') ?? []) {
  const received = d(r.ReceivedDate);
  const issued = d(r.StartDate);
  if (!received || !issued) continue;
  const ok = issuedWithin20Weeks(received, issued) ? 1 : 0;
  bump(incl, month(issued), ok);
  if (!/^(Y|true|1)$/i.test(r.Week20 ?? '')) bump(excl, month(issued), ok);
  bump(weeks, month(issued), daysBetween(received, issued) / 7);
}
// Advice within 6 weeks per partner, by month due.
const advice = new Map<string, [number, number]>();
for (const r of tables.get('ehcp_advice') ?? []) {
  const requested = d(r.RequestedDate);
  if (!requested) continue;
  const received = d(r.ReceivedDate);
  const due = daysBetween(requested, received ?? '9999-12-31') <= ADVICE_WEEKS * 7 ? 1 : 0;
  bump(advice, `${r.Partner}:${month(requested)}`, due);
}
// Missing: episodes and children by month; RHI offered within 72 hours by month of return.
const rhi = new Map<string, Row>();
for (const r of tables.get('return_home_interviews') ?? []) rhi.set(`${r.CHILD}|${r.MIS_START}`, r);
const episodes = new Map<string, number>();
const children = new Map<string, Set<string>>();
const offered = new Map<string, [number, number]>();
for (const r of [...(tables.get('missing') ?? []), ...(tables.get('missing_from_home') ?? [])]) {
  const start = d(r.MIS_START);
  if (!start) continue;
  episodes.set(month(start), (episodes.get(month(start)) ?? 0) + 1);
  if (!children.has(month(start))) children.set(month(start), new Set());
  children.get(month(start))!.add(r.CHILD!);
  const end = d(r.MIS_END);
  if (end) bump(offered, month(end), rhiOfferedInTime(end, d(rhi.get(`${r.CHILD}|${r.MIS_START}`)?.RHI_OFFERED)) ? 1 : 0);
}
// Care leavers NEET at each month end (activity covering the day).
const neet = new Map<string, [number, number]>();
const activity = tables.get('leaver_activity') ?? [];
const months = [...new Set(activity.map((r) => month(d(r.START) ?? '')))].filter(Boolean).sort();
for (const m of months) {
  const end = addMonths(`${m}-01`, 1);
  for (const r of activity) {
    const s = d(r.START);
    const e = d(r.END);
    if (s && s < end && (!e || e >= end)) bump(neet, m, /^G[456]$/.test(r.ACTIV ?? '') ? 1 : 0);
  }
}
const seconds = (performance.now() - t0) / 1000;
console.log(
  JSON.stringify({
    rows,
    seconds,
    values: excl.size + incl.size + weeks.size + advice.size + episodes.size + children.size + offered.size + neet.size,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
