//! Every list the app shows, written as xlsx on the demo workplace and read back with
//! calamine: the headers, one row per row of the list, labels instead of ids, dates as
//! dates, FTE as numbers; the file private to its owner and the export audited.

use calamine::Data;
use chrono::NaiveDate;
use std::path::PathBuf;
use werkbank_api::dto::*;
use werkbank_api::{Api, Category};

mod xlsx;
use xlsx::{assert_private, date, float, sheet, sheet_names, text};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

async fn demo() -> Api {
    let api = Api::open_in_memory().await.unwrap().with_today(d(2026, 11, 29));
    api.load_demo().await.unwrap();
    api
}

fn empty(range: &calamine::Range<Data>, row: u32, col: u32) -> bool {
    matches!(range.get_value((row, col)), None | Some(Data::Empty))
}

fn headers(range: &calamine::Range<Data>) -> Vec<String> {
    (0..range.width() as u32).map(|c| text(range, 0, c)).collect()
}

/// The DTO's decimal text as the number Excel should hold.
fn num(s: &str) -> f64 {
    s.parse().unwrap()
}

/// The first data row whose column `col` reads `value`.
fn row_of(range: &calamine::Range<Data>, col: u32, value: &str) -> u32 {
    (1..range.height() as u32).find(|&r| text(range, r, col) == value).unwrap_or_else(|| panic!("no row {value}"))
}

fn file(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[tokio::test]
async fn the_staff_register_exports_with_labels_dates_and_fractions() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "personeel.xlsx");
    let rows = api.list_staff(StaffFilter::default()).await.unwrap();
    let out = api.export_staff_xlsx(StaffFilter::default(), &path).await.unwrap();
    assert_eq!((out.path.as_str(), out.lines as usize), (path.to_str().unwrap(), rows.len()));
    assert_eq!(out.bytes, std::fs::metadata(&path).unwrap().len());
    assert_private(&path);

    assert_eq!(sheet_names(&path), ["Personeel"]);
    let s = sheet(&path, "Personeel");
    assert_eq!(
        headers(&s),
        ["Naam", "Voornaam", "INSZ", "Geboortedatum", "Categorie", "Breuk", "Begin", "Einde", "Vandaag in dienst"]
    );
    assert_eq!(s.height(), rows.len() + 1, "header and one row a person");
    // Peeters Jan: recognised target group, full time since 1 March 2017, still employed.
    let r = row_of(&s, 0, "Peeters");
    let peeters = rows.iter().find(|p| p.last_name == "Peeters").unwrap();
    assert_eq!(text(&s, r, 1), "Jan");
    assert_eq!(text(&s, r, 2), peeters.insz.clone().unwrap());
    assert_eq!(date(&s, r, 3), d(1993, 2, 25));
    assert_eq!(peeters.category, Some(Category::TargetGroupRecognised));
    assert_eq!(text(&s, r, 4), "Doelgroep erkend");
    assert_eq!(float(&s, r, 5), num(peeters.fraction.as_deref().unwrap()));
    assert_eq!(float(&s, r, 5), 1.0);
    assert_eq!(date(&s, r, 6), d(2017, 3, 1));
    assert!(empty(&s, r, 7), "no end");
    assert_eq!(text(&s, r, 8), "Ja");
    // Every category is a label, never an id.
    assert!((1..s.height() as u32).all(|r| !text(&s, r, 4).contains('_')));

    // The filter of the list is the filter of the file.
    let filter = StaffFilter { category: Some(Category::Article60), ..Default::default() };
    let article_60 = api.list_staff(filter.clone()).await.unwrap();
    assert!(!article_60.is_empty() && article_60.len() < rows.len());
    let out = api.export_staff_xlsx(filter, &path).await.unwrap();
    assert_eq!(out.lines as usize, article_60.len());
    let s = sheet(&path, "Personeel");
    assert_eq!(s.height(), article_60.len() + 1);
    assert!((1..s.height() as u32).all(|r| text(&s, r, 4) == "Artikel 60"));
}

