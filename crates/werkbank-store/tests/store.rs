//! Storage tests: each on a fresh, migrated database.

use chrono::NaiveDate;
use werkbank_domain::employment::ContractType;
use werkbank_domain::*;
use werkbank_store::{audit, organisation, people, periods, settings, Store, StoreError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn person() -> Person {
    Person {
        insz: Some(Insz::parse("93051822361").unwrap()),
        last_name: "Wouters".into(),
        first_name: "Łukasz".into(),
        birth_date: Some(d(1993, 5, 18)),
        sex: Sex::Male,
        education_level: EducationLevel::SecondarySecondGrade,
        vdab_registration_date: Some(d(2015, 3, 2)),
        inactive_since: None,
        limitation: TriState::Yes,
        disability_registration: TriState::Unknown,
        guidance_trajectory: TriState::Unknown,
        insufficient_skills: TriState::Unknown,
        work_care_attest_valid_until: None,
    }
}

fn period(category: Category, start: NaiveDate, end: Option<NaiveDate>) -> EmploymentPeriod {
    EmploymentPeriod {
        category,
        start,
        end,
        fraction: Fraction::new(2280, 3800),
        contract_type: ContractType::default_for(category),
        job: Some("kringloopcentrum".into()),
        ocmw: None,
        placement_agreement_signed: None,
        work_form_id: None,
    }
}

#[tokio::test]
async fn person_and_periods_round_trip_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("werkbank.sqlite");
    let store = Store::open(&path).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let id = people::insert(&mut tx, &person()).await.unwrap();
    let mut a60 = period(Category::Article60, d(2024, 1, 1), Some(d(2025, 6, 30)));
    a60.ocmw = Some("OCMW Gent".into());
    a60.placement_agreement_signed = Some(d(2023, 12, 15));
    periods::insert(&mut tx, id, &a60).await.unwrap();
    periods::insert(&mut tx, id, &period(Category::TargetGroupRecognised, d(2025, 7, 1), None)).await.unwrap();
    tx.commit().await.unwrap();
    store.close().await;

    // reopen: data survived, migrations are idempotent
    let store = Store::open(&path).await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let back = people::get(&mut conn, id).await.unwrap().unwrap();
    assert_eq!((back.id, back.value.clone()), (id, person()));
    let ps = periods::for_person(&mut conn, id).await.unwrap();
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[0].category, Category::Article60);
    assert_eq!(ps[0].ocmw.as_deref(), Some("OCMW Gent"));
    assert_eq!(ps[0].placement_agreement_signed, Some(d(2023, 12, 15)));
    assert_eq!(ps[1].end, None);
    assert_eq!(ps[1].fraction, Fraction::new(2280, 3800));
    let found = people::find_by_insz(&mut conn, &Insz::parse("93.05.18-223.61").unwrap()).await.unwrap();
    assert_eq!(found.unwrap().id, id);
}

#[cfg(unix)]
#[tokio::test]
async fn database_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let path = folder.join("werkbank.sqlite");
    let _store = Store::open(&path).await.unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777, 0o700);
}

#[tokio::test]
async fn rolled_back_transaction_leaves_nothing() {
    let store = Store::open_in_memory().await.unwrap();
    {
        let mut tx = store.begin().await.unwrap();
        let id = people::insert(&mut tx, &person()).await.unwrap();
        audit::record(&mut tx, "2026-01-01T00:00:00Z", "test", "create", "person", Some(id), &serde_json::json!({}))
            .await
            .unwrap();
        // dropped without commit
    }
    let mut conn = store.conn().await.unwrap();
    assert_eq!(people::count(&mut conn).await.unwrap(), 0);
    assert!(audit::list(&mut conn, None).await.unwrap().is_empty());
}

#[tokio::test]
async fn schema_refuses_what_the_domain_refuses() {
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let id = people::insert(&mut conn, &person()).await.unwrap();
    // duplicate INSZ
    let err = people::insert(&mut conn, &person()).await.unwrap_err();
    assert!(matches!(err, StoreError::Database(_)), "{err}");
    // end before start
    let bad = period(Category::OtherStaff, d(2026, 2, 1), Some(d(2026, 1, 1)));
    assert!(periods::insert(&mut conn, id, &bad).await.is_err());
    // Q out of range
    let mut bad = period(Category::OtherStaff, d(2026, 2, 1), None);
    bad.fraction = Fraction::new(0, 3800);
    assert!(periods::insert(&mut conn, id, &bad).await.is_err());
}

