//! Claims through the use cases: template, rule file export/import with versions, worker
//! attributes, a draft with its problems, issue (frozen), amendment with differences,
//! settlement. Amounts are hand-computed in the comments.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use werkbank_api::dto::*;
use werkbank_api::error::AppError;
use werkbank_api::Api;
use werkbank_domain::claims::rules::RuleFile;
use werkbank_domain::{Category, WorkFormKind};

async fn api() -> Api {
    Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap())
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

fn code(api: &Api, e: &AppError) -> String {
    api.error_dto(e).code
}

/// A maatwerk company with one full-time recognised worker since 2025.
async fn maatwerk(api: &Api) -> (i64, i64) {
    let org = api
        .save_organisation(OrganisationDto {
            name: "Groen Werk vzw".into(),
            kbo: String::new(),
            street: String::new(),
            postal_code: String::new(),
            city: String::new(),
            work_forms: vec![WorkFormDto {
                id: None,
                kind: WorkFormKind::Maatwerk,
                recognition_number: None,
                earlier_kinds: Vec::new(),
            }],
            work_care_full_time: "30".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let input = PersonInput {
        insz: "93051822361".into(),
        last_name: "Peeters".into(),
        first_name: "An".into(),
        ..Default::default()
    };
    let person = api.create_person(input).await.unwrap().person.id;
    let period = PeriodInput {
        category: Some(Category::TargetGroupRecognised),
        start: "01/01/2025".into(),
        q: "38".into(),
        s: "38".into(),
        ..Default::default()
    };
    api.add_period(person, period).await.unwrap();
    (org.work_forms[0].id.unwrap(), person)
}

/// Gross 2 500, employer contributions 600, reduction 100 in each month of 2026/1.
fn payroll_file(dir: &Path) -> PathBuf {
    let mut text = "INSZ;Naam;Periode;Looncode;Omschrijving;Bedrag\n".to_string();
    for m in ["01", "02", "03"] {
        text.push_str(&format!("93.05.18-223.61;Peeters An;{m}/2026;2000;Brutoloon;2.500,00\n"));
        text.push_str(&format!("93.05.18-223.61;Peeters An;{m}/2026;3000;Werkgeversbijdragen;600,00\n"));
        text.push_str(&format!("93.05.18-223.61;Peeters An;{m}/2026;4000;Doelgroepvermindering;-100,00\n"));
    }
    write(dir, "loon-2026-q1.csv", &text)
}

#[tokio::test]
async fn compute_issue_amend_and_settle_a_maatwerk_claim() {
    let api = api().await;
    let (form, person) = maatwerk(&api).await;
    let dir = tempfile::tempdir().unwrap();

    // No rule set yet.
    let e = api.compute_claim(form, "2026/1").await.unwrap_err();
    assert_eq!(code(&api, &e), "claims.no_rule_set");
    assert_eq!(code(&api, &api.compute_claim(form, "2026-01").await.unwrap_err()), "claims.period_quarter");

    // The template: known values filled in with their source, nothing confirmed.
    let installed = api.install_claim_template("maatwerk_2019").await.unwrap();
    assert_eq!(installed.version, 1);
    assert_eq!(code(&api, &api.install_claim_template("maatwerk_2019").await.unwrap_err()), "claims.rule_set_exists");
    let exported = dir.path().join("regels.json");
    api.export_claim_rules(&exported).await.unwrap();
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(text.contains("\"2029.88\"") && text.contains("cao nr. 43/17"));

    // A draft: the wage premium lacks the worker's percentage and the payroll; the
    // guidance premium and organisation support lack their amounts (never zero).
    let draft = api.compute_claim(form, "2026/1").await.unwrap();
    assert_eq!(draft.status.id(), "draft");
    assert!(!draft.result.complete);
    let problem_codes: Vec<&str> = draft.result.problems.iter().map(|p| p.code.as_str()).collect();
    for expected in ["claims.attribute_missing", "claims.payroll_missing", "claims.parameter_missing"] {
        assert!(problem_codes.contains(&expected), "{expected} in {problem_codes:?}");
    }
    let e = api.issue_claim(draft.id, IssueClaimInput::checked("An Directeur", "directeur")).await.unwrap_err();
    assert_eq!(code(&api, &e), "claims.incomplete");
    assert_eq!(
        code(&api, &api.issue_claim(draft.id, IssueClaimInput::checked(" ", "directeur")).await.unwrap_err()),
        "claims.signer_required"
    );

    // The federation's file for the year: only the wage premium, GGMMI confirmed. Same
    // code: stored as version 2.
    let mut file = RuleFile::parse(&text).unwrap();
    let set = &mut file.rule_sets[0];
    set.streams.retain(|s| s.code == "S5");
    for p in set.streams[0].parameters.values_mut().flatten() {
        p.confirmed = p.value.is_some();
    }
    let imported = api.import_claim_rules(&write(dir.path(), "federatie.json", &file.to_json())).await.unwrap();
    assert_eq!((imported[0].code.as_str(), imported[0].version), ("maatwerk_2019", 2));
    // A broken file is refused whole, with the violation's field.
    let e = api.import_claim_rules(&write(dir.path(), "kapot.json", "{\"format\":1}")).await.unwrap_err();
    assert_eq!(code(&api, &e), "claims.file_format");

    // The worker's WOP percentage (dated attribute) and the payroll by wage-code meaning.
    let e = api
        .save_worker_attribute(WorkerAttributeInput {
            person_id: person,
            key: "wage_percentage".into(),
            value: "80,5".into(),
            valid_from: "01/01/2025".into(),
            valid_until: None,
        })
        .await;
    assert!(e.is_ok(), "80,5 % is a percentage");
    let e = api
        .save_worker_attribute(WorkerAttributeInput {
            person_id: person,
            key: "wage_percentage".into(),
            value: "120".into(),
            valid_from: "01/01/2025".into(),
            valid_until: None,
        })
        .await
        .unwrap_err();
    assert_eq!(code(&api, &e), "claims.percentage_invalid");
    let attrs = api
        .save_worker_attribute(WorkerAttributeInput {
            person_id: person,
            key: "wage_percentage".into(),
            value: "60".into(),
            valid_from: "01/01/2025".into(),
            valid_until: None,
        })
        .await
        .unwrap();
    assert_eq!((attrs.len(), attrs[0].value.as_str()), (1, "60"), "same day: replaced");
    for (c, meaning) in [("2000", "gross_wage"), ("3000", "employer_contributions"), ("4000", "reduction")] {
        api.save_wage_code(WageCodeDto { id: None, code: c.into(), meaning: meaning.into(), description: None })
            .await
            .unwrap();
    }
    api.import_payroll(&payroll_file(dir.path()), PayrollImportOptions::default(), ()).await.unwrap();

    // Referteloon 3 × (2 500 + 600 − 100) = 9 000; cap 2 × 2 029,88 × 3 = 12 179,28;
    // 60 % × 9 000 = 5 400,00.
    let draft = api.compute_claim(form, "2026/1").await.unwrap();
    assert!(draft.result.complete, "{:?}", draft.result.problems);
    let line = &draft.result.lines[0];
    assert_eq!(line.amount.map(|a| a.to_string()).as_deref(), Some("5400.00"));
    assert_eq!(line.reference_wage, Some(dec("9000")));
    assert_eq!(line.cap, Some(dec("12179.28")));
    assert_eq!(draft.rule_set_version, 2);
    // Recomputing keeps one draft per quarter.
    let again = api.compute_claim(form, "2026/1").await.unwrap();
    assert_eq!(again.id, draft.id);

    // Issue: frozen.
    let issued = api.issue_claim(draft.id, IssueClaimInput::checked("An Directeur", "directeur")).await.unwrap();
    assert_eq!(issued.status.id(), "issued");
    assert_eq!(issued.sha256.as_ref().map(String::len), Some(64));
    assert!(issued.has_pdf, "the PDF is frozen with the claim");
    let pdf = api.claim_pdf(issued.id).await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(issued.pdf_sha256.as_ref().map(String::len), Some(64));
    assert_eq!(
        code(&api, &api.issue_claim(draft.id, IssueClaimInput::checked("X", "Y")).await.unwrap_err()),
        "claims.already_issued"
    );
    assert_eq!(code(&api, &api.compute_claim(form, "2026/1").await.unwrap_err()), "claims.period_issued");

    // The register changes afterwards: 65 % from 1 January 2026. The issued claim does not.
    api.save_worker_attribute(WorkerAttributeInput {
        person_id: person,
        key: "wage_percentage".into(),
        value: "65".into(),
        valid_from: "01/01/2026".into(),
        valid_until: None,
    })
    .await
    .unwrap();
    let still = api.claim(issued.id).await.unwrap();
    assert_eq!(still.result.total.to_string(), "5400.00");
    assert_eq!(still.sha256, issued.sha256);

    // Amendment: 65 % × 9 000 = 5 850,00, +450,00 on the line.
    let amended = api.amend_claim(issued.id).await.unwrap();
    assert_eq!((amended.status.id(), amended.amends_id), ("draft", Some(issued.id)));
    assert_eq!(amended.result.total.to_string(), "5850.00");
    assert_eq!(amended.differences.len(), 1);
    assert_eq!(amended.differences[0].difference.map(|d| d.to_string()).as_deref(), Some("450.00"));
    assert_eq!(code(&api, &api.amend_claim(amended.id).await.unwrap_err()), "claims.amend_not_issued");

    // Settlement check on the issued claim: the department paid 5 300,00.
    let settled = api.settle_claim(issued.id, "S5", "5.300,00").await.unwrap();
    assert_eq!(settled.settlements[0].difference, "-100.00");
    assert_eq!(code(&api, &api.settle_claim(issued.id, "S9", "1").await.unwrap_err()), "claims.stream_unknown");

    let list = api.claims().await.unwrap();
    assert_eq!(list.len(), 2);

    // The audit names fields, never the percentage itself.
    let trail = api.audit_trail(None).await.unwrap();
    let attribute_audit: Vec<_> = trail.iter().filter(|a| a.entity == "worker_attribute").collect();
    assert!(!attribute_audit.is_empty());
    assert!(attribute_audit.iter().all(|a| !a.details.to_string().contains("65")));
    assert!(trail.iter().any(|a| a.entity == "claim" && a.action == "issue"));
}

/// The demo workplace computes a 2026 quarter under the maatwerk template and a 2018
/// quarter under the sociale-werkplaats template, both complete (demo amounts are listed
/// as unconfirmed, not blocking).
#[tokio::test]
async fn the_demo_has_claims_in_both_regimes() {
    let api = api().await;
    api.load_demo().await.unwrap();
    // One work form: a social workshop until 31/12/2018, a maatwerk company since 1/1/2019.
    let sw = api.work_form_id_of(WorkFormKind::SocialWorkshop).await.unwrap().unwrap();
    assert_eq!(api.work_form_id_of(WorkFormKind::Maatwerk).await.unwrap(), Some(sw));

    let q = api.compute_claim(sw, "2026/1").await.unwrap();
    assert_eq!(q.rule_set_code, "maatwerk_2019");
    assert_eq!(q.work_form_kind, WorkFormKind::Maatwerk);
    assert!(q.result.complete, "{:?}", q.result.problems);
    assert!(q.result.problems.iter().all(|p| !p.blocking));
    // Peeters Jan: 40 %, demo payroll 2 300 + 575 − 120 a month: 40 % × 8 265 = 3 306,00.
    let peeters = q.result.lines.iter().find(|l| l.stream == "S5" && l.label.as_deref() == Some("Peeters, Jan"));
    assert_eq!(peeters.and_then(|l| l.amount), Some(dec("3306.00")));

    let old = api.compute_claim(sw, "2018/4").await.unwrap();
    assert_eq!(old.rule_set_code, "sw_1998");
    assert_eq!(old.work_form_kind, WorkFormKind::SocialWorkshop);
    assert!(old.result.complete, "{:?}", old.result.problems);
    // Four recognised workers hired in 2017, in their second year (60 % in the demo):
    // full time 60 % × 1 593,81 × 3 = 2 868,86; Jacobs at 0,8: 2 295,09.
    // Supervision: 3,8 target FTE ÷ 5 = 0,76 × 38 000 ÷ 4 = 7 220,00.
    let s1: Vec<_> = old.result.lines.iter().filter(|l| l.stream == "S1").filter_map(|l| l.amount).collect();
    assert_eq!(s1, [dec("2868.86"), dec("2868.86"), dec("2868.86"), dec("2295.09")]);
    let s2 = old.result.lines.iter().find(|l| l.stream == "S2").unwrap();
    assert_eq!((s2.fte, s2.amount), (dec("0.76"), Some(dec("7220.00"))));
    assert_eq!(old.result.total, dec("18121.67"));
}

/// A work form whose kind is dated: saved with the last day of each earlier kind, checked,
/// and each claim takes the kind of its quarter.
#[tokio::test]
async fn a_work_form_kind_is_dated_and_each_claim_takes_the_kind_of_its_quarter() {
    let api = api().await;
    let (form, _) = maatwerk(&api).await;
    let mut org = api.organisation().await.unwrap().unwrap();
    let earlier = |kind, last_day: &str| EarlierKindDto { kind, last_day: last_day.into() };

    // Refused: a date that is no date, a history that runs backwards, a "change" to the same kind.
    for (list, want) in [
        (vec![earlier(WorkFormKind::SocialWorkshop, "31/13/2018")], "date.invalid"),
        (
            vec![earlier(WorkFormKind::Insertion, "31/12/2010"), earlier(WorkFormKind::SocialWorkshop, "31/12/2009")],
            "organisation.kind_history_order",
        ),
        (vec![earlier(WorkFormKind::Maatwerk, "31/12/2018")], "organisation.kind_history_same"),
    ] {
        org.work_forms[0].earlier_kinds = list;
        let err = api.save_organisation(org.clone()).await.unwrap_err();
        assert_eq!(code(&api, &err), want);
    }
    assert!(api.organisation().await.unwrap().unwrap().work_forms[0].earlier_kinds.is_empty(), "nothing saved");

    // A social workshop up to and including 31/12/2018 (typed in ISO), shown back as typed in Belgium.
    org.work_forms[0].earlier_kinds = vec![earlier(WorkFormKind::SocialWorkshop, "2018-12-31")];
    let saved = api.save_organisation(org.clone()).await.unwrap();
    assert_eq!(saved.work_forms[0].earlier_kinds, [earlier(WorkFormKind::SocialWorkshop, "31/12/2018")]);
    assert_eq!(saved.work_forms[0].kind, WorkFormKind::Maatwerk);
    assert_eq!(api.work_form_id_of(WorkFormKind::SocialWorkshop).await.unwrap(), Some(form));
    // The ratios of 2018/4 name the kind of then, those of 2026/1 the kind of now.
    let kind_in = |r: &RatiosDto| r.work_forms[0].work_form.kind;
    assert_eq!(kind_in(&api.ratios("2018/4").await.unwrap()), WorkFormKind::SocialWorkshop);
    assert_eq!(kind_in(&api.ratios("2026/1").await.unwrap()), WorkFormKind::Maatwerk);

    // A change of kind inside a quarter: the claim of that quarter is refused with the date;
    // the quarters on either side are computed with their own kind.
    org.work_forms[0].earlier_kinds = vec![earlier(WorkFormKind::SocialWorkshop, "14/02/2019")];
    api.save_organisation(org.clone()).await.unwrap();
    api.install_claim_template("maatwerk_2019").await.unwrap();
    let err = api.compute_claim(form, "2019/1").await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "claims.work_form_kind_changes");
    assert!(dto.message.contains("15/02/2019") && dto.message.contains("2019/1"), "{}", dto.message);
    assert_eq!(api.compute_claim(form, "2019/2").await.unwrap().work_form_kind, WorkFormKind::Maatwerk);
}