#[tokio::test]
async fn fte_per_category_exports_with_its_totals_row() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "vte.xlsx");
    let o = api.fte_overview("2026/1").await.unwrap();
    let out = api.export_fte_xlsx("2026/1", &path).await.unwrap();
    assert_eq!(out.lines as usize, o.categories.len());
    assert_private(&path);
    let s = sheet(&path, "VTE per categorie");
    assert_eq!(headers(&s), ["Periode", "Categorie", "Koppen", "VTE"]);
    assert_eq!(s.height(), o.categories.len() + 2, "header, categories, totals row");
    let labels = ["Doelgroep erkend", "Doelgroep niet erkend", "Artikel 60", "Begeleider erkend"];
    for (i, c) in o.categories.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(text(&s, r, 0), "2026/1");
        if let Some(label) = labels.get(i) {
            assert_eq!(text(&s, r, 1), *label);
        }
        assert_eq!(float(&s, r, 2), c.heads as f64);
        assert_eq!(float(&s, r, 3), num(&c.fte));
    }
    // Work care: 3,3333 FTE, a number with its four decimals.
    let r = row_of(&s, 1, "Arbeidszorg");
    assert_eq!(float(&s, r, 3), 3.3333);
    let total = o.categories.len() as u32 + 1;
    assert_eq!(text(&s, total, 0), "Totaal");
    assert_eq!(float(&s, total, 2), o.total_heads as f64);
    assert_eq!(float(&s, total, 3), num(&o.total_fte));
    assert_eq!(float(&s, total, 3), 32.8333);
    // A period that does not parse writes nothing.
    let bad = file(&dir, "bad.xlsx");
    assert!(api.export_fte_xlsx("2026/7", &bad).await.is_err());
    assert!(!bad.exists());
}

#[tokio::test]
async fn ratios_export_one_row_a_work_form_and_the_segments() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "omkadering.xlsx");
    let ratios = api.ratios("2026/1").await.unwrap();
    let out = api.export_ratios_xlsx("2026/1", &path).await.unwrap();
    assert_eq!(out.lines as usize, ratios.work_forms.len());
    assert_private(&path);
    assert_eq!(sheet_names(&path), ["Omkadering", "Deelperiodes"]);

    let s = sheet(&path, "Omkadering");
    let h = headers(&s);
    assert_eq!(&h[..6], ["Periode", "Werkvorm", "Personen", "VTE doelgroep", "VTE begeleiding", "VTE totaal"]);
    assert_eq!(h[10], "Subsidieerbare begeleiding (VTE)");
    assert_eq!(h[11], "Ruimte (+) of overschot (−) (VTE)");
    assert_eq!(s.height(), ratios.work_forms.len() + 1);
    let r = row_of(&s, 1, "Maatwerkbedrijf");
    let mw = ratios.work_forms.iter().find(|w| w.work_form.kind == werkbank_domain::WorkFormKind::Maatwerk).unwrap();
    assert_eq!(float(&s, r, 2), mw.heads as f64);
    assert_eq!(float(&s, r, 3), num(mw.figures.target_fte.as_deref().unwrap()));
    assert_eq!(float(&s, r, 3), 15.2);
    assert_eq!(float(&s, r, 5), num(&mw.figures.total_fte));
    assert_eq!(float(&s, r, 11), num(mw.figures.headroom.as_deref().unwrap()));
    assert!(empty(&s, r, 13), "no minimum share: an empty cell, not 0");
    // Work care has more supervision than the norm allows: a negative headroom.
    let r = row_of(&s, 1, "Arbeidszorg");
    assert_eq!(float(&s, r, 11), -0.3333);

    let seg = sheet(&path, "Deelperiodes");
    let count: usize = ratios.work_forms.iter().map(|w| w.segments.len()).sum();
    assert_eq!(seg.height(), count + 1);
    assert_eq!(&headers(&seg)[..4], ["Werkvorm", "Van", "Tot en met", "Dagen"]);
    let r = row_of(&seg, 0, "Maatwerkbedrijf");
    assert_eq!((date(&seg, r, 1), date(&seg, r, 2)), (d(2026, 1, 1), d(2026, 3, 31)));
    assert_eq!(float(&seg, r, 3), 90.0);
    assert_eq!(float(&seg, r, 4), num(mw.segments[0].figures.target_fte.as_deref().unwrap()));
}

