//! The worker's path use cases: the agenda of planned meetings (due, overdue, done),
//! recording a held meeting, the guidance plan, leaving, the path's intervals, and the
//! turnover figures.

pub mod dto;

use crate::convert::iso;
use crate::dto::*;
use crate::error::{AppError, Result};
use crate::{input, Api};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;
use werkbank_domain::employment::others_than;
use werkbank_domain::path::{self as dp, Employment, PathSettings, PlannedMeeting};
use werkbank_domain::Stored;
use werkbank_domain::{EmploymentPeriod, Person, Violation, Violations};
use werkbank_store::path::{self as store, GuidancePlan, HeldMeeting, Leaving};
use werkbank_store::{people, periods, SqliteConnection};

/// Done meetings held this many days before today are still shown on the agenda.
pub const DONE_SHOWN_DAYS: i64 = 90;
/// The default agenda horizon: today + this many days.
pub const AGENDA_DAYS: i64 = 30;

fn item(
    person: &Stored<Person>,
    e: &Employment,
    m: &PlannedMeeting,
    held: Option<&HeldMeeting>,
    today: NaiveDate,
) -> AgendaItemDto {
    AgendaItemDto {
        person_id: person.id,
        person_name: person.display_name(),
        hire_date: iso(e.hire_date),
        kind: m.kind,
        seq: m.seq,
        due: iso(m.due),
        status: dp::agenda_status(m.due, held.is_some(), today),
        held_date: held.map(|h| iso(h.held_date)),
        participants: held.map(|h| h.participants.clone()),
        outcome: held.map(|h| h.outcome.clone()),
        next_step: held.map(|h| h.next_step.clone()),
    }
}

fn held_for<'a>(held: &'a [HeldMeeting], e: &Employment, m: &PlannedMeeting) -> Option<&'a HeldMeeting> {
    held.iter().find(|h| h.hire_date == e.hire_date && h.kind == m.kind && h.seq == m.seq)
}

