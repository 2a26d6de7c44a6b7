// Voice of the child: whether children and young people hear back what was done with what they said.
import { VOICE_AGE_BANDS } from '../voice.ts';
import type { IndicatorDefinition } from './types.ts';

/** A response counts when it is made within this many months of the feedback. */
export const ANSWER_MONTHS = 3;

/** The feedback's age band as the words of the other indicators' age bands; null = not recorded. */
const AGE_BAND = `CASE v.age_band ${Object.entries(VOICE_AGE_BANDS).map(([code, label]) => `WHEN '${code}' THEN '${label}'`).join(' ')} END`;
const DEADLINE = `(v.received_date + interval '${ANSWER_MONTHS} months')::date`;
const ANSWERED_IN_TIME = `v.response_date IS NOT NULL AND v.response_date <= params.as_of AND v.response_date <= ${DEADLINE}`;

export const VOICE_INDICATORS: IndicatorDefinition[] = [
  {
    id: 'voice_answered_3m',
    title: 'Feedback from children answered within three months',
    description:
      'Of the feedback children and young people gave in the period (surveys, youth and children in care councils, ' +
      'participation events, consultations, complaints and compliments, advocacy), the percentage with a "you said, we ' +
      'did" response recorded within three months. Telling children what changed because of what they said is what ' +
      'makes their participation count, and inspectors look for it. Feedback whose three months have not yet passed is ' +
      'left out until they have. Counted by piece of feedback, not by child. Local target 80% with an amber band of 15 points.',
    area: 'voice',
    unit: 'percent',
    polarity: 'higher',
    target: 80,
    tolerance: 15,
    // A month holds too little feedback to rate.
    periodTypes: ['quarter', 'year'],
    suppress: true,
    benchmarkable: false,
    dimensions: ['age_band'],
    aggregate: 'rate',
    source: {
      kind: 'event',
      sql: `SELECT v.received_date AS at, v.feedback_id AS unit_id, (${ANSWERED_IN_TIME})::int AS num,
          ((${ANSWERED_IN_TIME}) OR ${DEADLINE} < params.as_of)::int AS den, NULL::float AS val, ${AGE_BAND} AS age_band
        FROM voice_feedback v CROSS JOIN params`,
    },
  },
];
