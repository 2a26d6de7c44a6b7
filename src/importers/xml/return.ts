// What the XML importer knows about one of the DfE's XML returns: its Header's Collection, the
// element that holds one record (a Child, a Person, a worker), each collection year's schema, the
// DfE rule a schema problem breaks, the Header's own checks, and how a valid record becomes rows
// of the importer's staged tables (the same tables, and so the same checks, as the CSV layouts).
import type { Loc } from '../../core/rules/cinCensus.ts';
import type { XmlNode } from './tree.ts';
import type { CompiledSchema, SchemaIssue } from './xsd.ts';

/** A broken rule found in a file, at a line and element path. */
export interface XmlFinding {
  line: number;
  path: string;
  rule: string;
  message: string;
  /** A query rule's (a code ending Q): listed with the run, and the return is still stored. */
  query?: boolean;
}

/** One file's records read in order, for rules across records (a UPN two children have, shares of the whole return). */
export interface FileReader {
  read(node: XmlNode, path: string): ReturnType<XmlReturn['read']>;
  /** A record the schema refused (so not read): still counted for the findings about the whole file. */
  refused?(node: XmlNode): void;
  /** Findings about the file as a whole, once every record is read, placed at `at` (the records' envelope). */
  end(at: Loc): XmlFinding[];
}

/** One row for a staged table: its record keyed by the CSV layout's lower-cased column names. */
export interface XmlRow {
  /** The table's id (TableSpec.id). */
  table: string;
  /** The element the row comes from: its line is the row's r, its path prefixes the fields. */
  loc: Loc;
  record: Record<string, string>;
  /** Element paths of fields not directly inside loc's element (by CSV column name), for messages. */
  fieldPaths?: Record<string, string>;
}

export interface XmlReturn {
  /** Header/CollectionDetails/Collection. */
  collection: string;
  /** Shown as the file's table in results. */
  label: string;
  recordName: string;
  /** Other elements directly in the envelope that are read whole and given to read() (CSWW's LALevelVacancies). */
  alsoWhole?: readonly string[];
  /** Collection years (the Header's Year) with a schema. */
  years: readonly number[];
  schema(year: number): CompiledSchema;
  ruleFor(issue: SchemaIssue): string;
  headerFindings(header: XmlNode, year: number): XmlFinding[];
  /** The rule and message for a record whose key an earlier record of the file has (on `line`). */
  duplicate(key: string, line: number): { rule: string; message: string };
  /** A schema-valid record: its identifier (each may appear once in a file), rows and broken rules. */
  read(node: XmlNode, path: string, year: number): { key: string; keyLoc: Loc; rows: XmlRow[]; findings: XmlFinding[] };
  /** A reader for one file of the year, when the return has rules across records; read() otherwise. */
  fileReader?(year: number): FileReader;
}
