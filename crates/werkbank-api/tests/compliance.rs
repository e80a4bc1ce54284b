//! Ratios, rule parameters, eligibility and problems through the use-case API, on small
//! registers whose figures are computed by hand in the comments.

use chrono::NaiveDate;
use werkbank_api::dto::*;
use werkbank_api::Api;
use werkbank_domain::eligibility::CriterionStatus;
use werkbank_domain::rules::ParameterKey;
use werkbank_domain::{Category, EducationLevel, TriState, WorkFormKind};

async fn api() -> Api {
    Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap())
}

async fn workshop(api: &Api) -> OrganisationDto {
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
    .unwrap()
}

fn person(insz: &str, last: &str) -> PersonInput {
    PersonInput { insz: insz.into(), last_name: last.into(), first_name: "X".into(), ..Default::default() }
}

fn period(category: Category, start: &str, end: &str, q: &str, work_form_id: Option<i64>) -> PeriodInput {
    PeriodInput {
        category: Some(category),
        start: start.into(),
        end: end.into(),
        q: q.into(),
        s: if category == Category::WorkCare { String::new() } else { "38".into() },
        work_form_id,
        ..Default::default()
    }
}

async fn hire(api: &Api, name: &str, p: PeriodInput) -> i64 {
    let id = api.create_person(person("", name)).await.unwrap().person.id;
    api.add_period(id, p).await.unwrap();
    id
}

fn form(r: &RatiosDto, kind: WorkFormKind) -> &WorkFormRatiosDto {
    r.work_forms.iter().find(|w| w.work_form.kind == kind).unwrap()
}

/// docs/domain/ratios.md, "Worked examples", A: 7,0 target FTE and 1,2 supervisor FTE in a quarter.
async fn example_a(api: &Api) {
    for i in 0..7 {
        hire(api, &format!("Werknemer{i}"), period(Category::TargetGroupRecognised, "01/01/2025", "", "38", None))
            .await;
    }
    hire(api, "Begeleider", period(Category::SupervisorRecognised, "01/01/2025", "", "38", None)).await;
    hire(api, "Deeltijds", period(Category::SupervisorRecognised, "01/01/2025", "", "7,6", None)).await;
}

#[tokio::test]
async fn supervision_ratio_pro_rata_and_block() {
    let api = api().await;
    let org = workshop(&api).await;
    example_a(&api).await;
    let r = api.ratios("2026/1").await.unwrap();
    let sw = form(&r, WorkFormKind::SocialWorkshop);
    assert_eq!(sw.target_fte.as_deref(), Some("7.0000"));
    assert_eq!(sw.recognised_ratio.as_deref(), Some("5.8333")); // 7 / 1,2
    assert_eq!(sw.allowed_supervisor_fte.as_deref(), Some("1.4000")); // 7 / 5
    assert_eq!(sw.subsidisable_supervisor_fte.as_deref(), Some("1.2000"));
    assert_eq!(sw.figures.headroom.as_deref(), Some("0.2000"));
    assert_eq!(sw.figures.allowed_by_other_method.as_deref(), Some("1.0000")); // ⌊7/5⌋
    let sup: Vec<(Category, &str)> = sw.supervisor_fte.iter().map(|c| (c.category, c.fte.as_str())).collect();
    assert_eq!(sup, [(Category::SupervisorRecognised, "1.2000"), (Category::SupervisorNonRecognised, "0.0000")]);
    let norm = sw.parameters.iter().find(|p| p.key == ParameterKey::Norm).unwrap();
    assert_eq!(
        (norm.value.as_str(), norm.effective_from.as_str(), norm.source.as_deref()),
        ("5", "1998-01-01", Some("default"))
    );
    assert_eq!(sw.segments.len(), 1);
    assert_eq!(form(&r, WorkFormKind::WorkCare).heads, 0, "everyone counts in the main work form");

    // The recognition decision says: completed blocks, from 2026.
    let wf = org.work_forms[0].id.unwrap();
    let sets = api
        .save_rule_value(RuleValueInput {
            work_form_id: wf,
            key: Some(ParameterKey::NormMethod),
            value: "block".into(),
            effective_from: "01/01/2026".into(),
            source: "BVR 2026".into(),
        })
        .await
        .unwrap();
    assert!(sets[0].values.iter().any(|v| v.key == ParameterKey::NormMethod && v.value == "block"));
    let r = api.ratios("2026/1").await.unwrap();
    let sw = form(&r, WorkFormKind::SocialWorkshop);
    assert_eq!(sw.allowed_supervisor_fte.as_deref(), Some("1.0000"));
    assert_eq!(sw.subsidisable_supervisor_fte.as_deref(), Some("1.0000"));
    assert_eq!(sw.figures.headroom.as_deref(), Some("-0.2000"));
    let problems = api.problems(Some("2026/1")).await.unwrap().problems;
    let above = problems.iter().find(|p| p.code == "problem.supervision_above_norm").expect("excess reported");
    assert!(above.message.contains("0,20 VTE boven de toegelaten 1,00 VTE"), "{}", above.message);
    // 2025 still used pro rata
    let r = api.ratios("2025/4").await.unwrap();
    assert_eq!(form(&r, WorkFormKind::SocialWorkshop).allowed_supervisor_fte.as_deref(), Some("1.4000"));
}

