//! Payroll import through the use cases: matching, all-or-nothing, re-import and undo,
//! mapping profiles, wage codes and reconciliation.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use werkbank_api::dto::*;
use werkbank_api::error::AppError;
use werkbank_api::Api;
use werkbank_domain::Category;

async fn api() -> Api {
    Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap())
}

/// Two people in the register: Peeters (INSZ known) and Claes (the file only has her
/// worker number), both full time from 2025.
async fn register(api: &Api) -> (i64, i64) {
    let mut ids = Vec::new();
    for (insz, name) in [("93051822361", "Peeters"), ("85073003328", "Claes")] {
        let input =
            PersonInput { insz: insz.into(), last_name: name.into(), first_name: "X".into(), ..Default::default() };
        let id = api.create_person(input).await.unwrap().person.id;
        let period = PeriodInput {
            category: Some(Category::TargetGroupRecognised),
            start: "01/01/2025".into(),
            q: "38".into(),
            s: "38".into(),
            ..Default::default()
        };
        api.add_period(id, period).await.unwrap();
        ids.push(id);
    }
    (ids[0], ids[1])
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const JANUARY: &str = "Werknemersnummer;INSZ;Naam;Periode;Looncode;Omschrijving;Aantal;Eenheid;Bedrag\n\
    101;93.05.18-223.61;Peeters X;01/2026;1010;Gewerkte uren;168,29;u;\n\
    101;93.05.18-223.61;Peeters X;01/2026;2000;Brutoloon;;;2.345,67\n\
    202;;Claes X;01/2026;1010;Gewerkte uren;100;u;\n\
    202;;Claes X;01/2026;1060;Ziekte ziekenfonds;68,29;u;\n";

#[tokio::test]
async fn unmatched_workers_are_linked_once_and_remembered() {
    let api = api().await;
    let (peeters, claes) = register(&api).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "loon-2026-01.csv", JANUARY);

    // Claes has no INSZ in the file and no remembered number: refused, nothing stored.
    let err = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "import.has_issues");
    let unmatched = dto.details.issues.iter().find(|i| i.code == "payroll.worker_unmatched").unwrap();
    assert_eq!((unmatched.row, unmatched.value.as_deref()), (4, Some("202")));
    assert!(api.payroll_batches().await.unwrap().is_empty());

    // The preview shows the same, and who matched.
    let preview =
        api.import_payroll(&file, PayrollImportOptions { dry_run: true, ..Default::default() }, ()).await.unwrap();
    assert!(!preview.can_commit);
    assert_eq!(preview.lines_read, 4);
    assert_eq!(preview.unmatched.len(), 1);
    assert_eq!(preview.lines[0].person_id, Some(peeters));
    assert_eq!(preview.lines[0].hours, Some(16829));
    assert_eq!(preview.lines[1].amount.as_deref(), Some("2345.67"));
    assert_eq!(
        (preview.first_period.as_deref(), preview.last_period.as_deref()),
        (Some("2026-01-01"), Some("2026-01-31"))
    );

    // Link 202 to Claes: the batch is stored.
    let links = vec![WorkerLink { worker: "202".into(), person_id: claes }];
    let done = api.import_payroll(&file, PayrollImportOptions { links, ..Default::default() }, ()).await.unwrap();
    assert_eq!(done.lines_imported, 4);
    let batches = api.payroll_batches().await.unwrap();
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].sha256.len(), 64);
    assert_eq!(batches[0].lines, 4);

    // February: 202 is recognised by its remembered number.
    let feb = write(dir.path(), "loon-2026-02.csv", &JANUARY.replace("01/2026", "02/2026"));
    let result = api.import_payroll(&feb, PayrollImportOptions::default(), ()).await.unwrap();
    assert_eq!(result.lines_imported, 4);
    assert!(result
        .lines
        .iter()
        .filter(|l| l.worker_number.as_deref() == Some("202"))
        .all(|l| l.person_id == Some(claes)));
}

