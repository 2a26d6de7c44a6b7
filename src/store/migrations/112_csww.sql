-- The DfE's Children's social work workforce census (CSWW, as at 30 September of Year): each
-- social worker's record (CSWWWorker, item names in the comments) and the authority's vacancies
-- and agency figures (LALevelVacancies). A year's import replaces that year. The yearly measures
-- (turnover, agency, vacancy, absence, caseload) are worked out from them (src/store/queries/csww.ts).
CREATE TABLE csww_worker (
  year           smallint NOT NULL,           -- Header Year: the census of 30 September Year
  swe_no         text NOT NULL,               -- SWENo, Social Work England registration
  agency         boolean NOT NULL,            -- AgencyWorker
  fte            double precision,            -- FTE on 30 September (or when leaving)
  org_role       text,                        -- OrgRole 1-6
  role_start     date,                        -- RoleStartDate
  role_end       date,                        -- RoleEndDate: left in the year
  reason_leave   text,                        -- ReasonLeave
  fte30          double precision,            -- FTE30: FTE 30 days before leaving
  cases30        integer,                     -- Cases30: cases held on 30 September
  days_lost      double precision,            -- WorkingDaysLost to sickness in the year
  absent_30sept  boolean,                     -- Absat30Sept
  PRIMARY KEY (year, swe_no),
  CHECK (role_end IS NULL OR role_start IS NULL OR role_end >= role_start)
);

CREATE TABLE csww_vacancy (
  year              smallint PRIMARY KEY,
  vacancies_fte     double precision NOT NULL, -- NumberOfVacancies
  agency_fte        double precision NOT NULL, -- NoAgencyFTE
  agency_headcount  integer NOT NULL           -- NoAgencyHeadcount
);
