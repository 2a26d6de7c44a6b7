// What every committee paper shares: the cover details and the protective marking.
import type { IsoDate } from '../core/dates.ts';
import { longDate } from './format.ts';
import { AUTHORITY } from './render.ts';

export const DEFAULT_AUTHOR = "Director of Children's Services";
export const DEFAULT_COMMITTEE = "Children's Services Overview and Scrutiny Committee";

export interface PaperContext {
  authority: string;
  title: string;
  committee: string;
  meetingDate: string;
  author: string;
  marking: string;
  restricted: boolean;
  footer: string;
}

/** Public papers are Part 1; an officer copy carries exact small numbers and must not be published. */
export function paperContext(title: string, committee: string, meetingDate: IsoDate, author: string, restricted = false): PaperContext {
  const marking = restricted ? 'OFFICIAL-SENSITIVE: officer copy, not for publication' : 'Part 1: Public';
  return {
    authority: AUTHORITY,
    title,
    committee,
    meetingDate: longDate(meetingDate),
    author,
    marking,
    restricted,
    footer: `${AUTHORITY}: ${committee}, ${longDate(meetingDate)}`,
  };
}
