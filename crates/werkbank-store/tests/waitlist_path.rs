//! Storage of the waitlist and the path, each test on a fresh, migrated database.

use chrono::NaiveDate;
use werkbank_domain::path::{LeavingReason, MeetingKind, PathSettings};
use werkbank_domain::waitlist::{Attest, AttestKind, Candidate, CandidateStatus, Priority, ReferrerKind};
use werkbank_domain::*;
use werkbank_store::path::{self, GuidancePlan, HeldMeeting, Leaving};
use werkbank_store::{people, periods, waitlist, Store};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn candidate() -> Candidate {
    let mut person = Person::new("Wouters", "Łukasz");
    person.insz = Some(Insz::parse("93051822361").unwrap());
    person.birth_date = Some(d(1993, 5, 18));
    person.limitation = TriState::Yes;
    person.education_level = EducationLevel::Primary;
    Candidate {
        person,
        contact: "0470 12 34 56".into(),
        referrer: ReferrerKind::Atb,
        counsellor_name: "Tom Verbeke".into(),
        counsellor_contact: "09 123 45 67".into(),
        referral_date: d(2026, 1, 31),
        work_form_id: None,
        category: Category::WorkCare,
        attest: Some(Attest { kind: AttestKind::WorkCareAttest, date: Some(d(2026, 1, 15)), valid_until: None }),
        priority: Priority::High,
        notes: "rijbewijs B".into(),
        status: CandidateStatus::Waiting,
        person_id: None,
    }
}

#[tokio::test]
async fn candidates_and_their_history_round_trip() {
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let c = candidate();
    let id = waitlist::insert(&mut conn, &c).await.unwrap();
    let back = waitlist::get(&mut conn, id).await.unwrap().unwrap();
    assert_eq!((back.id, back.value.clone()), (id, c.clone()));

    let mut changed = back.clone();
    changed.status = CandidateStatus::Invited;
    changed.attest = None;
    assert!(waitlist::update(&mut conn, id, &changed).await.unwrap());
    assert_eq!(waitlist::get(&mut conn, id).await.unwrap().unwrap(), changed);

    waitlist::add_status(&mut conn, id, CandidateStatus::Waiting, d(2026, 1, 31), "", "ann", "2026-01-31T10:00:00Z")
        .await
        .unwrap();
    waitlist::add_status(
        &mut conn,
        id,
        CandidateStatus::Invited,
        d(2026, 2, 3),
        "brief",
        "ann",
        "2026-02-03T10:00:00Z",
    )
    .await
    .unwrap();
    let h = waitlist::history(&mut conn, Some(id)).await.unwrap();
    assert_eq!(
        h.iter().map(|x| (x.status, x.date)).collect::<Vec<_>>(),
        [(CandidateStatus::Waiting, d(2026, 1, 31)), (CandidateStatus::Invited, d(2026, 2, 3))]
    );
    assert_eq!(h[1].reason, "brief");
    assert_eq!(waitlist::list(&mut conn).await.unwrap().len(), 1);
}

#[tokio::test]
async fn meetings_plans_leaving_and_settings() {
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    // The migration seeds the defaults.
    assert_eq!(path::path_settings(&mut conn).await.unwrap(), PathSettings::DEFAULT);
    let mut s = PathSettings::DEFAULT;
    s.follow_up_months = 6;
    path::save_path_settings(&mut conn, &s).await.unwrap();
    assert_eq!(path::path_settings(&mut conn).await.unwrap().follow_up_months, 6);

    let pid = people::insert(&mut conn, &Person::new("Jacobs", "Koen")).await.unwrap();
    let period =
        EmploymentPeriod::new(Category::TargetGroupRecognised, d(2026, 1, 31), None, Fraction::new(3800, 3800));
    let period_id = periods::insert(&mut conn, pid, &period).await.unwrap();

    let mut m = HeldMeeting {
        id: None,
        person_id: pid,
        hire_date: d(2026, 1, 31),
        kind: MeetingKind::FollowUp,
        seq: 1,
        due_date: d(2026, 4, 30),
        held_date: d(2026, 5, 4),
        participants: "werknemer, consulent".into(),
        outcome: "goed".into(),
        next_step: "opleiding".into(),
    };
    let first = path::upsert_meeting(&mut conn, &m).await.unwrap();
    // The same planned meeting again replaces the record.
    m.outcome = "heel goed".into();
    assert_eq!(path::upsert_meeting(&mut conn, &m).await.unwrap(), first);
    let held = path::meetings(&mut conn, Some(pid)).await.unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].outcome, "heel goed");

    let plan = GuidancePlan {
        id: None,
        person_id: pid,
        hire_date: d(2026, 1, 31),
        agreed_on: Some(d(2026, 2, 27)),
        counsellor: "GTB".into(),
        agreements: "stiptheid".into(),
        tasks: vec![("op tijd komen".into(), "werknemer".into()), ("opvolgen".into(), "werkleider".into())],
        revision_dates: vec![d(2026, 8, 31)],
    };
    path::save_plan(&mut conn, &plan).await.unwrap();
    let shorter = GuidancePlan { tasks: vec![("op tijd komen".into(), "werknemer".into())], ..plan.clone() };
    path::save_plan(&mut conn, &shorter).await.unwrap();
    let plans = path::plans(&mut conn, pid).await.unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].tasks, shorter.tasks);
    assert_eq!(plans[0].revision_dates, [d(2026, 8, 31)]);

    let leaving = Leaving {
        person_id: pid,
        period_id,
        reason: LeavingReason::RegularJob,
        return_right: true,
        note: String::new(),
    };
    path::save_leaving(&mut conn, &leaving).await.unwrap();
    assert_eq!(path::leavings(&mut conn, None).await.unwrap(), [leaving]);
    // Deleting the period removes its leaving record.
    periods::delete(&mut conn, period_id).await.unwrap();
    assert!(path::leavings(&mut conn, Some(pid)).await.unwrap().is_empty());
}
