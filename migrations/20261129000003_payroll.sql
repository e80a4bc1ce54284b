-- Payroll imports: batches of lines from the social secretariat's exports, the wage-code
-- meanings the claims read, saved column mappings, and remembered worker numbers.
-- Decimals are canonical text (decimal point), hours integer hundredths.

CREATE TABLE wage_code (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    meaning     TEXT NOT NULL CHECK (meaning IN ('worked_hours','paid_absence','unpaid_absence','gross_wage',
                                                 'employer_contributions','reduction','other')),
    description TEXT
);

CREATE TABLE mapping_profile (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    header_signature TEXT NOT NULL,
    mapping          TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX mapping_profile_signature ON mapping_profile (header_signature);

CREATE TABLE payroll_batch (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    file_size    INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    sheet        TEXT,
    mapping      TEXT NOT NULL,
    profile_name TEXT,
    imported_by  TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    lines        INTEGER NOT NULL,
    first_period TEXT,
    last_period  TEXT,
    undone_at    TEXT,
    undone_by    TEXT
);
-- The same file cannot be imported twice, unless the earlier batch was undone.
CREATE UNIQUE INDEX payroll_batch_file ON payroll_batch (sha256) WHERE undone_at IS NULL;

CREATE TABLE payroll_line (
    id                     INTEGER PRIMARY KEY,
    batch_id               INTEGER NOT NULL REFERENCES payroll_batch (id) ON DELETE CASCADE,
    row                    INTEGER NOT NULL,
    person_id              INTEGER REFERENCES person (id) ON DELETE SET NULL,
    worker_number          TEXT,
    insz                   TEXT,
    name                   TEXT,
    period_start           TEXT NOT NULL,
    period_end             TEXT NOT NULL,
    wage_code              TEXT NOT NULL,
    description            TEXT,
    quantity               TEXT,
    unit                   TEXT,
    hours                  INTEGER,
    amount                 TEXT,
    gross_wage             TEXT,
    employer_contributions TEXT,
    q                      INTEGER,
    s                      INTEGER
);
CREATE INDEX payroll_line_batch ON payroll_line (batch_id);
CREATE INDEX payroll_line_person_period ON payroll_line (person_id, period_start);

-- A secretariat's worker number, once linked to a person, matches again next time.
CREATE TABLE worker_number (
    worker_number TEXT PRIMARY KEY,
    person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE
);
