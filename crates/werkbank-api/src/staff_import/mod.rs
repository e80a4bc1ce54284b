//! Staff register import: the file is parsed to a preview by `werkbank-import`; here it
//! is checked against what the register already holds, then committed in one transaction.

pub mod dto;

use crate::Api;

use crate::convert::iso;
use crate::dto::{ImportColumnDto, StaffFileOptions, StaffImportPreviewDto, StaffImportResultDto, StaffImportRowDto};
use crate::error::{AppError, ImportIssueDto, Result};
use crate::messages::Catalogue;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use werkbank_domain::{EmploymentPeriod, Person, Sex, Stored};
use werkbank_import::staff::{preview_staff, ImportIssue, StaffImportOptions, StaffPreview, StaffRow};
use werkbank_store::{people, periods, SqliteConnection};

pub(crate) struct Plan {
    rows: u32,
    people: Vec<PlannedPerson>,
}

struct PlannedPerson {
    existing_id: Option<i64>,
    person: Person,
    /// The periods the register holds already (none for a new person).
    stored: Vec<EmploymentPeriod>,
    /// The file's periods to add.
    new: Vec<EmploymentPeriod>,
}

pub(crate) fn read(
    path: &Path,
    sheet: Option<String>,
    mapping: Option<BTreeMap<String, u32>>,
    work_care_full_time: u32,
    today: chrono::NaiveDate,
) -> Result<StaffPreview> {
    let mapping = mapping.map(|m| {
        werkbank_import::payroll::ColumnMapping(m.into_iter().map(|(field, column)| (field, column as usize)).collect())
    });
    let opts = StaffImportOptions { work_care_full_time, sheet, mapping, today };
    preview_staff(path, &opts).map_err(|e| AppError::Import {
        code: e.code().to_string(),
        params: e.params(),
        issues: vec![],
    })
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Checks the parsed rows against the register. Returns what the user sees and, when
/// there is nothing wrong, what a commit will write.
pub(crate) async fn preview(
    conn: &mut SqliteConnection,
    cat: &Catalogue,
    p: StaffPreview,
) -> Result<(StaffImportPreviewDto, Plan)> {
    let mut issues: Vec<ImportIssue> = p.issues.clone();
    let header_of = |field: &str| p.columns.iter().find(|(f, _)| f == field).map(|(_, h)| h.clone());
    let mut planned: Vec<PlannedPerson> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::new();
    let (mut new_people, mut existing_people) = (0, 0);
    let forms = werkbank_store::organisation::get(conn).await?.map(|o| o.work_forms).unwrap_or_default();
    for row in &p.rows {
        let mut period = row.period.clone();
        if let Some(text) = &row.work_form {
            match find_work_form(cat, &forms, text) {
                Some(id) => period.work_form_id = Some(id),
                None => issues.push(ImportIssue {
                    row: row.row,
                    column: "work_form".into(),
                    header: header_of("work_form"),
                    value: Some(text.clone()),
                    code: "import.work_form_unknown".into(),
                    params: BTreeMap::new(),
                }),
            }
        }
        let key = row.insz.digits().to_string();
        let slot = match index.get(&key) {
            Some(&k) => k,
            None => {
                let existing = people::find_by_insz(conn, &row.insz).await?;
                let (existing_id, person, stored) = match existing {
                    Some(person) => {
                        existing_people += 1;
                        let id = person.id;
                        (
                            Some(id),
                            person.into_value(),
                            periods::for_person(conn, id).await?.into_iter().map(Stored::into_value).collect(),
                        )
                    }
                    None => {
                        new_people += 1;
                        (None, new_person(row), Vec::new())
                    }
                };
                planned.push(PlannedPerson { existing_id, person, stored, new: Vec::new() });
                index.insert(key, planned.len() - 1);
                planned.len() - 1
            }
        };
        let plan = &mut planned[slot];
        if plan.existing_id.is_none() && plan.person.birth_date.is_none() {
            // A new person whose first row gave no birth date (nor did the INSZ): a later row's.
            plan.person.birth_date = row.birth_date;
        }
        if plan.existing_id.is_some()
            && (!same_text(&plan.person.last_name, &row.last_name)
                || !same_text(&plan.person.first_name, &row.first_name)
                || plan.person.birth_date.zip(row.birth_date).is_some_and(|(stored, read)| stored != read))
        {
            let mut params = BTreeMap::new();
            params.insert("name".into(), plan.person.display_name());
            params.insert("birth_date".into(), plan.person.birth_date.map(iso).unwrap_or_default());
            issues.push(ImportIssue {
                row: row.row,
                column: "last_name".into(),
                header: header_of("last_name"),
                value: Some(format!("{}, {}", row.last_name, row.first_name)),
                code: "import.person_mismatch".into(),
                params,
            });
        }
        let stored = &plan.stored;
        if stored.iter().any(|s| same_period(s, &row.period)) {
            issues.push(ImportIssue {
                row: row.row,
                column: "start".into(),
                header: header_of("start"),
                value: Some(iso(row.period.start)),
                code: "import.period_exists".into(),
                params: BTreeMap::new(),
            });
        } else if let Err(v) = row.period.check_no_overlap(stored) {
            for v in v.0 {
                issues.push(ImportIssue {
                    row: row.row,
                    column: "start".into(),
                    header: header_of("start"),
                    value: Some(iso(row.period.start)),
                    code: v.code,
                    params: v.params,
                });
            }
        }
        plan.new.push(period.clone());
        rows.push(StaffImportRowDto {
            row: row.row,
            insz: row.insz.formatted(),
            last_name: row.last_name.clone(),
            first_name: row.first_name.clone(),
            birth_date: row.birth_date.map(iso),
            category: row.period.category,
            start: iso(row.period.start),
            end: row.period.end.map(iso),
            q: row.period.fraction.q,
            s: row.period.fraction.s,
            existing_person: plan.existing_id.is_some(),
            work_form_id: period.work_form_id,
        });
    }
    issues.sort_by(|a, b| (a.row, &a.column).cmp(&(b.row, &b.column)));
    let issues: Vec<ImportIssueDto> = issues.iter().map(|i| crate::error::import_issue_dto(cat, i)).collect();
    let dto = StaffImportPreviewDto {
        can_commit: issues.is_empty() && !rows.is_empty(),
        file_name: p.file_name,
        sheet: p.sheet,
        sheet_names: p.sheet_names,
        header_row: p.header_row,
        columns: p
            .columns
            .into_iter()
            .map(|(field, header)| {
                let column = p.column_indexes.iter().find(|(f, _)| *f == field).map(|(_, i)| *i as u32).unwrap_or(0);
                ImportColumnDto { field, header, column }
            })
            .collect(),
        headers: p.headers,
        total_rows: p.total_rows,
        rows,
        issues,
        new_people,
        existing_people,
    };
    Ok((dto, Plan { rows: dto_rows(&planned), people: planned }))
}

/// A work form named in a cell: its id (`social_workshop`), its Dutch label ("Sociale
/// werkplaats") or its recognition number.
fn find_work_form(
    cat: &Catalogue,
    forms: &[werkbank_domain::Stored<werkbank_domain::WorkForm>],
    text: &str,
) -> Option<i64> {
    let t = text.trim();
    forms
        .iter()
        .find(|f| {
            // The present kind or an earlier one (a register from before 2019 says "Sociale werkplaats").
            let mut kinds = std::iter::once(f.kind).chain(f.earlier_kinds.iter().map(|e| e.kind));
            kinds.any(|k| same_text(k.id(), t) || same_text(&cat.text(&format!("work_form.{}", k.id())), t))
                || f.recognition_number.as_deref().is_some_and(|r| same_text(r, t))
        })
        .map(|f| f.id)
}

fn dto_rows(planned: &[PlannedPerson]) -> u32 {
    planned.iter().map(|p| p.new.len() as u32).sum()
}

fn same_period(a: &EmploymentPeriod, b: &EmploymentPeriod) -> bool {
    a.category == b.category && a.start == b.start && a.end == b.end && a.fraction == b.fraction
}

fn new_person(row: &StaffRow) -> Person {
    Person {
        insz: Some(row.insz.clone()),
        birth_date: row.birth_date,
        sex: row.sex.unwrap_or(Sex::Unknown),
        ..Person::new(row.last_name.clone(), row.first_name.clone())
    }
}

/// The error returned when a file cannot be imported as it is.
pub(crate) fn refusal(dto: &StaffImportPreviewDto) -> AppError {
    let mut params = BTreeMap::new();
    params.insert("count".into(), dto.issues.len().to_string());
    let code = if dto.issues.is_empty() { "import.header_only" } else { "import.has_issues" };
    AppError::Import { code: code.into(), params, issues: dto.issues.clone() }
}

pub(crate) async fn commit(conn: &mut SqliteConnection, plan: Plan) -> Result<StaffImportResultDto> {
    let mut result = StaffImportResultDto { rows: plan.rows, people_created: 0, people_matched: 0, periods_created: 0 };
    for planned in plan.people {
        let id = match planned.existing_id {
            Some(id) => {
                result.people_matched += 1;
                id
            }
            None => {
                result.people_created += 1;
                people::insert(conn, &planned.person).await?
            }
        };
        for p in &planned.new {
            periods::insert(conn, id, p).await?;
            result.periods_created += 1;
        }
    }
    Ok(result)
}

// ----- use cases ------------------------------------------------------------

impl Api {
    /// Reads a staff register file and shows what an import would do; stores nothing.
    /// `options`: the sheet (default the first) and a hand mapping (field id → column
    /// index) instead of the headers.
    pub async fn preview_staff_import(&self, path: &Path, options: StaffFileOptions) -> Result<StaffImportPreviewDto> {
        let wc = self.work_care_full_time().await?;
        let preview = read(path, options.sheet, options.mapping, wc, self.today())?;
        let mut conn = self.store.conn().await?;
        self::preview(&mut conn, self.catalogue(), preview).await.map(|(dto, _)| dto)
    }

    /// Imports a staff register file: all rows or, on any problem, nothing (the options
    /// of [`Api::preview_staff_import`]).
    pub async fn import_staff(&self, path: &Path, options: StaffFileOptions) -> Result<StaffImportResultDto> {
        let wc = self.work_care_full_time().await?;
        let preview = read(path, options.sheet, options.mapping, wc, self.today())?;
        let mut tx = self.store.begin().await?;
        let (dto, plan) = self::preview(&mut tx, self.catalogue(), preview).await?;
        if !dto.issues.is_empty() || dto.rows.is_empty() {
            return Err(refusal(&dto));
        }
        let result = commit(&mut tx, plan).await?;
        self.audit(
            &mut tx,
            "import",
            "staff_register",
            None,
            serde_json::json!({ "file": dto.file_name, "sheet": dto.sheet, "rows": result.rows,
                "people_created": result.people_created, "periods_created": result.periods_created }),
        )
        .await?;
        tx.commit().await?;
        Ok(result)
    }
}
