//! Frozen means frozen: an issued claim's PDF and xlsx never change when the register, the
//! organisation or a person's INSZ change afterwards, and a snapshot written by this
//! version (tests/fixtures/claim-snapshot-v1.json) still reads.
//!
//! The fixture is written by issuing the demo's 2026/1 claim; to write it anew (only with a
//! new snapshot version: a committed fixture is the format's promise), run
//! `WERKBANK_WRITE_SNAPSHOT_FIXTURE=1 cargo test -p werkbank-api --test frozen`.

use calamine::{open_workbook, Reader, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use werkbank_api::claims::frozen::{thaw_document, thaw_result};
use werkbank_api::dto::*;
use werkbank_api::Api;
use werkbank_domain::WorkFormKind;

async fn issued_demo_claim() -> (Api, ClaimDto) {
    let api = Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap());
    api.load_demo().await.unwrap();
    let mw = api.work_form_id_of(WorkFormKind::Maatwerk).await.unwrap().unwrap();
    let draft = api.compute_claim(mw, "2026/1").await.unwrap();
    let issued = api.issue_claim(draft.id, IssueClaimInput::checked("Marc Directeur", "directeur")).await.unwrap();
    (api, issued)
}

/// Every cell of every sheet, as text.
fn cells(path: &Path) -> Vec<(String, u32, u32, String)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for (r, c, v) in range.used_cells() {
            out.push((name.clone(), r as u32, c as u32, v.to_string()));
        }
    }
    out
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claim-snapshot-v1.json")
}

#[tokio::test]
async fn an_issued_claims_files_never_change() {
    let (api, issued) = issued_demo_claim().await;
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("before.xlsx");
    api.export_claim_xlsx(issued.id, &before).await.unwrap();
    let pdf_before = api.claim_pdf(issued.id).await.unwrap();

    // After the issue: the organisation is renamed and a person's INSZ is corrected.
    let mut org = api.organisation().await.unwrap().unwrap();
    assert_eq!(org.name, "De Werkbank vzw");
    org.name = "Werkbank Nieuw".into();
    api.save_organisation(org).await.unwrap();
    let peeters = issued.result.lines.iter().find(|l| l.label.as_deref() == Some("Peeters, Jan")).unwrap();
    let id = peeters.person_id.unwrap();
    let input = PersonInput {
        insz: "93051822361".into(),
        last_name: "Peeters".into(),
        first_name: "Jan".into(),
        ..Default::default()
    };
    api.update_person(id, input).await.unwrap();

    let after = dir.path().join("after.xlsx");
    api.export_claim_xlsx(issued.id, &after).await.unwrap();
    let before_cells = cells(&before);
    assert!(before_cells.iter().any(|c| c.3.starts_with("De Werkbank vzw")), "the workbook names the organisation");
    assert_eq!(before_cells, cells(&after), "the issued claim's workbook is built from its snapshot");
    assert_eq!(pdf_before, api.claim_pdf(issued.id).await.unwrap(), "the issued PDF bytes are frozen");

    // A new draft of the quarter (an amendment) shows the register as it is now.
    let amendment = api.amend_claim(issued.id).await.unwrap();
    let draft = dir.path().join("draft.xlsx");
    api.export_claim_xlsx(amendment.id, &draft).await.unwrap();
    let draft_cells = cells(&draft);
    assert!(draft_cells.iter().any(|c| c.3.starts_with("Werkbank Nieuw")), "the draft is live");
    assert!(draft_cells.iter().any(|c| c.3 == "**.**.**-***.61"), "the corrected INSZ, masked");
    assert!(!before_cells.iter().any(|c| c.3 == "**.**.**-***.61"));
}

#[tokio::test]
async fn a_snapshot_written_by_this_version_still_reads() {
    if std::env::var_os("WERKBANK_WRITE_SNAPSHOT_FIXTURE").is_some() {
        let (api, issued) = issued_demo_claim().await;
        std::fs::write(fixture(), api.claim_snapshot(issued.id).await.unwrap().unwrap()).unwrap();
    }
    let text = std::fs::read_to_string(fixture()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["snapshot_version"], 1);
    let ctx = thaw_document(1, &v["document"].to_string()).unwrap();
    let result = thaw_result(&v["result"].to_string()).unwrap();
    // The document as it was issued: organisation, signer, masked INSZ only.
    assert_eq!((ctx.organisation.name.as_str(), ctx.organisation.legal_form.as_str()), ("De Werkbank vzw", "vzw"));
    assert_eq!(ctx.organisation.kbo.as_ref().map(|k| k.to_string()).as_deref(), Some("0403.019.261"));
    assert_eq!((ctx.signer.as_str(), ctx.function.as_str()), ("Marc Directeur", "directeur"));
    assert!(!ctx.insz_masked.is_empty());
    assert!(ctx.insz_masked.values().all(|i| i.starts_with("**.**.**-***.")), "never a full INSZ");
    assert!(ctx.formulas.contains_key("S5"));
    // The result: Peeters, Jan, 40 % × referteloon 8 265 = 3 306,00 (tests/cli/scenario.rs);
    // each value with the days it covered; the total as issued.
    let peeters = result.lines.iter().find(|l| l.label.as_deref() == Some("Peeters, Jan")).unwrap();
    assert_eq!(peeters.amount, Some(Decimal::from_str("3306.00").unwrap()));
    assert_eq!(peeters.exact_fraction.as_deref(), Some("3306/1"));
    let ggmmi = result.parameters.iter().find(|p| p.parameter == "monthly_reference").unwrap();
    assert_eq!((ggmmi.first_day.to_string(), ggmmi.last_day.to_string()), ("2026-01-01".into(), "2026-03-31".into()));
    assert_eq!(result.total, Decimal::from_str("127125.93").unwrap());
    assert!(result.complete);
}

#[tokio::test]
async fn a_result_stored_by_an_earlier_release_still_reads() {
    // Before this release a parameter did not say which days it covered: it reads as
    // covering the quarter from its own date.
    let old = r#"{"period":"2026/1","first_day":"2026-01-01","last_day":"2026-03-31","rule_set":"maatwerk_2019",
        "lines":[],"streams":[],"problems":[],"total":"0.00","complete":true,
        "parameters":[{"stream":"S5","parameter":"monthly_reference","valid_from":"2024-04-01","value":"2029.88",
        "source":"x","confirmed":false}]}"#;
    let r = thaw_result(old).unwrap();
    assert_eq!(r.parameters[0].first_day, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    assert_eq!(r.parameters[0].last_day, NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
}
