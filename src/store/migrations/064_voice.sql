-- Voice of the child: feedback from children and young people (surveys, youth council, children
-- in care council, participation events...) recorded against a Children's Services Strategy
-- priority, with its themes and, once given, the "you said, we did" response. One row per piece
-- of feedback, or per aggregated survey question or event (participants = how many took part).
-- summary holds an anonymised quote: the importer refuses text that looks like an identifier.
CREATE TABLE voice_feedback (
  feedback_id       text PRIMARY KEY,
  received_date     date NOT NULL,
  source            text NOT NULL,
  priority_id       text NOT NULL REFERENCES priority,
  themes            text[] NOT NULL CHECK (cardinality(themes) > 0),
  sentiment         text CHECK (sentiment IN ('positive', 'mixed', 'negative')),
  age_band          text,
  care_experienced  boolean NOT NULL DEFAULT false,
  participants      integer NOT NULL DEFAULT 1 CHECK (participants > 0),
  summary           text NOT NULL,
  you_said_we_did   text,
  response_date     date,
  action_id         text REFERENCES strategy_action,
  CHECK (response_date IS NULL OR response_date >= received_date)
);
CREATE INDEX voice_feedback_priority ON voice_feedback (priority_id, received_date);
CREATE INDEX voice_feedback_received ON voice_feedback (received_date);
