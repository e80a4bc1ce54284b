//! CLI scenario: import a staff register file, then ask for FTE as JSON — the numbers are
//! computed by hand in the comments. Runs the real `werkbank` binary on a temp database.

use std::path::Path;
use std::process::{Command, Output};

fn werkbank(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_werkbank"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("WERKBANK_DB")
        .output()
        .expect("run werkbank")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn category<'a>(fte: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    fte["categories"].as_array().unwrap().iter().find(|c| c["category"] == id).unwrap()
}

/// A register as a secretariat would send it: Dutch headers, dates as real date cells and
/// as dd/mm/yyyy text, decimal comma in Q, Dutch category labels.
fn write_xlsx(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Personeel").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let headers = ["INSZ", "Naam", "Voornaam", "Geboortedatum", "Categorie", "Begindatum", "Einddatum", "Q", "S"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // (insz, last, first, birth, category, start, end, Q, S)
    type Row<'a> = (&'a str, &'a str, &'a str, (u16, u8, u8), &'a str, &'a str, &'a str, &'a str, f64);
    let rows: [Row; 4] = [
        // non-recognised until 15/02/2026, then recognised: 46/90 + 44/90 of one FTE
        (
            "93051822361",
            "Peeters",
            "An",
            (1993, 5, 18),
            "doelgroep niet erkend",
            "01/03/2025",
            "15/02/2026",
            "38",
            38.0,
        ),
        ("93051822361", "Peeters", "An", (1993, 5, 18), "doelgroep erkend", "16/02/2026", "", "38", 38.0),
        // half-time supervisor all quarter: 0.5
        ("85.07.30-033.28", "Claes", "Els", (1985, 7, 30), "begeleider erkend", "01/01/2020", "", "19", 38.0),
        // article 60 leaving on 31/01/2026, 22,8/38 = 0.6 × 31/90 = 0.20666… → 0.2067
        ("00012556777", "Öztürk", "Ayşe", (2000, 1, 25), "artikel 60", "01/06/2025", "31/01/2026", "22,8", 38.0),
    ];
    for (r, (insz, last, first, (y, m, d), cat, start, end, q, s)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *insz).unwrap();
        ws.write_string(r, 1, *last).unwrap();
        ws.write_string(r, 2, *first).unwrap();
        ws.write_datetime_with_format(r, 3, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap();
        ws.write_string(r, 4, *cat).unwrap();
        ws.write_string(r, 5, *start).unwrap();
        if !end.is_empty() {
            ws.write_string(r, 6, *end).unwrap();
        }
        ws.write_string(r, 7, *q).unwrap();
        ws.write_number(r, 8, *s).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn import_staff_then_fte_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let file = dir.path().join("personeel.xlsx");
    write_xlsx(&file);

    let init = json(&werkbank(&db, &["init", "--json"]));
    assert_eq!(init["people"], 0);

    let dry = json(&werkbank(&db, &["staff", "import", file.to_str().unwrap(), "--dry-run", "--json"]));
    assert_eq!(dry["can_commit"], true);
    assert_eq!(dry["rows"].as_array().unwrap().len(), 4);
    assert_eq!(
        json(&werkbank(&db, &["fte", "--period", "2026/1", "--json"]))["total_heads"],
        0,
        "dry run stores nothing"
    );

    let result = json(&werkbank(&db, &["staff", "import", file.to_str().unwrap(), "--json"]));
    assert_eq!((result["people_created"].as_u64(), result["periods_created"].as_u64()), (Some(3), Some(4)));

    let fte = json(&werkbank(&db, &["fte", "--period", "2026/1", "--json"]));
    assert_eq!(fte["period"], "2026/1");
    assert_eq!(fte["start"], "2026-01-01");
    assert_eq!(fte["end"], "2026-03-31");
    assert_eq!(fte["categories"].as_array().unwrap().len(), 7, "every category present");
    let expect = [
        ("target_group_non_recognised", 1, "0.5111"),
        ("target_group_recognised", 1, "0.4889"),
        ("supervisor_recognised", 1, "0.5000"),
        ("article_60", 1, "0.2067"),
        ("work_care", 0, "0.0000"),
        ("other_staff", 0, "0.0000"),
        ("supervisor_non_recognised", 0, "0.0000"),
    ];
    for (id, heads, value) in expect {
        let c = category(&fte, id);
        assert_eq!((c["heads"].as_u64().unwrap(), c["fte"].as_str().unwrap()), (heads, value), "{id}");
    }
    assert_eq!(fte["total_heads"], 3);

    // Q2: Peeters recognised all quarter, Claes half time, Öztürk gone.
    let q2 = json(&werkbank(&db, &["fte", "--period", "2026/2", "--json"]));
    assert_eq!(category(&q2, "target_group_recognised")["fte"], "1.0000");
    assert_eq!(category(&q2, "article_60")["heads"], 0);

    // Importing the same file again is refused as a whole: nothing is added twice.
    let again = werkbank(&db, &["staff", "import", file.to_str().unwrap()]);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("Er werd niets ingelezen"), "{stderr}");
    assert!(stderr.contains("Rij 2"), "{stderr}");
    let list = json(&werkbank(&db, &["staff", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 3);
}

#[test]
fn a_file_with_errors_stores_nothing_and_names_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let file = dir.path().join("personeel.csv");
    std::fs::write(
        &file,
        "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n\
         93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;;38;38\n\
         12345678901;Janssens;Jan;01/01/1980;stagiair;31/02/2026;;38;38\n",
    )
    .unwrap();
    let out = werkbank(&db, &["staff", "import", file.to_str().unwrap(), "--json"]);
    assert!(!out.status.success());
    let err: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["error"]["code"], "import.has_issues");
    let issues = err["error"]["details"]["issues"].as_array().unwrap();
    let at: Vec<(u64, &str)> =
        issues.iter().map(|i| (i["row"].as_u64().unwrap(), i["column"].as_str().unwrap())).collect();
    assert!(at.contains(&(3, "insz")), "{at:?}");
    assert!(at.contains(&(3, "category")), "{at:?}");
    assert!(at.contains(&(3, "start")), "{at:?}");
    assert!(issues.iter().all(|i| !i["message"].as_str().unwrap().is_empty()));
    let list = json(&werkbank(&db, &["staff", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 0, "the valid first row was not stored either");

    // Text mode: a Dutch message on stderr, exit code 1.
    let out = werkbank(&db, &["staff", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Rij 3, kolom INSZ"), "{stderr}");
}

#[test]
fn bad_period_and_missing_file_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let out = werkbank(&db, &["fte", "--period", "2026/5"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen geldige periode"));
    let out = werkbank(&db, &["staff", "import", dir.path().join("nope.xlsx").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat niet"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn demo_and_staff_list_on_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let demo = json(&werkbank(&db, &["demo", "--json"]));
    assert_eq!(demo["people"], 40);
    let all = json(&werkbank(&db, &["staff", "list", "--json"]));
    let on = json(&werkbank(&db, &["staff", "list", "--on", "01/01/2019", "--json"]));
    assert_eq!(all.as_array().unwrap().len(), 40);
    let early = on.as_array().unwrap();
    assert!(!early.is_empty() && early.len() < 40, "{}", early.len());
    assert!(early.iter().all(|r| r["start"].as_str().unwrap() <= "2019-01-01"));
    let again = werkbank(&db, &["demo"]);
    assert!(!again.status.success(), "demo refuses a non-empty register");
}

/// Ratios of the demo workplace, eligibility of an imported person (facts unknown), and
/// problems, through the CLI.
#[test]
fn ratios_eligibility_and_problems() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let file = dir.path().join("personeel.csv");
    let csv = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n\
               93051822361;Werker;An;18/05/1993;doelgroep erkend;01/01/2025;;38;38\n";
    std::fs::write(&file, csv).unwrap();
    json(&werkbank(&db, &["staff", "import", file.to_str().unwrap(), "--json"]));

    // Without an organisation there are no work forms to compute ratios for.
    let r = json(&werkbank(&db, &["ratios", "--period", "2026/1", "--json"]));
    assert_eq!(r["work_forms"].as_array().unwrap().len(), 0);

    let demo_db = dir.path().join("demo.sqlite");
    json(&werkbank(&demo_db, &["demo", "--json"]));
    let r = json(&werkbank(&demo_db, &["ratios", "--period", "2026/1", "--json"]));
    assert_eq!(r["period"], "2026/1");
    let sw = &r["work_forms"][0];
    // The demo workshop has been a maatwerk company since 1/1/2019; in 2018 it was a social workshop.
    assert_eq!(sw["work_form"]["kind"], "maatwerk");
    assert_eq!(sw["work_form"]["earlier_kinds"][0]["kind"], "social_workshop");
    assert_eq!(sw["work_form"]["earlier_kinds"][0]["last_day"], "31/12/2018");
    let then = json(&werkbank(&demo_db, &["ratios", "--period", "2018/4", "--json"]));
    assert_eq!(then["work_forms"][0]["work_form"]["kind"], "social_workshop");
    for key in
        ["target_fte", "recognised_ratio", "worked_ratio", "allowed_supervisor_fte", "subsidisable_supervisor_fte"]
    {
        assert!(sw[key].is_string(), "{key}: {}", sw[key]);
    }
    assert!(sw["supervisor_fte"].as_array().unwrap().iter().all(|c| c["fte"].is_string()));
    assert_eq!(sw["contingent"]["year_to_date_target"]["allocated"], "16.0000");
    let norm = sw["parameters"].as_array().unwrap().iter().find(|p| p["key"] == "norm").unwrap();
    assert_eq!((norm["value"].as_str(), norm["effective_from"].as_str()), (Some("5"), Some("1998-01-01")));
    let text = werkbank(&demo_db, &["ratios", "--period", "2026/1"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Erkende verhouding") && text.contains("sinds 01/01/1998"), "{text}");

    let e = json(&werkbank(
        &db,
        &["eligibility", "93.05.18-223.61", "--category", "target_group_recognised", "--on", "01/01/2025", "--json"],
    ));
    assert_eq!(e["overall"], "unknown", "imported people have no facts yet: unknown, never failed");
    assert_eq!(e["criteria"].as_array().unwrap().len(), 5);
    let out =
        werkbank(&db, &["eligibility", "12345678901", "--category", "target_group_recognised", "--on", "01/01/2025"]);
    assert_eq!(out.status.code(), Some(1));

    let p = json(&werkbank(&demo_db, &["problems", "--period", "2026/4", "--json"]));
    let problems = p["problems"].as_array().unwrap();
    assert!(problems.iter().any(|p| p["code"] == "problem.contingent_under_used"), "{problems:?}");
    assert!(problems.iter().all(|p| p["message"].as_str().is_some_and(|m| !m.is_empty())));
}

/// Payroll through the CLI: dry run, wage codes, import, refused re-import, undo.
#[test]
fn payroll_import_batches_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    json(&werkbank(&db, &["demo", "--json"]));
    // Aerts (74.07.01-313.96) is in the demo register, full time in October 2025, a month
    // the demo's own payroll (2026/1) does not cover.
    let file = dir.path().join("loon.csv");
    std::fs::write(
        &file,
        "Werknemersnummer;INSZ;Naam;Periode;Looncode;Omschrijving;Aantal;Eenheid;Bedrag\n\
         101;74.07.01-313.96;Aerts Rachid;10/2025;1010;Gewerkte uren;168,29;u;\n\
         101;74070131396;Aerts Rachid;10/2025;2000;Brutoloon;;;2.345,67\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let dry = json(&werkbank(&db, &["payroll", "import", path, "--dry-run", "--json"]));
    assert_eq!((dry["lines_read"].as_u64(), dry["can_commit"].as_bool()), (Some(2), Some(true)));
    // Only the demo's own payroll batch (2026/1, for the claims) is stored.
    assert_eq!(json(&werkbank(&db, &["payroll", "batches", "--json"])).as_array().unwrap().len(), 1);

    let codes = json(&werkbank(&db, &["payroll", "codes", "--set", "1010=worked_hours", "--json"]));
    assert_eq!(codes[0]["meaning"], "worked_hours");
    let done = json(&werkbank(&db, &["payroll", "import", path, "--json"]));
    assert_eq!(done["lines_imported"], 2);
    let batch = done["batch_id"].as_i64().unwrap().to_string();

    let r = json(&werkbank(&db, &["payroll", "reconcile", "--period", "2025-10", "--json"]));
    let aerts = r["rows"].as_array().unwrap().iter().find(|x| x["name"] == "Aerts, Rachid").unwrap();
    assert_eq!((aerts["paid_hours"].as_i64(), aerts["payroll_fte"].as_str()), (Some(16829), Some("1.0000")));
    assert_eq!(r["unmapped_codes"], serde_json::json!(["2000"]));
    // The file covers October and only Aerts: the other people employed in January are
    // listed apart, as information, not as rows with a difference.
    assert_eq!(r["covered_months"], serde_json::json!(["2025-10"]));
    assert_eq!(r["rows"].as_array().unwrap().len(), 1);
    let others = r["not_in_payroll"].as_array().unwrap();
    assert!(!others.is_empty() && others.iter().all(|n| n["name"] != "Aerts, Rachid"));
    let text = werkbank(&db, &["payroll", "reconcile", "--period", "2025/4"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Gedekt door loonbestanden (1): 10/2025."), "{text}");
    assert!(text.contains("Niet gedekt, dus niet vergeleken: 11/2025, 12/2025."), "{text}");
    assert!(text.contains(&format!("Niet in de loonbestanden ({})", others.len())), "{text}");

    let again = werkbank(&db, &["payroll", "import", path]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("al ingelezen"));

    let undone = json(&werkbank(&db, &["payroll", "undo", &batch, "--json"]));
    assert!(undone["undone_at"].is_string());
    let r = json(&werkbank(&db, &["payroll", "reconcile", "--period", "2025-10", "--json"]));
    assert!(r["rows"].as_array().unwrap().iter().all(|x| x["paid_hours"] == 0));
    assert_eq!(json(&werkbank(&db, &["payroll", "import", path, "--json"]))["lines_imported"], 2, "allowed after undo");
}

/// Saved column mappings through the CLI: list, rename, delete, with Dutch text and JSON.
#[test]
fn payroll_mappings_list_rename_delete() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    json(&werkbank(&db, &["demo", "--json"]));
    let out = werkbank(&db, &["payroll", "mappings"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nog geen kolomtoewijzingen"));
    let file = dir.path().join("loon.csv");
    std::fs::write(&file, "INSZ;Periode;Looncode;Aantal\n74.07.01-313.96;01/2026;1010;168,29\n").unwrap();
    let path = file.to_str().unwrap();
    let done = json(&werkbank(&db, &["payroll", "import", path, "--save-mapping", "SD Worx", "--json"]));
    assert_eq!(done["profile"], "SD Worx");

    let list = json(&werkbank(&db, &["payroll", "mappings", "--json"]));
    assert_eq!(list[0]["name"], "SD Worx");
    assert_eq!(list[0]["fields"], serde_json::json!(["insz", "period", "wage_code", "quantity"]));
    let out = werkbank(&db, &["payroll", "mappings", "--rename", "SD Worx", "SD Worx Gent"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.contains("Kolomtoewijzing \"SD Worx\" heet nu \"SD Worx Gent\"."), "{text}");
    assert!(text.contains("SD Worx Gent") && text.contains("INSZ, Periode, Looncode, Aantal"), "{text}");

    let missing = werkbank(&db, &["payroll", "mappings", "--delete", "SD Worx"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("geen opgeslagen kolomtoewijzing"));
    let list = json(&werkbank(&db, &["payroll", "mappings", "--delete", "SD Worx Gent", "--json"]));
    assert_eq!(list, serde_json::json!([]));
}

/// `werkbank` with "today" pinned (the waitlist's wait times and the agenda depend on it).
fn werkbank_on(db: &Path, today: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_werkbank"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("WERKBANK_DB")
        .env("WERKBANK_TODAY", today)
        .output()
        .expect("run werkbank")
}

#[test]
fn waitlist_add_list_status_stats_and_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let today = "2026-11-29";
    let run = |args: &[&str]| werkbank_on(&db, today, args);
    assert!(run(&["demo"]).status.success());

    let add = [
        "waitlist",
        "add",
        "--last-name",
        "Verbruggen",
        "--first-name",
        "Lotte",
        "--referrer",
        "vdab",
        "--referral-date",
        "01/11/2026",
        "--category",
        "target_group_recognised",
        "--insz",
        "93.05.18-223.61",
        "--attest",
        "target_group_attest",
        "--attest-valid-until",
        "10/12/2026",
        "--json",
    ];
    let c = json(&run(&add));
    let id = c["candidate"]["id"].as_i64().unwrap();
    assert_eq!(c["candidate"]["status"], "waiting");
    assert_eq!(c["candidate"]["person"]["insz"], "93.05.18-223.61");
    // 1 November 2026 comes after the demo's 8 open candidates referred before it and
    // before Stevens (8 November) and Yilmaz (23 November): place 9.
    assert_eq!(c["candidate"]["rank"], 9);
    // 10 December is within 29 November + 30 days.
    assert_eq!(c["candidate"]["attest_alert"], true);
    assert_eq!(c["candidate"]["waiting_days"], 28);

    // A wrong INSZ is refused, nothing is stored.
    let mut bad = add;
    bad[13] = "93.05.18-223.62";
    let out = run(&bad);
    assert!(!out.status.success());
    let e: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "insz.checksum");

    let s = json(&run(&[
        "waitlist",
        "status",
        &id.to_string(),
        "invited",
        "--on",
        "15/11/2026",
        "--reason",
        "brief",
        "--json",
    ]));
    assert_eq!(s["candidate"]["status"], "invited");
    assert_eq!(s["history"].as_array().unwrap().len(), 2);
    assert_eq!(s["history"][1]["reason"], "brief");
    // Hiring is not a status change; waiting → intake skips a step (refused, in Dutch).
    let out = run(&["waitlist", "status", &id.to_string(), "hired", "--json"]);
    assert!(!out.status.success());
    let e: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["error"]["code"], "candidate.hire_through_hire");
    let out = run(&["waitlist", "status", "1", "intake"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("kan niet naar \"Intake\""));

    let list = run(&["waitlist", "list"]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(text.contains("Volgorde: datum van doorverwijzing"), "{text}");
    assert!(text.contains("Verbruggen, Lotte"), "{text}");
    let all = json(&run(&["waitlist", "list", "--all", "--json"]));
    assert_eq!(all["candidates"].as_array().unwrap().len(), 14);

    // Work care in the demo on 29/11/2026: De Wilde 301 days, Ait Said 160, Goethals 95
    // (invited), Yilmaz 6 → sorted 6, 95, 160, 301: median (95 + 160) / 2 = 127,5; longest 301.
    let stats = json(&run(&["waitlist", "stats", "--json"]));
    let wc = stats["work_forms"].as_array().unwrap().iter().find(|w| w["work_form"]["kind"] == "work_care").unwrap();
    assert_eq!((wc["open"].as_u64(), wc["waiting"].as_u64(), wc["invited"].as_u64()), (Some(4), Some(3), Some(1)));
    assert_eq!(wc["median_days"], "127.5");
    assert_eq!(wc["longest_days"], 301);
    assert_eq!(wc["months"].as_array().unwrap().len(), 12);
    let expired: Vec<&serde_json::Value> =
        wc["attest_alerts"].as_array().unwrap().iter().filter(|a| a["expired"] == true).collect();
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0]["valid_until"], "2026-11-24");

    let agenda = json(&run(&["agenda", "--until", "31/12/2026", "--json"]));
    assert_eq!(agenda["until"], "2026-12-31");
    let items = agenda["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for i in items {
        let due = i["due"].as_str().unwrap();
        match i["status"].as_str().unwrap() {
            "overdue" => assert!(due < today),
            "due" => assert!((today..="2026-12-31").contains(&due)),
            "done" => assert!(i["held_date"].as_str().unwrap() >= "2026-08-31"),
            other => panic!("status {other}"),
        }
    }
    let text = run(&["agenda"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Agenda tot 29/12/2026"));
}

fn line<'a>(claim: &'a serde_json::Value, stream: &str, label: &str) -> &'a serde_json::Value {
    claim["result"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["stream"] == stream && l["label"] == label)
        .unwrap_or_else(|| panic!("{stream} {label}"))
}

/// Claims through the CLI on the demo workplace: a 2026/1 claim under the maatwerk
/// template, issued, corrected by an amendment, checked against a settlement; the rule
/// file round trip; and a 2018/4 claim under the sociale-werkplaats template for two
/// people imported with 2018 periods.
#[test]
fn claims_compute_issue_amend_settle() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    json(&werkbank(&db, &["demo", "--json"]));
    let sets = json(&werkbank(&db, &["rules", "list", "--json"]));
    assert_eq!(sets.as_array().unwrap().len(), 2, "the demo installs both templates");

    // Peeters Jan: recognised, full time, 40 %. Demo payroll per month: gross 2 300,
    // contributions 575, reduction 120. Referteloon 3 × 2 755 = 8 265 < cap
    // 2 × 2 029,88 × 3 = 12 179,28. Premium 40 % × 8 265 = 3 306,00.
    let claim = json(&werkbank(&db, &["claim", "compute", "--work-form", "1", "--period", "2026/1", "--json"]));
    assert_eq!(claim["rule_set_code"], "maatwerk_2019");
    assert_eq!(claim["work_form_kind"], "maatwerk", "the demo workshop is a maatwerk company since 2019");
    assert_eq!(claim["result"]["complete"], true, "{}", claim["result"]["problems"]);
    let peeters = line(&claim, "S5", "Peeters, Jan");
    assert_eq!((peeters["amount"].as_str(), peeters["reference_wage"].as_str()), (Some("3306.00"), Some("8265.00")));
    let id = claim["id"].as_i64().unwrap().to_string();
    let text = werkbank(&db, &["claim", "show", &id]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Peeters, Jan") && text.contains("3.306,00"), "{text}");
    // Every value used, with the days of the quarter it covered (GGMMI 2 029,88 all quarter).
    assert!(text.contains("S5 Referentiebedrag per maand (GGMMI) = 2.029,88, van 01/01/2026 tot 31/03/2026"), "{text}");

    // The demo's values are not confirmed: issuing asks the signer to declare them checked.
    let sign = ["claim", "issue", &id, "--signer", "Marc Directeur", "--function", "directeur"];
    let refused = werkbank(&db, &sign);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("nog niet bevestigd"), "{refused:?}");
    let issued = json(&werkbank(&db, &[&sign[..], &["--checked-unconfirmed", "--json"]].concat()));
    assert_eq!(issued["status"], "issued");
    // The frozen snapshot its documents are built from: versioned, with the masked INSZ only.
    let snapshot = json(&werkbank(&db, &["claim", "snapshot", &id]));
    assert_eq!(snapshot["snapshot_version"], 1);
    assert_eq!(snapshot["result"]["total"], issued["result"]["total"]);
    assert_eq!(snapshot["document"]["organisation"]["name"], "De Werkbank vzw");
    let raw = snapshot.to_string();
    assert!(raw.contains("**.**.**-***."), "masked INSZ in the snapshot");
    let staff = json(&werkbank(&db, &["staff", "list", "--json"]));
    for insz in staff.as_array().unwrap().iter().filter_map(|p| p["insz"].as_str()) {
        let digits: String = insz.chars().filter(char::is_ascii_digit).collect();
        assert!(!raw.contains(insz) && !raw.contains(&digits), "an INSZ in full in the snapshot");
    }
    let again = werkbank(&db, &["claim", "compute", "--work-form", "1", "--period", "2026/1"]);
    assert_eq!(again.status.code(), Some(1), "an issued quarter is corrected by an amendment");

    // Peeters gets 45 % from 1 January 2026: 45 % × 8 265 = 3 719,25, +413,25.
    let person = json(&werkbank(&db, &["staff", "list", "--search", "Peeters", "--json"]))[0]["id"].to_string();
    json(&werkbank(&db, &["attribute", "set", &person, "wage_percentage", "45", "--from", "01/01/2026", "--json"]));
    let amended = json(&werkbank(&db, &["claim", "amend", &id, "--json"]));
    assert_eq!(amended["amends_id"].as_i64().unwrap().to_string(), id);
    // A draft has no frozen snapshot: said in Dutch, exit code 1.
    let none = werkbank(&db, &["claim", "snapshot", &amended["id"].to_string()]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("geen bevroren momentopname"), "{none:?}");
    let diff = amended["differences"].as_array().unwrap();
    assert_eq!(diff.len(), 1, "{diff:?}");
    assert_eq!((diff[0]["label"].as_str(), diff[0]["difference"].as_str()), (Some("Peeters, Jan"), Some("413.25")));

    // The department settled the wage premium 100 € lower than claimed.
    // (in cents, exactly: money is never a float)
    let claimed = issued["result"]["streams"][0]["amount"].as_str().unwrap();
    let (euros, cents) = claimed.split_once('.').unwrap();
    let cents: i64 = euros.parse::<i64>().unwrap() * 100 + cents.parse::<i64>().unwrap() - 10_000;
    let settled = format!("{}.{:02}", cents / 100, cents % 100);
    let s = json(&werkbank(&db, &["claim", "settle", &id, "--stream", "S5", "--amount", &settled, "--json"]));
    assert_eq!(s["settlements"][0]["difference"], "-100.00");
    let list = json(&werkbank(&db, &["claim", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 2);
    // The list in words: the work form's name, the status, and no total for a draft that is
    // still incomplete (2026/4 has no payroll yet).
    let late = json(&werkbank(&db, &["claim", "compute", "--work-form", "1", "--period", "2026/4", "--json"]));
    assert_eq!(late["result"]["complete"], false);
    let text = werkbank(&db, &["claim", "list"]);
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    let row = text.lines().find(|l| l.contains("2026/4")).unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("Maatwerkbedrijf") && row.contains("onvolledig") && !row.contains(','), "{row}");
    assert!(!text.contains("social_workshop") && !text.contains("maatwerk "), "{text}");
    // The issued claim's frozen PDF, and the amendment's draft rendered now ("ontwerp").
    let issued_pdf = dir.path().join("afrekening.pdf");
    let out = json(&werkbank(&db, &["claim", "pdf", &id, "--out", issued_pdf.to_str().unwrap(), "--json"]));
    let bytes = std::fs::read(&issued_pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && out["bytes"].as_u64() == Some(bytes.len() as u64));
    // The file written from the CLI is audited as in the app: format and purpose, no path.
    let claim_id: i64 = id.parse().unwrap();
    let trail = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let api = werkbank_api::Api::open(&db).await.unwrap();
        let trail = api.audit_trail(Some(("claim", claim_id))).await.unwrap();
        api.close().await;
        trail
    });
    let export = trail.iter().find(|e| e.action == "export").expect("an export audit entry");
    assert_eq!(
        (&export.details["format"], &export.details["purpose"]),
        (&serde_json::json!("pdf"), &serde_json::json!("save"))
    );
    assert!(!export.details.to_string().contains("afrekening.pdf"), "no path in the audit");
    let draft_pdf = dir.path().join("correctie.pdf");
    let amended_id = amended["id"].to_string();
    let text = werkbank(&db, &["claim", "pdf", &amended_id, "--out", draft_pdf.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("PDF geschreven"), "{text:?}");
    assert!(std::fs::read(&draft_pdf).unwrap().starts_with(b"%PDF-"));
    // A prestatiestaat for an article 60 worker of the demo.
    let staff = json(&werkbank(&db, &["staff", "list", "--json"]));
    let a60 = staff.as_array().unwrap().iter().find(|r| r["category"] == "article_60").unwrap()["id"].to_string();
    let presta = dir.path().join("prestatiestaat.pdf");
    let args = ["claim", "prestatiestaat", "--person", &a60, "--month", "2026-01", "--out", presta.to_str().unwrap()];
    assert_eq!(werkbank(&db, &args).status.code(), Some(0));
    assert!(std::fs::read(&presta).unwrap().starts_with(b"%PDF-"));
    let bad = ["claim", "prestatiestaat", "--person", &a60, "--month", "januari", "--out", presta.to_str().unwrap()];
    let bad = werkbank(&db, &bad);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("geen maand"), "{bad:?}");

    // Rule file round trip: exported, imported unchanged: no new version.
    let file = dir.path().join("regels.json");
    json(&werkbank(&db, &["rules", "export", file.to_str().unwrap(), "--json"]));
    let imported = json(&werkbank(&db, &["rules", "import", file.to_str().unwrap(), "--json"]));
    assert!(imported.as_array().unwrap().iter().all(|r| r["version"] == 1));
    // A confirmed value gets a new version.
    let set = json(&werkbank(
        &db,
        &[
            "rules",
            "set",
            "--rule-set",
            "maatwerk_2019",
            "--stream",
            "S5",
            "--parameter",
            "cap_factor",
            "--from",
            "01/01/2019",
            "--value",
            "2",
            "--source",
            "vdab.be referteloon",
            "--confirmed",
            "--json",
        ],
    ));
    assert_eq!(set["version"], 2);

    // 2018/4 under the SW template: a recognised worker since 01/07/2017 (year 2 from
    // 01/07/2018: step 2 = 60 % in the demo) and a full-time recognised supervisor join the
    // demo's four 2017 hires (3,8 FTE) and its 2017 supervisor.
    // S1: 60 % × 1 593,81 × 3 = 2 868,858 → 2 868,86.
    // S2: target 3,8 + 1 = 4,8 FTE ÷ 5 = 0,96 allowed, min(2 supervisors, 0,96) = 0,96
    // (no contingent before 2019) × 38 000 ÷ 4 = 9 120,00.
    let staff = dir.path().join("personeel-2018.csv");
    std::fs::write(
        &staff,
        "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n\
         93051822361;Vroeger;An;18/05/1993;doelgroep erkend;01/07/2017;31/12/2018;38;38\n\
         85073003328;Eerder;Els;30/07/1985;begeleider erkend;01/01/2018;31/12/2018;38;38\n",
    )
    .unwrap();
    json(&werkbank(&db, &["staff", "import", staff.to_str().unwrap(), "--json"]));
    let an = json(&werkbank(&db, &["staff", "list", "--search", "Vroeger", "--json"]))[0]["id"].to_string();
    json(&werkbank(&db, &["attribute", "set", &an, "seniority_start", "--from", "01/07/2017", "--json"]));
    let sw = json(&werkbank(&db, &["claim", "compute", "--work-form", "1", "--period", "2018/4", "--json"]));
    assert_eq!(sw["rule_set_code"], "sw_1998");
    assert_eq!(sw["work_form_kind"], "social_workshop", "work form 1 was a social workshop in 2018");
    let s1 = line(&sw, "S1", "Vroeger, An");
    assert_eq!((s1["amount"].as_str(), s1["seniority_index"].as_u64()), (Some("2868.86"), Some(2)));
    let s2 = sw["result"]["lines"].as_array().unwrap().iter().find(|l| l["stream"] == "S2").unwrap();
    assert_eq!((s2["amount"].as_str(), s2["fte"].as_str()), (Some("9120.00"), Some("0.96")));
}

/// `werkbank claim export ID --out FILE.xlsx`: the lines as a workbook (read back in
/// werkbank-api's tests/claim_export.rs); a folder that does not exist is explained.
#[test]
fn claim_export_writes_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    json(&werkbank(&db, &["demo", "--json"]));
    let claim = json(&werkbank(&db, &["claim", "compute", "--work-form", "1", "--period", "2026/1", "--json"]));
    let id = claim["id"].to_string();
    let lines = claim["result"]["lines"].as_array().unwrap().len();
    let file = dir.path().join("afrekening.xlsx");
    let out = json(&werkbank(&db, &["claim", "export", &id, "--out", file.to_str().unwrap(), "--json"]));
    assert_eq!(out["lines"].as_u64(), Some(lines as u64));
    assert_eq!(out["path"], file.to_str().unwrap());
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip package");
    assert_eq!(out["bytes"].as_u64(), Some(bytes.len() as u64));
    let text = werkbank(&db, &["claim", "export", &id, "--out", file.to_str().unwrap()]);
    assert!(text.status.success());
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).trim(),
        format!("{lines} lijnen geschreven naar {}.", file.display())
    );
    let bad = dir.path().join("geen-map").join("a.xlsx");
    let failed = werkbank(&db, &["claim", "export", &id, "--out", bad.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("kon niet geschreven worden"));
}

/// A workplace set up and run for a quarter from an empty database with commands only:
/// organisation, two work forms (one a former social workshop), ratio parameters, a staff
/// register, payroll, a hire from the waitlist and its intake meeting; then the ratios and
/// a claim line, computed by hand in the comments.
#[test]
fn a_workplace_from_an_empty_database_with_commands_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let run = |args: &[&str]| json(&werkbank_on(&db, "2026-04-15", &[args, &["--json"]].concat()));
    let fails = |args: &[&str]| {
        let out = werkbank_on(&db, "2026-04-15", args);
        assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
        String::from_utf8_lossy(&out.stderr).to_string()
    };

    // Nothing yet: the organisation is missing and says how to make it.
    assert!(fails(&["organisation", "show"]).contains("organisation set --name"));
    // The KBO and IBAN are checked as in the app; nothing is stored on a refusal.
    assert!(fails(&["organisation", "set", "--name", "Groen Werk vzw", "--kbo", "0403.019.262"])
        .contains("ondernemingsnummer"));
    assert!(fails(&["organisation", "show"]).contains("organisation set"));
    let org = run(&[
        "organisation",
        "set",
        "--name",
        "Groen Werk vzw",
        "--kbo",
        "0403.019.261",
        "--street",
        "Dok Noord 1",
        "--postal-code",
        "9000",
        "--city",
        "Gent",
        "--legal-form",
        "vzw",
        "--rsz",
        "123456789",
        "--iban",
        "BE71 0961 2345 6769",
        "--signing-place",
        "Gent",
    ]);
    assert_eq!((org["name"].as_str(), org["kbo"].as_str()), (Some("Groen Werk vzw"), Some("0403.019.261")));
    assert_eq!(org["iban"], "BE71 0961 2345 6769");
    // Only the options given change.
    let org = run(&["organisation", "set", "--city", "Gent-Dok"]);
    assert_eq!((org["name"].as_str(), org["city"].as_str()), (Some("Groen Werk vzw"), Some("Gent-Dok")));

    // Two work forms: a maatwerk company that was a social workshop until 31/12/2018, and work care.
    let forms = run(&[
        "work-form",
        "add",
        "--kind",
        "maatwerk",
        "--recognition-number",
        "MW/2019/0001",
        "--earlier",
        "social_workshop:31/12/2018",
    ]);
    let mw = forms[0]["id"].as_i64().unwrap().to_string();
    assert_eq!(forms[0]["earlier_kinds"][0]["last_day"], "31/12/2018");
    let forms = run(&["work-form", "add", "--kind", "work_care"]);
    assert_eq!(forms.as_array().unwrap().len(), 2);
    assert!(fails(&["work-form", "add", "--kind", "bakery"]).contains("bakery"));
    // A "change" to the same kind is refused with the day, in Dutch.
    let same = fails(&["work-form", "set", &mw, "--earlier", "maatwerk:31/12/2018"]);
    assert!(same.contains("tot en met 31/12/2018 is dezelfde"), "{same}");

    // The maatwerk form's parameters: the defaults of its kinds, then the recognition decision's.
    let sets = run(&["parameter", "list", "--work-form", &mw]);
    let keys: Vec<&str> = sets[0]["values"].as_array().unwrap().iter().map(|v| v["key"].as_str().unwrap()).collect();
    assert!(keys.contains(&"norm") && keys.contains(&"yearly_minimum_fte"), "{keys:?}");
    // The maatwerk defaults from 1/1/2019 do not repeat a value already in force since 1998.
    assert_eq!(keys.iter().filter(|k| **k == "target_categories").count(), 1, "{keys:?}");
    for (key, value) in [("contingent_target_fte", "4"), ("contingent_supervisor_fte", "1")] {
        run(&[
            "parameter",
            "set",
            "--work-form",
            &mw,
            key,
            value,
            "--from",
            "01/01/2026",
            "--source",
            "Beslissing 2026",
        ]);
    }
    let bad = fails(&["parameter", "set", "--work-form", &mw, "norm", "vijf", "--from", "01/01/2026"]);
    assert!(bad.starts_with("Fout:"), "{bad}");

    // The register: three recognised workers full time, one half time, one supervisor.
    let staff = dir.path().join("personeel.csv");
    std::fs::write(
        &staff,
        "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n\
         93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2025;;38;38\n\
         85010112387;Janssens;Luc;01/01/1985;doelgroep erkend;01/01/2025;;38;38\n\
         88020245685;Maes;Els;02/02/1988;doelgroep erkend;01/01/2025;;38;38\n\
         90030378962;Claes;Tom;03/03/1990;doelgroep erkend;01/01/2025;;19;38\n\
         75040432195;Wouters;Mia;04/04/1975;begeleider erkend;01/01/2025;;38;38\n",
    )
    .unwrap();
    let imported = run(&["staff", "import", staff.to_str().unwrap()]);
    assert_eq!((imported["people_created"].as_u64(), imported["periods_created"].as_u64()), (Some(5), Some(5)));

    // Correct a period from the command line: Claes works 22,8 hours, then back to 19.
    let people = run(&["staff", "list", "--search", "Claes"]);
    let claes = people[0]["id"].as_i64().unwrap().to_string();
    let detail = run(&["person", "show", &claes]);
    let period = detail["periods"][0]["id"].as_i64().unwrap().to_string();
    let changed = run(&["period", "set", &period, "--q", "22,8"]);
    assert_eq!(changed["periods"][0]["fraction"], "0.6000"); // 22,8 ÷ 38
    assert_eq!(changed["periods"][0]["start"], "2025-01-01", "the other fields stay");
    run(&["period", "set", &period, "--q", "19"]);
    let renamed = run(&["person", "set", &claes, "--first-name", "Tomas"]);
    assert_eq!(
        (renamed["person"]["first_name"].as_str(), renamed["person"]["last_name"].as_str()),
        (Some("Tomas"), Some("Claes"))
    );

    // 2026/1 (90 days): target FTE 1 + 1 + 1 + 0,5 = 3,5; supervision 1,0 FTE;
    // recognised ratio 3,5 ÷ 1,0 = 3,5; allowed 3,5 ÷ 5 = 0,7; subsidisable min(1,0; 0,7) = 0,7.
    let r = run(&["ratios", "--period", "2026/1"]);
    let f = &r["work_forms"][0];
    assert_eq!(f["work_form"]["kind"], "maatwerk");
    assert_eq!(f["target_fte"], "3.5000");
    assert_eq!(f["recognised_ratio"], "3.5000");
    assert_eq!(f["allowed_supervisor_fte"], "0.7000");
    assert_eq!(f["subsidisable_supervisor_fte"], "0.7000");
    assert_eq!(f["contingent"]["year_to_date_target"]["allocated"], "4.0000");

    // A candidate referred on 5 January, invited, in intake, hired on 1 April full time.
    let c = run(&[
        "waitlist",
        "add",
        "--last-name",
        "Vermeulen",
        "--first-name",
        "Sara",
        "--insz",
        "92050565496",
        "--referrer",
        "vdab",
        "--referral-date",
        "05/01/2026",
        "--category",
        "target_group_recognised",
    ]);
    let candidate = c["candidate"]["id"].as_i64().unwrap().to_string();
    // A correction of the referral: only the options given change.
    let set = run(&["waitlist", "set", &candidate, "--priority", "high", "--counsellor", "Karel Bogaerts"]);
    assert_eq!(
        (set["candidate"]["priority"].as_str(), set["candidate"]["referrer"].as_str()),
        (Some("high"), Some("vdab"))
    );
    assert_eq!(set["candidate"]["counsellor_name"], "Karel Bogaerts");
    run(&["waitlist", "status", &candidate, "invited", "--on", "10/01/2026"]);
    run(&["waitlist", "status", &candidate, "intake", "--on", "15/01/2026"]);
    let hired = run(&["waitlist", "hire", &candidate, "--on", "01/04/2026", "--q", "38", "--s", "38"]);
    assert_eq!(hired["candidate"]["candidate"]["status"], "hired");
    assert_eq!(hired["person"]["periods"][0]["start"], "2026-04-01");
    assert_eq!(hired["agenda"][0]["kind"], "intake");
    let sara = hired["person"]["person"]["id"].as_i64().unwrap().to_string();
    // Its intake meeting, held on 3 April.
    let path =
        run(&["meeting", "record", &sara, "--kind", "intake", "--held", "03/04/2026", "--outcome", "Kennismaking"]);
    let intake = &path["employments"][0]["meetings"][0];
    assert_eq!((intake["kind"].as_str(), intake["status"].as_str()), (Some("intake"), Some("done")));
    assert!(fails(&["meeting", "record", &sara, "--kind", "intake", "--held", "01/05/2026", "--outcome", "x"])
        .starts_with("Fout:"));

    // The candidacy's history, the guidance plan, the planning settings, the turnover.
    let shown = run(&["waitlist", "show", &candidate]);
    let statuses: Vec<&str> =
        shown["history"].as_array().unwrap().iter().map(|h| h["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["waiting", "invited", "intake", "hired"]);
    let plan = run(&[
        "path",
        "plan",
        &sara,
        "--agreed-on",
        "10/04/2026",
        "--counsellor",
        "Karel",
        "--agreements",
        "Rijbewijs",
        "--task",
        "Lessen volgen=Sara",
        "--revision",
        "10/10/2026",
    ]);
    let ibp = &plan["employments"][0]["plan"];
    assert_eq!(
        (ibp["agreed_on"].as_str(), ibp["tasks"][0]["responsible"].as_str()),
        (Some("2026-04-10"), Some("Sara"))
    );
    let before = run(&["path", "settings"]);
    let after = run(&["path", "settings", "--intake-days", "10"]);
    assert_eq!(after["intake_days"], 10);
    assert_eq!(after["plan_months"], before["plan_months"], "only the option given changes");
    let turnover = run(&["path", "turnover"]);
    let y2026 = turnover["years"].as_array().unwrap().iter().find(|y| y["year"] == 2026).unwrap();
    assert_eq!((y2026["hires"].as_u64(), y2026["leavers"].as_u64()), (Some(1), Some(0)), "Sara hired in 2026");
    let mw_id: i64 = mw.parse().unwrap();
    let stats = run(&["waitlist", "places", "--work-form", &mw, "3"]);
    let form = stats["work_forms"].as_array().unwrap().iter().find(|w| w["work_form"]["id"] == mw_id).unwrap();
    assert_eq!(form["free_places"]["open_places"], 3);

    // 2026/2: Sara adds 1 FTE from its first day: target 4,5; allowed 4,5 ÷ 5 = 0,9.
    let r = run(&["ratios", "--period", "2026/2"]);
    assert_eq!(r["work_forms"][0]["target_fte"], "4.5000");
    assert_eq!(r["work_forms"][0]["allowed_supervisor_fte"], "0.9000");

    // Payroll of An Peeters for 2026/1 and its wage premium: per month gross 2 300,00 +
    // contributions 575,00 − reduction 120,00 = 2 755,00, under the cap 2 × 2 029,88 =
    // 4 059,76; the quarter 3 × 2 755,00 = 8 265,00; 40 % = 3 306,00.
    let pay = dir.path().join("loon.csv");
    let mut text = "INSZ;Naam;Periode;Looncode;Omschrijving;Bedrag\n".to_string();
    for m in ["01", "02", "03"] {
        text.push_str(&format!("93.05.18-223.61;Peeters An;{m}/2026;2000;Brutoloon;2.300,00\n"));
        text.push_str(&format!("93.05.18-223.61;Peeters An;{m}/2026;3000;Werkgeversbijdragen;575,00\n"));
        text.push_str(&format!("93.05.18-223.61;Peeters An;{m}/2026;4000;Doelgroepvermindering;-120,00\n"));
    }
    std::fs::write(&pay, text).unwrap();
    run(&["payroll", "codes", "--set", "9999=other"]);
    let set = ["--set", "2000=gross_wage", "--set", "3000=employer_contributions", "--set", "4000=reduction"];
    let codes = run(&[&["payroll", "codes"][..], &set, &["--delete", "9999"]].concat());
    assert_eq!(codes.as_array().unwrap().len(), 3, "9999 forgotten: {codes}");
    assert_eq!(run(&["payroll", "import", pay.to_str().unwrap()])["lines_imported"], 9);
    run(&["rules", "install", "maatwerk_2019"]);
    let an = run(&["staff", "list", "--search", "Peeters"])[0]["id"].as_i64().unwrap().to_string();
    run(&["attribute", "set", &an, "wage_percentage", "40", "--from", "01/01/2025"]);
    let claim = run(&["claim", "compute", "--work-form", &mw, "--period", "2026/1"]);
    assert_eq!(
        (claim["rule_set_code"].as_str(), claim["work_form_kind"].as_str()),
        (Some("maatwerk_2019"), Some("maatwerk"))
    );
    let peeters = line(&claim, "S5", "Peeters, An");
    assert_eq!((peeters["reference_wage"].as_str(), peeters["amount"].as_str()), (Some("8265.00"), Some("3306.00")));
}

/// A staff register whose headers are not recognised imports with a hand mapping of its
/// columns (letters or numbers from 1), as in the app's column-mapping step.
#[test]
fn a_staff_register_with_unknown_headers_imports_with_a_column_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let file = dir.path().join("register.csv");
    std::fs::write(
        &file,
        "Rijksregister;Achternaam;Roepnaam;Geboren;Statuut;Vanaf;Tot;Uren;Voltijds\n\
         93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2025;;19;38\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let refused = werkbank(&db, &["staff", "import", path]);
    assert_eq!(refused.status.code(), Some(1), "the headers are not recognised");
    let mut args = vec!["staff", "import", path, "--json"];
    for m in ["insz=A", "last_name=B", "first_name=C", "birth_date=D", "category=E", "start=F", "end=G", "q=H", "s=9"] {
        args.extend(["--map", m]);
    }
    let done = json(&werkbank(&db, &args));
    assert_eq!((done["people_created"].as_u64(), done["periods_created"].as_u64()), (Some(1), Some(1)));
    let staff = json(&werkbank(&db, &["staff", "list", "--json"]));
    // Q 19 of S 38 (column I, the ninth): half time.
    assert_eq!((staff[0]["last_name"].as_str(), staff[0]["fraction"].as_str()), (Some("Peeters"), Some("0.5000")));
    let bad = werkbank(&db, &["staff", "import", path, "--map", "insz=ZZZZ"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("insz=ZZZZ"));
}

/// Every list the app shows written as xlsx by its command's `--xlsx FILE`: owner-only,
/// one data row per item of the same command's JSON, and real content read back.
#[test]
fn every_list_is_written_as_xlsx() {
    use calamine::{open_workbook_auto, Data, Reader};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    json(&werkbank_on(&db, "2026-11-29", &["demo", "--json"]));
    json(&werkbank_on(&db, "2026-11-29", &["claim", "compute", "--work-form", "1", "--period", "2026/1", "--json"]));
    let lists: [(&str, &[&str], fn(&serde_json::Value) -> usize); 8] = [
        ("staff", &["staff", "list"], |v| v.as_array().unwrap().len()),
        ("fte", &["fte", "--period", "2026/1"], |v| v["categories"].as_array().unwrap().len()),
        ("ratios", &["ratios", "--period", "2026/1"], |v| v["work_forms"].as_array().unwrap().len()),
        ("problems", &["problems", "--period", "2026/1"], |v| v["problems"].as_array().unwrap().len()),
        ("waitlist", &["waitlist", "list"], |v| v["candidates"].as_array().unwrap().len()),
        ("agenda", &["agenda", "--until", "31/12/2026"], |v| v["items"].as_array().unwrap().len()),
        ("reconcile", &["payroll", "reconcile", "--period", "2026/1"], |v| v["rows"].as_array().unwrap().len()),
        ("claims", &["claim", "list"], |v| v.as_array().unwrap().len()),
    ];
    for (name, args, count) in lists {
        let listed = json(&werkbank_on(&db, "2026-11-29", &[args, &["--json"]].concat()));
        let file = dir.path().join(format!("{name}.xlsx"));
        let written =
            json(&werkbank_on(&db, "2026-11-29", &[args, &["--xlsx", file.to_str().unwrap(), "--json"]].concat()));
        assert_eq!(written["lines"].as_u64().unwrap() as usize, count(&listed), "{name}: a row per item");
        assert!(count(&listed) > 0, "{name}: the demo has items");
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600, "{name}: owner-only");
        let mut book = open_workbook_auto(&file).unwrap();
        let first = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&first).unwrap();
        assert_eq!(range.height(), count(&listed) + 1 + usize::from(name == "fte"), "{name}: header, rows (, total)");
        assert!(matches!(range.get((0, 0)), Some(Data::String(s)) if !s.is_empty()), "{name}: a header");
    }
    // The text form says where the rows went.
    let file = dir.path().join("personeel.xlsx");
    let out = werkbank_on(&db, "2026-11-29", &["staff", "list", "--xlsx", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("lijnen geschreven naar"), "{out:?}");
}

/// `--help` is Dutch, clap's own words included (headings, `-h`/`-V`, the `help`
/// subcommand, the usage line, defaults): the root, a command and a subcommand.
#[test]
fn help_is_dutch() {
    let help = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_werkbank"))
            .args(args)
            .env_remove("WERKBANK_DB")
            .env_remove("CLICOLOR_FORCE")
            .output()
            .expect("run werkbank");
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).expect("UTF-8 help")
    };
    let root = help(&["--help"]);
    let claim = help(&["claim", "--help"]);
    let issue = help(&["claim", "issue", "--help"]);
    for (name, text) in [("werkbank", &root), ("claim", &claim), ("claim issue", &issue)] {
        for dutch in [
            "Gebruik: werkbank",
            "[OPTIES]",
            "Opties:",
            "-h, --help",
            "Toon deze hulp",
            "--db <PAD>",
            "Databankbestand (standaard: $WERKBANK_DB",
            "--json",
            "Toon machineleesbare JSON in plaats van tekst",
        ] {
            assert!(text.contains(dutch), "{name}: no {dutch:?} in\n{text}");
        }
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "Print version",
            "Print this message",
            "[OPTIONS]",
            "<COMMAND>",
            "[default:",
        ] {
            assert!(!text.contains(english), "{name}: {english:?} in\n{text}");
        }
    }
    // The root: its commands, the version flag and the generated `help` subcommand.
    assert!(root.contains("Gebruik: werkbank [OPTIES] <OPDRACHT>\n\nOpdrachten:\n"), "{root}");
    assert!(root.contains("-V, --version") && root.contains("Toon de versie"), "{root}");
    assert!(root.contains("Toon deze hulp of die van de gegeven opdrachten"), "{root}");
    assert!(root.contains("Subsidieafrekeningen per kwartaal"), "{root}");
    // A command: its subcommands described in Dutch.
    assert!(claim.contains("Gebruik: werkbank claim [OPTIES] <OPDRACHT>\n\nOpdrachten:\n"), "{claim}");
    assert!(claim.contains("Reik een ontwerp uit: het wordt herberekend en bevroren"), "{claim}");
    assert!(!claim.contains("-V, --version"), "{claim}");
    // A subcommand: its description, arguments before options, option texts and value names.
    assert!(issue.starts_with("Reik een ontwerp uit: het wordt herberekend en bevroren"), "{issue}");
    assert!(
        issue.contains("Gebruik: werkbank claim issue [OPTIES] --signer <NAAM> --function <FUNCTIE> <ID>"),
        "{issue}"
    );
    assert!(issue.contains("Argumenten:\n  <ID>  Het nummer van de ontwerpafrekening\n\nOpties:\n"), "{issue}");
    assert!(issue.contains("--signer <NAAM>") && issue.contains("De naam van de ondertekenaar"), "{issue}");
    assert!(issue.contains("Laat de pagina \"aangifte van schuldvordering\" weg uit de PDF"), "{issue}");
    // `werkbank help claim issue` shows the same help.
    assert_eq!(help(&["help", "claim", "issue"]), issue);
    // A default value, in Dutch.
    let generate = help(&["bench", "generate", "--help"]);
    assert!(generate.contains("Personen in het personeelsregister [standaard: 3000]"), "{generate}");
    assert!(!generate.contains("[default:"), "{generate}");
}

/// A command line clap refuses is answered in Dutch too: what is wrong, its suggestion,
/// the usage line; exit code 2, nothing on stdout, none of clap's English words.
#[test]
fn refused_command_lines_are_explained_in_dutch() {
    let refused = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_werkbank"))
            .args(args)
            .env_remove("WERKBANK_DB")
            .env_remove("CLICOLOR_FORCE")
            .output()
            .expect("run werkbank");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {out:?}");
        let text = String::from_utf8(out.stderr).expect("UTF-8");
        for english in ["error:", "Usage:", "tip:", "For more information", "unexpected", "[OPTIONS]", "found"] {
            assert!(!text.contains(english), "{args:?}: {english:?} in\n{text}");
        }
        text
    };
    let cases: [(&[&str], &[&str]); 6] = [
        (&["staff", "list", "--bogus"], &["Fout: onbekende optie ‘--bogus’.", "Gebruik: werkbank staff list [OPTIES]"]),
        (&["staff", "lst"], &["Fout: onbekende opdracht ‘lst’.", "Bedoelt u ‘list’?"]),
        (&["claim", "show"], &["Fout: verplicht maar niet opgegeven: <ID>.", "Gebruik: werkbank claim show <ID>"]),
        (&["claim", "show", "abc"], &["Fout: ‘abc’ is geen geldige waarde voor <ID>."]),
        (&["claim", "list", "--xlsx"], &["Fout: --xlsx <BESTAND.xlsx> heeft een waarde nodig."]),
        (&["staff", "list", "--json", "--json"], &["Fout: --json staat er twee keer"]),
    ];
    for (args, expected) in cases {
        let text = refused(args);
        for e in expected {
            assert!(text.contains(e), "{args:?}: no {e:?} in\n{text}");
        }
        assert!(text.ends_with("Meer uitleg met --help.\n"), "{args:?}: {text}");
    }
}
