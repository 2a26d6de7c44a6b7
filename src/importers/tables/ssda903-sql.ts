// SQL building blocks of the SSDA903 checks across rows, files and years (ssda903-checks.ts and its
// per-area modules): the staging tables s_<table> carry f (file), r (row), y (collection year).
import { rule903 } from '../../core/rules/ssda903-register.ts';
import type { CrossCheck } from '../spec.ts';

export const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function check(code: string, sql: string): CrossCheck {
  const r = rule903(code);
  const years = [r.from, r.until].some((y) => y !== undefined) ? `WHERE c.y BETWEEN ${r.from ?? 0} AND ${r.until ?? 9999}` : '';
  return `SELECT c.f, c.r, c.child, coalesce(c.field, ${quote(r.fields[0]!)}) AS field, ${quote(code)} AS rule,
      ${quote(r.message)} || coalesce(' ' || c.detail, '') AS message, c.vals
    FROM (${sql}) c ${years}`;
}

export const DATES = new Set(['dob', 'decom', 'dec', 'mis_start', 'mis_end', 'mc_dob', 'review', 'duc', 'date_placed', 'date_int', 'sw_decom', 'sw_dec', 'dolo_start', 'dolo_end']);

/** "FIELD=value; ..." of columns of `alias` (DfE column names; dates as DD/MM/YYYY). */
export function vals(alias: string, ...fields: string[]): string {
  return fields
    .map((f) => {
      const col = `${alias}.${f === 'CHILD' ? 'child_id' : f.toLowerCase()}`;
      const text = DATES.has(f.toLowerCase()) ? `to_char(${col}, 'DD/MM/YYYY')` : `${col}::text`;
      return `${quote(`${f === 'SEX_CODE' ? 'SEX' : f}=`)} || coalesce(${text}, '')`;
    })
    .join(` || '; ' || `);
}

export const dfe = (expr: string) => `to_char(${expr}, 'DD/MM/YYYY')`;
export const yearStart = (y: string) => `make_date(${y}, 4, 1)`;
export const yearEnd = (y: string) => `make_date(${y} + 1, 3, 31)`;
export const age = (dob: string, years: number) => `(${dob} + interval '${years} years')::date`;

/** The Header of x's return: staged for that year, else the stored child. Gives hdob, hsex, hmother. */
export const HEADER = (x: string) => `LEFT JOIN s_header h ON h.child_id = ${x}.child_id AND h.y = ${x}.y
  LEFT JOIN child hc ON h.child_id IS NULL AND hc.child_id = ${x}.child_id`;
export const HDOB = 'coalesce(h.dob, hc.dob)';

/** The collection years of a staging table's rows (s_years, filled once the files are staged). */
export const yearsOf = (table: string) => `(SELECT y FROM s_years WHERE tbl = ${quote(table)})`;

/** Whether a staging table holds a return of year `y` (a rule needing that file is skipped without it). */
export const staged = (table: string, y: string) => `${y} IN ${yearsOf(table)}`;

/** Several checks in one query, sharing the tables of a WITH clause (computed once). */
export function together(withClause: string, checks: CrossCheck[]): CrossCheck {
  return `${withClause} ${checks.join('\nUNION ALL\n')}`;
}

/**
 * Checks over one table that each read `FROM <name> e WHERE <condition>`, in one pass: the rows
 * meeting any check's condition (in a clean return, none) are picked out first, as CTE <name>, and
 * each check reads only those. A big table scanned once rather than once a check is most of what
 * keeps a national return quick to check. `more`: other tables of the WITH clause, which the
 * conditions may read; `alongside`: checks on those tables that share the WITH clause.
 */
