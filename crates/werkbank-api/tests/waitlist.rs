//! The waitlist and the worker's path, as the UI and CLI call them, on in-memory registers.
//! Expected figures are computed by hand in the comments.

use chrono::NaiveDate;
use werkbank_api::dto::*;
use werkbank_api::Api;
use werkbank_domain::path::{AgendaStatus, LeavingReason, MeetingKind};
use werkbank_domain::waitlist::{AttestKind, CandidateStatus, Priority, ReferrerKind, ValidityState};
use werkbank_domain::{Category, EducationLevel, TriState, WorkFormKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn api(today: NaiveDate) -> Api {
    let api = Api::open_in_memory().await.unwrap().with_today(today);
    api.save_organisation(OrganisationDto {
        name: "De Werkbank vzw".into(),
        kbo: String::new(),
        street: String::new(),
        postal_code: String::new(),
        city: String::new(),
        work_forms: vec![
            WorkFormDto {
                id: None,
                kind: WorkFormKind::SocialWorkshop,
                recognition_number: None,
                earlier_kinds: Vec::new(),
            },
            WorkFormDto { id: None, kind: WorkFormKind::WorkCare, recognition_number: None, earlier_kinds: Vec::new() },
        ],
        work_care_full_time: "30".into(),
        ..Default::default()
    })
    .await
    .unwrap();
    api
}

fn candidate(last: &str, first: &str, referral: &str) -> CandidateInput {
    CandidateInput {
        person: PersonInput { last_name: last.into(), first_name: first.into(), ..Default::default() },
        referrer: Some(ReferrerKind::Vdab),
        counsellor_name: "Consulent Janssens".into(),
        referral_date: referral.into(),
        category: Some(Category::TargetGroupRecognised),
        ..Default::default()
    }
}

fn status(s: CandidateStatus, date: &str, reason: &str) -> StatusChangeInput {
    StatusChangeInput { status: Some(s), date: date.into(), reason: reason.into() }
}

async fn audit_count(api: &Api, entity: &str) -> usize {
    api.audit_trail(None).await.unwrap().iter().filter(|e| e.entity == entity).count()
}

#[tokio::test]
async fn hire_from_the_list_creates_exactly_one_person_and_period() {
    let api = api(d(2026, 2, 2)).await;
    let mut input = candidate("Peeters", "An", "01/10/2025");
    input.person.insz = "93.05.18-223.61".into();
    input.person.limitation = TriState::Yes;
    input.person.education_level = EducationLevel::SecondarySecondGrade;
    let c = api.create_candidate(input).await.unwrap();
    let id = c.candidate.id;
    assert_eq!(c.candidate.status, CandidateStatus::Waiting);
    assert_eq!(c.candidate.person.insz.as_deref(), Some("93.05.18-223.61"));

    // Hiring straight from the list is refused: first an invitation and an intake.
    let hire = HireInput {
        period: PeriodInput { start: "31/01/2026".into(), q: "38".into(), s: "38".into(), ..Default::default() },
    };
    let e = api.error_dto(&api.hire_candidate(id, hire.clone()).await.unwrap_err());
    assert_eq!(e.code, "candidate.transition_refused");
    assert_eq!(api.status().await.unwrap().people, 0);

    api.change_candidate_status(id, status(CandidateStatus::Invited, "10/01/2026", "uitgenodigd per brief"))
        .await
        .unwrap();
    let c = api.change_candidate_status(id, status(CandidateStatus::Intake, "20/01/2026", "")).await.unwrap();
    assert_eq!(c.next.first(), Some(&CandidateStatus::Hired));

    // A hire that fails (no hours) stores nothing at all.
    let bad = HireInput { period: PeriodInput { start: "31/01/2026".into(), ..Default::default() } };
    api.hire_candidate(id, bad).await.unwrap_err();
    assert_eq!(api.status().await.unwrap().people, 0);
    assert_eq!(api.candidate(id).await.unwrap().candidate.status, CandidateStatus::Intake);

    let result = api.hire_candidate(id, hire.clone()).await.unwrap();
    assert_eq!(api.status().await.unwrap().people, 1);
    assert_eq!(result.person.periods.len(), 1);
    let p = &result.person.periods[0];
    // The category sought, the hire date, full time.
    assert_eq!((p.category, p.start.as_str(), p.end.as_deref()), (Category::TargetGroupRecognised, "2026-01-31", None));
    assert_eq!(result.person.person.insz.as_deref(), Some("93.05.18-223.61"));
    assert_eq!(result.person.person.limitation, TriState::Yes);
    // The entry conditions were checked on the hire date; the VDAB registration and the
    // inactivity are unknown, so the outcome is unknown (never met or failed).
    assert_eq!(result.eligibility.hire_date, "2026-01-31");
    assert_eq!(result.eligibility.overall, Some(werkbank_domain::eligibility::CriterionStatus::Unknown));
    let trail = api.audit_trail(None).await.unwrap();
    let period_entry = trail.iter().find(|e| e.entity == "employment_period").unwrap();
    assert_eq!(period_entry.details["eligibility"], "unknown");
    let hire_entry = trail.iter().find(|e| e.action == "hire").unwrap();
    assert_eq!(hire_entry.details["person_id"], result.person.person.id);
    // The audit never holds the INSZ or the name.
    assert!(trail.iter().all(|e| !e.details.to_string().contains("93051822361")));
    assert!(trail.iter().all(|e| !e.details.to_string().contains("Peeters")));

    // The candidacy is closed as hired, with its full history.
    let c = &result.candidate;
    assert_eq!(c.candidate.status, CandidateStatus::Hired);
    assert_eq!(c.candidate.person_id, Some(result.person.person.id));
    let hist: Vec<(CandidateStatus, &str)> = c.history.iter().map(|h| (h.status, h.date.as_str())).collect();
    assert_eq!(
        hist,
        [
            (CandidateStatus::Waiting, "2025-10-01"),
            (CandidateStatus::Invited, "2026-01-10"),
            (CandidateStatus::Intake, "2026-01-20"),
            (CandidateStatus::Hired, "2026-01-31"),
        ]
    );
    assert_eq!(c.history[1].reason, "uitgenodigd per brief");
    assert!(c.next.is_empty());
    // Waited from 1 October 2025 to 31 January 2026: 1 October → 1 January = 31 + 30 + 31
    // = 92 days, + 30 = 122 days.
    assert_eq!(c.candidate.waiting_days, 122);

    // The first meetings of the path: intake on the hire date (overdue on 2 February),
    // the guidance plan a month later (28 February) and the follow-up on 30 April.
    let first: Vec<(MeetingKind, &str, AgendaStatus)> =
        result.agenda.iter().take(3).map(|i| (i.kind, i.due.as_str(), i.status)).collect();
    assert_eq!(
        first,
        [
            (MeetingKind::Intake, "2026-01-31", AgendaStatus::Overdue),
            (MeetingKind::GuidancePlan, "2026-02-28", AgendaStatus::Due),
            (MeetingKind::FollowUp, "2026-04-30", AgendaStatus::Due),
        ]
    );

    // Hiring twice is refused; still one person.
    let e = api.error_dto(&api.hire_candidate(id, hire).await.unwrap_err());
    assert_eq!(e.code, "candidate.transition_refused");
    assert_eq!(api.status().await.unwrap().people, 1);
    assert_eq!(api.list_staff(StaffFilter::default()).await.unwrap().len(), 1);
}

#[tokio::test]
async fn status_changes_follow_the_table_and_keep_their_history() {
    let api = api(d(2026, 3, 31)).await;
    let id = api.create_candidate(candidate("Maes", "Bart", "2026-01-05")).await.unwrap().candidate.id;
    // Hired only through the hire dialog; waiting → intake skips the invitation.
    let e = api.error_dto(&api.change_candidate_status(id, status(CandidateStatus::Hired, "", "")).await.unwrap_err());
    assert_eq!(e.code, "candidate.hire_through_hire");
    let e = api.error_dto(&api.change_candidate_status(id, status(CandidateStatus::Intake, "", "")).await.unwrap_err());
    assert_eq!(e.code, "candidate.transition_refused");
    assert!(e.message.contains("\"Wachtend\" kan niet naar \"Intake\""), "{}", e.message);
    // Not before the previous change (the referral on 5 January), not in the future.
    let e = api.error_dto(
        &api.change_candidate_status(id, status(CandidateStatus::Invited, "04/01/2026", "")).await.unwrap_err(),
    );
    assert_eq!(e.code, "candidate.status_date_before");
    let e = api.error_dto(
        &api.change_candidate_status(id, status(CandidateStatus::Invited, "01/04/2026", "")).await.unwrap_err(),
    );
    assert_eq!(e.code, "person.date_future");

    api.change_candidate_status(id, status(CandidateStatus::Withdrawn, "15/02/2026", "verhuisd")).await.unwrap();
    // A closed candidacy can be reopened; an empty date is today.
    let c = api.change_candidate_status(id, status(CandidateStatus::Waiting, "", "terug beschikbaar")).await.unwrap();
    assert_eq!(c.candidate.status, CandidateStatus::Waiting);
    assert_eq!(c.candidate.status_since, "2026-03-31");
    assert_eq!(c.history.len(), 3);
    assert_eq!((c.history[1].reason.as_str(), c.history[2].reason.as_str()), ("verhuisd", "terug beschikbaar"));
    assert!(!c.history[2].actor.is_empty());
    // Status changes are audited with the statuses, never the reason.
    let trail = api.audit_trail(Some(("candidate", id))).await.unwrap();
    assert_eq!(trail.iter().filter(|e| e.action == "status").count(), 2);
    assert!(trail.iter().all(|e| !e.details.to_string().contains("verhuisd")));
}

#[tokio::test]
async fn the_list_order_and_the_figures_per_work_form() {
    let today = d(2026, 3, 31);
    let api = api(today).await;
    let work_care = api.organisation().await.unwrap().unwrap().work_forms[1].id;
    let mut ids = Vec::new();
    // (name, referral, priority): the list order is referral date, then priority.
    for (name, referral, priority) in [
        ("Aerts", "2026-01-01", Priority::Normal),
        ("Claes", "2025-12-31", Priority::Low),
        ("Dubois", "2026-03-01", Priority::Normal),
        ("Mertens", "2026-03-01", Priority::High),
    ] {
        let mut c = candidate(name, "X", referral);
        c.priority = Some(priority);
        ids.push(api.create_candidate(c).await.unwrap().candidate.id);
    }
    let list = api.waitlist(WaitlistFilter::default()).await.unwrap();
    let order: Vec<&str> = list.candidates.iter().map(|c| c.person.last_name.as_str()).collect();
    assert_eq!(order, ["Claes", "Aerts", "Mertens", "Dubois"]);
    assert_eq!(list.candidates.iter().map(|c| c.rank.unwrap()).collect::<Vec<_>>(), [1, 2, 3, 4]);

    // Mertens is invited on 15 March, Dubois withdraws on 20 March (outflow in March).
    api.change_candidate_status(ids[3], status(CandidateStatus::Invited, "15/03/2026", "")).await.unwrap();
    api.change_candidate_status(ids[2], status(CandidateStatus::Withdrawn, "20/03/2026", "")).await.unwrap();

    // A work-care candidate with an attest ending within 30 days.
    let mut wc = candidate("Wouters", "Els", "2026-02-10");
    wc.category = Some(Category::WorkCare);
    wc.work_form_id = work_care;
    wc.referrer = Some(ReferrerKind::Atb);
    wc.attest_kind = Some(AttestKind::WorkCareAttest);
    wc.attest_date = "10/02/2026".into();
    wc.attest_valid_until = "30/04/2026".into();
    api.create_candidate(wc).await.unwrap();

    let stats = api.waitlist_stats().await.unwrap();
    let swp = &stats.work_forms[0];
    assert_eq!(swp.work_form.kind, WorkFormKind::SocialWorkshop);
    // Open: Claes (waiting), Aerts (waiting), Mertens (invited).
    assert_eq!((swp.open, swp.waiting, swp.invited, swp.intake), (3, 2, 1, 0));
    // Waiting days on 31 March: Claes 90, Aerts 89, Mertens 30 → median 89, longest 90.
    assert_eq!(swp.median_days.as_deref(), Some("89"));
    assert_eq!(swp.longest_days, Some(90));
    // 12 months, April 2025 … March 2026. Inflow: December 1, January 1, March 2; outflow: March 1.
    assert_eq!(swp.months.len(), 12);
    assert_eq!(swp.months[0].month, "2025-04");
    let flow: Vec<(&str, u32, u32)> = swp
        .months
        .iter()
        .filter(|m| m.inflow + m.outflow > 0)
        .map(|m| (m.month.as_str(), m.inflow, m.outflow))
        .collect();
    assert_eq!(flow, [("2025-12", 1, 0), ("2026-01", 1, 0), ("2026-03", 2, 1)]);
    // No facts entered: every open target-group candidate's eligibility is unknown.
    assert_eq!(swp.eligibility_unknown.len(), 3);
    assert!(swp.attest_alerts.is_empty());

    let wcs = &stats.work_forms[1];
    assert_eq!(wcs.work_form.kind, WorkFormKind::WorkCare);
    assert_eq!(wcs.open, 1);
    // Referred 10 February: 18 + 31 = 49 days; one value → median 49.
    assert_eq!(wcs.median_days.as_deref(), Some("49"));
    // 30 April is within 31 March + 30 days (30 April).
    assert_eq!(wcs.attest_alerts.len(), 1);
    assert_eq!((wcs.attest_alerts[0].valid_until.as_str(), wcs.attest_alerts[0].expired), ("2026-04-30", false));
    // The attest (valid through 30 April) meets the work-care condition.
    assert!(wcs.eligibility_unknown.is_empty());

    // With the closed ones: Dubois is listed after the open candidates, without a rank.
    let all = api.waitlist(WaitlistFilter { include_closed: true, work_form_id: None }).await.unwrap();
    assert_eq!(all.candidates.len(), 5);
    assert_eq!(all.candidates.last().unwrap().person.last_name, "Dubois");
    assert_eq!(all.candidates.last().unwrap().rank, None);
    // One work form only.
    let only = api.waitlist(WaitlistFilter { include_closed: false, work_form_id: work_care }).await.unwrap();
    assert_eq!(only.candidates.len(), 1);

    // Open places entered by the director are kept per work form.
    let stats = api.set_open_places(work_care.unwrap(), Some(3)).await.unwrap();
    assert_eq!(stats.work_forms[1].free_places.open_places, Some(3));
    assert_eq!(audit_count(&api, "open_places").await, 1);
}

#[tokio::test]
async fn the_agenda_meetings_plan_and_leaving() {
    // Hired on 29 February 2024; today 10 March 2026.
    let api = api(d(2026, 3, 10)).await;
    let person = api
        .create_person(PersonInput { last_name: "Jacobs".into(), first_name: "Koen".into(), ..Default::default() })
        .await
        .unwrap();
    let pid = person.person.id;
    let input = PeriodInput {
        category: Some(Category::TargetGroupRecognised),
        start: "29/02/2024".into(),
        q: "38".into(),
        s: "38".into(),
        ..Default::default()
    };
    api.add_period(pid, input).await.unwrap();
    // A supervisor has no path.
    let sup = api
        .create_person(PersonInput { last_name: "Claes".into(), first_name: "Els".into(), ..Default::default() })
        .await
        .unwrap();
    let input = PeriodInput {
        category: Some(Category::SupervisorRecognised),
        start: "01/01/2020".into(),
        q: "38".into(),
        s: "38".into(),
        ..Default::default()
    };
    api.add_period(sup.person.id, input).await.unwrap();

    let agenda = api.agenda(Some("31/03/2026")).await.unwrap();
    let got: Vec<(MeetingKind, u32, &str, AgendaStatus)> =
        agenda.items.iter().map(|i| (i.kind, i.seq, i.due.as_str(), i.status)).collect();
    // Everything since the hire is overdue (nothing recorded): intake 29/02/2024, plan
    // 29/03/2024, follow-up 29/05/2024, yearly 28/02/2025 and 28/02/2026, transition
    // (from +24 months) 28/02/2026 (same day: in the order of the kinds); nothing
    // between 10 and 31 March 2026.
    assert_eq!(
        got,
        [
            (MeetingKind::Intake, 1, "2024-02-29", AgendaStatus::Overdue),
            (MeetingKind::GuidancePlan, 1, "2024-03-29", AgendaStatus::Overdue),
            (MeetingKind::FollowUp, 1, "2024-05-29", AgendaStatus::Overdue),
            (MeetingKind::YearlyConsultation, 1, "2025-02-28", AgendaStatus::Overdue),
            (MeetingKind::YearlyConsultation, 2, "2026-02-28", AgendaStatus::Overdue),
            (MeetingKind::TransitionFollowUp, 1, "2026-02-28", AgendaStatus::Overdue),
        ]
    );
    assert!(agenda.items.iter().all(|i| i.person_id == pid));

    // Record the follow-up as held.
    let path = api
        .record_meeting(MeetingInput {
            person_id: pid,
            hire_date: "2024-02-29".into(),
            kind: Some(MeetingKind::FollowUp),
            seq: 1,
            held_date: "03/06/2024".into(),
            participants: "werknemer, consulent, werkleider".into(),
            outcome: "Loopt goed".into(),
            next_step: "Opleiding heftruck".into(),
        })
        .await
        .unwrap();
    let fu = path.employments[0].meetings.iter().find(|m| m.kind == MeetingKind::FollowUp).unwrap();
    assert_eq!((fu.status, fu.held_date.as_deref()), (AgendaStatus::Done, Some("2024-06-03")));
    // Held long ago: no longer on the agenda (done items stay 90 days).
    let agenda = api.agenda(Some("31/03/2026")).await.unwrap();
    assert_eq!(agenda.items.len(), 5);
    // A meeting that is not planned is refused.
    let e = api
        .record_meeting(MeetingInput {
            person_id: pid,
            hire_date: "2024-02-29".into(),
            kind: Some(MeetingKind::Debrief),
            seq: 1,
            held_date: "01/03/2026".into(),
            outcome: "x".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(api.error_dto(&e).code, "path.meeting_not_planned");
    // The audit names the fields, not the outcome.
    let trail = api.audit_trail(None).await.unwrap();
    assert!(trail.iter().all(|e| !e.details.to_string().contains("Loopt goed")));

    // The guidance plan with tasks and revision dates.
    let path = api
        .save_guidance_plan(GuidancePlanInput {
            person_id: pid,
            hire_date: "29/02/2024".into(),
            agreed_on: "29/03/2024".into(),
            counsellor: "J. Janssens (GTB)".into(),
            agreements: "Werken aan stiptheid".into(),
            tasks: vec![
                GuidanceTaskDto { task: "Dagelijks op tijd".into(), responsible: "werknemer".into() },
                GuidanceTaskDto { task: String::new(), responsible: String::new() },
                GuidanceTaskDto { task: "Wekelijkse opvolging".into(), responsible: "werkleider".into() },
            ],
            revision_dates: vec!["30/09/2026".into(), "".into(), "31/03/2026".into()],
        })
        .await
        .unwrap();
    let plan = path.employments[0].plan.as_ref().unwrap();
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.revision_dates, ["2026-03-31", "2026-09-30"]);
    assert_eq!(plan.next_revision.as_deref(), Some("2026-03-31"));

    // Leaving to a regular job on 31 March 2026: the period ends, the debrief is planned
    // 14 days later (14 April).
    let path = api
        .record_leaving(
            pid,
            LeavingInput {
                end: "31/03/2026".into(),
                reason: Some(LeavingReason::RegularJob),
                return_right: true,
                note: String::new(),
            },
        )
        .await
        .unwrap();
    let e = &path.employments[0];
    assert_eq!(e.end.as_deref(), Some("2026-03-31"));
    let leaving = e.leaving.as_ref().unwrap();
    assert_eq!((leaving.reason, leaving.return_right), (LeavingReason::RegularJob, true));
    let debrief = e.meetings.iter().find(|m| m.kind == MeetingKind::Debrief).unwrap();
    assert_eq!((debrief.due.as_str(), debrief.status), ("2026-04-14", AgendaStatus::Due));
    let detail = api.person(pid).await.unwrap();
    assert_eq!(detail.periods[0].end.as_deref(), Some("2026-03-31"));
    // The audit names the fields of the leaving record, not the reason.
    let trail = api.audit_trail(None).await.unwrap();
    assert!(trail.iter().filter(|e| e.entity == "leaving").all(|e| !e.details.to_string().contains("regular_job")));
}

#[tokio::test]
async fn turnover_per_year_and_reason() {
    // Today 1 July 2026. Three workers with a path, one supervisor.
    let api = api(d(2026, 7, 1)).await;
    let mut ids = Vec::new();
    for (name, start) in [("A", "01/01/2024"), ("B", "01/06/2025"), ("C", "01/02/2026")] {
        let p = api
            .create_person(PersonInput { last_name: name.into(), first_name: "X".into(), ..Default::default() })
            .await
            .unwrap();
        let input = PeriodInput {
            category: Some(Category::WorkCare),
            start: start.into(),
            q: "15".into(),
            ..Default::default()
        };
        api.add_period(p.person.id, input).await.unwrap();
        ids.push(p.person.id);
    }
    // A leaves for a regular job on 31 March 2026; B leaves without a recorded reason
    // (an end date only) on 30 April 2026.
    let leave =
        LeavingInput { end: "31/03/2026".into(), reason: Some(LeavingReason::RegularJob), ..Default::default() };
    api.record_leaving(ids[0], leave).await.unwrap();
    let b = api.person(ids[1]).await.unwrap().periods[0].clone();
    let input = PeriodInput {
        category: Some(b.category),
        start: b.start.clone(),
        end: "30/04/2026".into(),
        q: "15".into(),
        ..Default::default()
    };
    api.update_period(b.id, input).await.unwrap();

    let t = api.turnover().await.unwrap();
    assert_eq!(t.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2022, 2023, 2024, 2025, 2026]);
    let y2026 = t.years.iter().find(|y| y.year == 2026).unwrap();
    // On 1 January 2026: A and B → 2 heads; C hired in 2026; A and B leave.
    assert_eq!((y2026.heads_at_start, y2026.hires, y2026.leavers), (2, 1, 2));
    // 2 / 2 × 100 = 100 %; 1 of 2 to a regular job = 50 %.
    assert_eq!(y2026.turnover_percent.as_deref(), Some("100"));
    assert_eq!(y2026.regular_job_percent.as_deref(), Some("50"));
    let reasons: Vec<(Option<LeavingReason>, u32)> = y2026.by_reason.iter().map(|r| (r.reason, r.count)).collect();
    assert_eq!(reasons, [(Some(LeavingReason::RegularJob), 1), (None, 1)]);
    // Over the five years: 3 hires (2024, 2025, 2026), 2 leavers, 50 % to a regular job.
    assert_eq!((t.total_hires, t.total_leavers, t.regular_job_percent.as_deref()), (3, 2, Some("50")));
}

#[tokio::test]
async fn the_demo_has_a_living_waitlist_and_agenda() {
    let today = d(2026, 11, 29);
    let api = Api::open_in_memory().await.unwrap().with_today(today);
    api.load_demo().await.unwrap();
    assert_eq!(api.status().await.unwrap().people, 40, "candidates are not people");
    let all = api.waitlist(WaitlistFilter { include_closed: true, work_form_id: None }).await.unwrap();
    assert_eq!(all.candidates.len(), 13);
    let open = api.waitlist(WaitlistFilter::default()).await.unwrap();
    // 13 minus withdrawn, referred elsewhere and not eligible.
    assert_eq!(open.candidates.len(), 10);
    let stats = api.waitlist_stats().await.unwrap();
    let alerts: usize = stats.work_forms.iter().map(|w| w.attest_alerts.len()).sum();
    // De Wilde (12 days), Mahieu (25 days), Stevens (28 days) and Ait Said (ended 5 days ago).
    assert_eq!(alerts, 4);
    // One state, computed once: the list's candidates carry it, and the alerts agree.
    let state_of = |name: &str| open.candidates.iter().find(|c| c.person.last_name == name).unwrap().attest_state;
    assert_eq!(state_of("Ait Said"), Some(ValidityState::Ended));
    assert_eq!(state_of("De Wilde"), Some(ValidityState::EndsSoon));
    assert_eq!(state_of("Van Acker"), Some(ValidityState::Valid)); // 200 days
    let expired: Vec<&str> =
        stats.work_forms.iter().flat_map(|w| &w.attest_alerts).filter(|a| a.expired).map(|a| a.name.as_str()).collect();
    assert!(expired.len() == 1 && expired[0].contains("Ait Said"), "{expired:?}");
    assert!(stats.work_forms.iter().any(|w| !w.eligibility_unknown.is_empty()));
    let agenda = api.agenda(None).await.unwrap();
    for s in [AgendaStatus::Overdue, AgendaStatus::Due, AgendaStatus::Done] {
        assert!(agenda.items.iter().any(|i| i.status == s), "no {s:?} item on the demo agenda");
    }
    // Path and plan agree: a hire whose IBP meeting was held has its plan, agreed that day;
    // one whose IBP meeting is still to come has none.
    let (mut with_plan, mut without) = (0, 0);
    for p in api.list_staff(StaffFilter::default()).await.unwrap() {
        for e in api.person_path(p.id).await.unwrap().employments {
            let held = e
                .meetings
                .iter()
                .find(|m| m.kind == MeetingKind::GuidancePlan && m.status == AgendaStatus::Done)
                .and_then(|m| m.held_date.clone());
            match (&held, &e.plan) {
                (Some(day), Some(plan)) => {
                    assert_eq!(plan.agreed_on.as_ref(), Some(day), "{} {}", p.last_name, e.hire_date);
                    with_plan += 1;
                }
                (None, None) => without += 1,
                _ => panic!("{} {}: plan meeting held {held:?}, plan {:?}", p.last_name, e.hire_date, e.plan),
            }
        }
    }
    assert!(with_plan > 20, "{with_plan} with a plan, {without} without");
    let t = api.turnover().await.unwrap();
    assert!(t.total_leavers > 0);
    assert!(t.regular_job_percent.is_some());
}
