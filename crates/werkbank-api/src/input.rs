//! Turning what a person typed into domain values, collecting every problem per field.

use crate::dto::{PeriodInput, PersonInput};
use chrono::NaiveDate;
use werkbank_domain::employment::ContractType;
use werkbank_domain::{EmploymentPeriod, Fraction, Insz, Person, Violation, Violations};
use werkbank_import::table::Cell;
use werkbank_import::values;

pub fn text(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// An optional date typed as `31/01/2026`, `31-01-2026` or ISO.
pub fn optional_date(field: &str, s: &str, out: &mut Vec<Violation>) -> Option<NaiveDate> {
    let t = text(s)?;
    match values::parse_date(&Cell::Text(t.clone())) {
        Ok(d) => Some(d),
        Err(_) => {
            out.push(Violation::new(field, "date.invalid").with("value", t));
            None
        }
    }
}

pub fn required_date(field: &str, s: &str, out: &mut Vec<Violation>) -> Option<NaiveDate> {
    if text(s).is_none() {
        out.push(Violation::new(field, "date.required"));
        return None;
    }
    optional_date(field, s, out)
}

pub fn hours(field: &str, s: &str, out: &mut Vec<Violation>) -> Option<u32> {
    let Some(t) = text(s) else {
        out.push(Violation::new(field, "value.required"));
        return None;
    };
    match values::parse_hours(&Cell::Text(t.clone())) {
        Ok(h) => Some(h),
        Err(_) => {
            out.push(Violation::new(field, "hours.invalid").with("value", t));
            None
        }
    }
}

pub fn person(input: &PersonInput, today: NaiveDate) -> Result<Person, Violations> {
    let mut out = Vec::new();
    let insz = match text(&input.insz) {
        None => None,
        Some(t) => match Insz::parse(&t) {
            Ok(i) => Some(i),
            Err(v) => {
                out.push(v);
                None
            }
        },
    };
    let birth_date = optional_date("birth_date", &input.birth_date, &mut out);
    let vdab_registration_date = optional_date("vdab_registration_date", &input.vdab_registration_date, &mut out);
    let inactive_since = optional_date("inactive_since", &input.inactive_since, &mut out);
    let work_care_attest_valid_until =
        optional_date("work_care_attest_valid_until", &input.work_care_attest_valid_until, &mut out);
    let mut person = Person {
        insz,
        last_name: input.last_name.trim().to_string(),
        first_name: input.first_name.trim().to_string(),
        birth_date,
        sex: input.sex,
        education_level: input.education_level,
        vdab_registration_date,
        inactive_since,
        limitation: input.limitation,
        disability_registration: input.disability_registration,
        guidance_trajectory: input.guidance_trajectory,
        insufficient_skills: input.insufficient_skills,
        work_care_attest_valid_until,
    };
    // An INSZ that encodes a birth date fills in a birth date left empty (the same rule as
    // the staff-register import); one that contradicts the INSZ is refused by `validate`.
    person.fill_birth_date_from_insz();
    if let Err(more) = person.validate(today) {
        out.extend(more.0);
    }
    Violations::check(out).map(|()| person)
}

/// `work_care_full_time` is used as S for work care when S is left empty.
pub fn period(input: &PeriodInput, work_care_full_time: u32) -> Result<EmploymentPeriod, Violations> {
    let mut out = Vec::new();
    let category = input.category;
    if category.is_none() {
        out.push(Violation::new("category", "value.required"));
    }
    let start = required_date("start", &input.start, &mut out);
    let end = optional_date("end", &input.end, &mut out);
    let q = hours("q", &input.q, &mut out);
    let s = if text(&input.s).is_none() && category == Some(werkbank_domain::Category::WorkCare) {
        Some(work_care_full_time)
    } else {
        hours("s", &input.s, &mut out)
    };
    let signed = optional_date("placement_agreement_signed", &input.placement_agreement_signed, &mut out);
    let (Some(category), Some(start), Some(q), Some(s)) = (category, start, q, s) else {
        return Err(Violations(out));
    };
    if !out.is_empty() {
        return Err(Violations(out));
    }
    let period = EmploymentPeriod {
        category,
        start,
        end,
        fraction: Fraction::new(q, s),
        contract_type: input.contract_type.unwrap_or(ContractType::default_for(category)),
        job: text(&input.job),
        ocmw: text(&input.ocmw),
        placement_agreement_signed: signed,
        work_form_id: input.work_form_id,
    };
    Violations::check(period.validate()).map(|()| period)
}
