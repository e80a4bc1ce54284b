//! A claim as files: the xlsx export read back with calamine, the default file names, and
//! the PDF saved and opened for printing (through the `WERKBANK_OPEN_WITH` hook).

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use werkbank_api::claims::export::{mask_insz, OPEN_WITH_ENV};
use werkbank_api::dto::*;
use werkbank_api::Api;
use werkbank_domain::WorkFormKind;

mod xlsx;
use xlsx::{assert_private, date, float, sheet, text};

async fn demo_claim() -> (Api, ClaimDto) {
    let api = Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());
    api.load_demo().await.unwrap();
    let mw = api.work_form_id_of(WorkFormKind::Maatwerk).await.unwrap().unwrap();
    let claim = api.compute_claim(mw, "2026/1").await.unwrap();
    (api, claim)
}

/// The cents of a number read back from Excel (amounts are written to the cent).
fn cents(f: f64) -> i64 {
    (f * 100.0).round() as i64
}

#[tokio::test]
async fn the_claim_exports_to_a_workbook_a_director_can_filter() {
    let (api, claim) = demo_claim().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("afrekening.xlsx");
    let out = api.export_claim_xlsx(claim.id, &path).await.unwrap();
    assert_eq!(out.path, path.display().to_string());
    assert_eq!(out.lines as usize, claim.result.lines.len());
    assert!(out.bytes > 0);
    assert_eq!(out.bytes, std::fs::metadata(&path).unwrap().len());
    // The workbook holds personal data: readable by its owner only.
    assert_private(&path);

    let book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Afrekening", "Regels", "Deelperiodes", "Parameters", "Controles"]);

    // The header block.
    let head = sheet(&path, "Afrekening");
    let value_of = |label: &str| -> u32 {
        (0..head.height() as u32).find(|&r| text(&head, r, 0) == label).unwrap_or_else(|| panic!("no {label}"))
    };
    let org = api.organisation().await.unwrap().unwrap();
    assert_eq!(text(&head, value_of("Organisatie"), 1), org.name);
    assert_eq!(text(&head, value_of("Werkvorm"), 1), "Maatwerkbedrijf", "the demo workshop is maatwerk since 2019");
    let q = value_of("Kwartaal");
    assert_eq!(text(&head, q, 1), "2026/1");
    assert_eq!(date(&head, q, 2), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(date(&head, q, 3), NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
    assert_eq!(text(&head, value_of("Status"), 1), "ontwerp");
    assert_eq!(float(&head, value_of("Afrekeningnummer"), 1), claim.id as f64);
    value_of("Ontwerp: deze afrekening is nog niet uitgereikt.");
    // Totals per stream, then the total: 127.125,93 € (the demo's 2026/1, as on screen).
    let total = value_of("Totaal");
    assert_eq!(cents(float(&head, total, 5)), 12_712_593);
    for (i, s) in claim.result.streams.iter().enumerate() {
        let row = total - claim.result.streams.len() as u32 + i as u32;
        assert_eq!(text(&head, row, 0), s.code);
        assert_eq!(float(&head, row, 3), s.heads as f64);
        assert_eq!(Decimal::try_from(float(&head, row, 5)).unwrap(), s.amount);
    }

    // The export is in the audit trail: format and purpose, no path, no personal value.
    let trail = api.audit_trail(Some(("claim", claim.id))).await.unwrap();
    let export = trail.iter().find(|a| a.action == "export").expect("export audited");
    assert_eq!(export.details["format"], "xlsx");
    assert_eq!(export.details["lines"], claim.result.lines.len());
    assert!(!export.details.to_string().contains("afrekening.xlsx"));

    // The lines: one table with a stream column, every input a number.
    let lines = sheet(&path, "Regels");
    assert_eq!(text(&lines, 0, 0), "Stroom");
    assert_eq!(text(&lines, 0, 20), "Bedrag");
    assert_eq!(lines.height(), claim.result.lines.len() + 2, "header, lines, totals row");
    // Peeters Jan, S5: 40 % of a reference wage of 3 × (2 300 + 575 − 120) = 8 265,00
    // → 3 306,00 (see tests/claims.rs).
    let row = (1..=claim.result.lines.len() as u32)
        .find(|&r| text(&lines, r, 0) == "S5" && text(&lines, r, 1) == "Peeters, Jan")
        .expect("Peeters in S5");
    let line =
        claim.result.lines.iter().find(|l| l.stream == "S5" && l.label.as_deref() == Some("Peeters, Jan")).unwrap();
    let person = api.person(line.person_id.unwrap()).await.unwrap();
    let insz = person.person.insz.clone().unwrap();
    let digits: String = insz.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(text(&lines, row, 2), mask_insz(&digits));
    assert_eq!(text(&lines, row, 2), format!("**.**.**-***.{}", &digits[9..]));
    assert_eq!(date(&lines, row, 3), line.start.unwrap());
    assert_eq!(float(&lines, row, 4), line.days as f64);
    assert_eq!(Decimal::try_from(float(&lines, row, 5)).unwrap(), line.fte.round_dp(10));
    assert_eq!(float(&lines, row, 12), 8265.0);
    assert_eq!(float(&lines, row, 20), 3306.0);
    // The totals row is the claim's total, and the sum of the rounded lines.
    let last = claim.result.lines.len() as u32 + 1;
    assert_eq!(text(&lines, last, 0), "Totaal");
    assert_eq!(cents(float(&lines, last, 20)), 12_712_593);
    let sum: i64 = (1..last)
        .filter_map(|r| match lines.get_value((r, 20)) {
            Some(Data::Float(f)) => Some(cents(*f)),
            _ => None,
        })
        .sum();
    assert_eq!(sum, 12_712_593);

    // The pieces each line was computed over: Peeters' S5 line month by month, each with
    // the GGMMI of the month (2 029,88) and his 40 %.
    let segments = sheet(&path, "Deelperiodes");
    let count: usize = claim.result.lines.iter().map(|l| l.segments.len()).sum();
    assert_eq!(segments.height(), count + 1);
    let rows: Vec<u32> = (1..=count as u32)
        .filter(|&r| text(&segments, r, 0) == "S5" && text(&segments, r, 1) == "Peeters, Jan")
        .collect();
    assert_eq!(rows.len(), line.segments.len());
    // January, February, March 2026: 31, 28 and 31 days; cap 2 × 2 029,88 = 4 059,76 a month.
    let days: Vec<f64> = rows.iter().map(|&r| float(&segments, r, 4)).collect();
    assert_eq!(days, [31.0, 28.0, 31.0]);
    assert!(rows.iter().all(|&r| float(&segments, r, 9) == 4059.76));
    for (&r, seg) in rows.iter().zip(&line.segments) {
        assert_eq!((date(&segments, r, 2), date(&segments, r, 3)), (seg.first_day, seg.last_day));
        assert_eq!(float(&segments, r, 4), seg.days as f64);
        assert_eq!(float(&segments, r, 6), 2029.88);
        assert_eq!(float(&segments, r, 7), 40.0);
    }

    // No full INSZ anywhere in the workbook.
    for name in ["Afrekening", "Regels", "Deelperiodes", "Parameters", "Controles"] {
        let r = sheet(&path, name);
        for cell in r.used_cells() {
            let s: String = cell.2.to_string().chars().filter(char::is_ascii_digit).collect();
            assert!(!s.contains(&digits), "{name} holds a full INSZ");
        }
    }

    // The parameters used, each with its date, the days of the quarter it covered and its
    // source in plain words (no research markers).
    let params = sheet(&path, "Parameters");
    assert_eq!(params.height(), claim.result.parameters.len() + 1);
    for (i, p) in claim.result.parameters.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!((text(&params, r, 0), text(&params, r, 1)), (p.stream.clone(), p.parameter.clone()));
        assert_eq!(date(&params, r, 3), p.valid_from);
        assert_eq!((date(&params, r, 4), date(&params, r, 5)), (p.first_day, p.last_day));
        let source = text(&params, r, 6);
        assert!(!["[F]", "[I]", "[?]", "claims.md"].iter().any(|m| source.contains(m)), "{source}");
        assert_eq!(text(&params, r, 7), if p.confirmed { "ja" } else { "nee" });
        if let Some(v) = p.value {
            assert_eq!(Decimal::try_from(float(&params, r, 2)).unwrap(), v);
        }
    }
    // The demo's amounts are unconfirmed: the checks sheet lists them as sentences.
    let checks = sheet(&path, "Controles");
    assert_eq!(checks.height(), claim.result.problems.len() + 1);
    assert!(text(&checks, 1, 3).starts_with("Stroom "), "{}", text(&checks, 1, 3));
}

#[tokio::test]
async fn default_file_names_name_quarter_work_form_and_number() {
    let (api, claim) = demo_claim().await;
    let id = claim.id;
    assert_eq!(
        api.claim_file_name(id, "pdf").await.unwrap(),
        format!("Afrekening 2026-1 Maatwerkbedrijf nr {id} ontwerp.pdf")
    );
    api.issue_claim(id, IssueClaimInput::checked("Marc Directeur", "directeur")).await.unwrap();
    assert_eq!(
        api.claim_file_name(id, "xlsx").await.unwrap(),
        format!("Afrekening 2026-1 Maatwerkbedrijf nr {id}.xlsx")
    );
    // An issued claim's workbook says so.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.xlsx");
    api.export_claim_xlsx(id, &path).await.unwrap();
    let head = sheet(&path, "Afrekening");
    assert!((0..head.height() as u32).any(|r| text(&head, r, 0) == "Status" && text(&head, r, 1) == "uitgereikt"));
    assert!(!(0..head.height() as u32).any(|r| text(&head, r, 0).starts_with("Ontwerp")));
}

#[tokio::test]
async fn a_workbook_that_cannot_be_written_is_a_readable_error() {
    let (api, claim) = demo_claim().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("a.xlsx");
    let e = api.export_claim_xlsx(claim.id, &path).await.unwrap_err();
    let dto = api.error_dto(&e);
    assert_eq!(dto.code, "claims.file_write_failed");
    assert!(dto.message.contains("no-such-folder"), "{}", dto.message);
    let e = api.export_claim_xlsx(9999, &dir.path().join("b.xlsx")).await.unwrap_err();
    assert_eq!(api.error_dto(&e).code, "not_found.claim");
}

/// The contract of `claim_pdf` (an issued claim has PDF bytes): saving writes them, and
/// opening writes a private copy and hands it to the viewer (a script that copies it).
/// Needs the PDF rendering of `render_claim_pdf` (werkbank-pdf).
#[cfg(unix)]
#[tokio::test]
async fn an_issued_claim_is_saved_and_opened_as_pdf() {
    use std::os::unix::fs::PermissionsExt;
    let (api, claim) = demo_claim().await;
    api.issue_claim(claim.id, IssueClaimInput::checked("Marc Directeur", "directeur")).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("afrekening.pdf");
    let out = api.save_claim_pdf(claim.id, &saved).await.unwrap();
    assert_eq!(out.path, saved.display().to_string());
    let bytes = std::fs::read(&saved).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "the saved file is a PDF");
    assert_eq!(out.bytes, bytes.len() as u64);
    assert_private(&saved);

    let seen = dir.path().join("seen.pdf");
    let script = dir.path().join("viewer.sh");
    std::fs::write(&script, format!("#!/bin/sh\ncp \"$1\" {0}.part && mv {0}.part {0}\n", seen.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::env::set_var(OPEN_WITH_ENV, &script);
    let folder = dir.path().join("afdrukken");
    let out = api.open_claim_pdf(claim.id, &folder).await;
    std::env::remove_var(OPEN_WITH_ENV);
    let out = out.unwrap();
    assert_eq!(
        out.path,
        folder.join(format!("Afrekening 2026-1 Maatwerkbedrijf nr {}.pdf", claim.id)).display().to_string()
    );
    let start = std::time::Instant::now();
    while !seen.exists() && start.elapsed() < std::time::Duration::from_secs(20) {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(std::fs::read(&seen).unwrap(), bytes);
    // Both files are in the audit trail.
    let trail = api.audit_trail(Some(("claim", claim.id))).await.unwrap();
    let purposes: Vec<_> = trail
        .iter()
        .filter(|a| a.action == "export" && a.details["format"] == "pdf")
        .map(|a| a.details["purpose"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(purposes.contains(&"save".to_string()) && purposes.contains(&"print".to_string()), "{purposes:?}");
}
