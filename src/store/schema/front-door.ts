// Kysely's view of this area's tables (its migration in ../migrations/).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FrontDoorTables {}
