//! Werkbank's use cases: the one API that the desktop shell (`src-tauri`) and the CLI
//! (`werkbank-cli`) call. Each public method of [`Api`] is one thing a director does.
//!
//! Architecture Invariant: no Tauri here, and no front-end logic in the adapters: a Tauri
//! command or a CLI subcommand takes its parameters, calls one method, returns the DTO.
//! Every write runs in one transaction together with its audit record.

pub mod claim_export;
pub mod claim_pdf;
pub mod claims;
mod compliance;
pub mod demo;
pub mod dto;
pub mod error;
pub mod frozen;
mod input;
pub mod list_export;
pub mod messages;
mod path;
pub mod paths;
mod payroll;
mod staff_import;
mod waitlist;

use chrono::{NaiveDate, Utc};
use dto::*;
use error::{AppError, Result};
use messages::Catalogue;
use std::collections::BTreeMap;
use std::path::Path;
use werkbank_domain::fte::{category_overview, round_fte};
use werkbank_domain::{EmploymentPeriod, Organisation, Person, ReportingPeriod, Violation, Violations, WorkForm};
use werkbank_store::{audit, organisation, people, periods, settings, SqliteConnection, Store};

pub use error::ErrorDto;
pub use werkbank_domain::Category;
pub use werkbank_import::table::Progress;

/// Setting: the weekly hours of activity that make one FTE in work care (hundredths).
pub const WORK_CARE_FULL_TIME_KEY: &str = "work_care_full_time";
pub const WORK_CARE_FULL_TIME_DEFAULT: u32 = 3000;

pub struct Api {
    store: Store,
    actor: String,
    fixed_today: Option<NaiveDate>,
}

impl Api {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub async fn open(path: &Path) -> Result<Self> {
        Ok(Self::new(Store::open(path).await?))
    }

    /// A fresh in-memory register (tests).
    pub async fn open_in_memory() -> Result<Self> {
        Ok(Self::new(Store::open_in_memory().await?))
    }