#[tokio::test]
async fn organisation_with_work_forms() {
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    assert!(organisation::get(&mut conn).await.unwrap().is_none());
    let mut org = OrganisationEdit {
        name: "De Werkbank vzw".into(),
        kbo: Some(KboNumber::parse("0566.988.259").unwrap()),
        street: "Kerkstraat 1".into(),
        postal_code: "9000".into(),
        city: "Gent".into(),
        work_forms: vec![
            WorkForm {
                earlier_kinds: vec![werkbank_domain::EarlierKind {
                    kind: WorkFormKind::SocialWorkshop,
                    until: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
                }],
                ..WorkForm::new(WorkFormKind::Maatwerk, Some("SW-123".into()))
            }
            .into(),
            WorkForm::new(WorkFormKind::WorkCare, None).into(),
        ],
        legal_form: "vzw".into(),
        rsz_number: "123456789".into(),
        iban: "BE71096123456769".into(),
        bic: "GKCCBEBB".into(),
        signing_place: "Gent".into(),
    };
    organisation::save(&mut conn, &org).await.unwrap();
    let back = organisation::get(&mut conn).await.unwrap().unwrap();
    assert_eq!(back.work_forms.len(), 2);
    // The earlier kind comes back with its date; the work-care form has none.
    assert_eq!(back.work_forms[0].earlier_kinds, org.work_forms[0].form.earlier_kinds);
    assert_eq!(back.work_forms[0].kind, WorkFormKind::Maatwerk);
    assert!(back.work_forms[1].earlier_kinds.is_empty());
    assert_eq!(
        (back.legal_form.as_str(), back.rsz_number.as_str(), back.iban.as_str(), back.bic.as_str()),
        ("vzw", "123456789", "BE71096123456769", "GKCCBEBB")
    );
    assert_eq!(back.signing_place, "Gent");
    assert_eq!(back.kbo.as_ref().unwrap().to_string(), "0566.988.259");
    // drop work care, keep the workshop
    org.work_forms = vec![back.work_forms[0].clone().into()];
    organisation::save(&mut conn, &org).await.unwrap();
    let back = organisation::get(&mut conn).await.unwrap().unwrap();
    assert_eq!(back.work_forms.len(), 1);
    assert_eq!(back.work_forms[0].recognition_number.as_deref(), Some("SW-123"));
    assert_eq!(back.work_forms[0].earlier_kinds.len(), 1);
    // The history is replaced on save, not appended to; a removed form takes its history along.
    let kept = back.work_forms[0].clone();
    org.work_forms =
        vec![WorkFormEdit { id: Some(kept.id), form: WorkForm { earlier_kinds: Vec::new(), ..kept.value } }];
    organisation::save(&mut conn, &org).await.unwrap();
    assert!(organisation::get(&mut conn).await.unwrap().unwrap().work_forms[0].earlier_kinds.is_empty());
    let rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM work_form_earlier_kind").fetch_one(&mut *conn).await.unwrap();
    assert_eq!(rows, 0);

    settings::set(&mut conn, "k", "1").await.unwrap();
    settings::set(&mut conn, "k", "2").await.unwrap();
    assert_eq!(settings::get(&mut conn, "k").await.unwrap().as_deref(), Some("2"));
}

#[tokio::test]
async fn dated_rule_values_per_work_form() {
    use werkbank_store::rules::{self, RuleRow};
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let org = OrganisationEdit {
        name: "X".into(),
        kbo: None,
        street: String::new(),
        postal_code: String::new(),
        city: String::new(),
        work_forms: vec![WorkForm::new(WorkFormKind::SocialWorkshop, None).into()],
        ..Default::default()
    };
    organisation::save(&mut conn, &org).await.unwrap();
    let wf = organisation::get(&mut conn).await.unwrap().unwrap().work_forms[0].id;
    let row = |value: &str, from: NaiveDate| RuleRow {
        id: None,
        work_form_id: wf,
        key: "norm".into(),
        value: value.into(),
        effective_from: from,
        source: Some("BVR".into()),
    };
    rules::upsert(&mut conn, &row("5", d(2019, 1, 1))).await.unwrap();
    let second = rules::upsert(&mut conn, &row("4", d(2026, 2, 1))).await.unwrap();
    // same key and date: replaced, not duplicated
    assert_eq!(rules::upsert(&mut conn, &row("4.5", d(2026, 2, 1))).await.unwrap(), second);
    let rows = rules::for_work_form(&mut conn, wf).await.unwrap();
    let values: Vec<(&str, NaiveDate)> = rows.iter().map(|r| (r.value.as_str(), r.effective_from)).collect();
    assert_eq!(values, [("5", d(2019, 1, 1)), ("4.5", d(2026, 2, 1))]);
    assert!(rules::delete(&mut conn, second).await.unwrap());
    assert_eq!(rules::count_for_work_form(&mut conn, wf).await.unwrap(), 1);
}