#[tokio::test]
async fn problems_export_with_severity_labels_and_their_sentences() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "aandachtspunten.xlsx");
    let p = api.problems(Some("2026/1")).await.unwrap();
    assert!(!p.problems.is_empty());
    let out = api.export_problems_xlsx(Some("2026/1"), &path).await.unwrap();
    assert_eq!(out.lines as usize, p.problems.len());
    assert_private(&path);
    let s = sheet(&path, "Aandachtspunten");
    assert_eq!(headers(&s), ["Periode", "Ernst", "Persoon", "Probleem"]);
    assert_eq!(s.height(), p.problems.len() + 1);
    for (i, x) in p.problems.iter().enumerate() {
        let r = i as u32 + 1;
        let severity = match x.severity {
            Severity::Error => "fout",
            Severity::Warning => "let op",
            Severity::Info => "info",
        };
        assert_eq!(text(&s, r, 1), severity);
        assert_eq!(text(&s, r, 2), x.person_name.clone().unwrap_or_default());
        assert_eq!(text(&s, r, 3), x.message);
    }
    assert!(text(&s, 1, 3).starts_with("Maatwerkbedrijf, 2026: "), "{}", text(&s, 1, 3));
    // Without a period: the current quarter (2026/4).
    let now = api.problems(None).await.unwrap();
    let out = api.export_problems_xlsx(None, &path).await.unwrap();
    assert_eq!(out.lines as usize, now.problems.len());
    let s = sheet(&path, "Aandachtspunten");
    assert!((1..s.height() as u32).all(|r| text(&s, r, 0) == "2026/4"));
}

#[tokio::test]
async fn the_waitlist_exports_in_list_order_with_its_labels() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "wachtlijst.xlsx");
    let list = api.waitlist(WaitlistFilter::default()).await.unwrap();
    let out = api.export_waitlist_xlsx(WaitlistFilter::default(), &path).await.unwrap();
    assert_eq!(out.lines as usize, list.candidates.len());
    assert_private(&path);
    let s = sheet(&path, "Wachtlijst");
    let h = headers(&s);
    assert_eq!(&h[..5], ["Plaats", "Naam", "Voornaam", "Doorverwezen op", "Doorverwezen door"]);
    assert_eq!(s.height(), list.candidates.len() + 1);
    // Sofie Van Acker heads the list: referred by VDAB on 13/10/2025, 412 days waiting.
    let first = &list.candidates[0];
    assert_eq!((text(&s, 1, 1), text(&s, 1, 2)), (first.person.last_name.clone(), first.person.first_name.clone()));
    assert_eq!((text(&s, 1, 1).as_str(), float(&s, 1, 0)), ("Van Acker", 1.0));
    assert_eq!(date(&s, 1, 3), d(2025, 10, 13));
    assert_eq!(text(&s, 1, 4), "VDAB");
    assert_eq!(text(&s, 1, 5), "Maatwerkbedrijf");
    assert_eq!(text(&s, 1, 6), "Doelgroep erkend");
    assert_eq!(text(&s, 1, 7), "Normaal");
    assert_eq!(float(&s, 1, 8), first.waiting_days as f64);
    assert_eq!(float(&s, 1, 8), 412.0);
    assert_eq!(text(&s, 1, 9), "Wachtend");
    assert_eq!(date(&s, 1, 10), d(2025, 10, 13));
    assert_eq!(text(&s, 1, 11), "Doelgroepattest (VDAB)");
    assert_eq!(date(&s, 1, 12), d(2027, 6, 17));
    assert_eq!(text(&s, 1, 13), "Nee");
    // With the closed candidates.
    let all = WaitlistFilter { include_closed: true, work_form_id: None };
    let n = api.waitlist(all.clone()).await.unwrap().candidates.len();
    assert!(n > list.candidates.len());
    assert_eq!(api.export_waitlist_xlsx(all, &path).await.unwrap().lines as usize, n);
    assert_eq!(sheet(&path, "Wachtlijst").height(), n + 1);
}

