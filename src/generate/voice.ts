// Synthetic voice of the child feedback (docs/formats.md, "Voice of the child feedback") against the
// priorities and actions the strategy generator writes: surveys as percentages of those who
// answered, group sessions and one-to-one feedback as short invented quotes, most of the older
// feedback with a "you said, we did" response. Every text is made up and holds no identifier.
import type { FeedbackSource, Sentiment, VoiceAgeBand, VoiceTheme } from '../core/voice.ts';
import type { AreaGenerator } from './area.ts';
import { dfe } from './csv.ts';
import { YEAR_DAYS } from './days.ts';
import { weights, type Random } from './random.ts';
import type { ScaleName } from './scales.ts';
import { strategyIds } from './strategy.ts';

export const VOICE_FILE = 'voice/feedback.csv';
export const VOICE_HEADER = [
  'FeedbackID', 'Date', 'Source', 'PriorityID', 'Themes', 'Sentiment', 'AgeBand', 'CareExperienced', 'Participants',
  'Summary', 'YouSaidWeDid', 'ResponseDate', 'ActionID',
];

/** Pieces of feedback a year (a council hears far more than it records against its strategy). */
const PER_YEAR: Record<ScaleName, number> = { small: 40, la: 300, national: 40_000 };
/** Feedback older than this has usually been answered. */
const ANSWER_AFTER_DAYS = 45;

interface Said {
  themes: readonly VoiceTheme[];
  sentiment: Sentiment;
  quote: string;
  /** What a survey asked about, as "... said they <finding>". */
  finding: string;
  did: string;
}

/** What children and young people say about each priority, in the strategy generator's order. */
const SAID: readonly (readonly Said[])[] = [
  [
    { themes: ['TRUSTED_ADULTS'], sentiment: 'positive', quote: 'The family hub worker helped my mum and me talk again.', finding: 'had an adult at the family hub they trusted', did: 'We kept the same key worker with each family for the whole of their support.' },
    { themes: ['ACTIVITIES'], sentiment: 'negative', quote: 'There is nothing to do after school near us.', finding: 'had things to do after school near home', did: 'We opened youth sessions at two more family hubs on weekday evenings.' },
    { themes: ['BEING_HEARD', 'INFORMATION'], sentiment: 'mixed', quote: 'People talked to my parents about the plan but not to me.', finding: 'were asked what they thought about their family plan', did: 'Every early help plan now has a page written with the child.' },
    { themes: ['HEALTH'], sentiment: 'mixed', quote: 'I waited a long time to see someone about my worries.', finding: 'got help with worries quickly', did: 'We added a drop-in wellbeing session at every family hub.' },
  ],
  [
    { themes: ['WORKER_CHANGES', 'TRUSTED_ADULTS'], sentiment: 'negative', quote: 'I have had too many social workers and I have to tell my story again every time.', finding: 'had kept the same social worker this year', did: 'We now introduce a new worker in person with the old one, and cap changes for each child.' },
    { themes: ['FAMILY_CONTACT'], sentiment: 'negative', quote: 'I want more say in when I see my brothers and sisters.', finding: 'saw their family as often as they wanted', did: 'Sibling time is now planned with each child at their review.' },
    { themes: ['HOME', 'FEELING_SAFE'], sentiment: 'positive', quote: 'I feel settled with my carers and I want to stay here.', finding: 'felt settled where they live', did: 'We told carers and kept stability meetings for every placement at risk.' },
    { themes: ['INDEPENDENCE', 'MONEY'], sentiment: 'mixed', quote: 'Moving into my own flat was scary and the money ran out quickly.', finding: 'felt ready to live on their own', did: 'We raised the setting-up-home allowance and added a budgeting course.' },
    { themes: ['EDUCATION'], sentiment: 'positive', quote: 'The apprenticeship gave me something to get up for.', finding: 'were in work, training or education they enjoyed', did: 'We doubled the number of council apprenticeships for care leavers.' },
  ],
  [
    { themes: ['SEND', 'INFORMATION'], sentiment: 'negative', quote: 'The letters about my plan are hard to understand.', finding: 'understood what their plan says', did: 'We rewrote the letters with young people and added an easy-read version.' },
    { themes: ['SEND', 'EDUCATION'], sentiment: 'negative', quote: 'I waited too long for my plan and missed the start of college.', finding: 'got their plan in time for the start of term', did: 'We set up a weekly panel with health partners to cut waiting.' },
    { themes: ['BEING_HEARD'], sentiment: 'positive', quote: 'At my review they asked me first and wrote down what I said.', finding: 'were asked for their views at their review', did: 'We shared what worked with every review chair.' },
    { themes: ['ACTIVITIES', 'SEND'], sentiment: 'mixed', quote: 'The holiday club was great but it was full.', finding: 'could join holiday activities they wanted', did: 'We added inclusive places at holiday clubs across the borough.' },
  ],
  [
    { themes: ['FEELING_SAFE'], sentiment: 'mixed', quote: 'I feel safe at home but not in the town centre at night.', finding: 'felt safe in their area', did: 'We shared the places young people named with the community safety partnership.' },
    { themes: ['TRUSTED_ADULTS', 'BEING_HEARD'], sentiment: 'positive', quote: 'The worker who came after I went missing listened and did not judge me.', finding: 'found their return home interview helpful', did: 'We kept the same independent service for return home interviews.' },
    { themes: ['FEELING_SAFE', 'HEALTH'], sentiment: 'negative', quote: 'Older kids pressure you to carry things for them.', finding: 'knew where to get help if they were pressured by others', did: 'We ran exploitation awareness sessions in every secondary school.' },
    { themes: ['INFORMATION'], sentiment: 'mixed', quote: 'Nobody told me what happens after a child protection meeting.', finding: 'were told what happens after a meeting about them', did: 'We wrote a short guide to meetings with the youth council.' },
  ],
  [
    { themes: ['WORKER_CHANGES'], sentiment: 'negative', quote: 'My worker left and nobody told me why.', finding: 'were told when their worker changed', did: 'Every change of worker now comes with a letter and a handover visit.' },
    { themes: ['TRUSTED_ADULTS'], sentiment: 'positive', quote: 'My social worker remembers the things that matter to me.', finding: 'said their worker knows them well', did: 'We shared this feedback with the social work academy.' },
    { themes: ['BEING_HEARD', 'OTHER'], sentiment: 'mixed', quote: 'Young people should help choose new social workers.', finding: 'wanted a say in recruiting social workers', did: 'Young people now sit on every social worker interview panel.' },
  ],
];