#[tokio::test]
async fn payroll_batches_lines_undo_and_reimport() {
    use werkbank_store::payroll::{self, BatchRow, LineRow};
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let person_id = people::insert(&mut conn, &person()).await.unwrap();
    let batch = BatchRow {
        file_name: "loon-2026-01.xlsx".into(),
        file_size: 1234,
        sha256: "ab".repeat(32),
        sheet: Some("Blad1".into()),
        mapping: "{}".into(),
        profile_name: None,
        imported_by: "test".into(),
        imported_at: "2026-02-03T10:00:00Z".into(),
        lines: 2500,
        first_period: Some("2026-01-01".into()),
        last_period: Some("2026-01-31".into()),
        undone_at: None,
        undone_by: None,
    };
    let id = payroll::insert_batch(&mut conn, &batch).await.unwrap();
    let lines: Vec<LineRow> = (0..2500)
        .map(|i| LineRow {
            row: i + 2,
            person_id: (i % 2 == 0).then_some(person_id),
            worker_number: Some(format!("W{i}")),
            period_start: "2026-01-01".into(),
            period_end: "2026-01-31".into(),
            wage_code: "1010".into(),
            hours: Some(760),
            amount: Some("-2.40".into()),
            ..Default::default()
        })
        .collect();
    payroll::insert_lines(&mut conn, id, &lines).await.unwrap(); // more than one statement's worth
    assert_eq!(payroll::count_lines(&mut conn, id).await.unwrap(), 2500);
    let january = payroll::lines_in(&mut conn, "2026-01-01", "2026-03-31").await.unwrap();
    assert_eq!(january.len(), 2500);
    assert_eq!(january[0].amount.as_deref(), Some("-2.40"));
    assert!(payroll::lines_in(&mut conn, "2026-02-01", "2026-02-28").await.unwrap().is_empty());

    // the same file again is refused while the first batch stands
    assert!(payroll::active_batch_with_sha(&mut conn, &batch.sha256).await.unwrap().is_some());
    assert!(payroll::insert_batch(&mut conn, &batch).await.is_err());

    // undo removes every line, keeps the batch as history, and frees the file
    assert_eq!(payroll::undo_batch(&mut conn, id, "2026-02-04T09:00:00Z", "test").await.unwrap(), Some(2500));
    assert_eq!(payroll::undo_batch(&mut conn, id, "2026-02-04T09:00:00Z", "test").await.unwrap(), None);
    assert_eq!(payroll::count_lines(&mut conn, id).await.unwrap(), 0);
    let history = payroll::batch_by_id(&mut conn, id).await.unwrap().unwrap();
    assert_eq!(history.undone_by.as_deref(), Some("test"));
    let again = payroll::insert_batch(&mut conn, &batch).await.unwrap();
    assert_ne!(again, id);
    assert_eq!(payroll::batches(&mut conn).await.unwrap().len(), 2);

    payroll::link_worker_number(&mut conn, "W7", person_id).await.unwrap();
    assert_eq!(payroll::worker_numbers(&mut conn).await.unwrap(), [("W7".to_string(), person_id)]);
    let other = people::insert(&mut conn, &Person { insz: None, ..person() }).await.unwrap();
    // Many at once: W7 moves to the other person, W8 is new.
    let links = [("W7".to_string(), other), ("W8".to_string(), person_id)];
    payroll::link_worker_numbers(&mut conn, &links).await.unwrap();
    let mut numbers = payroll::worker_numbers(&mut conn).await.unwrap();
    numbers.sort();
    assert_eq!(numbers, links);
}

