//! End-to-end: the real Werkbank binary in its real webview (WebKitGTK), driven through
//! tauri-driver + WebKitWebDriver. Run under a display (scripts/test.sh uses Xvfb).
//!
//! Screenshots land in `test-artifacts/e2e/` at the workspace root.

mod harness;
mod lists;
mod prestatiestaat;
mod screens;
mod waitlist;

use harness::{App, By};

const BAD_INSZ: &str = "93.05.18-223.62";
const GOOD_INSZ: &str = "93.05.18-223.61";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_a_person_and_see_the_quarter_change() {
    let app = App::launch("register").await;
    let result = scenario(&app).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_problem_appears_on_the_dashboard_after_an_edit() {
    let app = App::launch("dashboard").await;
    let result = dashboard_scenario(&app).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

async fn dashboard_scenario(app: &App) -> Result<(), String> {
    const MISSING: &str = "[data-code=\"problem.article_60_agreement_missing\"]";
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;

    // The demo's article 60 placements all have their agreement: no such problem.
    app.click(By::id("nav-dashboard")).await?;
    app.fill(By::id("dashboard-period"), "2026/4\n").await?;
    app.wait_visible(By::id("ratio-card-maatwerk")).await?;
    app.wait_visible(By::id("ratio-chart")).await?;
    app.wait_text(By::id("parameters-maatwerk"), "01/01/1998").await?;
    // (the list has loaded: the demo under-uses its contingent)
    app.wait_text(By::id("problem-row"), "niet volledig benut").await?;
    app.wait_count(By::css(&format!("[data-testid=\"problem-row\"]{MISSING}")), 0).await?;
    app.screenshot("01-dashboard").await;
    app.scroll_to(By::id("ratio-card-maatwerk")).await?;
    app.screenshot("01b-ratio-cards").await;
    app.scroll_to(By::id("ratio-chart")).await?;
    app.screenshot("01c-ratio-chart").await;

    // Clear the OCMW of Coppens' article 60 placement.
    app.click(By::id("nav-staff")).await?;
    app.fill(By::id("staff-search"), "Coppens").await?;
    app.wait_count(By::id("staff-row"), 1).await?;
    app.click(By::id("staff-row")).await?;
    app.wait_text(By::id("person-detail"), "Coppens").await?;
    app.wait_text(By::id("period-row"), "Artikel 60").await?;
    app.click(By::id("period-edit")).await?;
    app.fill(By::id("period-ocmw"), "").await?;
    app.click(By::id("period-save")).await?;
    app.wait_count(By::id("period-form"), 0).await?;

    // The dashboard now names Coppens and what to fix.
    app.click(By::id("nav-dashboard")).await?;
    app.fill(By::id("dashboard-period"), "2026/4\n").await?;
    app.wait_text(By::css(&format!("[data-testid=\"problem-row\"]{MISSING}")), "Coppens").await?;
    app.wait_text(By::css(&format!("[data-testid=\"problem-row\"]{MISSING}")), "plaatsingsovereenkomst").await?;
    app.screenshot("02-dashboard-problem").await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_a_payroll_file_fix_the_mapping_and_commit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loonexport-oktober.csv");
    // "Tijdvak" is not a header Werkbank knows for the pay period: the preview says the
    // period column is missing until the user maps it.
    std::fs::write(
        &file,
        "Werknemersnummer;INSZ;Naam;Tijdvak;Looncode;Omschrijving;Aantal;Eenheid;Bedrag\n\
         101;74.07.01-313.96;Aerts Rachid;10/2025;1010;Gewerkte uren;168,29;u;\n\
         101;74.07.01-313.96;Aerts Rachid;10/2025;2000;Brutoloon;;;2.345,67\n",
    )
    .unwrap();
    let app = App::launch_with_env("payroll", &[("WERKBANK_PICK_FILE", file.to_str().unwrap())]).await;
    let result = payroll_scenario(&app).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

async fn payroll_scenario(app: &App) -> Result<(), String> {
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    app.click(By::id("nav-payroll")).await?;
    app.click(By::id("payroll-choose")).await?;
    // The preview shows the missing period column as an issue.
    app.wait_text(By::id("payroll-issue"), "Periode").await?;
    app.screenshot("01-preview-with-issue").await;
    // Map "Tijdvak" (the fourth column, index 3) to the period and check again.
    app.select(By::id("mapping-period"), "3").await?;
    app.fill(By::id("mapping-profile-name"), "Eigen secretariaat").await?;
    app.click(By::id("mapping-apply")).await?;
    app.wait_count(By::id("payroll-issue"), 0).await?;
    app.wait_text(By::id("payroll-line"), "Aerts").await?;
    app.screenshot("02-preview-fixed").await;
    app.click(By::id("payroll-commit")).await?;
    app.wait_text(By::id("payroll-done"), "2").await?;
    app.screenshot("03-imported").await;
    // The check against the register covers October only (the demo's own payroll is for
    // 2026/1), and only Aerts: the others employed in October are listed apart, not as
    // differences.
    app.click(By::id("payroll-tab-reconciliation")).await?;
    app.fill(By::id("reconciliation-period"), "2025/4\n").await?;
    app.wait_text(By::id("reconciliation-coverage"), "10/2025").await?;
    app.wait_text(By::id("reconciliation-uncovered"), "11/2025, 12/2025").await?;
    app.wait_count(By::id("reconciliation-row"), 1).await?;
    app.wait_text(By::id("reconciliation-not-in-payroll"), "Niet in de loonbestanden").await?;
    app.screenshot("03b-reconciliation-coverage").await;
    // The mapping saved with the import: rename it, then delete it after the confirmation.
    app.click(By::id("payroll-tab-mappings")).await?;
    app.wait_text(By::id("mapping-row"), "Eigen secretariaat").await?;
    app.click(By::id("mapping-rename")).await?;
    app.fill(By::id("mapping-rename-input"), "SD Worx Gent\n").await?;
    app.wait_text(By::id("mapping-note"), "SD Worx Gent").await?;
    app.wait_text(By::id("mapping-row"), "SD Worx Gent").await?;
    app.click(By::id("mapping-delete")).await?;
    app.wait_text(By::id("mapping-delete-confirm"), "verwijderen").await?;
    app.screenshot("04-mapping-delete-confirm").await;
    app.click(By::id("mapping-delete-confirm")).await?;
    app.wait_count(By::id("mapping-row"), 0).await?;
    app.wait_visible(By::id("mappings-empty")).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_a_staff_register_through_the_preview() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("personeel.csv");
    std::fs::write(
        &file,
        "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n\
         93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;;38;38\n\
         85073003328;Claes;Els;30/07/1985;begeleider erkend;01/01/2026;;19;38\n",
    )
    .unwrap();
    let app = App::launch_with_env("staff-import", &[("WERKBANK_PICK_FILE", file.to_str().unwrap())]).await;
    let result = staff_import_scenario(&app).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

async fn staff_import_scenario(app: &App) -> Result<(), String> {
    app.click(By::id("start-empty")).await?;
    // An empty register: the dashboard says what to set up first, not "no problems".
    app.click(By::id("nav-dashboard")).await?;
    app.wait_text(By::id("dashboard-setup"), "Eerst de werkplaats instellen").await?;
    app.wait_count(By::id("setup-step"), 4).await?;
    app.wait_count(By::id("problems-empty"), 0).await?;
    app.screenshot("00-empty-dashboard").await;
    app.click(By::id("nav-staff")).await?;
    app.click(By::id("staff-import-open")).await?;
    app.click(By::id("staff-import-choose")).await?;
    app.wait_count(By::id("staff-import-row"), 2).await?;
    app.wait_text(By::id("staff-import-row"), "Peeters").await?;
    app.wait_count(By::id("staff-import-issue"), 0).await?;
    app.screenshot("01-preview").await;
    app.click(By::id("staff-import-commit")).await?;
    app.wait_visible(By::id("staff-import-done")).await?;
    app.click(By::id("staff-import-done-staff")).await?;
    app.wait_count(By::id("staff-row"), 2).await?;
    app.screenshot("02-staff-list").await;
    Ok(())
}

async fn scenario(app: &App) -> Result<(), String> {
    // First run on an empty database: the app offers demo data.
    app.wait_visible(By::id("load-demo")).await?;
    app.screenshot("01-welcome").await;
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    app.wait_text(By::id("staff-count"), "40").await?;
    app.screenshot("02-staff-list").await;

    // The quarter overview before.
    app.click(By::id("nav-overview")).await?;
    app.fill(By::id("overview-period"), "2026/4\n").await?;
    app.wait_text(By::id("overview-period-dates"), "01/10/2026").await?;
    let before = app.text(By::id("overview-total")).await?;
    let heads_before = harness::first_integer(&before).ok_or(format!("no heads in {before:?}"))?;
    let recognised_before = app.text(By::id("overview-row-target_group_recognised")).await?;

    // Add a person with a mistyped INSZ: the Dutch message appears next to the field.
    app.click(By::id("nav-staff")).await?;
    app.click(By::id("add-person")).await?;
    app.fill(By::id("person-insz"), BAD_INSZ).await?;
    app.fill(By::id("person-last-name"), "Verbruggen").await?;
    app.fill(By::id("person-first-name"), "Lotte").await?;
    app.fill(By::id("person-birth-date"), "18/05/1993").await?;
    app.click(By::id("person-save")).await?;
    app.wait_text(By::id("error-insz"), "controlecijfers zijn fout").await?;
    app.screenshot("03-invalid-insz").await;

    // Fix it and save: the person's page opens.
    app.fill(By::id("person-insz"), GOOD_INSZ).await?;
    app.click(By::id("person-save")).await?;
    app.wait_text(By::id("person-detail"), "Verbruggen").await?;
    app.wait_text(By::id("person-detail"), GOOD_INSZ).await?;

    // Hire as a recognised target-group worker from 1 October 2026, full time.
    app.click(By::id("add-period")).await?;
    app.select(By::id("period-category"), "target_group_recognised").await?;
    app.fill(By::id("period-start"), "01/10/2026").await?;
    app.fill(By::id("period-q"), "38").await?;
    app.fill(By::id("period-s"), "38").await?;
    app.click(By::id("period-save")).await?;
    app.wait_count(By::id("period-row"), 1).await?;
    app.wait_text(By::id("period-row"), "Doelgroep erkend").await?;
    app.screenshot("04-person-detail").await;

    // A second period that overlaps the first is refused, in Dutch, next to its start date.
    app.click(By::id("add-period")).await?;
    app.select(By::id("period-category"), "article_60").await?;
    app.fill(By::id("period-start"), "01/11/2026").await?;
    app.fill(By::id("period-q"), "38").await?;
    app.fill(By::id("period-s"), "38").await?;
    app.click(By::id("period-save")).await?;
    app.wait_text(By::id("error-start"), "overlapt met een andere periode").await?;
    app.click(By::id("period-cancel")).await?;
    app.wait_count(By::id("period-row"), 1).await?;

    // The person is in the staff list.
    app.click(By::id("nav-staff")).await?;
    app.fill(By::id("staff-search"), "Verbruggen").await?;
    app.wait_count(By::id("staff-row"), 1).await?;
    app.wait_text(By::id("staff-row"), "Lotte").await?;

    // The quarter overview counts one more head.
    app.click(By::id("nav-overview")).await?;
    app.fill(By::id("overview-period"), "2026/4\n").await?;
    let want = (heads_before + 1).to_string();
    app.wait_until(By::id("overview-total"), |t| harness::first_integer(t) == Some(heads_before + 1), &want).await?;
    let recognised_after = app.text(By::id("overview-row-target_group_recognised")).await?;
    if recognised_after == recognised_before {
        return Err(format!("recognised row did not change: {recognised_after:?}"));
    }
    app.screenshot("05-overview-after").await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claim_attributes_on_the_person_page() {
    let app = App::launch("attributes").await;
    let result = attributes_scenario(&app).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

async fn attributes_scenario(app: &App) -> Result<(), String> {
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    // The demo gives Peeters (recognised) a wage percentage, a guidance level and a seniority start.
    app.fill(By::id("staff-search"), "Peeters").await?;
    app.wait_count(By::id("staff-row"), 1).await?;
    app.click(By::id("staff-row")).await?;
    app.wait_text(By::id("person-detail"), "Peeters").await?;
    app.wait_count(By::id("attribute-row"), 3).await?;
    app.wait_text(By::id("worker-attributes"), "40 %").await?;
    // 45 % from 01/01/2026: a new dated value next to the old one.
    app.fill(By::id("attribute-value"), "45").await?;
    app.fill(By::id("attribute-from"), "01/01/2026").await?;
    app.click(By::id("attribute-save")).await?;
    app.wait_count(By::id("attribute-row"), 4).await?;
    app.wait_text(By::id("worker-attributes"), "45 %").await?;
    // A percentage above 100 is refused next to the field.
    app.fill(By::id("attribute-value"), "120").await?;
    app.fill(By::id("attribute-from"), "01/02/2026").await?;
    app.click(By::id("attribute-save")).await?;
    app.wait_visible(By::id("error-value")).await?;
    app.scroll_to(By::id("worker-attributes")).await?;
    app.screenshot("01-attributes").await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compute_issue_and_open_a_claim() {
    // The claim's files: the save dialog is answered by WERKBANK_SAVE_FILE, the system
    // viewer replaced by a script (WERKBANK_OPEN_WITH) that copies the opened PDF, and
    // the private print folder lies in this temp dir (XDG_DATA_HOME).
    let dir = tempfile::tempdir().expect("temp dir");
    let files = ClaimFiles::new(dir.path());
    let env = files.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = App::launch_with_env("claims", &env).await;
    let result = claims_scenario(&app, &files).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

/// Where the claim scenario's files go.
struct ClaimFiles {
    xlsx: std::path::PathBuf,
    viewer: std::path::PathBuf,
    opened: std::path::PathBuf,
    data: std::path::PathBuf,
}

impl ClaimFiles {
    fn new(dir: &std::path::Path) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let files = ClaimFiles {
            xlsx: dir.join("afrekening.xlsx"),
            viewer: dir.join("viewer.sh"),
            opened: dir.join("opened.pdf"),
            data: dir.join("data"),
        };
        // Copy, then rename: the test never reads a half-written file.
        let script = format!("#!/bin/sh\ncp \"$1\" \"{0}.part\" && mv \"{0}.part\" \"{0}\"\n", files.opened.display());
        std::fs::write(&files.viewer, script).expect("viewer script");
        std::fs::set_permissions(&files.viewer, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        files
    }

    fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("WERKBANK_SAVE_FILE", self.xlsx.display().to_string()),
            ("WERKBANK_OPEN_WITH", self.viewer.display().to_string()),
            ("XDG_DATA_HOME", self.data.display().to_string()),
        ]
    }
}

/// Polls (bounded) for a file another process writes.
async fn wait_for_file(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let start = std::time::Instant::now();
    while !path.exists() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            return Err(format!("{} was not written", path.display()));
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

async fn claims_scenario(app: &App, files: &ClaimFiles) -> Result<(), String> {
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    // The demo workshop is a maatwerk company since 2019, a social workshop before: the
    // organisation screen shows the earlier kind, the claim screen names both.
    app.click(By::id("nav-organisation")).await?;
    app.wait_count(By::id("earlier-kind-row"), 1).await?;
    app.scroll_to(By::id("earlier-kinds")).await?;
    app.screenshot("00-organisation-earlier-kind").await;
    app.click(By::id("nav-claims")).await?;
    app.wait_visible(By::id("claims-none")).await?;
    app.wait_text(By::id("claim-work-form"), "Maatwerkbedrijf, tot en met 31/12/2018 sociale werkplaats").await?;
    // The rule sets: confirm a value after checking it against its source.
    app.click(By::id("claim-rules-link")).await?;
    app.wait_visible(By::id("rule-set-maatwerk_2019")).await?;
    app.click(By::id("parameter-confirm")).await?;
    app.wait_text(By::id("claim-rules-note"), "bevestigd").await?;
    app.screenshot("00-rule-sets").await;
    app.click(By::id("nav-claims")).await?;
    app.wait_visible(By::id("claims-none")).await?;
    // The demo workshop in 2026/1, a maatwerk company since 2019, under the maatwerk template (demo amounts).
    app.fill(By::id("claim-period"), "2026/1").await?;
    app.click(By::id("claim-compute")).await?;
    app.wait_text(By::id("claim-total"), "127.125,93").await?;
    app.wait_text(By::id("claim-status"), "ontwerp").await?;
    app.wait_text(By::id("claim-line"), "Peeters, Jan").await?;
    // Every value used, with the days of the quarter it covered.
    app.wait_text(By::id("claim-parameter-list"), "gebruikt van 01/01/2026 tot 31/03/2026").await?;
    // A value not confirmed yet is confirmed on its own row: the draft is recomputed with it,
    // one unconfirmed value fewer, the same total.
    let unconfirmed = By::css(r#"[data-testid="claim-parameter-row"][data-state="unconfirmed"]"#);
    let before = app.count(unconfirmed.clone()).await?;
    if before == 0 {
        return Err("the demo draft has no unconfirmed value".into());
    }
    app.click(By::css(
        r#"[data-testid="claim-parameter-row"][data-state="unconfirmed"] [data-testid="parameter-confirm"]"#,
    ))
    .await?;
    app.wait_text(By::id("claim-parameter-note"), "bevestigd; de afrekening is herberekend").await?;
    app.wait_count(unconfirmed, before - 1).await?;
    app.wait_text(By::id("claim-total"), "127.125,93").await?;
    app.wait_text(By::id("claim-file-note"), "ontwerp").await?;
    app.wait_text(By::id("claim-open-pdf"), "Voorbeeld (PDF)").await?;
    app.screenshot("01-draft").await;
    app.fill(By::id("claim-signer"), "Marc Directeur").await?;
    app.fill(By::id("claim-function"), "directeur").await?;
    // The place (prefilled with the organisation's, Gent) and the aangifte page (on by default).
    app.fill(By::id("claim-place"), "Lochristi").await?;
    // Issuing asks first: a summary, what freezing means, and (the demo's values are not all
    // confirmed) a tick without which it cannot go on.
    app.click(By::id("claim-issue")).await?;
    app.wait_text(By::id("claim-issue-dialog"), "definitief uitreiken?").await?;
    app.wait_text(By::id("claim-confirm-total"), "127.125,93").await?;
    app.wait_text(By::id("claim-confirm-unconfirmed"), "nog niet bevestigd").await?;
    app.scroll_to(By::id("claim-issue-dialog")).await?;
    app.screenshot("01b-issue-confirm").await;
    if app.enabled(By::id("claim-issue-confirm")).await? {
        return Err("issue could be confirmed without ticking the unconfirmed values".into());
    }
    // Cancel: nothing is frozen.
    app.click(By::id("claim-issue-cancel")).await?;
    app.wait_count(By::id("claim-issue-dialog"), 0).await?;
    app.wait_text(By::id("claim-status"), "ontwerp").await?;
    app.click(By::id("claim-issue")).await?;
    app.click(By::id("claim-issue-checked")).await?;
    app.click(By::id("claim-issue-confirm")).await?;
    app.wait_text(By::id("claim-issued"), "Marc Directeur").await?;
    app.wait_text(By::id("claim-status"), "uitgereikt").await?;
    app.scroll_to(By::id("claim-issued")).await?;
    app.screenshot("02-issued").await;
    // The list shows it; opening it again shows the frozen claim.
    app.click(By::id("nav-claims")).await?;
    app.wait_count(By::id("claim-row"), 1).await?;
    app.click(By::css("[data-testid=\"claim-row\"] a")).await?;
    app.wait_text(By::id("claim-total"), "127.125,93").await?;
    app.wait_text(By::id("claim-status"), "uitgereikt").await?;

    // Export the lines to Excel (the save dialog answered by WERKBANK_SAVE_FILE) and read
    // the workbook back: the totals row holds the claim's total.
    app.scroll_to(By::id("claim-save-xlsx")).await?;
    app.click(By::id("claim-save-xlsx")).await?;
    app.wait_text(By::id("claim-file-done"), "geëxporteerd naar").await?;
    app.wait_text(By::id("claim-file-done"), &files.xlsx.display().to_string()).await?;
    app.screenshot("03-exported").await;
    check_workbook(&files.xlsx)?;

    // Open the issued claim's PDF to print it: the "viewer" copies what it was given.
    app.wait_text(By::id("claim-open-pdf"), "Openen om af te drukken").await?;
    app.click(By::id("claim-open-pdf")).await?;
    app.wait_text(By::id("claim-file-done"), "Geopend in de PDF-lezer").await?;
    app.screenshot("04-opened").await;
    let pdf = wait_for_file(&files.opened).await?;
    // The print copy lies in the private folder under the app's data dir (0700, file 0600).
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = files.data.join("werkbank").join("afdrukken");
        let mode = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
        let copy = std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?.next();
        let copy = copy.ok_or("no print copy")?.map_err(|e| e.to_string())?.path();
        if (mode(&folder).ok(), mode(&copy).ok()) != (Some(0o700), Some(0o600)) {
            return Err(format!("print folder or copy not private: {}", copy.display()));
        }
        if !copy.file_name().is_some_and(|n| n.to_string_lossy().starts_with("Afrekening 2026-1 Maatwerkbedrijf nr ")) {
            return Err(format!("print copy named {}", copy.display()));
        }
    }
    if !pdf.starts_with(b"%PDF-") {
        return Err("the opened file is not a PDF".into());
    }
    let copy = files.opened.with_extension("check.pdf");
    std::fs::write(&copy, &pdf).map_err(|e| e.to_string())?;
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", copy.to_str().expect("utf-8"), "-"])
        .output()
        .map_err(|e| format!("pdftotext: {e}"))?;
    let text = String::from_utf8_lossy(&text.stdout);
    if !text.contains("127.125,93") {
        return Err(format!("the PDF does not show the total 127.125,93:\n{text}"));
    }
    if !text.contains("Lochristi") || !text.contains("Aangifte van schuldvordering") {
        return Err(format!("the PDF lacks the signing place Lochristi or the aangifte page:\n{text}"));
    }

    // Save it as PDF: the dialog answers the same path; the saved bytes are the opened ones.
    app.click(By::id("claim-save-pdf")).await?;
    app.wait_text(By::id("claim-file-done"), "PDF opgeslagen").await?;
    let saved = std::fs::read(&files.xlsx).map_err(|e| e.to_string())?;
    if saved != pdf {
        return Err("the saved PDF differs from the opened one".into());
    }

    // An incomplete draft (2026/4: no payroll yet) shows "onvolledig" instead of a total,
    // on its page and in the list.
    app.click(By::id("nav-claims")).await?;
    app.fill(By::id("claim-period"), "2026/4").await?;
    app.click(By::id("claim-compute")).await?;
    app.wait_text(By::id("claim-total"), "onvolledig").await?;
    if app.text(By::id("claim-total")).await?.contains('€') {
        return Err("an incomplete draft shows an amount as its total".into());
    }
    // Its problems come as one line per kind and stream (the missing payroll of every
    // worker is one line that opens to the list), not one line per person.
    app.wait_text(By::id("claim-problem-summary"), "loongegevens ontbreken").await?;
    app.scroll_to(By::id("claim-problem-summary")).await?;
    app.screenshot("04b-problems-grouped").await;
    app.click(By::id("nav-claims")).await?;
    app.wait_count(By::id("claim-row"), 2).await?;
    app.wait_text(By::id("claims-row-total"), "onvolledig").await?;
    app.wait_text(By::id("claims-row-status"), "ontwerp · onvolledig").await?;
    app.screenshot("05-list-incomplete").await;
    Ok(())
}

/// The exported workbook: four sheets; the issued status; the total 127.125,93 in the
/// totals row of the lines (Σ of the rounded lines).
fn check_workbook(path: &std::path::Path) -> Result<(), String> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| format!("{e}"))?;
    if book.sheet_names() != ["Afrekening", "Regels", "Deelperiodes", "Parameters", "Controles"] {
        return Err(format!("sheets: {:?}", book.sheet_names()));
    }
    let head = book.worksheet_range("Afrekening").map_err(|e| e.to_string())?;
    let status = head.rows().find(|r| r[0] == "Status").map(|r| r[1].to_string());
    if status.as_deref() != Some("uitgereikt") {
        return Err(format!("status {status:?}"));
    }
    let lines = book.worksheet_range("Regels").map_err(|e| e.to_string())?;
    let last = lines.rows().next_back().ok_or("no rows")?;
    match (&last[0], &last[20]) {
        (Data::String(s), Data::Float(total)) if s == "Totaal" && (total * 100.0).round() as i64 == 12_712_593 => {
            Ok(())
        }
        other => Err(format!("totals row {other:?}")),
    }
}
