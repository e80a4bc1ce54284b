-- Work forms on employment periods, dated rule parameters per work form, and the facts
-- the entry conditions need beyond those of the first migration.

-- NULL = the organisation's main work form (the first one listed).
ALTER TABLE employment_period ADD COLUMN work_form_id INTEGER REFERENCES work_form (id) ON DELETE SET NULL;

ALTER TABLE person ADD COLUMN guidance_trajectory TEXT NOT NULL DEFAULT 'unknown'
    CHECK (guidance_trajectory IN ('yes','no','unknown'));
ALTER TABLE person ADD COLUMN insufficient_skills TEXT NOT NULL DEFAULT 'unknown'
    CHECK (insufficient_skills IN ('yes','no','unknown'));
ALTER TABLE person ADD COLUMN work_care_attest_valid_until TEXT;

-- One row per parameter value and the day it takes effect; the value in force on a day is
-- the row with the latest effective_from on or before it. Values are canonical text
-- (decimals with a point, categories as comma-separated ids, hours in hundredths).
CREATE TABLE rule_value (
    id             INTEGER PRIMARY KEY,
    work_form_id   INTEGER NOT NULL REFERENCES work_form (id) ON DELETE CASCADE,
    key            TEXT NOT NULL,
    value          TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    source         TEXT,
    UNIQUE (work_form_id, key, effective_from)
);
