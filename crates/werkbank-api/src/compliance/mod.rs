//! Compliance use cases: dated rule parameters per work form, supervision ratios and
//! contingent use, entry conditions, and the problems list. The figures come from
//! `werkbank_domain::{rules, ratios, eligibility}`; this module loads what they need and
//! turns the results into DTOs.

pub mod dto;

use crate::error::AppError;
use crate::{input, Api};
use werkbank_domain::Stored;
use werkbank_domain::Violations;

use crate::convert::iso;
use crate::dto::*;
use crate::error::Result;
use crate::messages::Catalogue;
use crate::register::category_dtos;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;
use werkbank_domain::eligibility::{self, Criterion, CriterionStatus, EligibilityFacts, EligibilityKind};
use werkbank_domain::fte::round_fte;
use werkbank_domain::ratios::{contingent_use, ratio_report, RatioFigures, UseFigure};
use werkbank_domain::rules::{DatedValue, InForce, ParameterKey, ParameterValue, Parameters, RuleSet};
use werkbank_domain::{Category, EmploymentPeriod, Person, ReportingPeriod, Violation, WorkForm, WorkFormKind};
use werkbank_store::rules::RuleRow;
use werkbank_store::{organisation, people, periods, rules, SqliteConnection};

/// The day the seeded defaults take effect: the 1998 decree on social workshops.
pub fn seed_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1998, 1, 1).expect("valid date")
}

/// A work form of the organisation with its rule set.
pub(crate) struct FormRules {
    pub form: Stored<WorkForm>,
    pub rules: RuleSet,
    pub seeded_only: bool,
}

// ----- rule values as stored text ---------------------------------------------------

pub(crate) fn value_text(v: &ParameterValue) -> String {
    match v {
        ParameterValue::Decimal(d) => d.normalize().to_string(),
        ParameterValue::Method(m) => m.id().to_string(),
        ParameterValue::Categories(c) => c.iter().map(|c| c.id()).collect::<Vec<_>>().join(","),
        ParameterValue::Hundredths(h) => h.to_string(),
    }
}

/// The value as a person reads it: hours as `30,00`, decimals with a comma.
pub(crate) fn value_display(v: &ParameterValue) -> String {
    match v {
        ParameterValue::Decimal(d) => d.normalize().to_string().replace('.', ","),
        ParameterValue::Hundredths(h) => werkbank_domain::employment::hours(*h),
        other => value_text(other),
    }
}

fn parse_stored(key: ParameterKey, text: &str) -> Option<ParameterValue> {
    Some(match key.value_kind() {
        "decimal" => ParameterValue::Decimal(Decimal::from_str(text).ok()?),
        "method" => ParameterValue::Method(werkbank_domain::NormMethod::from_id(text)?),
        "categories" => ParameterValue::Categories(
            text.split(',').filter(|s| !s.trim().is_empty()).map(Category::parse_loose).collect::<Option<_>>()?,
        ),
        _ => ParameterValue::Hundredths(text.parse().ok()?),
    })
}

/// Parses what a person typed for `key`; every problem is a violation on `value`.
pub(crate) fn parse_input(key: ParameterKey, text: &str) -> std::result::Result<ParameterValue, Violation> {
    let t = text.trim();
    let bad = || Violation::new("value", "rules.value_invalid").with("value", t).with("key", key.id());
    if t.is_empty() {
        return Err(Violation::new("value", "value.required"));
    }
    match key.value_kind() {
        "decimal" => {
            let cell = werkbank_import::table::Cell::Text(t.to_string());
            werkbank_import::values::parse_decimal(&cell).map(ParameterValue::Decimal).map_err(|_| bad())
        }
        "method" => werkbank_domain::NormMethod::from_id(t).map(ParameterValue::Method).ok_or_else(bad),
        "categories" => t
            .split([',', ';'])
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                Category::parse_loose(s)
                    .ok_or_else(|| Violation::new("value", "category.unknown").with("value", s.trim()))
            })
            .collect::<std::result::Result<Vec<_>, _>>()
            .map(ParameterValue::Categories),
        _ => {
            let cell = werkbank_import::table::Cell::Text(t.to_string());
            werkbank_import::values::parse_hours(&cell).map(ParameterValue::Hundredths).map_err(|_| bad())
        }
    }
}