#[tokio::test]
async fn the_same_file_twice_is_refused_until_undone() {
    let api = api().await;
    let (_, claes) = register(&api).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "loon.csv", JANUARY);
    let opts = || PayrollImportOptions {
        links: vec![WorkerLink { worker: "202".into(), person_id: claes }],
        ..Default::default()
    };
    let first = api.import_payroll(&file, opts(), ()).await.unwrap();
    // the same bytes under another name are the same file
    let copy = write(dir.path(), "kopie.csv", JANUARY);
    let err = api.import_payroll(&copy, opts(), ()).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "payroll.already_imported");
    assert!(dto.message.contains("loon.csv"), "{}", dto.message);

    let undone = api.undo_payroll_batch(first.batch_id.unwrap()).await.unwrap();
    assert!(undone.undone_at.is_some());
    assert!(api.reconciliation("2026-01").await.unwrap().rows.iter().all(|r| r.paid_hours == 0), "lines gone");
    let err = api.undo_payroll_batch(first.batch_id.unwrap()).await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "payroll.already_undone");
    let again = api.import_payroll(&copy, opts(), ()).await.unwrap();
    assert_eq!(again.lines_imported, 4);
    assert_eq!(api.payroll_batches().await.unwrap().len(), 2, "the undone batch stays as history");
    let trail = api.audit_trail(None).await.unwrap();
    assert!(trail.iter().any(|e| e.entity == "payroll_batch" && e.action == "undo"));
}

