//! The waitlist use cases: candidates, their status with history, the list in its
//! explained order, the figures per work form, and hiring from the list.

pub mod dto;

use crate::convert::iso;
use crate::dto::*;
use crate::error::{AppError, Result};
use crate::register::{parse_period, person_detail, person_dto};
use crate::{compliance, input, Api};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;
use werkbank_domain::eligibility::CriterionStatus;
use werkbank_domain::waitlist::{self as wl, Attest, Candidate, CandidateStatus, Priority};
use werkbank_domain::Stored;
use werkbank_domain::{ReportingPeriod, Violation, Violations, WorkForm, WorkFormKind};
use werkbank_store::waitlist::{self as store, StatusChange};
use werkbank_store::{organisation, settings, SqliteConnection};

/// Attests ending within this many days are flagged.
pub const ATTEST_ALERT_DAYS: i64 = 30;
/// Months of inflow and outflow in the figures.
pub const FLOW_MONTHS: u32 = 12;

fn open_places_key(work_form_id: i64) -> String {
    format!("waitlist.open_places.{work_form_id}")
}

fn parse_candidate(input: &CandidateInput, today: NaiveDate) -> Result<Candidate> {
    let mut out = Vec::new();
    let person = match input::person(&input.person, today) {
        Ok(p) => Some(p),
        Err(v) => {
            out.extend(v.0);
            None
        }
    };
    if input.referrer.is_none() {
        out.push(Violation::new("referrer", "value.required"));
    }
    if input.category.is_none() {
        out.push(Violation::new("category", "value.required"));
    }
    let referral = input::required_date("referral_date", &input.referral_date, &mut out);
    let attest_date = input::optional_date("attest_date", &input.attest_date, &mut out);
    let attest_until = input::optional_date("attest_valid_until", &input.attest_valid_until, &mut out);
    if input.attest_kind.is_none() && (attest_date.is_some() || attest_until.is_some()) {
        out.push(Violation::new("attest_kind", "value.required"));
    }
    let (person, referrer, referral_date, category) =
        Violations::checked(out, (person, input.referrer, referral, input.category))?;
    let text = |s: &str| s.trim().to_string();
    let candidate = Candidate {
        person,
        contact: text(&input.contact),
        referrer,
        counsellor_name: text(&input.counsellor_name),
        counsellor_contact: text(&input.counsellor_contact),
        referral_date,
        work_form_id: input.work_form_id,
        category,
        attest: input.attest_kind.map(|kind| Attest { kind, date: attest_date, valid_until: attest_until }),
        priority: input.priority.unwrap_or(Priority::Normal),
        notes: input.notes.trim().to_string(),
        status: CandidateStatus::Waiting,
        person_id: None,
    };
    candidate.validate(today)?;
    Ok(candidate)
}

/// The work form a candidate seeks: theirs, else the main (first) one.
fn form_of<'a>(c: &Candidate, forms: &'a [Stored<WorkForm>]) -> Option<&'a Stored<WorkForm>> {
    forms.iter().find(|w| Some(w.id) == c.work_form_id).or(forms.first())
}

fn kind_of(c: &Candidate, forms: &[Stored<WorkForm>]) -> WorkFormKind {
    form_of(c, forms).map(|w| w.kind).unwrap_or(WorkFormKind::SocialWorkshop)
}

async fn work_forms(conn: &mut SqliteConnection) -> Result<Vec<Stored<WorkForm>>> {
    Ok(organisation::get(conn).await?.map(|o| o.work_forms).unwrap_or_default())
}

async fn check_work_form_id(conn: &mut SqliteConnection, id: Option<i64>) -> Result<()> {
    if let Some(id) = id {
        if !work_forms(conn).await?.iter().any(|w| w.id == (id)) {
            return Err(Violation::new("work_form_id", "period.work_form_unknown").into());
        }
    }
    Ok(())
}

impl Api {
    fn eligibility_of(&self, c: &Candidate, forms: &[Stored<WorkForm>], on: NaiveDate) -> EligibilityDto {
        // (the person is not in the register yet: id 0)
        let person = Stored::new(c.person_id.unwrap_or(0), c.facts_person());
        compliance::eligibility_dto(self.catalogue(), &person, c.category, kind_of(c, forms), on, None)
    }