    fn new(store: Store) -> Self {
        let actor = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "werkbank".into());
        Self { store, actor, fixed_today: None }
    }

    /// Pins "today" (tests, reproducible demos).
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.fixed_today = Some(today);
        self
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    pub fn catalogue(&self) -> &'static Catalogue {
        Catalogue::nl_be()
    }

    /// The error as the UI and CLI show it, in the user's language.
    pub fn error_dto(&self, e: &AppError) -> ErrorDto {
        e.to_dto(self.catalogue())
    }

    pub async fn close(&self) {
        self.store.close().await;
    }

    async fn audit(
        &self,
        conn: &mut SqliteConnection,
        action: &str,
        entity: &str,
        id: Option<i64>,
        details: serde_json::Value,
    ) -> Result<()> {
        let at = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        audit::record(conn, &at, &self.actor, action, entity, id, &details).await?;
        Ok(())
    }

    pub async fn status(&self) -> Result<AppStatusDto> {
        let mut conn = self.store.conn().await?;
        let today = self.today();
        Ok(AppStatusDto {
            database: self.store.path().map(|p| p.display().to_string()).unwrap_or_else(|| ":memory:".into()),
            people: people::count(&mut conn).await?,
            has_organisation: organisation::get(&mut conn).await?.is_some(),
            today: iso(today),
            current_quarter: ReportingPeriod::quarter_of(today).to_string(),
            work_care_full_time: work_care_full_time(&mut conn).await?,
        })
    }

    pub async fn work_care_full_time(&self) -> Result<u32> {
        let mut conn = self.store.conn().await?;
        work_care_full_time(&mut conn).await
    }

    // ----- organisation -------------------------------------------------------------

    pub async fn organisation(&self) -> Result<Option<OrganisationDto>> {
        let mut conn = self.store.conn().await?;
        let wc = work_care_full_time(&mut conn).await?;
        Ok(organisation::get(&mut conn).await?.map(|o| organisation_dto(o, wc)))
    }

    pub async fn save_organisation(&self, input: OrganisationDto) -> Result<OrganisationDto> {
        let mut out = Vec::new();
        if input.name.trim().is_empty() {
            out.push(Violation::new("name", "organisation.name_required"));
        }
        let kbo = if input.kbo.trim().is_empty() {
            None
        } else {
            werkbank_domain::KboNumber::parse(&input.kbo).map_err(|v| out.push(v)).ok()
        };
        let optional = |text: &str, parse: fn(&str) -> std::result::Result<String, Violation>, out: &mut Vec<_>| {
            if text.trim().is_empty() {
                String::new()
            } else {
                parse(text).map_err(|v| out.push(v)).unwrap_or_default()
            }
        };
        let rsz_number = optional(&input.rsz_number, werkbank_domain::organisation::parse_rsz_number, &mut out);
        let iban = optional(&input.iban, werkbank_domain::organisation::parse_iban, &mut out);
        let bic = optional(&input.bic, werkbank_domain::organisation::parse_bic, &mut out);
        let wc = input::hours("work_care_full_time", &input.work_care_full_time, &mut out);
        if let Some(h) = wc.filter(|h| *h == 0 || *h > werkbank_domain::Fraction::MAX_HUNDREDTHS) {
            out.push(
                Violation::new("work_care_full_time", "fraction.s_range")
                    .with("value", werkbank_domain::employment::hours(h)),
            );
        }
        let work_forms: Vec<WorkForm> = input
            .work_forms
            .iter()
            .map(|w| {
                let earlier_kinds = w
                    .earlier_kinds
                    .iter()
                    .filter_map(|e| {
                        let last = input::required_date("work_form", &e.last_day, &mut out)?;
                        let until = last.succ_opt();
                        if until.is_none() {
                            out.push(Violation::new("work_form", "date.invalid").with("value", e.last_day.clone()));
                        }
                        Some(werkbank_domain::EarlierKind { kind: e.kind, until: until? })
                    })
                    .collect();
                WorkForm {
                    id: w.id,
                    kind: w.kind,
                    recognition_number: w.recognition_number.clone().filter(|r| !r.trim().is_empty()),
                    earlier_kinds,
                }
            })
            .collect();
        for form in &work_forms {
            if let Err(v) = form.check_kinds() {
                out.push(v);
            }
        }
        Violations::check(out)?;
        let wc = wc.expect("checked");
        let org = Organisation {
            name: input.name.trim().into(),
            kbo,
            street: input.street.trim().into(),
            postal_code: input.postal_code.trim().into(),
            city: input.city.trim().into(),
            work_forms,
            legal_form: input.legal_form.trim().into(),
            rsz_number,
            iban,
            bic,
            signing_place: input.signing_place.trim().into(),
        };
        let mut tx = self.store.begin().await?;
        organisation::save(&mut tx, &org).await?;
        compliance::seed_missing(&mut tx).await?;
        settings::set(&mut tx, WORK_CARE_FULL_TIME_KEY, &wc.to_string()).await?;
        self.audit(
            &mut tx,
            "save",
            "organisation",
            Some(1),
            serde_json::json!({ "name": org.name, "work_care_full_time": wc }),
        )
        .await?;
        let saved = organisation::get(&mut tx).await?.expect("just saved");
        tx.commit().await?;
        Ok(organisation_dto(saved, wc))
    }

    // ----- people and periods -------------------------------------------------------

    pub async fn list_staff(&self, filter: StaffFilter) -> Result<Vec<StaffRowDto>> {
        let mut errs = Vec::new();
        let on = filter.on.as_deref().and_then(|s| input::optional_date("on", s, &mut errs));
        Violations::check(errs)?;
        let today = self.today();
        let mut conn = self.store.conn().await?;
        let everyone = people::list(&mut conn).await?;
        let mut by_person = periods::by_person(&mut conn).await?;
        let needle = filter.search.as_deref().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
        let needle_digits: Option<String> = needle
            .as_ref()
            .map(|n| n.chars().filter(char::is_ascii_digit).collect())
            .filter(|d: &String| !d.is_empty());
        let mut rows = Vec::new();
        for person in everyone {
            let id = person.id.expect("stored");
            let ps = by_person.remove(&id).unwrap_or_default();
            let on_day = |day: NaiveDate| ps.iter().find(|p| p.span().contains(day));
            let shown = match on {
                Some(day) => match on_day(day) {
                    Some(p) => Some(p),
                    None => continue,
                },
                None => on_day(today).or_else(|| ps.last()),
            };
            if let Some(cat) = filter.category {
                if shown.map(|p| p.category) != Some(cat) {
                    continue;
                }
            }
            if let Some(n) = &needle {
                let name = format!("{} {} {}", person.last_name, person.first_name, person.last_name).to_lowercase();
                let insz_hit = match (&needle_digits, &person.insz) {
                    (Some(d), Some(i)) => i.digits().contains(d.as_str()),
                    _ => false,
                };
                if !name.contains(n.as_str()) && !insz_hit {
                    continue;
                }
            }
            rows.push(StaffRowDto {
                id,
                insz: person.insz.as_ref().map(|i| i.formatted()),
                last_name: person.last_name,
                first_name: person.first_name,
                birth_date: person.birth_date.map(iso),
                category: shown.map(|p| p.category),
                fraction: shown.map(fraction_text),
                start: shown.map(|p| iso(p.start)),
                end: shown.and_then(|p| p.end.map(iso)),
                active: on_day(today).is_some(),
            });
        }
        Ok(rows)
    }

    pub async fn person(&self, id: i64) -> Result<PersonDetailDto> {
        let mut conn = self.store.conn().await?;
        person_detail(&mut conn, id).await
    }

    pub async fn create_person(&self, input: PersonInput) -> Result<PersonDetailDto> {
        let person = input::person(&input, None, self.today())?;
        let mut tx = self.store.begin().await?;
        let id = self.insert_person(&mut tx, &person).await?;
        let detail = person_detail(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    pub async fn update_person(&self, id: i64, input: PersonInput) -> Result<PersonDetailDto> {
        let person = input::person(&input, Some(id), self.today())?;
        let mut tx = self.store.begin().await?;
        let old = people::get(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "person", id })?;
        check_insz_free(&mut tx, &person, Some(id)).await?;
        people::update(&mut tx, id, &person).await?;
        // The audit names the fields that changed, not their (personal) values.
        self.audit(
            &mut tx,
            "update",
            "person",
            Some(id),
            serde_json::json!({ "fields": changed_fields(&old, &person) }),
        )
        .await?;
        let detail = person_detail(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    pub async fn add_period(&self, person_id: i64, input: PeriodInput) -> Result<PersonDetailDto> {
        let mut tx = self.store.begin().await?;
        let period = parse_period(&mut tx, &input, None).await?;
        self.insert_period(&mut tx, person_id, &period).await?;
        let detail = person_detail(&mut tx, person_id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// Stores a validated new person with its audit record (create_person, hire from the waitlist).
    async fn insert_person(&self, tx: &mut SqliteConnection, person: &Person) -> Result<i64> {
        check_insz_free(tx, person, None).await?;
        let id = people::insert(tx, person).await?;
        self.audit(tx, "create", "person", Some(id), serde_json::json!({})).await?;
        Ok(id)
    }

    /// Stores a parsed new period of a person (work form and overlap checked) with its
    /// audit record, which records the entry-condition outcome on the start date. Hiring
    /// someone who does not meet the entry conditions is allowed, and recorded.
    async fn insert_period(
        &self,
        tx: &mut SqliteConnection,
        person_id: i64,
        period: &EmploymentPeriod,
    ) -> Result<(i64, EligibilityDto)> {
        let person = people::get(tx, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
        let kind = check_work_form(tx, period).await?;
        let others = periods::for_person(tx, person_id).await?;
        period.check_no_overlap(&others)?;
        let id = periods::insert(tx, person_id, period).await?;
        let check =
            compliance::eligibility_dto(self.catalogue(), &person, period.category, kind, period.start, Some(period));
        let mut details = period_audit(person_id, period);
        details["eligibility"] = serde_json::json!(check.overall);
        self.audit(tx, "create", "employment_period", Some(id), details).await?;
        Ok((id, check))
    }

    /// One stored period.
    pub async fn period(&self, period_id: i64) -> Result<PeriodDto> {
        let mut conn = self.store.conn().await?;
        let (person_id, period) =
            periods::get(&mut conn, period_id).await?.ok_or(AppError::NotFound { entity: "period", id: period_id })?;
        Ok(period_dto(person_id, period))
    }

    pub async fn update_period(&self, period_id: i64, input: PeriodInput) -> Result<PersonDetailDto> {
        let mut tx = self.store.begin().await?;
        let period = parse_period(&mut tx, &input, Some(period_id)).await?;
        let (person_id, _) =
            periods::get(&mut tx, period_id).await?.ok_or(AppError::NotFound { entity: "period", id: period_id })?;
        check_work_form(&mut tx, &period).await?;
        let others = periods::for_person(&mut tx, person_id).await?;
        period.check_no_overlap(&others)?;
        periods::update(&mut tx, period_id, &period).await?;
        self.audit(&mut tx, "update", "employment_period", Some(period_id), period_audit(person_id, &period)).await?;
        let detail = person_detail(&mut tx, person_id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    pub async fn delete_period(&self, period_id: i64) -> Result<PersonDetailDto> {
        let mut tx = self.store.begin().await?;
        let (person_id, old) =
            periods::get(&mut tx, period_id).await?.ok_or(AppError::NotFound { entity: "period", id: period_id })?;
        periods::delete(&mut tx, period_id).await?;
        self.audit(&mut tx, "delete", "employment_period", Some(period_id), period_audit(person_id, &old)).await?;
        let detail = person_detail(&mut tx, person_id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// The audit trail, newest first: of one entity (`("person", 3)`) or of everything.
    pub async fn audit_trail(&self, entity: Option<(&str, i64)>) -> Result<Vec<AuditEntryDto>> {
        let mut conn = self.store.conn().await?;
        Ok(audit::list(&mut conn, entity)
            .await?
            .into_iter()
            .map(|e| AuditEntryDto {
                at: e.at,
                actor: e.actor,
                action: e.action,
                entity: e.entity,
                entity_id: e.entity_id,
                details: e.details,
            })
            .collect())
    }

    // ----- figures ------------------------------------------------------------------

    /// Heads and FTE per category over a month (`2026-03`), quarter (`2026/1`) or year.
    pub async fn fte_overview(&self, period: &str) -> Result<FteOverviewDto> {
        let period = ReportingPeriod::parse(period)?;
        let mut conn = self.store.conn().await?;
        let by_person = periods::by_person(&mut conn).await?;
        let (figures, total_heads) = category_overview(by_person.values().map(Vec::as_slice), &period);
        let total = figures.iter().map(|f| f.fte).sum();
        Ok(FteOverviewDto {
            period: period.to_string(),
            start: iso(period.first_day()),
            end: iso(period.last_day()),
            categories: category_dtos(&figures),
            total_heads,
            total_fte: round_fte(total).to_string(),
        })
    }

    // ----- compliance -------------------------------------------------------------

    /// The rule parameters of every work form, with their dated values.
    pub async fn rule_sets(&self) -> Result<Vec<RuleSetDto>> {
        let mut conn = self.store.conn().await?;
        rule_sets(&mut conn).await
    }

    /// Adds a dated value (or replaces the value of that key on that day).
    pub async fn save_rule_value(&self, input: RuleValueInput) -> Result<Vec<RuleSetDto>> {
        let mut out = Vec::new();
        let key = input.key;
        if key.is_none() {
            out.push(Violation::new("key", "value.required"));
        }
        let from = if input.effective_from.trim().is_empty() {
            out.push(Violation::new("effective_from", "date.required"));
            None
        } else {
            input::optional_date("effective_from", &input.effective_from, &mut out)
        };
        let value = key.and_then(|k| compliance::parse_input(k, &input.value).map_err(|v| out.push(v)).ok());
        Violations::check(out)?;
        let (key, from, value) = (key.expect("checked"), from.expect("checked"), value.expect("checked"));
        let source = Some(input.source.trim().to_string()).filter(|s| !s.is_empty());
        let dated = werkbank_domain::DatedValue { key, value, effective_from: from, source };
        Violations::check(dated.validate())?;
        let mut tx = self.store.begin().await?;
        let org = organisation::get(&mut tx).await?;
        if !org.is_some_and(|o| o.work_forms.iter().any(|w| w.id == Some(input.work_form_id))) {
            return Err(AppError::NotFound { entity: "work_form", id: input.work_form_id });
        }
        compliance::seed_missing(&mut tx).await?;
        // The new value must also fit the rest of the set (e.g. no category on both sides).
        let forms = compliance::load_rules(&mut tx).await?;
        if let Some(f) = forms.iter().find(|f| f.form.id == Some(input.work_form_id)) {
            let mut set = f.rules.clone();
            set.values.retain(|v| !(v.key == dated.key && v.effective_from == dated.effective_from));
            set.values.push(dated.clone());
            set.validate()
                .map_err(|e| Violations(e.0.into_iter().map(|v| Violation { field: "value".into(), ..v }).collect()))?;
        }
        let id = werkbank_store::rules::upsert(&mut tx, &compliance::rule_row(input.work_form_id, &dated)).await?;
        let details = serde_json::json!({ "work_form_id": input.work_form_id, "key": key.id(),
            "value": compliance::value_text(&dated.value), "effective_from": iso(from) });
        self.audit(&mut tx, "save", "rule_value", Some(id), details).await?;
        let sets = rule_sets(&mut tx).await?;
        tx.commit().await?;
        Ok(sets)
    }

    pub async fn delete_rule_value(&self, id: i64) -> Result<Vec<RuleSetDto>> {
        let mut tx = self.store.begin().await?;
        if !werkbank_store::rules::delete(&mut tx, id).await? {
            return Err(AppError::NotFound { entity: "rule_value", id });
        }
        self.audit(&mut tx, "delete", "rule_value", Some(id), serde_json::json!({})).await?;
        let sets = rule_sets(&mut tx).await?;
        tx.commit().await?;
        Ok(sets)
    }

    /// Supervision ratios and contingent use per work form over a period.
    pub async fn ratios(&self, period: &str) -> Result<RatiosDto> {
        let period = ReportingPeriod::parse(period)?;
        let mut conn = self.store.conn().await?;
        let forms = compliance::load_rules(&mut conn).await?;
        let grouped = compliance::periods_by_work_form(&periods::by_person(&mut conn).await?, &forms);
        let mut work_forms = Vec::new();
        for f in &forms {
            let people = grouped.get(&f.form.id.expect("stored")).map(Vec::as_slice).unwrap_or_default();
            work_forms.push(compliance::work_form_ratios(f, people, &period)?);
        }
        Ok(RatiosDto {
            period: period.to_string(),
            start: iso(period.first_day()),
            end: iso(period.last_day()),
            work_forms,
        })
    }

    /// Checks a person against the entry conditions of `category` on a hire date.
    /// `work_form_id` = null: the main work form.
    pub async fn eligibility(
        &self,
        person_id: i64,
        category: werkbank_domain::Category,
        on: &str,
        work_form_id: Option<i64>,
    ) -> Result<EligibilityDto> {
        let mut errs = Vec::new();
        let hire = if on.trim().is_empty() {
            errs.push(Violation::new("on", "date.required"));
            None
        } else {
            input::optional_date("on", on, &mut errs)
        };
        Violations::check(errs)?;
        let hire = hire.expect("checked");
        let mut conn = self.store.conn().await?;
        let person =
            people::get(&mut conn, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
        let org = organisation::get(&mut conn).await?;
        let forms = org.map(|o| o.work_forms).unwrap_or_default();
        let kind = forms
            .iter()
            .find(|w| w.id == work_form_id && work_form_id.is_some())
            .or(forms.first())
            .map(|w| w.kind_on(hire))
            .unwrap_or(werkbank_domain::WorkFormKind::SocialWorkshop);
        let ps = periods::for_person(&mut conn, person_id).await?;
        let period = ps.iter().find(|p| p.start == hire && p.category == category);
        Ok(compliance::eligibility_dto(self.catalogue(), &person, category, kind, hire, period))
    }

    /// The same, for the person with this INSZ (CLI).
    pub async fn eligibility_by_insz(
        &self,
        insz: &str,
        category: werkbank_domain::Category,
        on: &str,
    ) -> Result<EligibilityDto> {
        let insz = werkbank_domain::Insz::parse(insz)?;
        let id = {
            let mut conn = self.store.conn().await?;
            people::find_by_insz(&mut conn, &insz).await?.and_then(|p| p.id)
        };
        let id = id.ok_or_else(|| {
            AppError::from(Violation::new("insz", "person.insz_unknown").with("value", insz.formatted()))
        })?;
        self.eligibility(id, category, on, None).await
    }

    /// What a director should look at for a period (default: the current quarter).
    pub async fn problems(&self, period: Option<&str>) -> Result<ProblemsDto> {
        let period = match period {
            Some(p) => ReportingPeriod::parse(p)?,
            None => ReportingPeriod::quarter_of(self.today()),
        };
        let mut conn = self.store.conn().await?;
        let problems = compliance::problems(&mut conn, self.catalogue(), &period).await?;
        Ok(ProblemsDto {
            period: period.to_string(),
            start: iso(period.first_day()),
            end: iso(period.last_day()),
            problems,
        })
    }

    // ----- payroll ----------------------------------------------------------------

    /// Imports a payroll export: all lines as one batch, or nothing (with every problem
    /// listed). With `dry_run`, only the preview.
    pub async fn import_payroll(&self, path: &Path, options: PayrollImportOptions) -> Result<PayrollImportResultDto> {
        self.import_payroll_with_progress(path, options, &mut |_| {}).await
    }

    /// The same, reporting progress while the file is read (for a progress bar).
    pub async fn import_payroll_with_progress(
        &self,
        path: &Path,
        options: PayrollImportOptions,
        progress: &mut (dyn FnMut(werkbank_import::table::Progress) + Send),
    ) -> Result<PayrollImportResultDto> {
        let mut tx = self.store.begin().await?;
        let at = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        // A commit reads and stores at the same time; a preview, a re-import or a file that
        // a saved profile maps differently from its headers takes the ordinary path.
        if !options.dry_run {
            let outcome =
                payroll::import_streaming(&mut tx, self.catalogue(), path, &options, &self.actor, &at, progress)
                    .await?;
            if let payroll::StreamOutcome::Done(result) = outcome {
                let result = *result;
                if let Some(id) = result.batch_id {
                    let details = serde_json::json!({ "file": result.file_name, "sha256": result.sha256,
                        "lines": result.lines_imported, "profile": result.profile });
                    self.audit(&mut tx, "import", "payroll_batch", Some(id), details).await?;
                    tx.commit().await?;
                }
                return Ok(result);
            }
        }
        let file = payroll::read(&mut tx, path, &options, progress).await?;
        let matcher = payroll::Matcher::load(&mut tx, &options).await?;
        let result =
            payroll::import(&mut tx, self.catalogue(), file, &options, &self.actor, &at, matcher, None).await?;
        if let Some(id) = result.batch_id {
            let details = serde_json::json!({ "file": result.file_name, "sha256": result.sha256,
                "lines": result.lines_imported, "profile": result.profile });
            self.audit(&mut tx, "import", "payroll_batch", Some(id), details).await?;
            tx.commit().await?;
        }
        Ok(result)
    }

    /// Every payroll batch, newest first, undone ones included.
    pub async fn payroll_batches(&self) -> Result<Vec<BatchDto>> {
        let mut conn = self.store.conn().await?;
        Ok(werkbank_store::payroll::batches(&mut conn).await?.into_iter().map(payroll::batch_dto).collect())
    }

    /// Removes every line of a batch; the batch stays listed as undone.
    pub async fn undo_payroll_batch(&self, id: i64) -> Result<BatchDto> {
        let mut tx = self.store.begin().await?;
        let at = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let Some(removed) = werkbank_store::payroll::undo_batch(&mut tx, id, &at, &self.actor).await? else {
            return match werkbank_store::payroll::batch_by_id(&mut tx, id).await? {
                Some(_) => Err(AppError::Conflict { code: "payroll.already_undone", params: BTreeMap::new() }),
                None => Err(AppError::NotFound { entity: "payroll_batch", id }),
            };
        };
        self.audit(&mut tx, "undo", "payroll_batch", Some(id), serde_json::json!({ "lines_removed": removed })).await?;
        let batch = werkbank_store::payroll::batch_by_id(&mut tx, id).await?.expect("exists");
        tx.commit().await?;
        Ok(payroll::batch_dto(batch))
    }

    pub async fn wage_codes(&self) -> Result<Vec<WageCodeDto>> {
        let mut conn = self.store.conn().await?;
        Ok(werkbank_store::payroll::wage_codes(&mut conn)
            .await?
            .into_iter()
            .map(|w| WageCodeDto { id: w.id, code: w.code, meaning: w.meaning, description: w.description })
            .collect())
    }

    /// Adds a wage code or changes its meaning.
    pub async fn save_wage_code(&self, input: WageCodeDto) -> Result<Vec<WageCodeDto>> {
        let mut out = Vec::new();
        let code = input.code.trim().to_string();
        if code.is_empty() {
            out.push(Violation::new("code", "value.required"));
        }
        if let Err(v) = payroll::check_meaning(&input.meaning) {
            out.push(v);
        }
        Violations::check(out)?;
        let mut tx = self.store.begin().await?;
        let row = werkbank_store::payroll::WageCodeRow {
            id: None,
            code: code.clone(),
            meaning: input.meaning.clone(),
            description: input.description.clone().filter(|d| !d.trim().is_empty()),
        };
        let id = werkbank_store::payroll::upsert_wage_code(&mut tx, &row).await?;
        self.audit(
            &mut tx,
            "save",
            "wage_code",
            Some(id),
            serde_json::json!({ "code": code, "meaning": input.meaning }),
        )
        .await?;
        tx.commit().await?;
        self.wage_codes().await
    }

    pub async fn delete_wage_code(&self, id: i64) -> Result<Vec<WageCodeDto>> {
        let mut tx = self.store.begin().await?;
        if !werkbank_store::payroll::delete_wage_code(&mut tx, id).await? {
            return Err(AppError::NotFound { entity: "wage_code", id });
        }
        self.audit(&mut tx, "delete", "wage_code", Some(id), serde_json::json!({})).await?;
        tx.commit().await?;
        self.wage_codes().await
    }

    /// Names of the saved column mappings.
    pub async fn mapping_profiles(&self) -> Result<Vec<String>> {
        let mut conn = self.store.conn().await?;
        Ok(werkbank_store::payroll::profiles(&mut conn).await?.into_iter().map(|p| p.name).collect())
    }

    /// The saved column mappings with what they map, by name.
    pub async fn mapping_profile_list(&self) -> Result<Vec<MappingProfileDto>> {
        let mut conn = self.store.conn().await?;
        werkbank_store::payroll::profiles(&mut conn).await?.into_iter().map(payroll::profile_dto).collect()
    }

    /// Renames a saved column mapping; its mapping and headers stay. Batches imported with it
    /// keep the name they were imported under.
    pub async fn rename_mapping_profile(&self, old: &str, new: &str) -> Result<Vec<MappingProfileDto>> {
        let new = new.trim();
        if new.is_empty() {
            return Err(Violation::new("name", "value.required").into());
        }
        let mut tx = self.store.begin().await?;
        if old != new {
            if werkbank_store::payroll::profile_by_name(&mut tx, new).await?.is_some() {
                return Err(AppError::Conflict {
                    code: "payroll.profile_exists",
                    params: [("name".to_string(), new.to_string())].into(),
                });
            }
            let Some(id) = werkbank_store::payroll::rename_profile(&mut tx, old, new).await? else {
                return Err(payroll::profile_unknown(old));
            };
            let details = serde_json::json!({ "fields": ["name"], "from": old, "to": new });
            self.audit(&mut tx, "rename", "mapping_profile", Some(id), details).await?;
            tx.commit().await?;
        } else if werkbank_store::payroll::profile_by_name(&mut tx, old).await?.is_none() {
            return Err(payroll::profile_unknown(old));
        }
        self.mapping_profile_list().await
    }

    /// Deletes a saved column mapping. Files with its headers are then read by their headers
    /// again (or by another profile saved for them).
    pub async fn delete_mapping_profile(&self, name: &str) -> Result<Vec<MappingProfileDto>> {
        let mut tx = self.store.begin().await?;
        let Some(id) = werkbank_store::payroll::delete_profile(&mut tx, name).await? else {
            return Err(payroll::profile_unknown(name));
        };
        self.audit(&mut tx, "delete", "mapping_profile", Some(id), serde_json::json!({ "name": name })).await?;
        tx.commit().await?;
        self.mapping_profile_list().await
    }

    /// Paid hours from the payroll against FTE from the register, per person.
    pub async fn reconciliation(&self, period: &str) -> Result<ReconciliationDto> {
        let period = ReportingPeriod::parse(period)?;
        let mut conn = self.store.conn().await?;
        payroll::reconcile(&mut conn, &period).await
    }

    // ----- demo and import ----------------------------------------------------------

    /// Loads the synthetic demo workplace into an empty register.
    pub async fn load_demo(&self) -> Result<DemoSummaryDto> {
        let mut tx = self.store.begin().await?;
        if people::count(&mut tx).await? > 0 {
            return Err(AppError::Conflict { code: "demo.not_empty", params: BTreeMap::new() });
        }
        let workplace = demo::workplace();
        organisation::save(&mut tx, &workplace.organisation).await?;
        compliance::seed_missing(&mut tx).await?;
        let forms = organisation::get(&mut tx).await?.expect("just saved").work_forms;
        for (kind, value) in demo::rule_values() {
            if let Some(id) = forms.iter().find(|f| f.has_been(kind)).and_then(|f| f.id) {
                werkbank_store::rules::upsert(&mut tx, &compliance::rule_row(id, &value)).await?;
            }
        }
        let mut n_periods = 0;
        let work_care = forms.iter().find(|f| f.kind == werkbank_domain::WorkFormKind::WorkCare).and_then(|f| f.id);
        let today = self.today();
        let path_settings = werkbank_store::path::path_settings(&mut tx).await?;
        let mut demo_people = Vec::new();
        for (index, (person, ps)) in workplace.people.iter().enumerate() {
            let id = people::insert(&mut tx, person).await?;
            let mut stored = Vec::new();
            for p in ps {
                let in_work_care = p.category == werkbank_domain::Category::WorkCare
                    || p.job.as_deref() == Some(demo::WORK_CARE_SUPERVISOR);
                let p = EmploymentPeriod { work_form_id: if in_work_care { work_care } else { None }, ..p.clone() };
                let period_id = periods::insert(&mut tx, id, &p).await?;
                stored.push(EmploymentPeriod { id: Some(period_id), ..p });
                n_periods += 1;
            }
            // The path: held meetings, and why those who left did so.
            for m in demo::held_meetings(index, id, &stored, &path_settings, today) {
                werkbank_store::path::upsert_meeting(&mut tx, &m).await?;
                if let Some(plan) = demo::plan_of(&m) {
                    werkbank_store::path::save_plan(&mut tx, &plan).await?;
                }
            }
            for e in werkbank_domain::path::employments(&stored) {
                if let (Some(end), Some(period_id)) = (e.end, e.last_period_id) {
                    if end <= today {
                        let (reason, return_right) = demo::leaving_reason(index);
                        let note = String::new();
                        let leaving =
                            werkbank_store::path::Leaving { person_id: id, period_id, reason, return_right, note };
                        werkbank_store::path::save_leaving(&mut tx, &leaving).await?;
                    }
                }
            }
            demo_people.push(claims::DemoPerson {
                id,
                index,
                periods: stored,
                insz: person.insz.as_ref().map(|i| i.digits().to_string()),
                name: person.display_name(),
            });
        }
        // The waitlist, dated relative to today.
        let now = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        for c in demo::candidates(today) {
            let candidate = werkbank_domain::waitlist::Candidate {
                work_form_id: forms.get(c.work_form).and_then(|f| f.id),
                ..c.candidate
            };
            let cid = werkbank_store::waitlist::insert(&mut tx, &candidate).await?;
            for (status, date, reason) in c.history {
                werkbank_store::waitlist::add_status(&mut tx, cid, status, date, reason, &self.actor, &now).await?;
            }
        }
        claims::load_demo_claims(&mut tx, &self.actor, &demo_people).await?;
        let summary = DemoSummaryDto { people: workplace.people.len() as u32, periods: n_periods };
        self.audit(&mut tx, "load_demo", "register", None, serde_json::to_value(&summary).expect("json")).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Reads a staff register file and shows what an import would do; stores nothing.
    pub async fn preview_staff_import(&self, path: &Path, sheet: Option<String>) -> Result<StaffImportPreviewDto> {
        self.preview_staff_import_mapped(path, sheet, None).await
    }

    /// The same, with a hand mapping (field id → column index) instead of the headers.
    pub async fn preview_staff_import_mapped(
        &self,
        path: &Path,
        sheet: Option<String>,
        mapping: Option<BTreeMap<String, u32>>,
    ) -> Result<StaffImportPreviewDto> {
        let wc = self.work_care_full_time().await?;
        let preview = staff_import::read(path, sheet, mapping, wc)?;
        let mut conn = self.store.conn().await?;
        staff_import::preview(&mut conn, self.catalogue(), preview).await.map(|(dto, _)| dto)
    }

    /// Imports a staff register file: all rows or, on any problem, nothing.
    pub async fn import_staff(&self, path: &Path, sheet: Option<String>) -> Result<StaffImportResultDto> {
        self.import_staff_mapped(path, sheet, None).await
    }

    /// The same, with a hand mapping (field id → column index) instead of the headers.
    pub async fn import_staff_mapped(
        &self,
        path: &Path,
        sheet: Option<String>,
        mapping: Option<BTreeMap<String, u32>>,
    ) -> Result<StaffImportResultDto> {
        let wc = self.work_care_full_time().await?;
        let preview = staff_import::read(path, sheet, mapping, wc)?;
        let mut tx = self.store.begin().await?;
        let (dto, plan) = staff_import::preview(&mut tx, self.catalogue(), preview).await?;
        if !dto.issues.is_empty() || dto.rows.is_empty() {
            return Err(staff_import::refusal(&dto));
        }
        let result = staff_import::commit(&mut tx, plan).await?;
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

/// Parses a period form. A work-care period left without S gets the hours that make one
/// FTE: the work form's rule parameter in force on the start date, else the setting.
async fn parse_period(conn: &mut SqliteConnection, input: &PeriodInput, id: Option<i64>) -> Result<EmploymentPeriod> {
    let setting = work_care_full_time(conn).await?;
    let mut period = input::period(input, id, setting)?;
    if period.category == werkbank_domain::Category::WorkCare && input.s.trim().is_empty() {
        let forms = compliance::load_rules(conn).await?;
        let form =
            forms.iter().find(|f| period.work_form_id.is_some() && f.form.id == period.work_form_id).or(forms.first());
        if let Some(hours) = form.and_then(|f| f.rules.in_force(period.start).work_care_hours_per_fte_value()) {
            period.fraction.s = hours;
            Violations::check(period.validate())?;
        }
    }
    Ok(period)
}

/// The kind of the period's work form on its first day; refuses a work form of another
/// organisation.
async fn check_work_form(
    conn: &mut SqliteConnection,
    period: &EmploymentPeriod,
) -> Result<werkbank_domain::WorkFormKind> {
    let forms = organisation::get(conn).await?.map(|o| o.work_forms).unwrap_or_default();
    match period.work_form_id {
        None => {
            Ok(forms.first().map(|w| w.kind_on(period.start)).unwrap_or(werkbank_domain::WorkFormKind::SocialWorkshop))
        }
        Some(id) => forms
            .iter()
            .find(|w| w.id == Some(id))
            .map(|w| w.kind_on(period.start))
            .ok_or_else(|| Violation::new("work_form_id", "period.work_form_unknown").into()),
    }
}

async fn rule_sets(conn: &mut SqliteConnection) -> Result<Vec<RuleSetDto>> {
    let forms = compliance::load_rules(conn).await?;
    let mut out = Vec::new();
    for f in &forms {
        let rows = werkbank_store::rules::for_work_form(conn, f.form.id.expect("stored")).await?;
        out.push(compliance::rule_set_dto(f, &rows));
    }
    Ok(out)
}

pub(crate) fn category_dtos(figures: &[werkbank_domain::CategoryFigures]) -> Vec<CategoryFiguresDto> {
    figures
        .iter()
        .map(|f| CategoryFiguresDto { category: f.category, heads: f.heads, fte: round_fte(f.fte).to_string() })
        .collect()
}

async fn work_care_full_time(conn: &mut SqliteConnection) -> Result<u32> {
    Ok(settings::get(conn, WORK_CARE_FULL_TIME_KEY)
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(WORK_CARE_FULL_TIME_DEFAULT))
}

async fn check_insz_free(conn: &mut SqliteConnection, person: &Person, own_id: Option<i64>) -> Result<()> {
    if let Some(insz) = &person.insz {
        if let Some(other) = people::find_by_insz(conn, insz).await? {
            if other.id != own_id {
                return Err(Violation::new("insz", "person.insz_taken").with("name", other.display_name()).into());
            }
        }
    }
    Ok(())
}

async fn person_detail(conn: &mut SqliteConnection, id: i64) -> Result<PersonDetailDto> {
    let person = people::get(conn, id).await?.ok_or(AppError::NotFound { entity: "person", id })?;
    let ps = periods::for_person(conn, id).await?;
    Ok(PersonDetailDto { person: person_dto(person), periods: ps.into_iter().map(|p| period_dto(id, p)).collect() })
}

fn changed_fields(old: &Person, new: &Person) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, changed: bool| {
        if changed {
            out.push(name);
        }
    };
    check("insz", old.insz != new.insz);
    check("last_name", old.last_name != new.last_name);
    check("first_name", old.first_name != new.first_name);
    check("birth_date", old.birth_date != new.birth_date);
    check("sex", old.sex != new.sex);
    check("education_level", old.education_level != new.education_level);
    check("vdab_registration_date", old.vdab_registration_date != new.vdab_registration_date);
    check("inactive_since", old.inactive_since != new.inactive_since);
    check("limitation", old.limitation != new.limitation);
    check("disability_registration", old.disability_registration != new.disability_registration);
    check("guidance_trajectory", old.guidance_trajectory != new.guidance_trajectory);
    check("insufficient_skills", old.insufficient_skills != new.insufficient_skills);
    check("work_care_attest_valid_until", old.work_care_attest_valid_until != new.work_care_attest_valid_until);
    out
}

fn period_audit(person_id: i64, p: &EmploymentPeriod) -> serde_json::Value {
    serde_json::json!({
        "person_id": person_id, "category": p.category, "start": iso(p.start), "end": p.end.map(iso),
        "q": p.fraction.q, "s": p.fraction.s,
    })
}

/// Hundredths of hours as Dutch text: 16829 → "168,29" (negative allowed).
pub fn hours_text(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    format!("{sign}{},{:02}", h / 100, h % 100)
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn fraction_text(p: &EmploymentPeriod) -> String {
    round_fte(p.fraction.value()).to_string()
}

fn person_dto(p: Person) -> PersonDto {
    PersonDto {
        id: p.id.expect("stored person"),
        insz: p.insz.as_ref().map(|i| i.formatted()),
        last_name: p.last_name,
        first_name: p.first_name,
        birth_date: p.birth_date.map(iso),
        sex: p.sex,
        education_level: p.education_level,
        vdab_registration_date: p.vdab_registration_date.map(iso),
        inactive_since: p.inactive_since.map(iso),
        limitation: p.limitation,
        disability_registration: p.disability_registration,
        guidance_trajectory: p.guidance_trajectory,
        insufficient_skills: p.insufficient_skills,
        work_care_attest_valid_until: p.work_care_attest_valid_until.map(iso),
    }
}

fn period_dto(person_id: i64, p: EmploymentPeriod) -> PeriodDto {
    PeriodDto {
        id: p.id.expect("stored period"),
        person_id,
        category: p.category,
        start: iso(p.start),
        end: p.end.map(iso),
        q: p.fraction.q,
        s: p.fraction.s,
        fraction: fraction_text(&p),
        contract_type: p.contract_type,
        job: p.job,
        ocmw: p.ocmw,
        placement_agreement_signed: p.placement_agreement_signed.map(iso),
        work_form_id: p.work_form_id,
    }
}

fn organisation_dto(o: Organisation, work_care_full_time: u32) -> OrganisationDto {
    OrganisationDto {
        name: o.name,
        kbo: o.kbo.map(|k| k.to_string()).unwrap_or_default(),
        street: o.street,
        postal_code: o.postal_code,
        city: o.city,
        work_forms: o.work_forms.iter().map(compliance::work_form_dto).collect(),
        work_care_full_time: werkbank_domain::employment::hours(work_care_full_time),
        legal_form: o.legal_form,
        rsz_number: werkbank_domain::organisation::format_rsz_number(&o.rsz_number),
        iban: werkbank_domain::organisation::format_iban(&o.iban),
        bic: o.bic,
        signing_place: o.signing_place,
    }
}