fn dated_value(row: &RuleRow) -> Option<DatedValue> {
    let key = ParameterKey::from_id(&row.key)?;
    Some(DatedValue {
        key,
        value: parse_stored(key, &row.value)?,
        effective_from: row.effective_from,
        source: row.source.clone(),
    })
}

pub(crate) fn rule_row(work_form_id: i64, v: &DatedValue) -> RuleRow {
    RuleRow {
        id: None,
        work_form_id,
        key: v.key.id().to_string(),
        value: value_text(&v.value),
        effective_from: v.effective_from,
        source: v.source.clone(),
    }
}

/// The defaults of a work form: those of its first kind from [`seed_date`], and those of each
/// later kind from the day it began (a value of the earlier kind that the later one does not
/// set stays in force).
fn seed_rules(form: &Stored<WorkForm>) -> RuleSet {
    let mut values: Vec<DatedValue> = Vec::new();
    for (from, kind) in form.kind_periods() {
        let day = from.unwrap_or_else(seed_date);
        // A later kind's default that equals the value already in force adds nothing.
        let in_force = |v: &DatedValue| {
            values
                .iter()
                .filter(|w| w.key == v.key && w.effective_from <= day)
                .max_by_key(|w| w.effective_from)
                .is_some_and(|w| w.value == v.value)
        };
        let new: Vec<DatedValue> = RuleSet::seed(kind, day).values.into_iter().filter(|v| !in_force(v)).collect();
        values.extend(new);
    }
    RuleSet { work_form: form.kind, values }
}

/// Stores the defaults for every work form that has no values yet.
pub(crate) async fn seed_missing(conn: &mut SqliteConnection) -> Result<()> {
    let Some(org) = organisation::get(conn).await? else { return Ok(()) };
    for form in org.work_forms {
        let id = form.id;
        if rules::count_for_work_form(conn, id).await? == 0 {
            for v in seed_rules(&form).values {
                rules::upsert(conn, &rule_row(id, &v)).await?;
            }
        }
    }
    Ok(())
}

pub(crate) async fn load_rules(conn: &mut SqliteConnection) -> Result<Vec<FormRules>> {
    let Some(org) = organisation::get(conn).await? else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for form in org.work_forms {
        let rows = rules::for_work_form(conn, form.id).await?;
        let values: Vec<DatedValue> = rows.iter().filter_map(dated_value).collect();
        let seeded_only = values.is_empty();
        let rules = if seeded_only { seed_rules(&form) } else { RuleSet { work_form: form.kind, values } };
        out.push(FormRules { form, rules, seeded_only });
    }
    Ok(out)
}

pub(crate) fn rule_set_dto(f: &FormRules, rows: &[RuleRow]) -> RuleSetDto {
    let id_of = |v: &DatedValue| {
        rows.iter().find(|r| r.key == v.key.id() && r.effective_from == v.effective_from).and_then(|r| r.id)
    };
    let mut values: Vec<RuleValueDto> = f
        .rules
        .values
        .iter()
        .map(|v| RuleValueDto {
            id: id_of(v),
            key: v.key,
            value: value_display(&v.value),
            effective_from: iso(v.effective_from),
            source: v.source.clone(),
        })
        .collect();
    values.sort_by(|a, b| (a.key.id(), &a.effective_from).cmp(&(b.key.id(), &b.effective_from)));
    RuleSetDto { work_form: work_form_dto(&f.form), seeded_only: f.seeded_only, values }
}