#[tokio::test]
async fn a_norm_change_inside_the_quarter_splits_it() {
    let api = api().await;
    let org = workshop(&api).await;
    example_a(&api).await;
    let wf = org.work_forms[0].id.unwrap();
    api.save_rule_value(RuleValueInput {
        work_form_id: wf,
        key: Some(ParameterKey::Norm),
        value: "4".into(),
        effective_from: "2026-02-01".into(),
        source: String::new(),
    })
    .await
    .unwrap();
    let r = api.ratios("2026/1").await.unwrap();
    let sw = form(&r, WorkFormKind::SocialWorkshop);
    let spans: Vec<(&str, &str, u32)> =
        sw.segments.iter().map(|s| (s.start.as_str(), s.end.as_str(), s.days)).collect();
    assert_eq!(spans, [("2026-01-01", "2026-01-31", 31), ("2026-02-01", "2026-03-31", 59)]);
    assert_eq!(sw.segments[0].figures.allowed_supervisor_fte.as_deref(), Some("1.4000")); // 7 / 5
    assert_eq!(sw.segments[1].figures.allowed_supervisor_fte.as_deref(), Some("1.7500")); // 7 / 4
                                                                                          // whole quarter: (1,4 × 31 + 1,75 × 59) / 90 = 1,62944… → 1,6294
    assert_eq!(sw.allowed_supervisor_fte.as_deref(), Some("1.6294"));
    let norms: Vec<&str> =
        sw.parameters.iter().filter(|p| p.key == ParameterKey::Norm).map(|p| p.value.as_str()).collect();
    assert_eq!(norms, ["5", "4"]);
}

#[tokio::test]
async fn work_care_counts_hours_in_its_own_work_form() {
    let api = api().await;
    let org = workshop(&api).await;
    let wc = org.work_forms[1].id;
    // docs/domain/ratios.md, "Worked examples", B: 30, 24, 20, 18, 15, 12, 8, 8 h of 30 → 135/30 = 4,5 FTE
    for (i, h) in ["30", "24", "20", "18", "15", "12", "8", "8"].iter().enumerate() {
        hire(&api, &format!("Deelnemer{i}"), period(Category::WorkCare, "01/01/2026", "", h, wc)).await;
    }
    hire(&api, "Begeleider", period(Category::SupervisorRecognised, "01/01/2026", "", "38", wc)).await;
    let r = api.ratios("2026/2").await.unwrap();
    let w = form(&r, WorkFormKind::WorkCare);
    assert_eq!(w.target_fte.as_deref(), Some("4.5000"));
    assert_eq!(w.allowed_supervisor_fte.as_deref(), Some("0.9000"));
    assert_eq!(w.figures.allowed_by_other_method.as_deref(), Some("0.0000"));
    assert_eq!(w.subsidisable_supervisor_fte.as_deref(), Some("0.9000"));
    // the ratio of the categories in force: work-care participants per supervisor
    assert_eq!((w.recognised_ratio.as_deref(), w.worked_ratio.as_deref()), (Some("4.5000"), Some("4.5000")));
    assert_eq!(form(&r, WorkFormKind::SocialWorkshop).heads, 0);

    let err = api.add_period(1, period(Category::OtherStaff, "01/01/2027", "", "38", Some(999))).await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "period.work_form_unknown");
}

