-- Sign-in, sessions, the audit log and confidential case audits.

-- People who may sign in. Passwords are scrypt hashes (see store/users.ts), never the password.
CREATE TABLE app_user (
  username         text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  role             text NOT NULL CHECK (role IN ('admin', 'officer', 'manager', 'councillor', 'auditor')),
  password_hash    text NOT NULL,
  disabled         boolean NOT NULL DEFAULT false,
  failed_attempts  integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  last_sign_in     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions. The id is the SHA-256 of the cookie's random token, so a copy of this
-- table does not let anyone sign in as the people in it.
CREATE TABLE session (
  id           text PRIMARY KEY,
  username     text NOT NULL REFERENCES app_user ON DELETE CASCADE,
  csrf_secret  text NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX session_username ON session (username);

-- Who viewed or changed what. Append-only: the trigger below refuses UPDATE, DELETE and TRUNCATE,
-- so not even the application (or a compromised account using it) can rewrite history.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  username    text,                 -- null when nobody was signed in (e.g. a failed sign-in)
  role        text,
  event       text NOT NULL CHECK (event IN ('view', 'change', 'sign_in', 'sign_in_failed', 'sign_out', 'denied')),
  method      text NOT NULL,
  route       text NOT NULL,        -- the route pattern, e.g. /api/children/:childId
  url         text NOT NULL,
  status      integer NOT NULL,
  record_ids  text[] NOT NULL DEFAULT '{}',  -- the ids in the route (child id, action id...)
  ip          text
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (username, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Case audits (quality assurance of practice): confidential findings about one child's case.
-- child_id is not a foreign key: an audit outlives the child's rows in the statutory returns.
CREATE TABLE case_audit (
  audit_id      text PRIMARY KEY,
  type          text NOT NULL CHECK (type IN ('core', 'themed')),
  theme         text,
  audited_date  date NOT NULL,
  child_id      text NOT NULL,
  auditor       text NOT NULL,
  grade         text NOT NULL CHECK (grade IN ('outstanding', 'good', 'requires_improvement', 'inadequate')),
  findings      text NOT NULL DEFAULT '',
  actions       text NOT NULL DEFAULT '',
  updated_by    text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'themed') = (theme IS NOT NULL))
);
CREATE INDEX case_audit_date ON case_audit (audited_date);