pub(crate) fn work_form_dto(w: &Stored<WorkForm>) -> WorkFormDto {
    let earlier_kinds = w
        .earlier_kinds
        .iter()
        .map(|e| crate::dto::EarlierKindDto {
            kind: e.kind,
            last_day: e.until.pred_opt().unwrap_or(e.until).format("%d/%m/%Y").to_string(),
        })
        .collect();
    WorkFormDto { id: Some(w.id), kind: w.kind, recognition_number: w.recognition_number.clone(), earlier_kinds }
}

/// The work form as it was over `period`: its kind on the period's first day.
pub(crate) fn work_form_dto_on(w: &Stored<WorkForm>, period: &ReportingPeriod) -> WorkFormDto {
    WorkFormDto { kind: w.kind_on(period.first_day()), ..work_form_dto(w) }
}

// ----- ratios ---------------------------------------------------------------------

/// Every stored period, grouped by work form (the main one when a period names none or
/// a work form that no longer exists), then by person.
pub(crate) fn periods_by_work_form<P: Borrow<EmploymentPeriod>>(
    by_person: &BTreeMap<i64, Vec<P>>,
    forms: &[FormRules],
) -> HashMap<i64, Vec<Vec<EmploymentPeriod>>> {
    let main = forms.first().map(|f| f.form.id);
    let known: Vec<i64> = forms.iter().map(|f| f.form.id).collect();
    let mut grouped: HashMap<i64, BTreeMap<i64, Vec<EmploymentPeriod>>> = HashMap::new();
    for (person_id, ps) in by_person {
        for p in ps.iter().map(Borrow::borrow) {
            if let Some(wf) = p.work_form_id.filter(|id| known.contains(id)).or(main) {
                grouped.entry(wf).or_default().entry(*person_id).or_default().push(p.clone());
            }
        }
    }
    grouped.into_iter().map(|(wf, people)| (wf, people.into_values().collect())).collect()
}

fn dec(d: Decimal) -> String {
    round_fte(d).to_string()
}

fn opt(d: Option<Decimal>) -> Option<String> {
    d.map(dec)
}

fn figures_dto(f: &RatioFigures) -> RatioFiguresDto {
    RatioFiguresDto {
        target_fte: opt(f.target_fte),
        supervisor_fte: opt(f.supervisor_fte),
        total_fte: dec(f.total_fte),
        recognised_ratio: opt(f.recognised_ratio),
        worked_ratio: opt(f.worked_ratio),
        allowed_supervisor_fte: opt(f.allowed_supervisor_fte),
        allowed_by_other_method: opt(f.allowed_by_other_method),
        subsidisable_supervisor_fte: opt(f.subsidisable_supervisor_fte),
        headroom: opt(f.headroom),
        target_share: opt(f.target_share),
        minimum_target_share: opt(f.minimum_target_share),
        below_minimum_share: f.below_minimum_share,
    }
}

fn used<T>(key: ParameterKey, v: &Option<InForce<T>>, text: impl Fn(&T) -> ParameterValue) -> Option<ParameterUsedDto> {
    v.as_ref().map(|i| ParameterUsedDto {
        key,
        value: value_display(&text(&i.value)),
        effective_from: iso(i.effective_from),
        source: i.source.clone(),
    })
}

