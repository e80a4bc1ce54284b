//! E2E: a list is one tab stop whose rows the arrow keys walk and Enter opens; it sorts by its columns (Dutch order: "Öztürk" with the O's, not after "Z";
//! fractions as numbers) and exports what it shows to Excel, read back from the file the
//! (replaced) save dialog named.

use crate::harness::{App, By};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_list_sorts_and_exports_what_it_shows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("personeel.xlsx");
    let app = App::launch_with_env("lists", &[("WERKBANK_SAVE_FILE", file.to_str().expect("utf-8"))]).await;
    let result = scenario(&app, &file).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

/// The last names of the staff rows, in the order shown.
async fn names(app: &App) -> Result<Vec<String>, String> {
    let v = app
        .js("return [...document.querySelectorAll('[data-testid=\"staff-row\"]')].map((r) => r.children[0].innerText.split('\\n')[0].trim());")
        .await?;
    Ok(v.as_array().ok_or("no rows")?.iter().map(|n| n.as_str().unwrap_or_default().to_string()).collect())
}

async fn scenario(app: &App, file: &std::path::Path) -> Result<(), String> {
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    // The register's own order puts Öztürk last (byte order of the stored names).
    let before = names(app).await?;
    if before.last().map(String::as_str) != Some("Öztürk") {
        return Err(format!("backend order: {before:?}"));
    }
    // Name, ascending: Dutch order, accents ignored — Öztürk between Nowak and Pauwels.
    app.click(By::id("sort-last_name")).await?;
    app.wait_text(By::css("[data-testid=\"sort-last_name\"]"), "Naam").await?;
    let up = names(app).await?;
    let nowak = up.iter().position(|n| n == "Nowak").ok_or("no Nowak")?;
    if up.first().map(String::as_str) != Some("Aerts") || up.get(nowak + 1).map(String::as_str) != Some("Öztürk") {
        return Err(format!("ascending: {up:?}"));
    }
    let header = app.attr(By::css("[aria-sort=\"ascending\"]"), "aria-sort").await?;
    if header != "ascending" {
        return Err(header);
    }
    // Again: descending, Wouters first, Aerts last.
    app.click(By::id("sort-last_name")).await?;
    let down = names(app).await?;
    if down.first().map(String::as_str) != Some("Wouters") || down.last().map(String::as_str) != Some("Aerts") {
        return Err(format!("descending: {down:?}"));
    }
    // The fraction as a number: the smallest of the demo (0,30) first.
    app.click(By::id("sort-fraction")).await?;
    app.wait_text(By::css("[data-testid=\"staff-row\"]"), "0,30").await?;
    app.screenshot("01-sorted-by-fraction").await;

    // Export what the list shows: all 40 people, then only the article 60 workers.
    app.click(By::css("[data-testid=\"export-xlsx\"][data-list=\"staff\"]")).await?;
    app.wait_text(By::id("export-outcome"), "40 lijnen geschreven naar").await?;
    let (rows, categories) = read_staff(file)?;
    if rows != 40 {
        return Err(format!("{rows} rows exported, not 40"));
    }
    std::fs::remove_file(file).map_err(|e| e.to_string())?;
    app.select(By::id("staff-category"), "article_60").await?;
    // Every row shown is an article 60 worker (the filtered list has replaced the full one).
    let only_article_60 = "const rows = [...document.querySelectorAll('[data-testid=\"staff-row\"]')];
        return rows.length > 0 && rows.every((r) => r.innerText.includes('Artikel 60')) ? rows.length : 0;";
    let start = std::time::Instant::now();
    let shown = loop {
        let n = app.js(only_article_60).await?.as_u64().unwrap_or(0) as usize;
        if n > 0 {
            break n;
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            return Err("the list never showed only article 60 workers".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    };
    app.click(By::css("[data-testid=\"export-xlsx\"][data-list=\"staff\"]")).await?;
    app.wait_text(By::id("export-outcome"), &format!("{shown} lijnen geschreven naar")).await?;
    let (rows, categories2) = read_staff(file)?;
    if rows != shown || categories2.iter().any(|c| c != "Artikel 60") || categories.len() != 40 {
        return Err(format!("filtered export: {rows} rows of {shown}, categories {categories2:?}"));
    }
    app.screenshot("02-exported").await;
    keyboard(app).await
}

/// The index of the focused staff row (-1: the focus is elsewhere) and how many rows are
/// a tab stop.
async fn focus(app: &App) -> Result<(i64, i64), String> {
    let v = app
        .js("const rows = [...document.querySelectorAll('[data-testid=\"staff-row\"]')];
             return [rows.indexOf(document.activeElement), rows.filter((r) => r.tabIndex === 0).length];")
        .await?;
    let n = |i: usize| v.get(i).and_then(serde_json::Value::as_i64).ok_or_else(|| format!("focus: {v}"));
    Ok((n(0)?, n(1)?))
}

/// The staff list by keyboard: the first row takes the focus, arrow down and up move it
/// one row, End to the last, Home back to the first; one row at a time is the tab stop;
/// Enter opens the focused person.
async fn keyboard(app: &App) -> Result<(), String> {
    app.select(By::id("staff-category"), "").await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    app.js("document.querySelector('[data-testid=\"staff-row\"]').focus(); return true;").await?;
    let steps = [
        ("", 0),
        ("\u{E015}", 1),
        ("\u{E015}", 2),
        ("\u{E013}", 1),
        ("\u{E010}", 39),
        ("\u{E011}", 0),
        ("\u{E015}", 1),
    ];
    for (keys, want) in steps {
        if !keys.is_empty() {
            app.press(keys).await?;
        }
        let (at, stops) = focus(app).await?;
        if (at, stops) != (want, 1) {
            return Err(format!("after {keys:?}: row {at} focused with {stops} tab stops, expected row {want} and 1"));
        }
    }
    let wanted = names(app).await?.get(1).cloned().ok_or("no second row")?;
    app.press("\u{E007}").await?;
    app.wait_text(By::id("person-name"), &wanted).await?;
    app.screenshot("03-opened-by-keyboard").await;
    Ok(())
}

/// The data rows of the exported staff workbook and their category column (labels).
fn read_staff(path: &std::path::Path) -> Result<(usize, Vec<String>), String> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sheet = book.worksheet_range("Personeel").map_err(|e| e.to_string())?;
    let header: Vec<String> = sheet.rows().next().ok_or("empty")?.iter().map(|c| c.to_string()).collect();
    let col = header.iter().position(|h| h == "Categorie").ok_or(format!("headers {header:?}"))?;
    let categories: Vec<String> = sheet.rows().skip(1).map(|r| r[col].to_string()).collect();
    Ok((categories.len(), categories))
}