#[tokio::test]
async fn a_file_with_problems_stores_nothing() {
    let api = api().await;
    register(&api).await;
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "fout.csv",
        "Werknemersnummer;INSZ;Naam;Periode;Looncode;Aantal;Eenheid;Bedrag\n\
         101;93.05.18-223.61;Peeters X;01/2026;1010;168,29;u;\n\
         101;93.05.18-223.62;Peeters X;01/2026;1010;8;u;\n\
         101;93.05.18-223.61;Peeters X;13/2026;1010;8;u;\n\
         101;93.05.18-223.61;Peeters X;01/2026;2000;;;veel\n",
    );
    let err = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap_err();
    let dto = api.error_dto(&err);
    let at: Vec<(u32, &str, &str)> =
        dto.details.issues.iter().map(|i| (i.row, i.column.as_str(), i.code.as_str())).collect();
    assert!(at.contains(&(3, "insz", "insz.checksum")), "{at:?}");
    assert!(at.contains(&(4, "period", "import.period_unreadable")), "{at:?}");
    assert!(at.contains(&(5, "amount", "import.number_unreadable")), "{at:?}");
    assert!(dto.details.issues.iter().all(|i| !i.message.is_empty() && !i.message.starts_with("import.")));
    assert!(api.payroll_batches().await.unwrap().is_empty());

    for (name, bytes) in [("leeg.xlsx", &b""[..]), ("kapot.xlsx", &b"PK\x03\x04 not really a zip"[..])] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = api.import_payroll(&path, PayrollImportOptions::default(), ()).await.unwrap_err();
        assert!(matches!(err, AppError::Import { .. }), "{name}: {err}");
        assert!(!api.error_dto(&err).message.is_empty());
    }
    assert!(api.payroll_batches().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_hand_mapping_is_saved_and_applied_next_time() {
    let api = api().await;
    register(&api).await;
    let dir = tempfile::tempdir().unwrap();
    let odd = "Kol1;Kol2;Kol3;Kol4;Kol5\n\
               93051822361;01/2026;1010;168,29;u\n\
               85073003328;01/2026;1010;100;u\n";
    let file = write(dir.path(), "vreemd.csv", odd);
    let err = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap_err();
    assert!(api.error_dto(&err).details.issues.iter().any(|i| i.code == "import.header_not_found"));
    let mapping: BTreeMap<String, u32> = [("insz", 0), ("period", 1), ("wage_code", 2), ("quantity", 3), ("unit", 4)]
        .map(|(k, v)| (k.to_string(), v))
        .into();
    let opts = PayrollImportOptions {
        mapping: Some(mapping),
        save_profile_as: Some("Eigen export".into()),
        ..Default::default()
    };
    let done = api.import_payroll(&file, opts, ()).await.unwrap();
    assert_eq!((done.lines_imported, done.profile.as_deref()), (2, Some("Eigen export")));
    assert_eq!(api.mapping_profiles().await.unwrap(), ["Eigen export"]);

    // Next month, same headers: the profile is chosen automatically.
    let next = write(dir.path(), "vreemd-02.csv", &odd.replace("01/2026", "02/2026"));
    let preview =
        api.import_payroll(&next, PayrollImportOptions { dry_run: true, ..Default::default() }, ()).await.unwrap();
    assert_eq!(preview.profile.as_deref(), Some("Eigen export"));
    assert!(preview.can_commit, "{:?}", preview.issues);
    assert_eq!(preview.columns.iter().find(|c| c.field == "insz").unwrap().column, Some(0));
    // Committed, it is read again with the profile (its headers alone say nothing).
    let done = api.import_payroll(&next, PayrollImportOptions::default(), ()).await.unwrap();
    assert_eq!((done.lines_imported, done.profile.as_deref()), (2, Some("Eigen export")));
    let batches = api.payroll_batches().await.unwrap();
    assert_eq!(batches.len(), 2, "one batch per file, no leftover of the first reading");
    assert_eq!(batches[0].profile_name.as_deref(), Some("Eigen export"));
}

#[tokio::test]
async fn mapping_profiles_are_renamed_and_deleted_with_an_audit_record() {
    let api = api().await;
    register(&api).await;
    let dir = tempfile::tempdir().unwrap();
    let odd = "Kol1;Kol2;Kol3;Kol4\n93051822361;01/2026;1010;168,29\n";
    let file = write(dir.path(), "vreemd.csv", odd);
    let mapping: BTreeMap<String, u32> =
        [("insz", 0), ("period", 1), ("wage_code", 2), ("quantity", 3)].map(|(k, v)| (k.to_string(), v)).into();
    let save = |name: &str| PayrollImportOptions {
        mapping: Some(mapping.clone()),
        save_profile_as: Some(name.into()),
        ..Default::default()
    };
    let done = api.import_payroll(&file, save("SD Worx"), ()).await.unwrap();
    let list = api.mapping_profile_list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "SD Worx");
    // in the order of the import's fields: worker number, INSZ, name, period, wage code, …
    assert_eq!(list[0].fields, ["insz", "period", "wage_code", "quantity"]);

    // Rename (trimmed); the batch keeps the name it was imported under.
    let list = api.rename_mapping_profile("SD Worx", "  SD Worx Gent ").await.unwrap();
    assert_eq!(list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["SD Worx Gent"]);
    assert_eq!(api.payroll_batches().await.unwrap()[0].profile_name.as_deref(), Some("SD Worx"));
    // The renamed profile is still chosen for files with the same headers.
    let next = write(dir.path(), "vreemd-02.csv", &odd.replace("01/2026", "02/2026"));
    let preview =
        api.import_payroll(&next, PayrollImportOptions { dry_run: true, ..Default::default() }, ()).await.unwrap();
    assert_eq!(preview.profile.as_deref(), Some("SD Worx Gent"));

    // Refusals: an empty name, a taken name, an unknown profile. Nothing changes.
    let err = api.rename_mapping_profile("SD Worx Gent", " ").await.unwrap_err();
    assert_eq!(api.error_dto(&err).details.violations[0].field, "name");
    api.undo_payroll_batch(done.batch_id.unwrap()).await.unwrap();
    api.import_payroll(&file, save("Securex"), ()).await.unwrap();
    let err = api.rename_mapping_profile("Securex", "SD Worx Gent").await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "payroll.profile_exists");
    assert!(dto.message.contains("SD Worx Gent"), "{}", dto.message);
    let err = api.rename_mapping_profile("Partena", "Acerta").await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "payroll.profile_unknown");
    assert_eq!(api.mapping_profiles().await.unwrap(), ["SD Worx Gent", "Securex"]);

    // Delete: gone from the list; deleting again is refused.
    let list = api.delete_mapping_profile("SD Worx Gent").await.unwrap();
    assert_eq!(list.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Securex"]);
    let err = api.delete_mapping_profile("SD Worx Gent").await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "payroll.profile_unknown");

    // One audit record per change: the rename names the changed field.
    let trail = api.audit_trail(None).await.unwrap();
    let profile_entries: Vec<_> = trail.iter().filter(|e| e.entity == "mapping_profile").collect();
    assert_eq!(profile_entries.len(), 2, "{profile_entries:?}");
    let rename = profile_entries.iter().find(|e| e.action == "rename").unwrap();
    assert_eq!(rename.details["fields"], serde_json::json!(["name"]));
    assert!(profile_entries.iter().any(|e| e.action == "delete"));
}

