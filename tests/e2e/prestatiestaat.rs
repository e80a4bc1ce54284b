//! E2E: the prestatiestaat of an article 60 worker, from the person page: a wrong month and
//! a month outside the placement are refused inline; a month inside it is written to the
//! private print folder and handed to the "viewer" (a script, `WERKBANK_OPEN_WITH`, that
//! copies the file), and the PDF names the worker, the month and the OCMW.

use crate::harness::{App, By};
use crate::{wait_for_file, ClaimFiles};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn print_the_prestatiestaat_of_an_article_60_worker() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = ClaimFiles::new(dir.path());
    let env = files.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let app = App::launch_with_env("prestatiestaat", &env).await;
    let result = scenario(&app, &files).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

async fn scenario(app: &App, files: &ClaimFiles) -> Result<(), String> {
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    // Coppens: the demo's article 60 worker (placed by an OCMW until 2026 or later).
    app.click(By::id("nav-staff")).await?;
    app.fill(By::id("staff-search"), "Coppens").await?;
    app.wait_count(By::id("staff-row"), 1).await?;
    app.click(By::id("staff-row")).await?;
    app.wait_text(By::id("person-detail"), "Coppens").await?;
    app.wait_text(By::id("period-row"), "Artikel 60").await?;
    let name = app.text(By::id("person-name")).await?;
    app.wait_text(By::id("prestatiestaat"), "Prestatiestaat voor het OCMW").await?;

    // Not a month: refused in the field, before anything is asked of the backend.
    app.fill(By::id("prestatiestaat-month"), "13/2026").await?;
    app.click(By::id("prestatiestaat-open")).await?;
    app.wait_text(By::id("prestatiestaat"), "is geen maand").await?;
    // A month before the placement: the backend's refusal, shown in the panel.
    app.fill(By::id("prestatiestaat-month"), "01/2024").await?;
    app.click(By::id("prestatiestaat-open")).await?;
    app.wait_text(By::id("prestatiestaat"), "geen periode als artikel 60-werknemer").await?;

    // January 2026 lies within every demo placement: open it to print.
    app.fill(By::id("prestatiestaat-month"), "01/2026").await?;
    app.click(By::id("prestatiestaat-open")).await?;
    app.wait_text(By::id("prestatiestaat-done"), "Geopend in de PDF-lezer").await?;
    app.scroll_to(By::id("prestatiestaat")).await?;
    app.screenshot("01-opened").await;
    let pdf = wait_for_file(&files.opened).await?;
    if !pdf.starts_with(b"%PDF-") {
        return Err("the opened file is not a PDF".into());
    }
    // The print copy: in the private print folder, named after the worker and the month.
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = files.data.join("werkbank").join("afdrukken");
        let mode = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
        let copy = std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?.next();
        let copy = copy.ok_or("no print copy")?.map_err(|e| e.to_string())?.path();
        if (mode(&folder).ok(), mode(&copy).ok()) != (Some(0o700), Some(0o600)) {
            return Err(format!("print folder or copy not private: {}", copy.display()));
        }
        let file = copy.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if !(file.starts_with("Prestatiestaat Coppens ") && file.ends_with(" 2026-01.pdf")) {
            return Err(format!("print copy named {file}"));
        }
    }
    let copy = files.opened.with_extension("check.pdf");
    std::fs::write(&copy, &pdf).map_err(|e| e.to_string())?;
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", copy.to_str().expect("utf-8"), "-"])
        .output()
        .map_err(|e| format!("pdftotext: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [name.trim(), "01/2026", "OCMW "] {
        if !text.contains(needle) {
            return Err(format!("the prestatiestaat lacks {needle:?}:\n{text}"));
        }
    }

    // Save it as PDF: the save dialog is answered by WERKBANK_SAVE_FILE; the same bytes.
    app.click(By::id("prestatiestaat-save")).await?;
    app.wait_text(By::id("prestatiestaat-done"), "PDF opgeslagen").await?;
    let saved = std::fs::read(&files.xlsx).map_err(|e| e.to_string())?;
    if saved != pdf {
        return Err("the saved prestatiestaat differs from the opened one".into());
    }
    app.screenshot("02-saved").await;
    Ok(())
}
