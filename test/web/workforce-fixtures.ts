// Workforce and elective home education rows for the page tests, added to the web fixture's
// authority (test/web/fixtures.ts, as at 15 March 2025), and that authority served to Chromium.
// Every name and id is made up.
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, addMonths } from '../../src/core/dates.ts';
import type { Store } from '../../src/store/open.ts';
import type { NewRow } from '../../src/store/schema.ts';
import { openTestStore } from '../helpers.ts';
import { AS_OF, seedWebData } from './fixtures.ts';
import { openPage, startSessions, type Sessions } from './harness.ts';

/** Four teams, April 2023 to March 2025. The disabled children's team loses staff from September to December 2024. */
export const TEAMS = ['Assessment', 'Child protection', 'Children in care', 'Disabled children'] as const;
export const CHURN_TEAM = 'Disabled children';

export function workforceRows(): NewRow<'workforce_month'>[] {
  const rows: NewRow<'workforce_month'>[] = [];
  TEAMS.forEach((team, t) => {
    const posts = 12 + 2 * t;
    for (let i = 0; i < 24; i++) {
      const month = addMonths('2023-04-01', i);
      const churn = team === CHURN_TEAM && month >= '2024-09-01' && month <= '2024-12-01';
      const after = team === CHURN_TEAM && month > '2024-12-01';
      const employed = churn ? posts - 3 - (i - 17) : after ? posts - 5 : posts - 2 - (i % 3 === 0 ? 1 : 0);
      const vacant = posts - employed;
      const agency = churn || after ? vacant : Math.max(0, vacant - 1);
      rows.push({
        month, team, employed_fte: employed, agency_fte: agency, vacant_fte: vacant,
        starters_fte: i % 5 === 0 ? 1 : 0, leavers_fte: churn ? 1.5 : i % 6 === t ? 1 : 0,
        cases: 16 * (posts - 2), case_holding_fte: employed + agency - 1,
        training_required: 4 * (employed + agency), training_completed: 4 * (employed + agency) - (churn ? 6 : 2),
      });
    }
  });
  return rows;
}

/**
 * 48 children, registering every 15 days from 1 January 2023. Reasons cycle through seven codes;
 * every third child came off the register 200 days after starting; every fourth and every seventh
 * is not engaged; every fifth is known to social care (child protection when also even-numbered,
 * else child in need); every sixth has an EHC plan. On 15 March 2025 the safeguarding list is
 * HE020 and HE040 (child protection) then HE035 (child in need).
 */
export const EHE_REASON_CYCLE = ['PHILOSOPHICAL', 'MENTAL_HEALTH', 'LIFESTYLE', 'DISSATISFIED', 'SEN', 'PHILOSOPHICAL', 'MENTAL_HEALTH'] as const;

export function eheRows(): NewRow<'ehe_registration'>[] {
  return Array.from({ length: 48 }, (_, i): NewRow<'ehe_registration'> => {
    const n = i + 1;
    const start = addDays('2023-01-01', i * 15);
    const ended = n % 3 === 0;
    return {
      child_id: `HE${String(n).padStart(3, '0')}`,
      start_date: start,
      dob: addDays('2012-01-01', -i * 40),
      sex: n % 2 ? 'F' : 'M',
      end_date: ended ? addDays(start, 200) : null,
      end_reason: ended ? 'SCHOOL' : null,
      reason: EHE_REASON_CYCLE[i % EHE_REASON_CYCLE.length]!,
      engaged: n % 4 !== 0 && n % 7 !== 0,
      social_care: n % 5 === 0 ? (n % 2 === 0 ? 'CP' : 'CIN') : 'NONE',
      sen: n % 6 === 0 ? 'E' : 'N',
    };
  });
}

/** The web fixture's authority plus `extra` rows, served to an officer's and a councillor's Chromium. */
export interface PageWorld extends Sessions {
  store: Store;
  /** A new page at `path`, which must answer 200. */
  open(context: BrowserContext, path: string): Promise<Page>;
}

export async function openPageWorld(extra: (store: Store) => Promise<void>): Promise<PageWorld> {
  const store = await openTestStore();
  await extra(store);
  await seedWebData(store);
  const sessions = await startSessions({ store, asOf: AS_OF });
  return {
    ...sessions,
    store,
    open: (context, path) => openPage(sessions.running, context, path),
    async close() {
      await sessions.close();
      await store.close();
    },
  };
}
