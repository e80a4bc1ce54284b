-- The waitlist (candidates and their status history) and the worker's path (held
-- meetings, guidance plans, leaving records), plus the path's interval settings.
-- Dates are ISO text. Candidate facts mirror the person columns: on hire they become one.

CREATE TABLE candidate (
    id                      INTEGER PRIMARY KEY,
    insz                    TEXT,
    last_name               TEXT NOT NULL,
    first_name              TEXT NOT NULL,
    birth_date              TEXT,
    sex                     TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('male','female','x','unknown')),
    education_level         TEXT NOT NULL DEFAULT 'unknown',
    vdab_registration_date  TEXT,
    inactive_since          TEXT,
    limitation              TEXT NOT NULL DEFAULT 'unknown' CHECK (limitation IN ('yes','no','unknown')),
    disability_registration TEXT NOT NULL DEFAULT 'unknown' CHECK (disability_registration IN ('yes','no','unknown')),
    guidance_trajectory     TEXT NOT NULL DEFAULT 'unknown' CHECK (guidance_trajectory IN ('yes','no','unknown')),
    insufficient_skills     TEXT NOT NULL DEFAULT 'unknown' CHECK (insufficient_skills IN ('yes','no','unknown')),
    contact                 TEXT NOT NULL DEFAULT '',
    referrer                TEXT NOT NULL CHECK (referrer IN ('vdab','atb','ocmw','werkwinkel','spontaneous','other')),
    counsellor_name         TEXT NOT NULL DEFAULT '',
    counsellor_contact      TEXT NOT NULL DEFAULT '',
    referral_date           TEXT NOT NULL,
    work_form_id            INTEGER REFERENCES work_form (id) ON DELETE SET NULL,
    category                TEXT NOT NULL CHECK (category IN ('target_group_recognised','target_group_non_recognised','article_60','supervisor_recognised','supervisor_non_recognised','work_care','other_staff')),
    attest_kind             TEXT CHECK (attest_kind IS NULL OR attest_kind IN ('work_care_attest','target_group_attest','social_report','other')),
    attest_date             TEXT,
    attest_valid_until      TEXT,
    priority                TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('high','normal','low')),
    notes                   TEXT NOT NULL DEFAULT '',
    status                  TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting','invited','intake','hired','withdrawn','referred_elsewhere','not_eligible')),
    person_id               INTEGER REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX candidate_order ON candidate (referral_date, priority);

-- Every status a candidate had: who recorded it, when it took effect, and why.
CREATE TABLE candidate_status (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
    status       TEXT NOT NULL,
    date         TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX candidate_status_candidate ON candidate_status (candidate_id, id);

-- Held path meetings. Planned meetings are computed from the hire date and the settings;
-- a held one is matched by (person, hire date, kind, number).
CREATE TABLE path_meeting (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    hire_date    TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('intake','guidance_plan','follow_up','yearly_consultation','transition_follow_up','debrief')),
    seq          INTEGER NOT NULL,
    due_date     TEXT NOT NULL,
    held_date    TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL DEFAULT '',
    next_step    TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, hire_date, kind, seq)
);

-- The individual guidance plan (IBP) of one employment, its tasks and revision dates.
CREATE TABLE guidance_plan (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    hire_date  TEXT NOT NULL,
    agreed_on  TEXT,
    counsellor TEXT NOT NULL DEFAULT '',
    agreements TEXT NOT NULL DEFAULT '',
    UNIQUE (person_id, hire_date)
);

CREATE TABLE guidance_task (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES guidance_plan (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    task        TEXT NOT NULL,
    responsible TEXT NOT NULL DEFAULT ''
);

CREATE TABLE guidance_revision (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES guidance_plan (id) ON DELETE CASCADE,
    date    TEXT NOT NULL
);

-- Why a worker left. The last day itself is the end date of the last employment period.
CREATE TABLE leaving (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    period_id    INTEGER NOT NULL UNIQUE REFERENCES employment_period (id) ON DELETE CASCADE,
    reason       TEXT NOT NULL CHECK (reason IN ('regular_job','other_social_economy','training','dismissal','own_choice','illness','end_of_term','retirement','death','other')),
    return_right INTEGER NOT NULL DEFAULT 0 CHECK (return_right IN (0, 1)),
    note         TEXT NOT NULL DEFAULT ''
);

-- The path's intervals (organisation settings; changed in the app).
INSERT OR IGNORE INTO setting (key, value) VALUES
    ('path.intake_days', '0'),
    ('path.plan_months', '1'),
    ('path.follow_up_months', '3'),
    ('path.yearly_months', '12'),
    ('path.transition_from_months', '24'),
    ('path.transition_every_months', '6'),
    ('path.debrief_days', '14');
