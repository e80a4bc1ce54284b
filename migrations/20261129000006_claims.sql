-- Subsidy claims: dated per-worker attributes, claim rule sets with their versions, claims
-- (draft / issued, amendments), their lines and the department's settlement amounts.
-- Decimals are canonical text (decimal point); dates ISO text; JSON is canonical
-- (serde_json of the domain types).

-- Per-worker facts the claim streams need, dated. `value`: a percentage (`60`), a level id
-- (`low`/`medium`/`high`), or '' for seniority_start and sine_attest (the dates say it);
-- `valid_until` is the last day of a SINE attest (NULL = open).
CREATE TABLE worker_attribute (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    key         TEXT NOT NULL CHECK (key IN ('wage_percentage','guidance_level','seniority_start','sine_attest')),
    value       TEXT NOT NULL DEFAULT '',
    valid_from  TEXT NOT NULL,
    valid_until TEXT CHECK (valid_until IS NULL OR valid_until >= valid_from),
    UNIQUE (person_id, key, valid_from)
);

-- The SINE allowance is capped at the net wage: wage codes gain the meaning `net_wage`.
-- SQLite cannot change a CHECK, so the table is rebuilt with its rows.
CREATE TABLE wage_code_new (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    meaning     TEXT NOT NULL CHECK (meaning IN ('worked_hours','paid_absence','unpaid_absence','gross_wage',
                                                 'employer_contributions','reduction','net_wage','other')),
    description TEXT
);
INSERT INTO wage_code_new (id, code, meaning, description) SELECT id, code, meaning, description FROM wage_code;
DROP TABLE wage_code;
ALTER TABLE wage_code_new RENAME TO wage_code;

-- A claim rule set (streams, formulas, dated parameters) as canonical JSON, with every
-- version it has had. A change is a new version; versions are never changed.
CREATE TABLE claim_rule_set (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    definition TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE claim_rule_set_version (
    rule_set_id INTEGER NOT NULL REFERENCES claim_rule_set (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    PRIMARY KEY (rule_set_id, version)
);
CREATE TRIGGER claim_rule_set_version_frozen BEFORE UPDATE ON claim_rule_set_version
BEGIN
    SELECT RAISE(ABORT, 'claim_rule_set_version is append-only');
END;

-- A claim for one work form and quarter. A draft is recomputed on demand; an issued claim
-- is frozen: inputs, rule version, result, lines, totals, document bytes and hashes.
-- No foreign key on work_form or person: an issued claim outlives them.
CREATE TABLE claim (
    id               INTEGER PRIMARY KEY,
    work_form_id     INTEGER NOT NULL,
    work_form_kind   TEXT NOT NULL,
    period           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft','issued')),
    amends_id        INTEGER REFERENCES claim (id),
    rule_set_code    TEXT NOT NULL,
    rule_set_version INTEGER NOT NULL,
    rule_set_sha256  TEXT NOT NULL,
    inputs           TEXT NOT NULL,
    result           TEXT NOT NULL,
    total            TEXT NOT NULL,
    complete         INTEGER NOT NULL CHECK (complete IN (0, 1)),
    computed_at      TEXT NOT NULL,
    issued_at        TEXT,
    issued_by        TEXT,
    signer           TEXT,
    signer_function  TEXT,
    -- SHA-256 of the frozen canonical JSON (inputs + result), and of the PDF when rendered.
    sha256           TEXT,
    pdf              BLOB,
    pdf_sha256       TEXT,
    CHECK (status = 'draft' OR (issued_at IS NOT NULL AND sha256 IS NOT NULL AND signer IS NOT NULL))
);
CREATE INDEX claim_period ON claim (work_form_id, period);

CREATE TABLE claim_line (
    id        INTEGER PRIMARY KEY,
    claim_id  INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    stream    TEXT NOT NULL,
    person_id INTEGER,
    amount    TEXT,
    detail    TEXT NOT NULL
);
CREATE INDEX claim_line_claim ON claim_line (claim_id, position);

-- The database refuses any change to an issued claim and its lines.
CREATE TRIGGER claim_issued_no_update BEFORE UPDATE ON claim WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'claim is issued and cannot be changed');
END;
CREATE TRIGGER claim_issued_no_delete BEFORE DELETE ON claim WHEN OLD.status = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'claim is issued and cannot be changed');
END;
CREATE TRIGGER claim_line_issued_no_insert BEFORE INSERT ON claim_line
WHEN (SELECT status FROM claim WHERE id = NEW.claim_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'claim is issued and cannot be changed');
END;
CREATE TRIGGER claim_line_issued_no_update BEFORE UPDATE ON claim_line
WHEN (SELECT status FROM claim WHERE id = OLD.claim_id) = 'issued'
  OR (SELECT status FROM claim WHERE id = NEW.claim_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'claim is issued and cannot be changed');
END;
CREATE TRIGGER claim_line_issued_no_delete BEFORE DELETE ON claim_line
WHEN (SELECT status FROM claim WHERE id = OLD.claim_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'claim is issued and cannot be changed');
END;

-- The department's settlement amount per stream: kept apart so it can be recorded on an
-- issued claim (the document works as a settlement check).
CREATE TABLE claim_settlement (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    stream     TEXT NOT NULL,
    amount     TEXT NOT NULL,
    entered_at TEXT NOT NULL,
    entered_by TEXT NOT NULL,
    UNIQUE (claim_id, stream)
);