#[tokio::test]
async fn contingent_use_against_the_allocation() {
    let api = api().await;
    let org = workshop(&api).await;
    let wf = org.work_forms[0].id.unwrap();
    api.save_rule_value(RuleValueInput {
        work_form_id: wf,
        key: Some(ParameterKey::ContingentTargetFte),
        value: "6,5".into(),
        effective_from: "01/01/2019".into(),
        source: "Erkenningsbeslissing".into(),
    })
    .await
    .unwrap();
    example_a(&api).await;
    let r = api.ratios("2026/2").await.unwrap();
    let c = &form(&r, WorkFormKind::SocialWorkshop).contingent;
    assert_eq!((c.year, c.up_to_quarter, c.quarters.len()), (2026, 2, 2));
    assert_eq!(c.year_to_date_target.fte.as_deref(), Some("7.0000"));
    assert_eq!(c.year_to_date_target.allocated.as_deref(), Some("6.5000"));
    assert_eq!(c.year_to_date_target.exceeded, Some(true));
    let problems = api.problems(Some("2026/2")).await.unwrap().problems;
    let p = problems.iter().find(|p| p.code == "problem.contingent_exceeded").expect("exceeded");
    assert!(p.message.contains("7,00 VTE gemiddeld tegenover 6,50 VTE"), "{}", p.message);
}

#[tokio::test]
async fn rule_values_are_validated() {
    let api = api().await;
    let org = workshop(&api).await;
    let wf = org.work_forms[0].id.unwrap();
    let input = |key, value: &str| RuleValueInput {
        work_form_id: wf,
        key,
        value: value.into(),
        effective_from: "01/01/2026".into(),
        source: String::new(),
    };
    let code = |e| api.error_dto(&e).details.violations.iter().map(|v| v.code.clone()).collect::<Vec<_>>();
    assert_eq!(
        code(api.save_rule_value(input(Some(ParameterKey::Norm), "0")).await.unwrap_err()),
        ["rules.norm_positive"]
    );
    assert_eq!(
        code(api.save_rule_value(input(Some(ParameterKey::Norm), "vijf")).await.unwrap_err()),
        ["rules.value_invalid"]
    );
    assert_eq!(
        code(
            api.save_rule_value(input(Some(ParameterKey::TargetCategories), "doelgroep erkend, stagiair"))
                .await
                .unwrap_err()
        ),
        ["category.unknown"]
    );
    assert_eq!(code(api.save_rule_value(input(None, "5")).await.unwrap_err()), ["value.required"]);
    assert_eq!(
        code(
            api.save_rule_value(input(Some(ParameterKey::SupervisorCategories), "doelgroep erkend")).await.unwrap_err()
        ),
        ["rules.categories_overlap"],
        "a category cannot count on both sides"
    );
    let ok =
        api.save_rule_value(input(Some(ParameterKey::TargetCategories), "doelgroep erkend, artikel 60")).await.unwrap();
    let v = ok[0]
        .values
        .iter()
        .find(|v| v.key == ParameterKey::TargetCategories && v.effective_from == "2026-01-01")
        .unwrap();
    assert_eq!(v.value, "target_group_recognised,article_60");
    let sets = api.delete_rule_value(v.id.unwrap()).await.unwrap();
    assert!(!sets[0]
        .values
        .iter()
        .any(|v| v.key == ParameterKey::TargetCategories && v.effective_from == "2026-01-01"));
    let trail = api.audit_trail(None).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "rule_value" && e.action == "delete"));
}

