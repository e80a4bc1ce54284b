-- A work form's kind is dated: the kinds it had before its present one (`work_form.kind`),
-- each up to the day before `until` (half-open; docs/domain/work-forms.md). The social
-- workshops became maatwerk companies on 1 January 2019.
CREATE TABLE work_form_earlier_kind (
    work_form_id INTEGER NOT NULL REFERENCES work_form (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    until TEXT NOT NULL,
    PRIMARY KEY (work_form_id, until)
);