#[tokio::test]
async fn reconciliation_compares_paid_hours_with_register_fte() {
    let api = api().await;
    let (peeters, claes) = register(&api).await;
    api.save_wage_code(WageCodeDto {
        id: None,
        code: "1010".into(),
        meaning: "worked_hours".into(),
        description: None,
    })
    .await
    .unwrap();
    api.save_wage_code(WageCodeDto {
        id: None,
        code: "1060".into(),
        meaning: "unpaid_absence".into(),
        description: None,
    })
    .await
    .unwrap();
    let err = api
        .save_wage_code(WageCodeDto { id: None, code: "9".into(), meaning: "vakantie".into(), description: None })
        .await
        .unwrap_err();
    assert_eq!(api.error_dto(&err).details.violations[0].field, "meaning");
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "loon.csv", JANUARY);
    let links = vec![WorkerLink { worker: "202".into(), person_id: claes }];
    api.import_payroll(&file, PayrollImportOptions { links, ..Default::default() }, ()).await.unwrap();

    let r = api.reconciliation("2026-01").await.unwrap();
    // full time in January: 38 h × 31 days ÷ 7 = 168,2857 h
    let row = |id: i64| r.rows.iter().find(|x| x.person_id == id).unwrap();
    assert_eq!(row(peeters).register_fte, "1.0000");
    assert_eq!(row(peeters).paid_hours, 16829);
    assert_eq!(row(peeters).payroll_fte.as_deref(), Some("1.0000")); // 168,29 / 168,2857
    assert!(!row(peeters).flagged);
    assert_eq!(row(claes).payroll_fte.as_deref(), Some("0.5942")); // 100 / 168,2857; sickness unpaid
    assert_eq!(row(claes).difference.as_deref(), Some("-0.4058"));
    assert!(row(claes).flagged);
    assert_eq!(r.unmapped_codes, ["2000"]);
}

