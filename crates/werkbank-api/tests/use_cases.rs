//! The use cases against a fresh in-memory register, as the UI and CLI call them.

use chrono::NaiveDate;
use werkbank_api::dto::*;
use werkbank_api::error::{AppError, ErrorKind};
use werkbank_api::Api;
use werkbank_domain::employment::ContractType;
use werkbank_domain::{Category, TriState};

async fn api() -> Api {
    Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap())
}

fn person(insz: &str, last: &str, first: &str) -> PersonInput {
    PersonInput { insz: insz.into(), last_name: last.into(), first_name: first.into(), ..Default::default() }
}

fn period(category: Category, start: &str, end: &str, q: &str, s: &str) -> PeriodInput {
    PeriodInput {
        category: Some(category),
        start: start.into(),
        end: end.into(),
        q: q.into(),
        s: s.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn invalid_insz_is_refused_with_a_dutch_message_on_the_field() {
    let api = api().await;
    let err = api.create_person(person("93051822362", "Peeters", "An")).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.kind, ErrorKind::Validation);
    assert_eq!(dto.code, "insz.checksum");
    assert_eq!(dto.details.violations.len(), 1);
    assert_eq!(dto.details.violations[0].field, "insz");
    assert!(dto.message.contains("controlecijfers zijn fout"), "{}", dto.message);
    assert_eq!(api.status().await.unwrap().people, 0, "nothing stored");
}

#[tokio::test]
async fn every_field_problem_is_reported_at_once() {
    let api = api().await;
    let mut input = person("123", "", "An");
    input.birth_date = "31/02/1990".into();
    let dto = api.error_dto(&api.create_person(input).await.unwrap_err());
    assert_eq!(dto.code, "validation.failed");
    let fields: Vec<&str> = dto.details.violations.iter().map(|v| v.field.as_str()).collect();
    assert_eq!(fields, ["insz", "birth_date", "last_name"]);
}

#[tokio::test]
async fn person_with_history_and_category_change() {
    let api = api().await;
    let mut input = person("93.05.18-223.61", "Peeters", "An");
    input.birth_date = "18/05/1993".into();
    input.limitation = TriState::Yes;
    let detail = api.create_person(input).await.unwrap();
    let id = detail.person.id;
    assert_eq!(detail.person.insz.as_deref(), Some("93.05.18-223.61"));
    assert_eq!(detail.person.disability_registration, TriState::Unknown, "unknown stays unknown");

    // hired non-recognised, full time
    let d = api.add_period(id, period(Category::TargetGroupNonRecognised, "01/03/2025", "", "38", "38")).await.unwrap();
    let first_id = d.periods[0].id;
    // a recognised place frees up: opening the next period while the first is open is refused
    let err =
        api.add_period(id, period(Category::TargetGroupRecognised, "16/02/2026", "", "38", "38")).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "period.overlap");
    assert!(dto.message.contains("Doelgroep niet erkend van 01/03/2025 tot …"), "{}", dto.message);
    // close the first, then open the next
    api.update_period(first_id, period(Category::TargetGroupNonRecognised, "01/03/2025", "15/02/2026", "38", "38"))
        .await
        .unwrap();
    let d = api.add_period(id, period(Category::TargetGroupRecognised, "2026-02-16", "", "22,8", "38")).await.unwrap();
    assert_eq!(d.periods.len(), 2);
    assert_eq!(d.periods[1].fraction, "0.6000");
    assert_eq!(d.periods[1].contract_type, ContractType::OpenEnded);

    let fte = api.fte_overview("2026/1").await.unwrap();
    let get = |c: Category| fte.categories.iter().find(|f| f.category == c).unwrap().clone();
    assert_eq!(get(Category::TargetGroupNonRecognised).fte, "0.5111"); // 46/90
    assert_eq!(get(Category::TargetGroupRecognised).fte, "0.2933"); // 0.6 × 44/90
    assert_eq!((get(Category::TargetGroupRecognised).heads, fte.total_heads), (1, 1));
    assert_eq!(fte.categories.len(), 7);
    assert_eq!((fte.start.as_str(), fte.end.as_str()), ("2026-01-01", "2026-03-31"));

    // every write left an audit record, without personal values
    let trail = api.audit_trail(None).await.unwrap();
    let actions: Vec<(&str, &str)> = trail.iter().rev().map(|e| (e.action.as_str(), e.entity.as_str())).collect();
    assert_eq!(
        actions,
        [
            ("create", "person"),
            ("create", "employment_period"),
            ("update", "employment_period"),
            ("create", "employment_period")
        ]
    );
    assert!(!trail.iter().any(|e| e.details.to_string().contains("Peeters")));
}

