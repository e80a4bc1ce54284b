//! The staff register: people, their dated employment periods (category, Q/S, contract,
//! work form), the staff list and heads and FTE per category over a period.

pub mod dto;

use crate::compliance;
use crate::convert::iso;
use crate::dto::*;
use crate::error::{AppError, Result};
use crate::organisation::work_care_full_time;
use crate::{input, Api};
use chrono::NaiveDate;
use werkbank_domain::employment::others_than;
use werkbank_domain::fte::{category_overview, round_fte};
use werkbank_domain::Stored;
use werkbank_domain::{EmploymentPeriod, Person, ReportingPeriod, Violation, Violations};
use werkbank_store::{organisation, people, periods, SqliteConnection};

impl Api {
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
            let id = person.id;
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
                last_name: person.last_name.clone(),
                first_name: person.first_name.clone(),
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
        let person = input::person(&input, self.today())?;
        let mut tx = self.store.begin().await?;
        let id = self.insert_person(&mut tx, &person).await?;
        let detail = person_detail(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    pub async fn update_person(&self, id: i64, input: PersonInput) -> Result<PersonDetailDto> {
        let person = input::person(&input, self.today())?;
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
        let period = parse_period(&mut tx, &input).await?;
        self.insert_period(&mut tx, person_id, &period).await?;
        let detail = person_detail(&mut tx, person_id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// Stores a validated new person with its audit record (create_person, hire from the waitlist).
    pub(crate) async fn insert_person(&self, tx: &mut SqliteConnection, person: &Person) -> Result<i64> {
        check_insz_free(tx, person, None).await?;
        let id = people::insert(tx, person).await?;
        self.audit(tx, "create", "person", Some(id), serde_json::json!({})).await?;
        Ok(id)
    }

    /// Stores a parsed new period of a person (work form and overlap checked) with its
    /// audit record, which records the entry-condition outcome on the start date. Hiring
    /// someone who does not meet the entry conditions is allowed, and recorded.
    pub(crate) async fn insert_period(
        &self,
        tx: &mut SqliteConnection,
        person_id: i64,
        period: &EmploymentPeriod,
    ) -> Result<(i64, EligibilityDto)> {
        let person = people::get(tx, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
        let kind = check_work_form(tx, period).await?;
        let others = periods::for_person(tx, person_id).await?;
        period.check_no_overlap(others_than(&others, None))?;
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
        let period = parse_period(&mut tx, &input).await?;
        let (person_id, _) =
            periods::get(&mut tx, period_id).await?.ok_or(AppError::NotFound { entity: "period", id: period_id })?;
        check_work_form(&mut tx, &period).await?;
        let others = periods::for_person(&mut tx, person_id).await?;
        period.check_no_overlap(others_than(&others, Some(period_id)))?;
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
}

/// Parses a period form. A work-care period left without S gets the hours that make one
/// FTE: the work form's rule parameter in force on the start date, else the setting.
pub(crate) async fn parse_period(conn: &mut SqliteConnection, input: &PeriodInput) -> Result<EmploymentPeriod> {
    let setting = work_care_full_time(conn).await?;
    let mut period = input::period(input, setting)?;
    if period.category == werkbank_domain::Category::WorkCare && input.s.trim().is_empty() {
        let forms = compliance::load_rules(conn).await?;
        let form = forms.iter().find(|f| Some(f.form.id) == period.work_form_id).or(forms.first());
        if let Some(hours) = form.and_then(|f| f.rules.in_force(period.start).work_care_hours_per_fte_value()) {
            period.fraction.s = hours;
            Violations::check(period.validate())?;
        }
    }
    Ok(period)
}

/// The kind of the period's work form on its first day; refuses a work form of another
/// organisation.
pub(crate) async fn check_work_form(
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
            .find(|w| w.id == (id))
            .map(|w| w.kind_on(period.start))
            .ok_or_else(|| Violation::new("work_form_id", "period.work_form_unknown").into()),
    }
}

pub(crate) fn category_dtos(figures: &[werkbank_domain::CategoryFigures]) -> Vec<CategoryFiguresDto> {
    figures
        .iter()
        .map(|f| CategoryFiguresDto { category: f.category, heads: f.heads, fte: round_fte(f.fte).to_string() })
        .collect()
}

pub(crate) async fn check_insz_free(conn: &mut SqliteConnection, person: &Person, own_id: Option<i64>) -> Result<()> {
    if let Some(insz) = &person.insz {
        if let Some(other) = people::find_by_insz(conn, insz).await? {
            if Some(other.id) != own_id {
                return Err(Violation::new("insz", "person.insz_taken").with("name", other.display_name()).into());
            }
        }
    }
    Ok(())
}

pub(crate) async fn person_detail(conn: &mut SqliteConnection, id: i64) -> Result<PersonDetailDto> {
    let person = people::get(conn, id).await?.ok_or(AppError::NotFound { entity: "person", id })?;
    let ps = periods::for_person(conn, id).await?;
    Ok(PersonDetailDto { person: person_dto(person), periods: ps.into_iter().map(|p| period_dto(id, p)).collect() })
}

pub(crate) fn changed_fields(old: &Person, new: &Person) -> Vec<&'static str> {
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

pub(crate) fn period_audit(person_id: i64, p: &EmploymentPeriod) -> serde_json::Value {
    serde_json::json!({
        "person_id": person_id, "category": p.category, "start": iso(p.start), "end": p.end.map(iso),
        "q": p.fraction.q, "s": p.fraction.s,
    })
}

pub(crate) fn fraction_text(p: &EmploymentPeriod) -> String {
    round_fte(p.fraction.value()).to_string()
}

pub(crate) fn person_dto(stored: Stored<Person>) -> PersonDto {
    let Stored { id, value: p } = stored;
    PersonDto {
        id,
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

pub(crate) fn period_dto(person_id: i64, Stored { id, value: p }: Stored<EmploymentPeriod>) -> PeriodDto {
    PeriodDto {
        id,
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