    fn candidate_dto(
        &self,
        c: &Stored<Candidate>,
        history: &[&StatusChange],
        forms: &[Stored<WorkForm>],
        rank: Option<u32>,
    ) -> CandidateDto {
        let today = self.today();
        let since = history.last().map(|h| h.date).unwrap_or(c.referral_date);
        let until = if c.status.is_open() { today } else { since };
        let person = Stored::new(c.person_id.unwrap_or(0), c.person.clone());
        // The attest's state, computed once: the list's alert is "not valid" while open.
        let attest_state =
            c.attest.as_ref().and_then(|a| a.valid_until).map(|u| wl::validity(u, today, ATTEST_ALERT_DAYS));
        CandidateDto {
            id: c.id,
            person: person_dto(person),
            contact: c.contact.clone(),
            referrer: c.referrer,
            counsellor_name: c.counsellor_name.clone(),
            counsellor_contact: c.counsellor_contact.clone(),
            referral_date: iso(c.referral_date),
            work_form_id: c.work_form_id,
            work_form: kind_of(c, forms),
            category: c.category,
            attest_kind: c.attest.as_ref().map(|a| a.kind),
            attest_date: c.attest.as_ref().and_then(|a| a.date).map(iso),
            attest_valid_until: c.attest.as_ref().and_then(|a| a.valid_until).map(iso),
            priority: c.priority,
            notes: c.notes.clone(),
            status: c.status,
            status_since: iso(since),
            waiting_days: wl::waiting_days(c.referral_date, until),
            attest_alert: c.status.is_open() && attest_state.is_some_and(|s| s != wl::ValidityState::Valid),
            attest_state,
            eligibility: self.eligibility_of(c, forms, today).overall,
            person_id: c.person_id,
            rank,
        }
    }

    async fn candidate_detail(&self, conn: &mut SqliteConnection, id: i64) -> Result<CandidateDetailDto> {
        let c = store::get(conn, id).await?.ok_or(AppError::NotFound { entity: "candidate", id })?;
        let history = store::history(conn, Some(id)).await?;
        let forms = work_forms(conn).await?;
        let rank = if c.status.is_open() {
            let mut open: Vec<Stored<Candidate>> =
                store::list(conn).await?.into_iter().filter(|o| o.status.is_open()).collect();
            open.sort_by(wl::list_order);
            open.iter().position(|o| o.id == c.id).map(|p| p as u32 + 1)
        } else {
            None
        };
        let refs: Vec<&StatusChange> = history.iter().collect();
        Ok(CandidateDetailDto {
            candidate: self.candidate_dto(&c, &refs, &forms, rank),
            history: history
                .iter()
                .map(|h| StatusChangeDto {
                    status: h.status,
                    date: iso(h.date),
                    reason: h.reason.clone(),
                    actor: h.actor.clone(),
                    recorded_at: h.recorded_at.clone(),
                })
                .collect(),
            next: c.status.next().to_vec(),
            eligibility: self.eligibility_of(&c, &forms, self.today()),
        })
    }

    /// The list: open candidates in list order (referral date, then priority, then entry).
    pub async fn waitlist(&self, filter: WaitlistFilter) -> Result<WaitlistDto> {
        let mut conn = self.store.conn().await?;
        let forms = work_forms(&mut conn).await?;
        let all = store::list(&mut conn).await?;
        let history = store::history(&mut conn, None).await?;
        let mut by_candidate: BTreeMap<i64, Vec<&StatusChange>> = BTreeMap::new();
        for h in &history {
            by_candidate.entry(h.candidate_id).or_default().push(h);
        }
        let in_form = |c: &Stored<Candidate>| match filter.work_form_id {
            None => true,
            Some(id) => form_of(c, &forms).map(|w| w.id) == Some(id),
        };
        let (mut open, mut closed): (Vec<Stored<Candidate>>, Vec<Stored<Candidate>>) =
            all.into_iter().filter(|c| in_form(c)).partition(|c| c.status.is_open());
        open.sort_by(wl::list_order);
        let empty = Vec::new();
        let hist = |c: &Stored<Candidate>| by_candidate.get(&c.id).unwrap_or(&empty).clone();
        let mut candidates: Vec<CandidateDto> =
            open.iter().enumerate().map(|(i, c)| self.candidate_dto(c, &hist(c), &forms, Some(i as u32 + 1))).collect();
        if filter.include_closed {
            closed.sort_by_key(|c| std::cmp::Reverse((hist(c).last().map(|h| h.date), c.id)));
            candidates.extend(closed.iter().map(|c| self.candidate_dto(c, &hist(c), &forms, None)));
        }
        Ok(WaitlistDto { today: iso(self.today()), candidates })
    }