#[tokio::test]
async fn period_rules_and_work_care_default() {
    let api = api().await;
    let id = api.create_person(person("", "Maes", "Jef")).await.unwrap().person.id;
    let err =
        api.add_period(id, period(Category::OtherStaff, "01/02/2026", "31/01/2026", "40", "38")).await.unwrap_err();
    let codes: Vec<String> = api.error_dto(&err).details.violations.into_iter().map(|v| v.code).collect();
    assert_eq!(codes, ["fraction.q_above_s", "period.end_before_start"]);
    let err = api.add_period(id, period(Category::OtherStaff, "", "", "acht", "")).await.unwrap_err();
    let fields: Vec<String> = api.error_dto(&err).details.violations.into_iter().map(|v| v.field).collect();
    assert_eq!(fields, ["start", "q", "s"]);
    // work care: 12 h per week, S left empty = 30 h
    let d = api.add_period(id, period(Category::WorkCare, "01/01/2026", "", "12", "")).await.unwrap();
    assert_eq!((d.periods[0].q, d.periods[0].s, d.periods[0].fraction.as_str()), (1200, 3000, "0.4000"));
    assert_eq!(d.periods[0].contract_type, ContractType::WorkCareAgreement);
    assert!(matches!(api.delete_period(9999).await, Err(AppError::NotFound { .. })));
}

#[tokio::test]
async fn insz_is_unique() {
    let api = api().await;
    api.create_person(person("85073003328", "Claes", "Els")).await.unwrap();
    let err = api.create_person(person("85.07.30-033.28", "Claes", "Els")).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "person.insz_taken");
    assert!(dto.message.contains("Claes, Els"));
}

#[tokio::test]
async fn staff_list_filters() {
    let api = api().await;
    let a = api.create_person(person("85073003328", "Claes", "Els")).await.unwrap().person.id;
    let b = api.create_person(person("93051822361", "Peeters", "An")).await.unwrap().person.id;
    api.add_period(a, period(Category::SupervisorRecognised, "01/01/2020", "", "38", "38")).await.unwrap();
    api.add_period(b, period(Category::Article60, "01/01/2025", "30/06/2026", "38", "38")).await.unwrap();
    let names = |rows: Vec<StaffRowDto>| rows.into_iter().map(|r| r.last_name).collect::<Vec<_>>();
    assert_eq!(names(api.list_staff(StaffFilter::default()).await.unwrap()), ["Claes", "Peeters"]);
    let on = |d: &str| StaffFilter { on: Some(d.into()), ..Default::default() };
    assert_eq!(names(api.list_staff(on("01/07/2026")).await.unwrap()), ["Claes"]);
    assert_eq!(names(api.list_staff(on("2026-06-30")).await.unwrap()), ["Claes", "Peeters"]);
    let cat = StaffFilter { category: Some(Category::Article60), ..Default::default() };
    assert_eq!(names(api.list_staff(cat).await.unwrap()), ["Peeters"]);
    let search = |s: &str| StaffFilter { search: Some(s.into()), ..Default::default() };
    assert_eq!(names(api.list_staff(search("pee")).await.unwrap()), ["Peeters"]);
    assert_eq!(names(api.list_staff(search("85.07")).await.unwrap()), ["Claes"]);
    let rows = api.list_staff(StaffFilter::default()).await.unwrap();
    assert!(rows[0].active && !rows[1].active, "the article 60 placement ended");
    assert_eq!(rows[1].category, Some(Category::Article60), "latest period shown when none runs today");
    assert!(api.list_staff(on("32/01/2026")).await.is_err());
}

#[tokio::test]
async fn demo_loads_once() {
    let api = api().await;
    let summary = api.load_demo().await.unwrap();
    assert_eq!(summary.people, 40);
    assert!(summary.periods >= 40);
    assert!(api.organisation().await.unwrap().unwrap().kbo == "0403.019.261");
    let fte = api.fte_overview("2026/1").await.unwrap();
    assert!(fte.total_heads >= 30, "{}", fte.total_heads);
    assert!(fte.categories.iter().all(|c| c.heads > 0), "every category staffed in 2026/1: {:?}", fte.categories);
    let err = api.load_demo().await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "demo.not_empty");
}