const SOURCES = weights<FeedbackSource>({
  survey: 12, youth_council: 10, children_in_care_council: 10, participation_event: 20, consultation: 8, complaint_compliment: 22, advocacy: 18,
});
/** Priorities children and young people talk about most: care, then SEND and safety. */
const PRIORITY_WEIGHT = [3, 5, 4, 3, 2];
const CARE_PRIORITY = 1;

function participants(r: Random, source: FeedbackSource): number {
  switch (source) {
    case 'survey': return r.int(25, 320);
    case 'consultation': return r.int(10, 90);
    case 'participation_event': return r.int(5, 40);
    case 'youth_council': return r.int(6, 16);
    case 'children_in_care_council': return r.int(4, 12);
    default: return 1;
  }
}

function ageBand(r: Random, priority: number, group: boolean): VoiceAgeBand {
  if (group) return 'MIXED';
  if (priority === CARE_PRIORITY) return r.pick(['10_TO_15', '16_TO_17', '18_TO_21', '22_TO_25'] as const);
  if (priority === 0) return r.pick(['5_TO_9', '10_TO_15'] as const);
  return r.pick(['5_TO_9', '10_TO_15', '16_TO_17'] as const);
}

export const generateVoice: AreaGenerator = ({ scale, win, random: r, open }) => {
  const plan = strategyIds();
  const out = open(VOICE_FILE, VOICE_HEADER);
  const from = win.start;
  const span = win.asOf - from + 1;
  const total = Math.max(1, Math.round((PER_YEAR[scale] * span) / YEAR_DAYS));
  const byPriority = weights(Object.fromEntries(plan.map((p, i) => [String(i), PRIORITY_WEIGHT[i] ?? 1])));
  for (let i = 0; i < total; i++) {
    // Stratified dates keep the file in date order without sorting it.
    const date = from + Math.floor((i * span) / total) + r.int(0, Math.max(0, Math.floor(span / total) - 1));
    const p = Number(r.weighted(byPriority));
    const priority = plan[p]!;
    const said = r.pick(SAID[p % SAID.length]!);
    const source = r.weighted(SOURCES);
    const n = participants(r, source);
    let sentiment = said.sentiment;
    let summary = said.quote;
    if (source === 'survey') {
      const pct = Math.round(100 * Math.min(0.95, Math.max(0.1, r.normal(sentiment === 'positive' ? 0.75 : sentiment === 'mixed' ? 0.55 : 0.35, 0.08))));
      sentiment = pct >= 70 ? 'positive' : pct >= 45 ? 'mixed' : 'negative';
      summary = `${pct}% of the ${n} who answered said they ${said.finding}.`;
    }
    const answered = date <= win.asOf - ANSWER_AFTER_DAYS && r.chance(0.75);
    const responseDay = answered ? Math.min(win.asOf, date + r.int(14, 150)) : null;
    const action = answered && r.chance(0.6) ? r.pick(priority.actionIds) : null;
    const care = source === 'children_in_care_council' || (p === CARE_PRIORITY && r.chance(0.8));
    out.write([
      `VF${String(i + 1).padStart(6, '0')}`, dfe(date), source, priority.priorityId, said.themes.join(';'),
      r.chance(0.05) ? null : sentiment, r.chance(0.05) ? null : ageBand(r, p, n > 1), care ? 'Y' : 'N', n,
      summary, answered ? said.did : null, dfe(responseDay), action,
    ]);
  }
};
