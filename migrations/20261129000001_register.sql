-- The staff register: organisation, work forms, people, employment periods, audit trail.
-- Dates are ISO text (YYYY-MM-DD); Q and S are integers in hundredths of hours.

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    kbo         TEXT,
    street      TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE work_form (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN ('social_workshop','work_care','maatwerk','insertion','local_services')),
    recognition_number TEXT
);

CREATE TABLE person (
    id                      INTEGER PRIMARY KEY,
    insz                    TEXT UNIQUE,
    last_name               TEXT NOT NULL,
    first_name              TEXT NOT NULL,
    birth_date              TEXT,
    sex                     TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('male','female','x','unknown')),
    education_level         TEXT NOT NULL DEFAULT 'unknown',
    vdab_registration_date  TEXT,
    inactive_since          TEXT,
    limitation              TEXT NOT NULL DEFAULT 'unknown' CHECK (limitation IN ('yes','no','unknown')),
    disability_registration TEXT NOT NULL DEFAULT 'unknown' CHECK (disability_registration IN ('yes','no','unknown'))
);
CREATE INDEX person_name ON person (last_name, first_name);

CREATE TABLE employment_period (
    id                         INTEGER PRIMARY KEY,
    person_id                  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    category                   TEXT NOT NULL CHECK (category IN ('target_group_recognised','target_group_non_recognised','article_60','supervisor_recognised','supervisor_non_recognised','work_care','other_staff')),
    start_date                 TEXT NOT NULL,
    end_date                   TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    q                          INTEGER NOT NULL CHECK (q BETWEEN 1 AND 4800),
    s                          INTEGER NOT NULL CHECK (s BETWEEN 1 AND 4800),
    contract_type              TEXT NOT NULL,
    job                        TEXT,
    ocmw                       TEXT,
    placement_agreement_signed TEXT
);
CREATE INDEX employment_period_person ON employment_period (person_id, start_date);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every write is recorded here in the same transaction as the write itself.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    details   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