#[tokio::test]
async fn eligibility_met_failed_and_unknown() {
    let api = api().await;
    workshop(&api).await;
    let mut input = person("93051822361", "Peeters");
    input.birth_date = "18/05/1993".into();
    let unknown = api.create_person(input.clone()).await.unwrap().person.id;
    let e = api.eligibility(unknown, Category::TargetGroupRecognised, "01/03/2026", None).await.unwrap();
    assert_eq!(e.overall, Some(CriterionStatus::Unknown), "nothing known is unknown, not failed");
    assert_eq!(e.criteria.len(), 5);
    assert!(e.criteria.iter().all(|c| c.status == CriterionStatus::Unknown));
    assert_eq!(e.day_before, "2026-02-28");

    input.insz = "85073003328".into();
    input.birth_date = "30/07/1985".into();
    input.limitation = TriState::Yes;
    input.guidance_trajectory = TriState::Yes;
    input.education_level = EducationLevel::SecondarySecondGrade;
    input.vdab_registration_date = "28/02/2026".into(); // the day before hiring
    input.inactive_since = "28/02/2021".into(); // exactly 5 years on the day before
    let met = api.create_person(input.clone()).await.unwrap().person.id;
    let e = api.eligibility(met, Category::TargetGroupRecognised, "01/03/2026", None).await.unwrap();
    assert_eq!(e.overall, Some(CriterionStatus::Met), "{:#?}", e.criteria);
    let inactive = e.criteria.iter().find(|c| c.id == "swp.inactive_5_years").unwrap();
    assert!(inactive.message.contains("inactief sinds: 28/02/2021"), "{}", inactive.message);

    // registered on the hire date itself: not registered on the day before
    let e = api.eligibility(met, Category::TargetGroupRecognised, "28/02/2026", None).await.unwrap();
    assert_eq!(e.overall, Some(CriterionStatus::NotMet));
    // supervisors have no entry conditions
    let e = api.eligibility(met, Category::SupervisorRecognised, "01/03/2026", None).await.unwrap();
    assert_eq!((e.kind, e.criteria.len()), (None, 0));

    // hiring someone who fails is allowed, recorded, and shows up as a problem
    api.add_period(met, period(Category::TargetGroupRecognised, "28/02/2026", "", "38", None)).await.unwrap();
    let trail = api.audit_trail(None).await.unwrap();
    assert_eq!(trail[0].details["eligibility"], "not_met");
    let problems = api.problems(Some("2026/1")).await.unwrap().problems;
    let p = problems.iter().find(|p| p.code == "problem.eligibility_failed").expect("reported");
    assert_eq!(p.person_id, Some(met));
    assert!(p.message.contains("Ingeschreven bij VDAB"), "{}", p.message);

    let by_insz =
        api.eligibility_by_insz("85.07.30-033.28", Category::TargetGroupRecognised, "2026-03-01").await.unwrap();
    assert_eq!(by_insz.person_id, met);
    assert!(api.eligibility_by_insz("00012556777", Category::TargetGroupRecognised, "2026-03-01").await.is_err());
}

#[tokio::test]
async fn problems_name_the_person_and_the_fix() {
    let api = api().await;
    workshop(&api).await;
    let a60 = hire(&api, "Zonder", period(Category::Article60, "01/01/2026", "", "38", None)).await;
    let gap = api.create_person(person("93051822361", "Gat")).await.unwrap().person.id;
    api.add_period(gap, period(Category::OtherStaff, "01/01/2025", "30/06/2026", "38", None)).await.unwrap();
    api.add_period(gap, period(Category::OtherStaff, "02/07/2026", "", "38", None)).await.unwrap();
    let all = api.problems(Some("2026/3")).await.unwrap();
    assert_eq!((all.start.as_str(), all.end.as_str()), ("2026-07-01", "2026-09-30"));
    let codes =
        |id: i64| all.problems.iter().filter(|p| p.person_id == Some(id)).map(|p| p.code.as_str()).collect::<Vec<_>>();
    assert!(codes(a60).contains(&"problem.insz_missing"));
    assert!(codes(a60).contains(&"problem.article_60_agreement_missing"));
    // no signing date: the article 60 condition is unknown, not failed
    assert!(codes(a60).contains(&"problem.eligibility_unknown"), "{:?}", codes(a60));
    assert_eq!(codes(gap), ["problem.short_gap"]);
    let short = all.problems.iter().find(|p| p.code == "problem.short_gap").unwrap();
    assert!(
        short.message.starts_with("Gat, X: geen periode tussen 30/06/2026 en 02/07/2026 (aantal dagen: 1)"),
        "{}",
        short.message
    );
    assert!(api.problems(Some("2026/9")).await.is_err());
}

