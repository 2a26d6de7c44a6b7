-- Committee reports and family letters. Letter templates are plain text with {{placeholders}} an
-- officer can edit; every saved version is kept so a letter can be traced to the wording sent.
CREATE TABLE letter_template (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,                -- e.g. 'ehcp_delay'
  body        text NOT NULL,
  updated_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX letter_template_name ON letter_template (name, id);