export function onePass(source: string, name: string, checks: readonly CrossCheck[], more = '', alongside: readonly CrossCheck[] = []): CrossCheck {
  const from = new RegExp(`FROM ${name} e\\s+WHERE\\s`);
  const conditions = checks.map((c) => {
    const at = from.exec(c);
    // check() wraps each check as `SELECT ... FROM (<sql>) c [WHERE c.y ...]`.
    const end = c.lastIndexOf(') c ');
    if (!at || end < at.index) throw new Error(`onePass(${name}): a check does not read FROM ${name} e WHERE: ${c.slice(0, 160)}`);
    return `(${c.slice(at.index + at[0].length, end)})`;
  });
  return `WITH ${more ? `${more}, ` : ''}${name} AS MATERIALIZED (SELECT * FROM ${source} e WHERE ${conditions.join('\n OR ')})\n${[...checks, ...alongside].join('\nUNION ALL\n')}`;
}

/** Rows of s_<table> whose child is in neither the Header of their return nor (when that year's Header is not imported) the stored children. */
export function notInHeader(code: string, table: string): CrossCheck {
  return check(code, `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field, '(CHILD ' || x.child_id || ')' AS detail, ${vals('x', 'CHILD')} AS vals
    FROM s_${table} x
    WHERE NOT EXISTS (SELECT 1 FROM s_header h WHERE h.child_id = x.child_id AND h.y = x.y)
      AND (${staged('header', 'x.y')} OR NOT EXISTS (SELECT 1 FROM child c WHERE c.child_id = x.child_id))`);
}

/** Rows whose DOB differs from the Header's. */
export function dobDiffers(code: string, table: string): CrossCheck {
  return check(code, `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field,
      '(Header: ' || ${dfe(HDOB)} || ')' AS detail, ${vals('x', 'DOB')} AS vals
    FROM s_${table} x ${HEADER('x')} WHERE x.dob <> ${HDOB}`);
}

/**
 * Episodes with their Header's date of birth (hdob) and UPN (hupn): staged for that year, else the
 * stored child. Built once per import (DERIVED_903), as s_eh.
 */
const EPISODES_WITH_HEADER = `SELECT e.*, ${HDOB} AS hdob, coalesce(h.upn, hc.upn) AS hupn FROM s_episodes e ${HEADER('e')}`;

/**
 * s_chain: episodes with the previous and next episode of the same child in the same return (a
 * repeated key once: it is reported as such), the one before the previous (prev2_), and the
 * Header's hdob and hupn. Built once per import (DERIVED_903), so the rules along the chain, last
 * year's open episode and the periods of care share one sort of the episodes (of all rows, the
 * costliest step of the checks).
 */
const CHAIN = `SELECT e.*,
    lag(dec) OVER w AS prev_dec, lag(rec) OVER w AS prev_rec, lag(ls) OVER w AS prev_ls, lag(place) OVER w AS prev_place,
    lag(place_provider) OVER w AS prev_provider, lag(pl_post) OVER w AS prev_post, lag(urn) OVER w AS prev_urn,
    lag(reason_place_change) OVER w AS prev_reason, lag(decom) OVER w AS prev_decom, lag(cin) OVER w AS prev_cin,
    lag(place, 2) OVER w AS prev2_place, lag(pl_post, 2) OVER w AS prev2_post,
    lead(decom) OVER w AS next_decom, lead(rne) OVER w AS next_rne, lead(place) OVER w AS next_place, row_number() OVER w AS n
  FROM (SELECT DISTINCT ON (y, child_id, decom) * FROM s_eh WHERE decom IS NOT NULL ORDER BY y, child_id, decom, f, r) e
  WINDOW w AS (PARTITION BY y, child_id ORDER BY decom)`;

/**
 * The tables the SSDA903 checks share, built once per import after staging (TableSpec.derived):
 * s_eh (EPISODES_WITH_HEADER) and s_chain (CHAIN).
 */
export const DERIVED_903 = `CREATE TEMP TABLE s_eh ON COMMIT DROP AS ${EPISODES_WITH_HEADER};
  CREATE TEMP TABLE s_chain ON COMMIT DROP AS ${CHAIN};
`;

/** Each child's last episode in a return. */
export const LAST_EPISODE = `(SELECT * FROM s_chain WHERE next_decom IS NULL)`;

/**
 * f: each child's first episode in a return; le: each child's last episode in a return; l: that
 * episode where it is still open at the end of a return followed by one in the import (tables of
 * a WITH clause).
 */