#[tokio::test]
async fn wage_codes_and_mapping_profiles() {
    use werkbank_store::payroll::{self, MappingProfileRow, WageCodeRow};
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let code =
        |meaning: &str| WageCodeRow { id: None, code: "1010".into(), meaning: meaning.into(), description: None };
    let id = payroll::upsert_wage_code(&mut conn, &code("worked_hours")).await.unwrap();
    assert_eq!(payroll::upsert_wage_code(&mut conn, &code("paid_absence")).await.unwrap(), id);
    assert_eq!(payroll::wage_codes(&mut conn).await.unwrap()[0].meaning, "paid_absence");
    assert!(payroll::upsert_wage_code(&mut conn, &code("holiday")).await.is_err(), "unknown meaning refused");
    assert!(payroll::delete_wage_code(&mut conn, id).await.unwrap());

    let profile = |name: &str, at: &str| MappingProfileRow {
        id: None,
        name: name.into(),
        header_signature: "insz|naam|periode|looncode".into(),
        mapping: r#"{"insz":0}"#.into(),
        updated_at: at.into(),
    };
    payroll::save_profile(&mut conn, &profile("SD Worx", "2026-01-01T00:00:00Z")).await.unwrap();
    payroll::save_profile(&mut conn, &profile("Securex", "2026-02-01T00:00:00Z")).await.unwrap();
    let found = payroll::profile_for_signature(&mut conn, "insz|naam|periode|looncode").await.unwrap().unwrap();
    assert_eq!(found.name, "Securex", "the most recent profile for these headers");
    assert!(payroll::profile_for_signature(&mut conn, "other").await.unwrap().is_none());
    assert_eq!(payroll::profiles(&mut conn).await.unwrap().len(), 2);

    // Rename: same id, mapping and date; the old name is gone; a taken name is refused.
    let securex = payroll::profile_by_name(&mut conn, "Securex").await.unwrap().unwrap();
    let renamed = payroll::rename_profile(&mut conn, "Securex", "Securex Gent").await.unwrap();
    assert_eq!(renamed, securex.id);
    assert!(payroll::profile_by_name(&mut conn, "Securex").await.unwrap().is_none());
    let now = payroll::profile_by_name(&mut conn, "Securex Gent").await.unwrap().unwrap();
    assert_eq!((now.mapping, now.updated_at), (securex.mapping, securex.updated_at));
    assert!(payroll::rename_profile(&mut conn, "Securex Gent", "SD Worx").await.is_err(), "unique name");
    assert_eq!(payroll::rename_profile(&mut conn, "Partena", "X").await.unwrap(), None);
    // Delete: the other profile for these headers becomes the automatic one.
    assert_eq!(payroll::delete_profile(&mut conn, "Securex Gent").await.unwrap(), securex.id);
    assert_eq!(payroll::delete_profile(&mut conn, "Securex Gent").await.unwrap(), None);
    let found = payroll::profile_for_signature(&mut conn, "insz|naam|periode|looncode").await.unwrap().unwrap();
    assert_eq!(found.name, "SD Worx");
    assert_eq!(payroll::profiles(&mut conn).await.unwrap().len(), 1);
}

/// A statement names only the optional columns its lines fill: every value comes back as
/// inserted, whichever columns a chunk of 1 000 lines happens to use.
#[tokio::test]
async fn payroll_lines_keep_every_value_whatever_columns_a_chunk_uses() {
    use werkbank_store::payroll::{self, BatchRow, LineRow};
    let store = Store::open_in_memory().await.unwrap();
    let mut conn = store.conn().await.unwrap();
    let person_id = people::insert(&mut conn, &person()).await.unwrap();
    let batch = BatchRow {
        file_name: "x.csv".into(),
        file_size: 1,
        sha256: "cd".repeat(32),
        sheet: None,
        mapping: "{}".into(),
        profile_name: None,
        imported_by: "test".into(),
        imported_at: "2026-02-03T10:00:00Z".into(),
        lines: 2001,
        first_period: None,
        last_period: None,
        undone_at: None,
        undone_by: None,
    };
    let id = payroll::insert_batch(&mut conn, &batch).await.unwrap();
    let full = LineRow {
        row: 0,
        person_id: Some(person_id),
        worker_number: Some("W1".into()),
        insz: Some("93051822361".into()),
        name: Some("Peeters An".into()),
        period_start: "2026-01-01".into(),
        period_end: "2026-01-31".into(),
        wage_code: "1010".into(),
        description: Some("Gewerkte uren".into()),
        quantity: Some("152.5".into()),
        unit: Some("hours".into()),
        hours: Some(15250),
        amount: Some("-2.40".into()),
        gross_wage: Some("2345.67".into()),
        employer_contributions: Some("633.33".into()),
        q: Some(3800),
        s: Some(3800),
    };
    let bare = LineRow {
        row: 0,
        person_id: None,
        period_start: "2026-01-01".into(),
        period_end: "2026-01-31".into(),
        wage_code: "2000".into(),
        ..Default::default()
    };
    // Lines 0–999 bare (a statement without optional columns), 1000–1999 mixed, 2000 full.
    let lines: Vec<LineRow> = (0..2001)
        .map(|i| {
            let base = if i >= 1000 && i % 2 == 0 { &full } else { &bare };
            LineRow { row: i + 2, ..base.clone() }
        })
        .collect();
    payroll::insert_lines(&mut conn, id, &lines).await.unwrap();
    let mut back = payroll::lines_in(&mut conn, "2026-01-01", "2026-01-31").await.unwrap();
    back.sort_by_key(|l| l.row);
    assert_eq!(back, lines);
}