#[tokio::test]
async fn organisation_validation() {
    let api = api().await;
    let org = OrganisationDto {
        name: " ".into(),
        kbo: "0431.150.351".into(),
        street: String::new(),
        postal_code: String::new(),
        city: String::new(),
        work_forms: vec![],
        work_care_full_time: "30".into(),
        ..Default::default()
    };
    let dto = api.error_dto(&api.save_organisation(org.clone()).await.unwrap_err());
    let codes: Vec<String> = dto.details.violations.into_iter().map(|v| v.code).collect();
    assert_eq!(codes, ["organisation.name_required", "kbo.checksum"]);
    let saved = api
        .save_organisation(OrganisationDto { name: "Groen Werk vzw".into(), kbo: "0566988259".into(), ..org })
        .await
        .unwrap();
    assert_eq!(saved.kbo, "0566.988.259");
}

#[tokio::test]
async fn work_care_full_time_is_configurable() {
    let api = api().await;
    let org = OrganisationDto {
        name: "Groen Werk vzw".into(),
        kbo: String::new(),
        street: String::new(),
        postal_code: String::new(),
        city: String::new(),
        work_forms: vec![],
        work_care_full_time: "50".into(),
        ..Default::default()
    };
    let dto = api.error_dto(&api.save_organisation(org.clone()).await.unwrap_err());
    assert_eq!(
        (dto.code.as_str(), dto.details.violations[0].field.as_str()),
        ("fraction.s_range", "work_care_full_time")
    );
    let saved = api.save_organisation(OrganisationDto { work_care_full_time: "24".into(), ..org }).await.unwrap();
    assert_eq!(saved.work_care_full_time, "24,00");
    assert_eq!(api.status().await.unwrap().work_care_full_time, 2400);
    // a work-care period without S now uses 24 h: 12 h per week is half an FTE
    let id = api.create_person(person("", "Maes", "Jef")).await.unwrap().person.id;
    let d = api.add_period(id, period(Category::WorkCare, "01/01/2026", "", "12", "")).await.unwrap();
    assert_eq!((d.periods[0].s, d.periods[0].fraction.as_str()), (2400, "0.5000"));
}

#[tokio::test]
async fn staff_import_with_a_hand_mapping() {
    let api = api().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lijst.csv");
    std::fs::write(
        &file,
        "Nr;Wie;Roepnaam;Geb;Soort;Van;Tot;Uren;Voltijds\n\
         93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;;38;38\n",
    )
    .unwrap();
    // Only "Van" and "Tot" are known headers (start, end): the other columns are missing.
    let preview = api.preview_staff_import(&file, StaffFileOptions::default()).await.unwrap();
    assert!(!preview.can_commit);
    assert!(
        preview.issues.iter().any(|i| i.code == "import.column_missing" && i.column == "insz"),
        "{:?}",
        preview.issues
    );
    assert_eq!(preview.headers.len(), 9, "every header cell, for the mapping screen");

    let fields = ["insz", "last_name", "first_name", "birth_date", "category", "start", "end", "q", "s"];
    let mapping: std::collections::BTreeMap<String, u32> =
        fields.iter().enumerate().map(|(i, f)| (f.to_string(), i as u32)).collect();
    let preview = api
        .preview_staff_import(&file, StaffFileOptions { sheet: None, mapping: Some(mapping.clone()) })
        .await
        .unwrap();
    assert!(preview.can_commit, "{:?}", preview.issues);
    assert_eq!(preview.headers[1], "Wie");
    let insz = preview.columns.iter().find(|c| c.field == "insz").unwrap();
    assert_eq!((insz.column, insz.header.as_str()), (0, "Nr"));
    let result = api.import_staff(&file, StaffFileOptions { sheet: None, mapping: Some(mapping) }).await.unwrap();
    assert_eq!((result.people_created, result.periods_created), (1, 1));
}

#[tokio::test]
async fn a_pinned_clock_stamps_the_audit_and_decides_today() {
    use chrono::TimeZone;
    // 3 December 2026, 09:30:00 UTC: the audit row carries exactly this moment, and "today"
    // is that day (a birth date on 4 December is in the future, one on 3 December is not).
    let moment = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 9, 30, 0).unwrap();
    let api = Api::open_in_memory().await.unwrap().with_now(moment);
    assert_eq!(api.today(), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    let future = PersonInput { birth_date: "2026-12-04".into(), ..person("", "Peeters", "An") };
    assert!(api.create_person(future).await.is_err(), "born tomorrow is refused");
    let born_today = PersonInput { birth_date: "2026-12-03".into(), ..person("", "Peeters", "An") };
    let id = api.create_person(born_today).await.unwrap().person.id;
    let trail = api.audit_trail(Some(("person", id))).await.unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].at, "2026-12-03T09:30:00Z");
}
