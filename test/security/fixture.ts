// A signed-in world for the security tests: a store holding small-scale synthetic data (with
// indicators computed and case audits added), the app on it with a clock the test can move, and
// the identifiers that must never reach a councillor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { generate } from '../../src/generate/index.ts';
import { csvFilesUnder, importFiles } from '../../src/importers/index.ts';
import { computeIndicators } from '../../src/store/indicators.ts';
import { saveCaseAudits, type CaseAudit } from '../../src/store/case-audits.ts';
import type { Store } from '../../src/store/open.ts';
import type { IsoDate } from '../../src/core/dates.ts';
import { openTestStore } from '../helpers.ts';

export const AS_OF = '2026-03-31';
export const KNOWN_CHILD = 'C000123';
/** Text only the case-audit records hold, to be looked for in responses. */
export const CONFIDENTIAL_FINDING = 'Findings-7f3a: sibling disclosed harm at school';

export interface World {
  store: Store;
  app: FastifyInstance;
  /** The app's "now"; move it with `advance`. */
  now: Date;
  advance(minutes: number): void;
  close(): Promise<void>;
}

/** Small-scale synthetic data generated and imported as of `asOf` (default AS_OF), indicators computed. */
export async function seed(store: Store, asOf: IsoDate = AS_OF): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'csinsight-security-'));
  try {
    await generate({ scale: 'small', seed: 11, outDir: dir, asOf });
    // One run per collection year (episodes open across years appear in each), then the rest.
    const files = csvFilesUnder(dir);
    const years = [...new Set(files.map((f) => /ssda903_\d{4}/.exec(f.name)?.[0]).filter((y) => y !== undefined))].sort();
    const runs = [...years.map((y) => files.filter((f) => f.name.includes(`${y}/`))), files.filter((f) => !/ssda903_\d{4}/.test(f.name))];
    for (const run of runs) {
      const result = await importFiles(store, run, { user: 'seed' });
      if (result.status !== 'accepted') throw new Error(`seed import rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await store.db.insertInto('child').values({ child_id: KNOWN_CHILD, sex: 1, dob: '2012-05-01', ethnic: 'WBRI', upn: null }).onConflict((oc) => oc.doNothing()).execute();
  await computeIndicators(store, { asOf });
  const audits: CaseAudit[] = [
    { auditId: 'AUD-1', type: 'core', theme: null, auditedDate: '2026-01-10', childId: KNOWN_CHILD, auditor: 'A. Auditor', grade: 'inadequate', findings: CONFIDENTIAL_FINDING, actions: 'Strategy meeting' },
    ...Array.from({ length: 8 }, (_, i): CaseAudit => ({
      auditId: `AUD-${i + 2}`, type: i % 2 ? 'core' : 'themed', theme: i % 2 ? null : 'neglect', auditedDate: '2026-02-01',
      childId: `C00000${i + 1}`, auditor: 'A. Auditor', grade: 'good', findings: 'Good direct work', actions: '',
    })),
  ];
  await saveCaseAudits(store, audits, 'seed');
}

/** Every identifier of a child or a case in the store: none may appear in a councillor's view. */
export async function caseIdentifiers(store: Store): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT child_id AS id FROM child UNION SELECT upn FROM child WHERE upn IS NOT NULL
    UNION SELECT person_id FROM ehcp_request UNION SELECT request_id FROM ehcp_request
    UNION SELECT child_id FROM case_audit UNION SELECT audit_id FROM case_audit
    UNION SELECT child_id FROM ehe_registration
    UNION SELECT la_child_id FROM cin_referral UNION SELECT child_id FROM early_help_episode UNION SELECT episode_id FROM early_help_episode`.execute(store.db);
  return rows.map((r) => r.id);
}

export async function openWorld(options: { seed?: boolean } = {}): Promise<World> {
  const store = await openTestStore();
  if (options.seed !== false) await seed(store);
  const world = {
    store,
    now: new Date(`${AS_OF}T09:00:00Z`),
    advance(minutes: number) {
      world.now = new Date(world.now.getTime() + minutes * 60_000);
    },
  } as World;
  world.app = await buildApp({ store, asOf: AS_OF, clock: () => world.now });
  world.close = async () => {
    await world.app.close();
    await store.close();
  };
  return world;
}

/** Fills a route pattern's parameters with values that exist in the store, so requests reach records. */
export async function paramFiller(store: Store): Promise<(url: string) => string> {
  const one = async (q: string) => String((await sql.raw<{ v: unknown }>(q).execute(store.db)).rows[0]?.v ?? 'none');
  const samples = {
    action: await one('SELECT action_id AS v FROM strategy_action ORDER BY 1 LIMIT 1'),
    committee: await one('SELECT committee_action_id AS v FROM committee_action ORDER BY 1 LIMIT 1'),
    indicator: await one('SELECT indicator_id AS v FROM indicator_value ORDER BY 1 LIMIT 1'),
    importRun: await one('SELECT id AS v FROM import_run ORDER BY 1 LIMIT 1'),
    request: await one('SELECT request_id AS v FROM ehcp_request ORDER BY 1 LIMIT 1'),
  };
  return (url) =>
    url.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => {
      if (whole === '*') return 'council.css';
      if (name === 'childId') return KNOWN_CHILD;
      if (name === 'actionId') return samples.action;
      if (name === 'requestId') return samples.request;
      if (name === 'auditId') return 'AUD-1';
      if (url.includes('committee')) return samples.committee;
      if (url.includes('indicator')) return samples.indicator;
      if (url.includes('import')) return samples.importRun;
      return 'unknown';
    });
}