export const OPEN_LAST_YEAR_TABLES = `f AS MATERIALIZED (SELECT * FROM s_chain WHERE n = 1),
  le AS MATERIALIZED ${LAST_EPISODE},
  l AS MATERIALIZED (SELECT * FROM le x WHERE x.dec IS NULL AND ${staged('episodes', 'x.y + 1')})`;

/** Each child's first episode in a return with the fields of last year's open episode (l_), where there is one (OPEN_LAST_YEAR_TABLES). */
export const FIRST_AGAINST_OPEN = `(SELECT e.*, l.decom AS l_decom, l.rne AS l_rne, l.ls AS l_ls, l.cin AS l_cin, l.place AS l_place,
    l.place_provider AS l_place_provider, l.urn AS l_urn
  FROM f e JOIN l ON l.child_id = e.child_id AND l.y = e.y - 1)`;

export const EP = (extra = '') => `SELECT e.f, e.r, e.y, e.child_id AS child${extra}`;
export const placementSame = `e.place IS NOT DISTINCT FROM e.prev_place AND e.place_provider IS NOT DISTINCT FROM e.prev_provider
  AND e.pl_post IS NOT DISTINCT FROM e.prev_post AND e.urn IS NOT DISTINCT FROM e.prev_urn`;


/**
 * poc: the periods of care in a return (first DECOM, and the DEC of its last episode) of each child
 * with a row in staging table `of`: episodes run together while each begins no later than the day
 * the one before ceased (or that one is open).
 */
export const periodsOfCare = (of: string) => `poc AS MATERIALIZED (SELECT y, child_id, min(decom) AS poc_decom, (array_agg(dec ORDER BY decom DESC))[1] AS poc_dec
  FROM (SELECT c.*, sum(CASE WHEN c.n = 1 OR c.decom > c.prev_dec THEN 1 ELSE 0 END) OVER (PARTITION BY y, child_id ORDER BY decom) AS period
        FROM s_chain c WHERE EXISTS (SELECT 1 FROM ${of} x WHERE x.child_id = c.child_id AND x.y = c.y)) p
  GROUP BY y, child_id, period)`;

/** Whether row `x` (of a table with child_id, y) has periods of care (periodsOfCare) and `out` (about p) holds for every one. */
export const outOfEveryPeriod = (x: string, out: string) => `EXISTS (SELECT 1 FROM poc p WHERE p.child_id = ${x}.child_id AND p.y = ${x}.y)
  AND NOT EXISTS (SELECT 1 FROM poc p WHERE p.child_id = ${x}.child_id AND p.y = ${x}.y AND NOT coalesce(${out}, false))`;

/** A dated period (missing, DoLo) open after its period of care ended, or open and begun before it, or ending outside it (577, 707). */
export const periodOutside = (x: string, start: string, end: string) =>
  `(${x}.${end} IS NULL AND p.poc_dec IS NOT NULL) OR (${x}.${end} IS NULL AND ${x}.${start} < p.poc_decom)
    OR ${x}.${end} > p.poc_dec OR ${x}.${end} < p.poc_decom`;

/**
 * Rows of s_<table> whose start is before the end of the child's previous row, taken in order of ending
 * (an open row at its start), or whose previous row is open (574, 705).
 */
export function overlapsPrevious(code: string, table: string, start: string, end: string): CrossCheck {
  return check(code, `SELECT x.f, x.r, x.y, x.child_id AS child, NULL AS field,
      '(previous began ' || coalesce(${dfe('x.prev_start')}, 'blank') || ', ended ' || coalesce(${dfe('x.prev_end')}, 'never') || ')' AS detail,
      ${vals('x', start.toUpperCase(), end.toUpperCase())} AS vals
    FROM (SELECT *, lag(${start}) OVER w AS prev_start, lag(${end}) OVER w AS prev_end, row_number() OVER w AS n
          FROM s_${table} WINDOW w AS (PARTITION BY y, child_id ORDER BY coalesce(${end}, ${start}), ${start}, r)) x
    WHERE x.n > 1 AND (x.prev_end IS NULL OR x.${start} < x.prev_end)`);
}