/// A file that covers only January and February of the first quarter, and only two of the
/// four people in the register (as a secretariat export for one department would).
#[tokio::test]
async fn reconciliation_compares_only_what_the_payroll_covers() {
    let api = api().await;
    let (peeters, claes) = register(&api).await;
    let add = |insz: &'static str, name: &'static str, start: &'static str, q: &'static str| {
        let api = &api;
        async move {
            let input =
                PersonInput { insz: insz.into(), last_name: name.into(), first_name: "X".into(), ..Default::default() };
            let id = api.create_person(input).await.unwrap().person.id;
            let period = PeriodInput {
                category: Some(Category::TargetGroupRecognised),
                start: start.into(),
                q: q.into(),
                s: "38".into(),
                ..Default::default()
            };
            api.add_period(id, period).await.unwrap();
            id
        }
    };
    let janssens = add("90010100123", "Janssens", "01/01/2025", "19").await; // half time, not in the file
    let maes = add("88020200254", "Maes", "01/03/2026", "38").await; // hired in March, which no line covers
    api.save_wage_code(WageCodeDto {
        id: None,
        code: "1010".into(),
        meaning: "worked_hours".into(),
        description: None,
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "loon-jan-feb.csv",
        "INSZ;Naam;Periode;Looncode;Aantal;Eenheid\n\
         93051822361;Peeters X;01/2026;1010;168,29;u\n\
         93051822361;Peeters X;02/2026;1010;152,00;u\n\
         85073003328;Claes X;01/2026;1010;100;u\n",
    );
    let batch = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap().batch_id.unwrap();

    let q1 = api.reconciliation("2026/1").await.unwrap();
    assert_eq!(q1.months, ["2026-01", "2026-02", "2026-03"]);
    assert_eq!(q1.covered_months, ["2026-01", "2026-02"], "no line falls in March");
    assert_eq!(q1.batches.iter().map(|b| b.id).collect::<Vec<_>>(), [batch]);
    assert_eq!(q1.rows.len(), 2, "only people on the payroll get a row");
    let row = |r: &ReconciliationDto, id: i64| r.rows.iter().find(|x| x.person_id == id).cloned().unwrap();
    // Peeters over January + February (59 days): full time = 38 × 59 ÷ 7 = 320,2857 h;
    // paid 168,29 + 152,00 = 320,29 h → 1,0000; register 1,0000 over those months.
    // (Over the whole quarter he would wrongly be 320,29 ÷ 488,5714 = 0,6556.)
    let p = row(&q1, peeters);
    assert_eq!((p.register_fte.as_str(), p.paid_hours), ("1.0000", 32029));
    assert_eq!((p.payroll_fte.as_deref(), p.difference.as_deref()), (Some("1.0000"), Some("0.0000")));
    assert!(p.missing_months.is_empty() && !p.flagged);
    // Claes: only a January line, though the file covers February and the register employs
    // him then: 100 ÷ 320,2857 = 0,3122, difference −0,6878, February listed as missing.
    let c = row(&q1, claes);
    assert_eq!((c.payroll_fte.as_deref(), c.difference.as_deref()), (Some("0.3122"), Some("-0.6878")));
    assert_eq!(c.missing_months, ["2026-02"]);
    assert!(c.flagged);
    // Janssens is employed (half time) in the covered months but on no line: information,
    // not a difference. Maes only works in March, which the payroll does not cover.
    assert_eq!(q1.not_in_payroll.len(), 1, "{:?}", q1.not_in_payroll);
    assert_eq!((q1.not_in_payroll[0].person_id, q1.not_in_payroll[0].register_fte.as_str()), (janssens, "0.5000"));
    assert!(q1.rows.iter().all(|r| r.person_id != maes));

    // January alone is fully covered: Claes is compared without missing months.
    let jan = api.reconciliation("2026-01").await.unwrap();
    assert_eq!(jan.covered_months, ["2026-01"]);
    let c = row(&jan, claes);
    assert_eq!((c.payroll_fte.as_deref(), c.missing_months.len()), (Some("0.5942"), 0)); // 100 ÷ 168,2857
    assert_eq!(jan.not_in_payroll.iter().map(|n| n.person_id).collect::<Vec<_>>(), [janssens]);

    // March: no payroll at all, so nothing to compare and nobody to list.
    let march = api.reconciliation("2026-03").await.unwrap();
    assert!(march.covered_months.is_empty() && march.rows.is_empty() && march.not_in_payroll.is_empty());
    assert!(march.batches.is_empty());
    // An undone batch no longer covers anything.
    api.undo_payroll_batch(batch).await.unwrap();
    let q1 = api.reconciliation("2026/1").await.unwrap();
    assert!(q1.covered_months.is_empty() && q1.rows.is_empty() && q1.not_in_payroll.is_empty());
}

/// A commit stores lines while the file is still being read. Whatever is found later (a
/// duplicate line near the end, an unmatched worker) still refuses the whole file: no
/// batch, no line and no remembered worker number stay.
#[tokio::test]
async fn a_commit_that_stores_while_reading_is_still_all_or_nothing() {
    let api = api().await;
    let (peeters, claes) = register(&api).await;
    api.save_wage_code(WageCodeDto {
        id: None,
        code: "1010".into(),
        meaning: "worked_hours".into(),
        description: None,
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // 2 500 lines (three statements' worth) for Peeters of 0,01 h each, each with another
    // amount: 1,00 € … 2 500,00 € (other hours would sum beyond the month's 744 h).
    let mut text = String::from("Werknemersnummer;INSZ;Periode;Looncode;Aantal;Eenheid;Bedrag\n");
    for i in 1..=2500 {
        text.push_str(&format!("101;93051822361;01/2026;1010;0,01;u;{i},00\n"));
    }
    // The last line repeats the first: a duplicate, found only once the whole file is read.
    let with_duplicate = format!("{text}101;93051822361;01/2026;1010;0,01;u;1,00\n");
    let file = write(dir.path(), "dubbel.csv", &with_duplicate);
    let err = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "import.has_issues");
    assert_eq!(
        dto.details.issues.iter().map(|i| (i.row, i.code.as_str())).collect::<Vec<_>>(),
        [(2502, "payroll.duplicate_line")]
    );
    assert!(api.payroll_batches().await.unwrap().is_empty(), "no batch, not even a placeholder");
    assert!(api.reconciliation("2026-01").await.unwrap().rows.is_empty(), "no line");

    // An unknown worker number at the very end: refused too, and 101 is not remembered.
    let with_stranger = format!("{text}999;;01/2026;1010;1;u;1,00\n");
    let file = write(dir.path(), "vreemde.csv", &with_stranger);
    let err = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap_err();
    assert!(api.error_dto(&err).details.issues.iter().any(|i| i.code == "payroll.worker_unmatched"));
    assert!(api.payroll_batches().await.unwrap().is_empty());

    // Linked, it is stored whole: 2 501 lines; Peeters' hours are 2 500 × 0,01 h = 25 h
    // = 2 500 hundredths.
    let links = vec![WorkerLink { worker: "999".into(), person_id: claes }];
    let done = api.import_payroll(&file, PayrollImportOptions { links, ..Default::default() }, ()).await.unwrap();
    assert_eq!((done.lines_read, done.lines_imported), (2501, 2501));
    let batches = api.payroll_batches().await.unwrap();
    assert_eq!((batches.len(), batches[0].lines, batches[0].sha256.len()), (1, 2501, 64));
    assert_eq!(batches[0].first_period.as_deref(), Some("2026-01-01"));
    let r = api.reconciliation("2026-01").await.unwrap();
    let paid = |id: i64| r.rows.iter().find(|x| x.person_id == id).unwrap().paid_hours;
    assert_eq!((paid(peeters), paid(claes)), (2_500, 100));
    // Worker 101 was matched by INSZ and is remembered: a file with only the number matches.
    let again =
        write(dir.path(), "feb.csv", "Werknemersnummer;Periode;Looncode;Aantal;Eenheid\n101;02/2026;1010;8;u\n");
    assert_eq!(api.import_payroll(&again, PayrollImportOptions::default(), ()).await.unwrap().lines_imported, 1);
}

/// A value like 1.000 waits for the end of its column before it is read: the line is
/// stored with the column's reading (here 1 000 hours, beside decimal commas).
#[tokio::test]
async fn a_line_whose_value_waits_for_its_column_is_stored_with_the_final_value() {
    let api = api().await;
    let (peeters, _) = register(&api).await;
    api.save_wage_code(WageCodeDto {
        id: None,
        code: "1010".into(),
        meaning: "worked_hours".into(),
        description: None,
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "duizend.csv",
        "INSZ;Periode;Looncode;Aantal;Eenheid\n\
         93051822361;2026/1;1010;1.000;u\n\
         93051822361;01/2026;1020;100,50;u\n",
    );
    api.save_wage_code(WageCodeDto {
        id: None,
        code: "1020".into(),
        meaning: "paid_absence".into(),
        description: None,
    })
    .await
    .unwrap();
    let done = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap();
    assert_eq!(done.lines_imported, 2);
    let r = api.reconciliation("2026-01").await.unwrap();
    // 1 000 h (on a line of the quarter: in one month it would be beyond 744 h) + 100,50 h
    // (not 1 h + 100,50 h)
    assert_eq!(r.rows.iter().find(|x| x.person_id == peeters).unwrap().paid_hours, 110_050);
}

#[tokio::test]
async fn a_folder_or_a_device_named_like_a_payroll_file_is_refused_in_dutch() {
    let api = api().await;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("loon-2026-1.csv");
    std::fs::create_dir(&folder).unwrap();
    for path in [folder.as_path(), std::path::Path::new("/dev/zero")] {
        for dry_run in [true, false] {
            let options = PayrollImportOptions { dry_run, ..Default::default() };
            let err = api.import_payroll(path, options, ()).await.unwrap_err();
            let dto = api.error_dto(&err);
            assert_eq!(dto.code, "import.not_a_file", "{path:?}");
            assert!(dto.message.contains("is geen gewoon bestand"), "{}", dto.message);
        }
    }
    assert!(api.payroll_batches().await.unwrap().is_empty(), "nothing stored");
}