#[tokio::test]
async fn the_demo_workplace_has_ratios_and_problems() {
    let api = api().await;
    api.load_demo().await.unwrap();
    let r = api.ratios("2026/1").await.unwrap();
    // The demo workshop is a maatwerk company since 1/1/2019; in 2018 it was a social workshop.
    let sw = form(&r, WorkFormKind::Maatwerk);
    assert!(sw.recognised_ratio.is_some());
    let then = api.ratios("2018/4").await.unwrap();
    assert_eq!(form(&then, WorkFormKind::SocialWorkshop).work_form.id, sw.work_form.id);
    assert_eq!(sw.contingent.year_to_date_target.allocated.as_deref(), Some("16.0000"));
    let sets = api.rule_sets().await.unwrap();
    assert_eq!(sets.len(), 2);
    assert!(sets.iter().all(|s| !s.seeded_only));
    let problems = api.problems(Some("2026/1")).await.unwrap();
    assert!(!problems.problems.is_empty());
    assert!(problems.problems.iter().all(|p| !p.message.contains('{')), "every placeholder filled");
}

#[tokio::test]
async fn staff_import_places_periods_in_the_named_work_form() {
    let api = api().await;
    let org = workshop(&api).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("personeel.csv");
    std::fs::write(
        &file,
        "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S;Werkvorm\n\
         93051822361;Peeters;An;18/05/1993;arbeidszorg;01/01/2026;;15;;Arbeidszorg\n\
         85073003328;Claes;Els;30/07/1985;begeleider erkend;01/01/2026;;38;38;work_care\n\
         00012556777;Maes;Jef;25/01/2000;doelgroep erkend;01/01/2026;;38;38;\n",
    )
    .unwrap();
    let result = api.import_staff(&file, StaffFileOptions::default()).await.unwrap();
    assert_eq!(result.periods_created, 3);
    let r = api.ratios("2026/1").await.unwrap();
    let wc = form(&r, WorkFormKind::WorkCare);
    assert_eq!((wc.heads, wc.target_fte.as_deref()), (2, Some("0.5000"))); // 15 h of 30
    assert_eq!(form(&r, WorkFormKind::SocialWorkshop).heads, 1, "an empty cell means the main work form");
    assert_eq!(org.work_forms[1].kind, WorkFormKind::WorkCare);

    std::fs::write(
        &file,
        "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S;Werkvorm\n\
         17073003384;Jacobs;Tom;30/07/2017;overig personeel;01/01/2026;;38;38;Invoegbedrijf\n",
    )
    .unwrap();
    let preview = api.preview_staff_import(&file, StaffFileOptions::default()).await.unwrap();
    assert_eq!(preview.issues.len(), 1);
    assert_eq!((preview.issues[0].row, preview.issues[0].column.as_str()), (2, "work_form"));
    assert_eq!(preview.issues[0].code, "import.work_form_unknown");
}

#[tokio::test]
async fn work_care_hours_per_fte_come_from_the_work_forms_rules() {
    let api = api().await;
    let org = workshop(&api).await;
    let wc = org.work_forms[1].id;
    api.save_rule_value(RuleValueInput {
        work_form_id: wc.unwrap(),
        key: Some(ParameterKey::WorkCareHoursPerFte),
        value: "24".into(),
        effective_from: "01/01/2026".into(),
        source: "BVR".into(),
    })
    .await
    .unwrap();
    let id = api.create_person(person("", "Deelnemer")).await.unwrap().person.id;
    // before 2026 the seeded 30 h apply, from 2026 the new 24 h
    let d = api.add_period(id, period(Category::WorkCare, "01/01/2025", "31/12/2025", "12", wc)).await.unwrap();
    assert_eq!(d.periods[0].s, 3000);
    let d = api.add_period(id, period(Category::WorkCare, "01/01/2026", "", "12", wc)).await.unwrap();
    assert_eq!((d.periods[1].s, d.periods[1].fraction.as_str()), (2400, "0.5000"));
}