#[tokio::test]
async fn the_agenda_exports_with_status_kind_and_due_dates() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "agenda.xlsx");
    let agenda = api.agenda(None).await.unwrap();
    let out = api.export_agenda_xlsx(None, &path).await.unwrap();
    assert_eq!(out.lines as usize, agenda.items.len());
    assert_private(&path);
    let s = sheet(&path, "Agenda");
    assert_eq!(&headers(&s)[..6], ["Status", "Te houden tegen", "Gehouden op", "Persoon", "Gesprek", "Volgnummer"]);
    assert_eq!(s.height(), agenda.items.len() + 1);
    for (i, item) in agenda.items.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(text(&s, r, 3), item.person_name);
        assert_eq!(date(&s, r, 1), NaiveDate::parse_from_str(&item.due, "%Y-%m-%d").unwrap());
        assert_eq!(date(&s, r, 6), NaiveDate::parse_from_str(&item.hire_date, "%Y-%m-%d").unwrap());
        assert_eq!(float(&s, r, 5), item.seq as f64);
        match &item.held_date {
            Some(h) => assert_eq!(date(&s, r, 2), NaiveDate::parse_from_str(h, "%Y-%m-%d").unwrap()),
            None => assert!(empty(&s, r, 2)),
        }
    }
    // Overdue first: Frederik Pauwels' fourth yearly consultation, due 01/11/2025.
    assert_eq!(text(&s, 1, 0), "Achterstallig");
    assert_eq!(text(&s, 1, 3), "Pauwels, Frederik");
    assert_eq!(text(&s, 1, 4), "Jaarlijks overleg");
    assert_eq!(date(&s, 1, 1), d(2025, 11, 1));
    let statuses: std::collections::BTreeSet<String> = (1..s.height() as u32).map(|r| text(&s, r, 0)).collect();
    assert_eq!(statuses.into_iter().collect::<Vec<_>>(), ["Achterstallig", "Gehouden", "Te doen"]);
}

#[tokio::test]
async fn the_reconciliation_exports_hours_and_fte_as_numbers() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "controle.xlsx");
    let rec = api.reconciliation("2026/1").await.unwrap();
    assert!(!rec.rows.is_empty() && !rec.not_in_payroll.is_empty());
    let out = api.export_reconciliation_xlsx("2026/1", &path).await.unwrap();
    assert_eq!(out.lines as usize, rec.rows.len());
    assert_private(&path);
    assert_eq!(sheet_names(&path), ["Loon tegenover register", "Niet in het loonbestand"]);
    let s = sheet(&path, "Loon tegenover register");
    assert_eq!(
        headers(&s),
        [
            "Periode",
            "Persoon",
            "VTE register",
            "Betaalde uren",
            "VTE loon",
            "Verschil",
            "Maanden zonder loonlijnen",
            "Te controleren"
        ]
    );
    assert_eq!(s.height(), rec.rows.len() + 1);
    let r = row_of(&s, 1, "Peeters, Jan");
    let peeters = rec.rows.iter().find(|x| x.name == "Peeters, Jan").unwrap();
    assert_eq!(float(&s, r, 2), num(&peeters.register_fte));
    assert_eq!(float(&s, r, 3), peeters.paid_hours as f64 / 100.0);
    assert_eq!(float(&s, r, 3), 488.58);
    assert_eq!(float(&s, r, 4), num(peeters.payroll_fte.as_deref().unwrap()));
    assert_eq!(float(&s, r, 5), 0.0);
    assert_eq!(text(&s, r, 7), "Nee");
    let missing = sheet(&path, "Niet in het loonbestand");
    assert_eq!(headers(&missing), ["Persoon", "VTE register"]);
    assert_eq!(missing.height(), rec.not_in_payroll.len() + 1);
    for (i, n) in rec.not_in_payroll.iter().enumerate() {
        assert_eq!(text(&missing, i as u32 + 1, 0), n.name);
        assert_eq!(float(&missing, i as u32 + 1, 1), num(&n.register_fte));
    }
    // A month without payroll lines: the rows sheet (header only), and no second sheet.
    let empty_month = file(&dir, "leeg.xlsx");
    let out = api.export_reconciliation_xlsx("2026-06", &empty_month).await.unwrap();
    assert_eq!(out.lines, 0);
    assert_eq!(sheet_names(&empty_month), ["Loon tegenover register"]);
    assert_eq!(sheet(&empty_month, "Loon tegenover register").height(), 1);
}

#[tokio::test]
async fn every_list_export_is_audited_without_path_or_personal_values() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let staff = api.export_staff_xlsx(StaffFilter::default(), &file(&dir, "Peeters Jan.xlsx")).await.unwrap();
    api.export_fte_xlsx("2026/1", &file(&dir, "b.xlsx")).await.unwrap();
    api.export_ratios_xlsx("2026/1", &file(&dir, "c.xlsx")).await.unwrap();
    api.export_problems_xlsx(None, &file(&dir, "d.xlsx")).await.unwrap();
    api.export_waitlist_xlsx(WaitlistFilter::default(), &file(&dir, "e.xlsx")).await.unwrap();
    api.export_agenda_xlsx(None, &file(&dir, "f.xlsx")).await.unwrap();
    api.export_reconciliation_xlsx("2026/1", &file(&dir, "g.xlsx")).await.unwrap();
    let trail = api.audit_trail(None).await.unwrap();
    let exports: Vec<_> = trail.iter().filter(|a| a.action == "export" && a.entity == "list").collect();
    let mut lists: Vec<&str> = exports.iter().map(|a| a.details["list"].as_str().unwrap()).collect();
    lists.sort();
    assert_eq!(lists, ["agenda", "fte", "problems", "ratios", "reconciliation", "staff", "waitlist"]);
    let audited = exports.iter().find(|a| a.details["list"] == "staff").unwrap();
    assert_eq!(audited.details["rows"], staff.lines);
    assert_eq!(audited.details["format"], "xlsx");
    for a in &exports {
        let details = a.details.to_string();
        assert!(!details.contains("Peeters") && !details.contains(".xlsx"), "{details}");
        assert!(!details.contains(dir.path().to_str().unwrap()), "{details}");
    }
}

