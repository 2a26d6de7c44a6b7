// Official benchmarks (migration 090): published EES figures, the council's identity, statistical neighbours.
import type { ColumnType } from 'kysely';

export interface EesFigureTable {
  indicator_id: string;
  mapping_id: string;
  time_period: number;
  time_identifier: string;
  geographic_level: string;
  area_code: string;
  old_la_code: string | null;
  area_name: string;
  region_code: string | null;
  region_name: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  symbol: string | null;
}

export interface CouncilIdentityTable {
  one: ColumnType<boolean, boolean | undefined, boolean>;
  old_la_code: string;
  new_la_code: string;
  name: string;
  updated_by: string;
  updated_at: ColumnType<string, string | undefined, string>;
}

export interface StatisticalNeighbourTable {
  year: number;
  la_code: string;
  neighbour_code: string;
  rank: number;
}

export interface EesTables {
  ees_figure: EesFigureTable;
  council_identity: CouncilIdentityTable;
  statistical_neighbour: StatisticalNeighbourTable;
}