/// Every meeting of one person's employments up to a year ahead (most recent employment first).
pub(crate) async fn person_items(api: &Api, conn: &mut SqliteConnection, person_id: i64) -> Result<Vec<AgendaItemDto>> {
    let today = api.today();
    let person = people::get(conn, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
    let settings = store::path_settings(conn).await?;
    let held = store::meetings(conn, Some(person_id)).await?;
    let ps = periods::for_person(conn, person_id).await?;
    let mut out = Vec::new();
    for e in dp::employments(&ps).iter().rev() {
        let horizon = today.max(e.hire_date) + Duration::days(365);
        for m in dp::plan(e, &settings, horizon) {
            out.push(item(&person, e, &m, held_for(&held, e, &m), today));
        }
    }
    Ok(out)
}

fn parse_hire(field: &str, s: &str, out: &mut Vec<Violation>) -> Option<NaiveDate> {
    input::required_date(field, s, out)
}

/// The employment of `person_id` that started on `hire`.
async fn employment(conn: &mut SqliteConnection, person_id: i64, hire: NaiveDate) -> Result<Employment> {
    people::get(conn, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
    let ps = periods::for_person(conn, person_id).await?;
    dp::employments(&ps)
        .into_iter()
        .find(|e| e.hire_date == hire)
        .ok_or_else(|| Violation::new("hire_date", "path.no_employment").with("date", hire).into())
}

fn plan_dto(p: &GuidancePlan, today: NaiveDate) -> GuidancePlanDto {
    GuidancePlanDto {
        agreed_on: p.agreed_on.map(iso),
        counsellor: p.counsellor.clone(),
        agreements: p.agreements.clone(),
        tasks: p
            .tasks
            .iter()
            .map(|(task, responsible)| GuidanceTaskDto { task: task.clone(), responsible: responsible.clone() })
            .collect(),
        revision_dates: p.revision_dates.iter().copied().map(iso).collect(),
        next_revision: p.revision_dates.iter().copied().find(|d| *d >= today).map(iso),
    }
}

fn settings_dto(s: &PathSettings) -> PathSettingsDto {
    PathSettingsDto {
        intake_days: s.intake_days,
        plan_months: s.plan_months,
        follow_up_months: s.follow_up_months,
        yearly_months: s.yearly_months,
        transition_from_months: s.transition_from_months,
        transition_every_months: s.transition_every_months,
        debrief_days: s.debrief_days,
    }
}

impl Api {
    /// Planned meetings of every target-group worker and work-care participant: overdue
    /// ones, those due up to `until` (default: today + 30 days), and those done in the
    /// last 90 days.
    pub async fn agenda(&self, until: Option<&str>) -> Result<AgendaDto> {
        let today = self.today();
        let mut errs = Vec::new();
        let until = until
            .and_then(|u| input::optional_date("until", u, &mut errs))
            .unwrap_or(today + Duration::days(AGENDA_DAYS));
        Violations::check(errs)?;
        let mut conn = self.store.conn().await?;
        let settings = store::path_settings(&mut conn).await?;
        let everyone = people::list(&mut conn).await?;
        let mut by_person = periods::stored_by_person(&mut conn).await?;
        let mut held: BTreeMap<i64, Vec<HeldMeeting>> = BTreeMap::new();
        for h in store::meetings(&mut conn, None).await? {
            held.entry(h.person_id).or_default().push(h);
        }
        let none = Vec::new();
        let (mut overdue, mut due, mut done) = (Vec::new(), Vec::new(), Vec::new());
        for person in &everyone {
            let id = person.id;
            let ps = by_person.remove(&id).unwrap_or_default();
            let hs = held.get(&id).unwrap_or(&none);
            for e in dp::employments(&ps) {
                for m in dp::plan(&e, &settings, until.max(today)) {
                    let h = held_for(hs, &e, &m);
                    let it = item(person, &e, &m, h, today);
                    match it.status {
                        dp::AgendaStatus::Overdue => overdue.push(it),
                        dp::AgendaStatus::Due if m.due <= until => due.push(it),
                        dp::AgendaStatus::Done
                            if h.is_some_and(|h| h.held_date >= today - Duration::days(DONE_SHOWN_DAYS)) =>
                        {
                            done.push(it)
                        }
                        _ => {}
                    }
                }
            }
        }
        overdue.sort_by(|a, b| (&a.due, &a.person_name).cmp(&(&b.due, &b.person_name)));
        due.sort_by(|a, b| (&a.due, &a.person_name).cmp(&(&b.due, &b.person_name)));
        done.sort_by(|a, b| b.held_date.cmp(&a.held_date).then(a.person_name.cmp(&b.person_name)));
        let items = overdue.into_iter().chain(due).chain(done).collect();
        Ok(AgendaDto { today: iso(today), until: iso(until), items })
    }

    /// One person's path: per employment its meetings, guidance plan and leaving record.
    pub async fn person_path(&self, person_id: i64) -> Result<PersonPathDto> {
        let mut conn = self.store.conn().await?;
        self.person_path_in(&mut conn, person_id).await
    }

    async fn person_path_in(&self, conn: &mut SqliteConnection, person_id: i64) -> Result<PersonPathDto> {
        let today = self.today();
        let items = person_items(self, conn, person_id).await?;
        let ps = periods::for_person(conn, person_id).await?;
        let plans = store::plans(conn, person_id).await?;
        let leavings = store::leavings(conn, Some(person_id)).await?;
        let employments = dp::employments(&ps)
            .iter()
            .rev()
            .map(|e| EmploymentPathDto {
                hire_date: iso(e.hire_date),
                end: e.end.map(iso),
                last_category: e.last_category,
                meetings: items.iter().filter(|i| i.hire_date == iso(e.hire_date)).cloned().collect(),
                plan: plans.iter().find(|p| p.hire_date == e.hire_date).map(|p| plan_dto(p, today)),
                leaving: leavings.iter().find(|l| l.period_id == e.last_period_id).and_then(|l| {
                    Some(LeavingDto {
                        end: iso(e.end?),
                        reason: l.reason,
                        return_right: l.return_right,
                        note: l.note.clone(),
                    })
                }),
            })
            .collect();
        Ok(PersonPathDto { person_id, employments })
    }

    /// Records a planned meeting as held (or corrects the record).
    pub async fn record_meeting(&self, input: MeetingInput) -> Result<PersonPathDto> {
        let today = self.today();
        let mut errs = Vec::new();
        let hire = parse_hire("hire_date", &input.hire_date, &mut errs);
        let held = input::required_date("held_date", &input.held_date, &mut errs);
        if let Some(h) = held.filter(|h| *h > today) {
            errs.push(Violation::new("held_date", "person.date_future").with("date", h));
        }
        if input.kind.is_none() {
            errs.push(Violation::new("kind", "value.required"));
        }
        if input.outcome.trim().is_empty() {
            errs.push(Violation::new("outcome", "value.required"));
        }
        let (hire, held, kind) = Violations::checked(errs, (hire, held, input.kind))?;
        let mut tx = self.store.begin().await?;
        let e = employment(&mut tx, input.person_id, hire).await?;
        let settings = store::path_settings(&mut tx).await?;
        let horizon = held.max(today).max(e.end.unwrap_or(today)) + Duration::days(3660);
        let planned = dp::plan(&e, &settings, horizon)
            .into_iter()
            .find(|m| m.kind == kind && m.seq == input.seq)
            .ok_or_else(|| Violation::new("kind", "path.meeting_not_planned"))?;
        let m = HeldMeeting {
            id: None,
            person_id: input.person_id,
            hire_date: hire,
            kind,
            seq: input.seq,
            due_date: planned.due,
            held_date: held,
            participants: input.participants.trim().to_string(),
            outcome: input.outcome.trim().to_string(),
            next_step: input.next_step.trim().to_string(),
        };
        let id = store::upsert_meeting(&mut tx, &m).await?;
        // Names only: the outcome of a meeting is personal.
        self.audit(
            &mut tx,
            "record",
            "path_meeting",
            Some(id),
            serde_json::json!({ "person_id": input.person_id, "kind": kind.id(), "seq": input.seq,
                "fields": ["held_date", "participants", "outcome", "next_step"] }),
        )
        .await?;
        let path = self.person_path_in(&mut tx, input.person_id).await?;
        tx.commit().await?;
        Ok(path)
    }

    /// Stores the guidance plan (IBP) of an employment: agreements, tasks with who is
    /// responsible, and revision dates.
    pub async fn save_guidance_plan(&self, input: GuidancePlanInput) -> Result<PersonPathDto> {
        let mut errs = Vec::new();
        let hire = parse_hire("hire_date", &input.hire_date, &mut errs);
        let agreed = input::optional_date("agreed_on", &input.agreed_on, &mut errs);
        let mut revisions = Vec::new();
        for (i, r) in input.revision_dates.iter().enumerate() {
            if let Some(d) = input::optional_date(&format!("revision_dates.{i}"), r, &mut errs) {
                revisions.push(d);
            }
        }
        revisions.sort();
        revisions.dedup();
        let tasks: Vec<(String, String)> = input
            .tasks
            .iter()
            .filter(|t| !t.task.trim().is_empty())
            .map(|t| (t.task.trim().to_string(), t.responsible.trim().to_string()))
            .collect();
        for (i, t) in input.tasks.iter().enumerate() {
            if t.task.trim().is_empty() && !t.responsible.trim().is_empty() {
                errs.push(Violation::new(format!("tasks.{i}.task"), "value.required"));
            }
        }
        let hire = Violations::checked(errs, hire)?;
        let mut tx = self.store.begin().await?;
        employment(&mut tx, input.person_id, hire).await?;
        let plan = GuidancePlan {
            id: None,
            person_id: input.person_id,
            hire_date: hire,
            agreed_on: agreed,
            counsellor: input.counsellor.trim().to_string(),
            agreements: input.agreements.trim().to_string(),
            tasks,
            revision_dates: revisions,
        };
        let id = store::save_plan(&mut tx, &plan).await?;
        self.audit(
            &mut tx,
            "save",
            "guidance_plan",
            Some(id),
            serde_json::json!({ "person_id": input.person_id, "tasks": plan.tasks.len(),
                "revision_dates": plan.revision_dates.len() }),
        )
        .await?;
        let path = self.person_path_in(&mut tx, input.person_id).await?;
        tx.commit().await?;
        Ok(path)
    }

    /// A worker leaves: the last day becomes the end date of their last employment period,
    /// and the reason and return right are recorded beside it. The debrief is then planned.
    pub async fn record_leaving(&self, person_id: i64, input: LeavingInput) -> Result<PersonPathDto> {
        let mut errs = Vec::new();
        let end = input::required_date("end", &input.end, &mut errs);
        if input.reason.is_none() {
            errs.push(Violation::new("reason", "value.required"));
        }
        let (end, reason) = Violations::checked(errs, (end, input.reason))?;
        let mut tx = self.store.begin().await?;
        people::get(&mut tx, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
        let ps = periods::for_person(&mut tx, person_id).await?;
        let Some(last) = ps.iter().max_by_key(|p| p.start).cloned() else {
            return Err(Violation::new("end", "path.no_period").into());
        };
        let period_id = last.id;
        let period = EmploymentPeriod { end: Some(end), ..last.value.clone() };
        Violations::check(period.validate())?;
        period.check_no_overlap(others_than(&ps, Some(period_id)))?;
        if last.end != Some(end) {
            periods::update(&mut tx, period_id, &period).await?;
            self.audit(
                &mut tx,
                "update",
                "employment_period",
                Some(period_id),
                serde_json::json!({ "person_id": person_id, "fields": ["end"], "end": iso(end) }),
            )
            .await?;
        }
        let leaving = Leaving {
            person_id,
            period_id,
            reason,
            return_right: input.return_right,
            note: input.note.trim().to_string(),
        };
        let id = store::save_leaving(&mut tx, &leaving).await?;
        // The reason can touch on health: the audit names the fields only.
        self.audit(
            &mut tx,
            "record",
            "leaving",
            Some(id),
            serde_json::json!({ "person_id": person_id, "period_id": period_id,
                "fields": ["end", "reason", "return_right", "note"] }),
        )
        .await?;
        let path = self.person_path_in(&mut tx, person_id).await?;
        tx.commit().await?;
        Ok(path)
    }

    pub async fn path_settings(&self) -> Result<PathSettingsDto> {
        let mut conn = self.store.conn().await?;
        Ok(settings_dto(&store::path_settings(&mut conn).await?))
    }

    /// Changes the path's intervals (months up to 120, days up to 365).
    pub async fn save_path_settings(&self, input: PathSettingsDto) -> Result<PathSettingsDto> {
        let s = PathSettings {
            intake_days: input.intake_days,
            plan_months: input.plan_months,
            follow_up_months: input.follow_up_months,
            yearly_months: input.yearly_months,
            transition_from_months: input.transition_from_months,
            transition_every_months: input.transition_every_months,
            debrief_days: input.debrief_days,
        };
        let mut errs = Vec::new();
        for (key, value) in s.entries() {
            let max = if key.ends_with("_days") { 365 } else { 120 };
            if value > max {
                let field = key.trim_start_matches("path.");
                errs.push(Violation::new(field, "path.interval_range").with("value", value).with("max", max));
            }
        }
        Violations::check(errs)?;
        let mut tx = self.store.begin().await?;
        store::save_path_settings(&mut tx, &s).await?;
        let values: serde_json::Map<String, serde_json::Value> =
            s.entries().iter().map(|(k, v)| (k.to_string(), serde_json::json!(v))).collect();
        self.audit(&mut tx, "save", "path_settings", None, serde_json::Value::Object(values)).await?;
        tx.commit().await?;
        Ok(settings_dto(&s))
    }

    /// Hires, leavers per reason, turnover and the share moving to a regular job, per
    /// year over the last five years (target-group workers and work-care participants).
    pub async fn turnover(&self) -> Result<TurnoverDto> {
        let today = self.today();
        let mut conn = self.store.conn().await?;
        let by_person = periods::stored_by_person(&mut conn).await?;
        let reasons: BTreeMap<i64, dp::LeavingReason> =
            store::leavings(&mut conn, None).await?.into_iter().map(|l| (l.period_id, l.reason)).collect();
        let mut employments = Vec::new();
        let mut leavers = Vec::new();
        for ps in by_person.values() {
            for e in dp::employments(ps) {
                if let Some(end) = e.end.filter(|end| *end <= today) {
                    leavers.push(dp::Leaver { end, reason: reasons.get(&e.last_period_id).copied() });
                }
                employments.push(e);
            }
        }
        let years = dp::turnover(&employments, &leavers, today.year() - 4, today.year());
        let total_leavers: u32 = years.iter().map(|y| y.leavers).sum();
        let total_hires: u32 = years.iter().map(|y| y.hires).sum();
        let regular: u32 = years
            .iter()
            .flat_map(|y| y.by_reason.iter())
            .filter(|(r, _)| *r == Some(dp::LeavingReason::RegularJob))
            .map(|(_, n)| n)
            .sum();
        let pct = |part: u32, whole: u32| {
            (whole > 0).then(|| {
                (rust_decimal::Decimal::from(part) * rust_decimal::Decimal::from(100)
                    / rust_decimal::Decimal::from(whole))
                .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .to_string()
            })
        };
        Ok(TurnoverDto {
            years: years
                .iter()
                .map(|y| TurnoverYearDto {
                    year: y.year,
                    heads_at_start: y.heads_at_start,
                    hires: y.hires,
                    leavers: y.leavers,
                    by_reason: y
                        .by_reason
                        .iter()
                        .map(|(reason, count)| ReasonCountDto { reason: *reason, count: *count })
                        .collect(),
                    turnover_percent: y.turnover_percent.map(|d| d.to_string()),
                    regular_job_percent: y.regular_job_percent.map(|d| d.to_string()),
                })
                .collect(),
            total_leavers,
            total_hires,
            regular_job_percent: pct(regular, total_leavers),
        })
    }
}