#[tokio::test]
async fn a_list_that_cannot_be_written_is_a_readable_error() {
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("personeel.xlsx");
    let e = api.export_staff_xlsx(StaffFilter::default(), &path).await.unwrap_err();
    let dto = api.error_dto(&e);
    assert_eq!(dto.code, "export.file_write_failed");
    assert!(dto.message.starts_with("Het bestand ") && dto.message.contains("no-such-folder"), "{}", dto.message);
    // Nothing left the app: no export in the audit trail.
    let trail = api.audit_trail(None).await.unwrap();
    assert!(!trail.iter().any(|a| a.action == "export"));
}

/// A file that was there, readable by others, is overwritten and made private.
#[cfg(unix)]
#[tokio::test]
async fn an_existing_file_is_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let api = demo().await;
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "agenda.xlsx");
    std::fs::write(&path, b"old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    api.export_agenda_xlsx(None, &path).await.unwrap();
    assert_private(&path);
    assert_eq!(sheet_names(&path), ["Agenda"]);
}

#[tokio::test]
async fn the_claims_list_exports_through_the_request_the_screen_sends() {
    let api = demo().await;
    let mw = api.work_form_id_of(werkbank_domain::WorkFormKind::Maatwerk).await.unwrap().unwrap();
    let complete = api.compute_claim(mw, "2026/1").await.unwrap();
    let claims = api.claims().await.unwrap();
    // The screen sends the list by name, as JSON; a draft without blocking problems has a
    // total, an incomplete one the word "onvolledig".
    let request: ListRequest = serde_json::from_str(r#"{"list":"claims"}"#).unwrap();
    assert_eq!(api.list_file_name(&request), "Afrekeningen 2026-11-29.xlsx");
    let dir = tempfile::tempdir().unwrap();
    let path = file(&dir, "afrekeningen.xlsx");
    let out = api.export_list_xlsx(&request, &path).await.unwrap();
    assert_eq!(out.lines as usize, claims.len());
    assert_private(&path);
    let s = sheet(&path, "Afrekeningen");
    assert_eq!(headers(&s), ["Periode", "Werkvorm", "Status", "Totaal (EUR)", "Uitgereikt op", "Nummer"]);
    let r = row_of(&s, 0, "2026/1");
    assert_eq!(text(&s, r, 1), "Maatwerkbedrijf");
    assert_eq!(text(&s, r, 2), "ontwerp");
    // The demo has payroll for 2026/1: the draft is complete and its total a number.
    assert!(complete.result.complete);
    assert_eq!(float(&s, r, 3), num(&complete.result.total.to_string()));
    // 2026/4 has no payroll yet: incomplete, and the file says so instead of a total.
    let incomplete = api.compute_claim(mw, "2026/4").await.unwrap();
    assert!(!incomplete.result.complete);
    api.export_list_xlsx(&request, &path).await.unwrap();
    let s = sheet(&path, "Afrekeningen");
    assert_eq!(text(&s, row_of(&s, 0, "2026/4"), 3), "onvolledig");

    // A list with a period names its file after the period; the filter travels along.
    let fte: ListRequest = serde_json::from_str(r#"{"list":"fte","period":"2026/3"}"#).unwrap();
    assert_eq!(api.list_file_name(&fte), "VTE per categorie 2026-3.xlsx");
    let staff: ListRequest =
        serde_json::from_str(r#"{"list":"staff","filter":{"search":"peeters","category":null,"on":null}}"#).unwrap();
    let out = api.export_list_xlsx(&staff, &file(&dir, "p.xlsx")).await.unwrap();
    assert_eq!(out.lines, 1, "only Peeters");
}