pub(crate) fn parameters_used(p: &Parameters) -> Vec<ParameterUsedDto> {
    use ParameterKey as K;
    use ParameterValue as V;
    [
        used(K::Norm, &p.norm, |d| V::Decimal(*d)),
        used(K::NormMethod, &p.norm_method, |m| V::Method(*m)),
        used(K::TargetCategories, &p.target_categories, |c| V::Categories(c.clone())),
        used(K::SupervisorCategories, &p.supervisor_categories, |c| V::Categories(c.clone())),
        used(K::ContingentTargetFte, &p.contingent_target_fte, |d| V::Decimal(*d)),
        used(K::ContingentSupervisorFte, &p.contingent_supervisor_fte, |d| V::Decimal(*d)),
        used(K::YearlyMinimumFte, &p.yearly_minimum_fte, |d| V::Decimal(*d)),
        used(K::MinimumTargetShare, &p.minimum_target_share, |d| V::Decimal(*d)),
        used(K::WorkCareHoursPerFte, &p.work_care_hours_per_fte, |h| V::Hundredths(*h)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn use_dto(u: &UseFigure) -> UseFigureDto {
    UseFigureDto { fte: opt(u.fte), allocated: opt(u.allocated), exceeded: u.exceeded, under_used: u.under_used }
}

/// The quarter whose contingent use a period is judged with: the quarter of its last day.
fn quarter_of_period(period: &ReportingPeriod) -> (i32, u32) {
    match ReportingPeriod::quarter_of(period.last_day()) {
        ReportingPeriod::Quarter { year, quarter } => (year, quarter),
        _ => unreachable!("quarter_of gives a quarter"),
    }
}

pub(crate) fn work_form_ratios(
    f: &FormRules,
    people: &[Vec<EmploymentPeriod>],
    period: &ReportingPeriod,
) -> Result<WorkFormRatiosDto> {
    let slices: Vec<&[EmploymentPeriod]> = people.iter().map(Vec::as_slice).collect();
    let report = ratio_report(&f.rules, &slices, period);
    let (year, quarter) = quarter_of_period(period);
    let contingent = contingent_use(&f.rules, &slices, year, quarter)?;
    let mut parameters: Vec<ParameterUsedDto> = Vec::new();
    for s in &report.segments {
        for p in parameters_used(&s.parameters) {
            if !parameters.contains(&p) {
                parameters.push(p);
            }
        }
    }
    let categories = category_dtos(&report.summary.categories);
    let supervisor_fte = categories.iter().filter(|c| c.category.is_supervisor()).cloned().collect();
    let figures = figures_dto(&report.summary.figures);
    Ok(WorkFormRatiosDto {
        work_form: work_form_dto_on(&f.form, period),
        heads: report.summary.heads,
        target_fte: figures.target_fte.clone(),
        supervisor_fte,
        recognised_ratio: figures.recognised_ratio.clone(),
        worked_ratio: figures.worked_ratio.clone(),
        allowed_supervisor_fte: figures.allowed_supervisor_fte.clone(),
        subsidisable_supervisor_fte: figures.subsidisable_supervisor_fte.clone(),
        categories,
        figures,
        segments: report
            .segments
            .iter()
            .map(|s| RatioSegmentDto {
                start: iso(s.first_day),
                end: iso(s.last_day),
                days: s.days as u32,
                parameters: parameters_used(&s.parameters),
                categories: category_dtos(&s.categories),
                figures: figures_dto(&s.figures),
            })
            .collect(),
        parameters,
        contingent: ContingentDto {
            year: contingent.year,
            up_to_quarter: contingent.up_to_quarter,
            quarters: contingent
                .quarters
                .iter()
                .map(|q| QuarterUseDto {
                    quarter: q.quarter.to_string(),
                    target: use_dto(&q.target),
                    supervisor: use_dto(&q.supervisor),
                })
                .collect(),
            year_to_date_target: use_dto(&contingent.year_to_date_target),
            year_to_date_supervisor: use_dto(&contingent.year_to_date_supervisor),
            yearly_minimum_fte: used(ParameterKey::YearlyMinimumFte, &contingent.yearly_minimum_fte, |d| {
                ParameterValue::Decimal(*d)
            }),
            projected_year_average: opt(contingent.projected_year_average),
            minimum_at_risk: contingent.minimum_at_risk,
        },
    })
}

// ----- eligibility ----------------------------------------------------------------

fn criterion_dto(cat: &Catalogue, c: &Criterion) -> CriterionDto {
    let mut params = c.params.clone();
    params.insert("status".into(), cat.text(&format!("criterion.status.{}", c.status.id())));
    if let Some(f) = &c.fact {
        params.entry("fact".into()).or_insert_with(|| f.clone());
    }
    CriterionDto {
        id: c.id.id().to_string(),
        status: c.status,
        fact: c.fact.clone(),
        message: cat.render(&format!("criterion.{}", c.id.id()), &params),
        params: c.params.clone(),
        parts: c.parts.iter().map(|p| criterion_dto(cat, p)).collect(),
    }
}

pub(crate) fn eligibility_dto(
    cat: &Catalogue,
    person: &Stored<Person>,
    category: Category,
    work_form: WorkFormKind,
    hire: NaiveDate,
    period: Option<&EmploymentPeriod>,
) -> EligibilityDto {
    let kind = EligibilityKind::for_category(category, work_form);
    let mut facts = EligibilityFacts::from_person(person);
    if let Some(p) = period {
        facts = facts.with_period(p);
    }
    let result = kind.map(|k| eligibility::check(k, &facts, hire));
    EligibilityDto {
        person_id: person.id,
        category,
        work_form,
        hire_date: iso(hire),
        day_before: iso(hire.pred_opt().expect("date in range")),
        kind,
        overall: result.as_ref().map(|r| r.overall),
        criteria: result.map(|r| r.criteria.iter().map(|c| criterion_dto(cat, c)).collect()).unwrap_or_default(),
    }
}

// ----- problems -------------------------------------------------------------------

struct Problems<'a> {
    cat: &'a Catalogue,
    list: Vec<ProblemDto>,
}

impl Problems<'_> {
    fn add(
        &mut self,
        severity: Severity,
        code: &str,
        person: Option<&Stored<Person>>,
        period_id: Option<i64>,
        work_form_id: Option<i64>,
        mut params: BTreeMap<String, String>,
    ) {
        if let Some(p) = person {
            params.entry("name".into()).or_insert_with(|| p.display_name());
        }
        self.list.push(ProblemDto {
            severity,
            code: code.to_string(),
            message: self.cat.render(code, &params),
            person_id: person.map(|p| p.id),
            person_name: person.map(|p| p.display_name()),
            period_id,
            work_form_id,
            params,
        });
    }
}

fn params<const N: usize>(list: [(&str, String); N]) -> BTreeMap<String, String> {
    list.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The problems of a period: ratio and contingent checks per work form, and checks of the
/// people and periods that have at least one day in it.
pub(crate) async fn problems(
    conn: &mut SqliteConnection,
    cat: &Catalogue,
    period: &ReportingPeriod,
) -> Result<Vec<ProblemDto>> {
    let forms = load_rules(conn).await?;
    let by_person = periods::stored_by_person(conn).await?;
    let grouped = periods_by_work_form(&by_person, &forms);
    let mut out = Problems { cat, list: Vec::new() };
    let span = period.span();

    for f in &forms {
        let wf = Some(f.form.id);
        let kind = cat.text(&format!("work_form.{}", f.form.kind_on(period.first_day()).id()));
        let people = grouped.get(&f.form.id).cloned().unwrap_or_default();
        let r = work_form_ratios(f, &people, period)?;
        let base = |extra: &[(&str, String)]| {
            let mut p = params([("work_form", kind.clone()), ("period", period.to_string())]);
            p.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
            p
        };
        if let (Some(h), Some(allowed)) = (&r.figures.headroom, &r.figures.allowed_supervisor_fte) {
            let headroom = Decimal::from_str(h).unwrap_or_default();
            let extra = [("allowed", allowed.clone()), ("headroom", h.trim_start_matches('-').to_string())];
            if headroom < Decimal::ZERO {
                out.add(Severity::Warning, "problem.supervision_above_norm", None, None, wf, base(&extra));
            } else if headroom >= Decimal::new(5, 1) {
                out.add(Severity::Info, "problem.supervision_below_norm", None, None, wf, base(&extra));
            }
        }
        let c = &r.contingent;
        for (side, u) in [("target", &c.year_to_date_target), ("supervisor", &c.year_to_date_supervisor)] {
            let extra = [
                ("side", cat.text(&format!("problem.side.{side}"))),
                ("fte", u.fte.clone().unwrap_or_default()),
                ("allocated", u.allocated.clone().unwrap_or_default()),
                ("year", c.year.to_string()),
            ];
            if u.exceeded == Some(true) {
                out.add(Severity::Warning, "problem.contingent_exceeded", None, None, wf, base(&extra));
            } else if u.under_used == Some(true) {
                out.add(Severity::Info, "problem.contingent_under_used", None, None, wf, base(&extra));
            }
        }
        if c.minimum_at_risk == Some(true) {
            let extra = [
                ("projected", c.projected_year_average.clone().unwrap_or_default()),
                ("minimum", c.yearly_minimum_fte.as_ref().map(|m| m.value.clone()).unwrap_or_default()),
                ("year", c.year.to_string()),
            ];
            out.add(Severity::Warning, "problem.yearly_minimum_at_risk", None, None, wf, base(&extra));
        }
        if r.figures.below_minimum_share == Some(true) {
            let extra = [
                ("share", r.figures.target_share.clone().unwrap_or_default()),
                ("minimum", r.figures.minimum_target_share.clone().unwrap_or_default()),
            ];
            out.add(Severity::Warning, "problem.target_share_below_minimum", None, None, wf, base(&extra));
        }
    }

    // People and periods with at least one day in the period.
    // The kind the period's work form had on its first day (entry conditions are those of
    // the hire date).
    let kind_of = |wf: Option<i64>, day: NaiveDate| {
        forms
            .iter()
            .find(|f| Some(f.form.id) == wf)
            .or(forms.first())
            .map(|f| f.form.kind_on(day))
            .unwrap_or(WorkFormKind::SocialWorkshop)
    };
    let everyone: HashMap<i64, Stored<Person>> = people::list(conn).await?.into_iter().map(|p| (p.id, p)).collect();
    for (pid, ps) in &by_person {
        if !ps.iter().any(|p| p.span().overlaps(&span)) {
            continue;
        }
        let Some(person) = everyone.get(pid) else { continue };
        if person.insz.is_none() {
            out.add(Severity::Warning, "problem.insz_missing", Some(person), None, None, BTreeMap::new());
        }
        for (i, p) in ps.iter().enumerate() {
            let previous = i.checked_sub(1).map(|k| &ps[k]);
            if let Some(prev) = previous {
                if let Some(end) = prev.end {
                    let gap = (p.start - end).num_days() - 1;
                    if (1..=7).contains(&gap) && p.span().overlaps(&span) {
                        let extra = params([("days", gap.to_string()), ("end", iso(end)), ("start", iso(p.start))]);
                        out.add(Severity::Info, "problem.short_gap", Some(person), Some(p.id), p.work_form_id, extra);
                    }
                }
            }
            if !p.span().overlaps(&span) {
                continue;
            }
            if p.category == Category::Article60 && (p.placement_agreement_signed.is_none() || p.ocmw.is_none()) {
                let extra = params([("start", iso(p.start))]);
                out.add(
                    Severity::Warning,
                    "problem.article_60_agreement_missing",
                    Some(person),
                    Some(p.id),
                    p.work_form_id,
                    extra,
                );
            }
            // A hire into a category with entry conditions: the first period of that
            // category, or a change of category.
            let is_hire = previous.is_none_or(|prev| prev.category != p.category);
            if is_hire {
                let dto = eligibility_dto(cat, person, p.category, kind_of(p.work_form_id, p.start), p.start, Some(p));
                let extra = params([
                    ("category", p.category.id().to_string()),
                    ("start", iso(p.start)),
                    ("criteria", failing(&dto)),
                ]);
                match dto.overall {
                    Some(CriterionStatus::NotMet) => out.add(
                        Severity::Warning,
                        "problem.eligibility_failed",
                        Some(person),
                        Some(p.id),
                        p.work_form_id,
                        extra,
                    ),
                    Some(CriterionStatus::Unknown) => out.add(
                        Severity::Info,
                        "problem.eligibility_unknown",
                        Some(person),
                        Some(p.id),
                        p.work_form_id,
                        extra,
                    ),
                    _ => {}
                }
            }
        }
    }
    Ok(out.list)
}

/// The criteria that are not met (or, when none fails, unknown), as a list of messages.
fn failing(e: &EligibilityDto) -> String {
    let pick = |status: CriterionStatus| -> Vec<String> {
        e.criteria.iter().filter(|c| c.status == status).map(|c| c.message.clone()).collect()
    };
    let mut list = pick(CriterionStatus::NotMet);
    if list.is_empty() {
        list = pick(CriterionStatus::Unknown);
    }
    list.join(" ")
}

// ----- use cases ------------------------------------------------------------

impl Api {
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
        let value = key.and_then(|k| parse_input(k, &input.value).map_err(|v| out.push(v)).ok());
        let (key, from, value) = Violations::checked(out, (key, from, value))?;
        let source = Some(input.source.trim().to_string()).filter(|s| !s.is_empty());
        let dated = werkbank_domain::DatedValue { key, value, effective_from: from, source };
        Violations::check(dated.validate())?;
        let mut tx = self.store.begin().await?;
        let org = organisation::get(&mut tx).await?;
        if !org.is_some_and(|o| o.work_forms.iter().any(|w| w.id == (input.work_form_id))) {
            return Err(AppError::NotFound { entity: "work_form", id: input.work_form_id });
        }
        seed_missing(&mut tx).await?;
        // The new value must also fit the rest of the set (e.g. no category on both sides).
        let forms = load_rules(&mut tx).await?;
        if let Some(f) = forms.iter().find(|f| f.form.id == (input.work_form_id)) {
            let mut set = f.rules.clone();
            set.values.retain(|v| !(v.key == dated.key && v.effective_from == dated.effective_from));
            set.values.push(dated.clone());
            set.validate()
                .map_err(|e| Violations(e.0.into_iter().map(|v| Violation { field: "value".into(), ..v }).collect()))?;
        }
        let id = werkbank_store::rules::upsert(&mut tx, &rule_row(input.work_form_id, &dated)).await?;
        let details = serde_json::json!({ "work_form_id": input.work_form_id, "key": key.id(),
            "value": value_text(&dated.value), "effective_from": iso(from) });
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
        let forms = load_rules(&mut conn).await?;
        let grouped = periods_by_work_form(&periods::by_person(&mut conn).await?, &forms);
        let mut work_forms = Vec::new();
        for f in &forms {
            let people = grouped.get(&f.form.id).map(Vec::as_slice).unwrap_or_default();
            work_forms.push(work_form_ratios(f, people, &period)?);
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
        let hire = Violations::checked(errs, hire)?;
        let mut conn = self.store.conn().await?;
        let person =
            people::get(&mut conn, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
        let org = organisation::get(&mut conn).await?;
        let forms = org.map(|o| o.work_forms).unwrap_or_default();
        let kind = forms
            .iter()
            .find(|w| Some(w.id) == work_form_id)
            .or(forms.first())
            .map(|w| w.kind_on(hire))
            .unwrap_or(werkbank_domain::WorkFormKind::SocialWorkshop);
        let ps = periods::for_person(&mut conn, person_id).await?;
        let period = ps.iter().map(|p| &p.value).find(|p| p.start == hire && p.category == category);
        Ok(eligibility_dto(self.catalogue(), &person, category, kind, hire, period))
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
            people::find_by_insz(&mut conn, &insz).await?.map(|p| p.id)
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
        let problems = problems(&mut conn, self.catalogue(), &period).await?;
        Ok(ProblemsDto {
            period: period.to_string(),
            start: iso(period.first_day()),
            end: iso(period.last_day()),
            problems,
        })
    }
}

pub(crate) async fn rule_sets(conn: &mut SqliteConnection) -> Result<Vec<RuleSetDto>> {
    let forms = load_rules(conn).await?;
    let mut out = Vec::new();
    for f in &forms {
        let rows = werkbank_store::rules::for_work_form(conn, f.form.id).await?;
        out.push(rule_set_dto(f, &rows));
    }
    Ok(out)
}