    pub async fn candidate(&self, id: i64) -> Result<CandidateDetailDto> {
        let mut conn = self.store.conn().await?;
        self.candidate_detail(&mut conn, id).await
    }

    /// Puts a candidate on the list (status waiting since the referral date).
    pub async fn create_candidate(&self, input: CandidateInput) -> Result<CandidateDetailDto> {
        let c = parse_candidate(&input, self.today())?;
        let mut tx = self.store.begin().await?;
        check_work_form_id(&mut tx, c.work_form_id).await?;
        let id = store::insert(&mut tx, &c).await?;
        store::add_status(&mut tx, id, CandidateStatus::Waiting, c.referral_date, "", &self.actor, &self.now()).await?;
        self.audit(
            &mut tx,
            "create",
            "candidate",
            Some(id),
            serde_json::json!({ "referrer": c.referrer.id(), "category": c.category, "status": "waiting" }),
        )
        .await?;
        let detail = self.candidate_detail(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// Changes what was entered about a candidate (not the status).
    pub async fn update_candidate(&self, id: i64, input: CandidateInput) -> Result<CandidateDetailDto> {
        let mut c = parse_candidate(&input, self.today())?;
        let mut tx = self.store.begin().await?;
        let old = store::get(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "candidate", id })?;
        check_work_form_id(&mut tx, c.work_form_id).await?;
        c.status = old.status;
        c.person_id = old.person_id;
        store::update(&mut tx, id, &c).await?;
        // The audit names the fields that changed, never their values.
        let mut fields = crate::register::changed_fields(&old.person, &c.person);
        let mut check = |name: &'static str, changed: bool| {
            if changed {
                fields.push(name);
            }
        };
        check("contact", old.contact != c.contact);
        check("referrer", old.referrer != c.referrer);
        check("counsellor_name", old.counsellor_name != c.counsellor_name);
        check("counsellor_contact", old.counsellor_contact != c.counsellor_contact);
        check("referral_date", old.referral_date != c.referral_date);
        check("work_form_id", old.work_form_id != c.work_form_id);
        check("category", old.category != c.category);
        check("attest", old.attest != c.attest);
        check("priority", old.priority != c.priority);
        check("notes", old.notes != c.notes);
        self.audit(&mut tx, "update", "candidate", Some(id), serde_json::json!({ "fields": fields })).await?;
        let detail = self.candidate_detail(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// Moves a candidate along the transition table, with the day and the reason. Hiring
    /// goes through [`Api::hire_candidate`], which creates the person.
    pub async fn change_candidate_status(&self, id: i64, input: StatusChangeInput) -> Result<CandidateDetailDto> {
        let today = self.today();
        let mut errs = Vec::new();
        let date = if input.date.trim().is_empty() {
            Some(today)
        } else {
            input::optional_date("date", &input.date, &mut errs)
        };
        if let Some(d) = date.filter(|d| *d > today) {
            errs.push(Violation::new("date", "person.date_future").with("date", d));
        }
        let Some(to) = input.status else {
            errs.push(Violation::new("status", "value.required"));
            return Err(Violations(errs).into());
        };
        if to == CandidateStatus::Hired {
            errs.push(Violation::new("status", "candidate.hire_through_hire"));
        }
        let date = Violations::checked(errs, date)?;
        let mut tx = self.store.begin().await?;
        let mut c = store::get(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "candidate", id })?;
        let previous = store::history(&mut tx, Some(id)).await?.last().map(|h| h.date).unwrap_or(c.referral_date);
        wl::check_transition(c.status, to, previous, date)?;
        let from = c.status;
        c.status = to;
        store::update(&mut tx, id, &c).await?;
        store::add_status(&mut tx, id, to, date, input.reason.trim(), &self.actor, &self.now()).await?;
        self.audit(
            &mut tx,
            "status",
            "candidate",
            Some(id),
            serde_json::json!({ "from": from.id(), "to": to.id(), "date": iso(date) }),
        )
        .await?;
        let detail = self.candidate_detail(&mut tx, id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    /// Hires a candidate in intake, in one transaction: the person (from the candidate's
    /// name, INSZ and facts), the first employment period (category and work form default
    /// to what the candidate seeks), the entry conditions on the hire date (recorded in
    /// the audit trail, as for any new period), and the candidacy closed as hired.
    pub async fn hire_candidate(&self, id: i64, input: HireInput) -> Result<HireResultDto> {
        let today = self.today();
        let mut tx = self.store.begin().await?;
        let mut c = store::get(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "candidate", id })?;
        if !wl::can_transition(c.status, CandidateStatus::Hired) {
            return Err(Violation::new("status", "candidate.transition_refused")
                .with("from", c.status.id())
                .with("to", CandidateStatus::Hired.id())
                .into());
        }
        let mut period_input = input.period.clone();
        period_input.category = period_input.category.or(Some(c.category));
        period_input.work_form_id = period_input.work_form_id.or(c.work_form_id);
        let period = parse_period(&mut tx, &period_input).await?;
        let previous = store::history(&mut tx, Some(id)).await?.last().map(|h| h.date).unwrap_or(c.referral_date);
        if period.start < previous {
            return Err(Violation::new("start", "candidate.status_date_before")
                .with("date", period.start)
                .with("previous", previous)
                .into());
        }
        let person = c.facts_person();
        if let Err(v) = person.validate(today) {
            return Err(v.into());
        }
        let person_id = self.insert_person(&mut tx, &person).await?;
        let (period_id, eligibility) = self.insert_period(&mut tx, person_id, &period).await?;
        c.status = CandidateStatus::Hired;
        c.person_id = Some(person_id);
        store::update(&mut tx, id, &c).await?;
        store::add_status(&mut tx, id, CandidateStatus::Hired, period.start, "", &self.actor, &self.now()).await?;
        self.audit(
            &mut tx,
            "hire",
            "candidate",
            Some(id),
            serde_json::json!({ "person_id": person_id, "period_id": period_id, "start": iso(period.start),
                "eligibility": eligibility.overall }),
        )
        .await?;
        let detail = person_detail(&mut tx, person_id).await?;
        let candidate = self.candidate_detail(&mut tx, id).await?;
        let agenda = crate::path::person_items(self, &mut tx, person_id).await?;
        tx.commit().await?;
        Ok(HireResultDto { person: detail, eligibility, candidate, agenda })
    }

    /// Figures per work form: open candidates, median and longest wait, inflow and outflow
    /// per month, attests ending soon, unknown eligibility, and free places.
    pub async fn waitlist_stats(&self) -> Result<WaitlistStatsDto> {
        let today = self.today();
        let quarter = ReportingPeriod::quarter_of(today).to_string();
        let ratios = self.ratios(&quarter).await?;
        let mut conn = self.store.conn().await?;
        let forms = work_forms(&mut conn).await?;
        let all = store::list(&mut conn).await?;
        let history = store::history(&mut conn, None).await?;
        let mut out = Vec::new();
        for form in &forms {
            let fid = form.id;
            let mine: Vec<&Stored<Candidate>> =
                all.iter().filter(|c| form_of(c, &forms).map(|w| w.id) == Some(fid)).collect();
            let figures = wl::wait_figures(mine.iter().map(|c| &c.value), today);
            let ids: Vec<i64> = mine.iter().map(|c| c.id).collect();
            let referrals: Vec<NaiveDate> = mine.iter().map(|c| c.referral_date).collect();
            let closings: Vec<NaiveDate> = history
                .iter()
                .filter(|h| ids.contains(&h.candidate_id) && !h.status.is_open())
                .map(|h| h.date)
                .collect();
            let months = wl::monthly_flow(&referrals, &closings, today, FLOW_MONTHS)
                .into_iter()
                .map(|m| MonthFlowDto {
                    month: format!("{:04}-{:02}", m.year, m.month),
                    inflow: m.inflow,
                    outflow: m.outflow,
                })
                .collect();
            let open: Vec<&&Stored<Candidate>> = mine.iter().filter(|c| c.status.is_open()).collect();
            let mut attest_alerts: Vec<AttestAlertDto> = open
                .iter()
                .filter_map(|c| {
                    let a = c.attest.as_ref()?;
                    let until = a.valid_until?;
                    wl::attest_alert(until, today, ATTEST_ALERT_DAYS).then(|| AttestAlertDto {
                        candidate_id: c.id,
                        name: c.person.display_name(),
                        attest_kind: a.kind,
                        valid_until: iso(until),
                        expired: wl::validity(until, today, ATTEST_ALERT_DAYS) == wl::ValidityState::Ended,
                    })
                })
                .collect();
            attest_alerts.sort_by(|a, b| a.valid_until.cmp(&b.valid_until));
            let eligibility_unknown = open
                .iter()
                .filter(|c| self.eligibility_of(c, &forms, today).overall == Some(CriterionStatus::Unknown))
                .map(|c| c.person.display_name())
                .collect();
            let entered = settings::get(&mut conn, &open_places_key(fid)).await?.and_then(|v| v.parse::<u32>().ok());
            let r = ratios.work_forms.iter().find(|w| w.work_form.id == Some(fid));
            let contingent_headroom = r.and_then(|r| {
                let t = &r.contingent.year_to_date_target;
                let (used, allocated) =
                    (Decimal::from_str(t.fte.as_deref()?).ok()?, Decimal::from_str(t.allocated.as_deref()?).ok()?);
                Some(werkbank_domain::fte::round_fte(allocated - used).to_string())
            });
            let supervision_headroom = r.and_then(|r| r.figures.headroom.clone());
            let source = if contingent_headroom.is_some() || supervision_headroom.is_some() {
                "ratios"
            } else if entered.is_some() {
                "entered"
            } else {
                "none"
            };
            out.push(WorkFormWaitStatsDto {
                work_form: compliance::work_form_dto(form),
                open: figures.open,
                waiting: figures.waiting,
                invited: figures.invited,
                intake: figures.intake,
                median_days: figures.median_days.map(|m| m.normalize().to_string()),
                longest_days: figures.longest_days,
                months,
                attest_alerts,
                eligibility_unknown,
                free_places: FreePlacesDto {
                    source: source.into(),
                    contingent_headroom,
                    supervision_headroom,
                    open_places: entered,
                },
            });
        }
        Ok(WaitlistStatsDto { today: iso(today), quarter, work_forms: out })
    }

    /// The number of open places of a work form, as the director counts them (null clears it).
    pub async fn set_open_places(&self, work_form_id: i64, places: Option<u32>) -> Result<WaitlistStatsDto> {
        {
            let mut tx = self.store.begin().await?;
            if !work_forms(&mut tx).await?.iter().any(|w| w.id == (work_form_id)) {
                return Err(AppError::NotFound { entity: "work_form", id: work_form_id });
            }
            let key = open_places_key(work_form_id);
            match places {
                Some(n) => settings::set(&mut tx, &key, &n.to_string()).await?,
                None => settings::delete(&mut tx, &key).await?,
            }
            self.audit(
                &mut tx,
                "save",
                "open_places",
                Some(work_form_id),
                serde_json::json!({ "open_places": places }),
            )
            .await?;
            tx.commit().await?;
        }
        self.waitlist_stats().await
    }
}
