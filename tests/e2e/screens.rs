//! E2E: every screen of the demo, walked route by route in the real app, read as a person
//! reads it (the rendered text of the main area), with a screenshot of each at 1280×800 in
//! `test-artifacts/e2e/screens-*.png`. A screen fails when its text shows what only a
//! programmer should see: an identifier (`social_workshop`), a catalogue key
//! (`ui.claim.total`), a placeholder left unfilled (`{name}`), `undefined`/`NaN`, or a
//! number not in the Belgian format (`1593.81`, `38000`, `15,2000` outside the claim lines).

use crate::harness::{App, By};
use regex::Regex;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_of_the_demo_reads_as_dutch_without_identifiers() {
    let app = App::launch("screens").await;
    let result = walk(&app).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

/// One finding: the route, what rule it broke, and the text around it.
fn findings(route: &str, text: &str) -> Vec<String> {
    // Formatted identifiers of people and organisations are not numbers to format:
    // INSZ (93.02.25-123.45), KBO (0123.456.789), IBAN groups, periods (2026/1), dates.
    let formatted = Regex::new(
        r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}|\b\d{4}\.\d{3}\.\d{3}\b|\bBE\d{2}(?: \d{4}){3}\b|\b\d{2}/\d{2}/\d{4}\b|\b\d{4}/\d\b",
    )
    .unwrap();
    let text = formatted.replace_all(text, "‹id›");
    let rules: [(&str, &str); 7] = [
        ("identifier", r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"),
        (
            "catalogue key",
            r"\b(?:ui|claims|cli|export|validation|dialog|file|work_form|category)\.[a-z_]+(?:\.[a-z_]+)*",
        ),
        ("placeholder", r"\{[a-z_]+(?::[a-z]+)?\}"),
        ("missing value", r"\b(?:undefined|null|NaN|Infinity)\b|\[object "),
        // A dot before one, two or four and more digits is a decimal point, not a
        // thousands separator (groups of exactly three).
        ("decimal point", r"\b\d+\.(?:\d{1,2}|\d{4,})\b"),
        ("thousands without separator", r"(?:^|[^\d.,/:-])\d{5,}(?:$|[^\d.,/:-])"),
        ("unknown twice", r"(?i)onbekend\s*—\s*onbekend"),
    ];
    let mut out = Vec::new();
    for (name, pattern) in rules {
        for m in Regex::new(pattern).unwrap().find_iter(&text) {
            let start = text[..m.start()].char_indices().rev().nth(30).map(|(i, _)| i).unwrap_or(0);
            let end = text[m.end()..].char_indices().nth(30).map(|(i, _)| m.end() + i).unwrap_or(text.len());
            out.push(format!("{route}: {name} {:?} in …{}…", m.as_str(), text[start..end].replace('\n', " ⏎ ")));
        }
    }
    // Four decimals belong in the detail (the claim lines, tooltips), not on other screens.
    if !route.starts_with("/claim/") {
        for m in Regex::new(r"\d,\d{4}\b").unwrap().find_iter(&text) {
            out.push(format!("{route}: four decimals {:?}", m.as_str()));
        }
    }
    out
}

async fn walk(app: &App) -> Result<(), String> {
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;
    // The ids of a person of each kind the screens differ for, of a candidate and a claim.
    let person = |category: &str| {
        format!(
            "return [...document.querySelectorAll('[data-testid=\"staff-row\"]')]
               .find((r) => r.innerText.includes('{category}'))?.dataset.id ?? '';"
        )
    };
    let worker = app.js(&person("Doelgroep erkend")).await?.as_str().unwrap_or_default().to_string();
    let art60 = app.js(&person("Artikel 60")).await?.as_str().unwrap_or_default().to_string();
    let supervisor = app.js(&person("Begeleider erkend")).await?.as_str().unwrap_or_default().to_string();
    if worker.is_empty() || art60.is_empty() || supervisor.is_empty() {
        return Err(format!("demo people not found: {worker:?} {art60:?} {supervisor:?}"));
    }
    app.click(By::id("nav-waitlist")).await?;
    app.wait_count(By::id("candidate-row"), 10).await?;
    let candidate = app.attr(By::css("[data-testid=\"candidate-row\"] a"), "href").await?;
    // (The property is the whole URL: the route is what follows the `#`.)
    let candidate = candidate.rsplit_once('#').map(|(_, r)| r.to_string()).unwrap_or(candidate);
    // A claim: the demo's maatwerk company in 2026/1.
    app.click(By::id("nav-claims")).await?;
    app.fill(By::id("claim-period"), "2026/1").await?;
    app.click(By::id("claim-compute")).await?;
    app.wait_visible(By::id("claim-total")).await?;
    let claim = app.js("return location.hash.slice(1);").await?.as_str().unwrap_or_default().to_string();
    if !claim.starts_with("/claim/") {
        return Err(format!("no claim page after compute: {claim}"));
    }

    let routes: Vec<(String, &str)> = vec![
        ("/dashboard".into(), "dashboard"),
        ("/staff".into(), "staff"),
        ("/staff/import".into(), "staff-import"),
        (format!("/person/{worker}"), "person-worker"),
        (format!("/person/{art60}"), "person-article60"),
        (format!("/person/{supervisor}"), "person-supervisor"),
        (format!("/person/{worker}/edit"), "person-edit"),
        ("/person/new".into(), "person-new"),
        ("/overview".into(), "overview"),
        ("/rules".into(), "rules"),
        ("/organisation".into(), "organisation"),
        ("/payroll".into(), "payroll-import"),
        ("/payroll/batches".into(), "payroll-batches"),
        ("/payroll/wage-codes".into(), "payroll-wage-codes"),
        ("/payroll/reconciliation".into(), "payroll-reconciliation"),
        ("/payroll/mappings".into(), "payroll-mappings"),
        ("/waitlist".into(), "waitlist"),
        ("/waitlist/stats".into(), "waitlist-stats"),
        ("/waitlist/new".into(), "candidate-new"),
        (candidate.clone(), "candidate"),
        (format!("{candidate}/edit"), "candidate-edit"),
        ("/agenda".into(), "agenda"),
        ("/claims".into(), "claims"),
        ("/claims/rules".into(), "claim-rules"),
        (claim.clone(), "claim"),
    ];
    let mut all = Vec::new();
    for (route, name) in &routes {
        app.goto(route).await?;
        let text = app.settle().await.map_err(|e| format!("{route}: {e}"))?;
        if text.contains("Deze pagina bestaat niet") || text.trim().len() < 40 {
            return Err(format!("{route} shows no screen: {text:?}"));
        }
        app.js("window.scrollTo(0, 0); return 0;").await?;
        app.screenshot(&format!("{:02}-{name}", all.len())).await;
        if *name == "claim" {
            // The lines of the first stream, with their sortable headers and sticky names.
            app.scroll_to(By::css("table.lines")).await?;
            app.screenshot(&format!("{:02}-{name}-lines", all.len())).await;
        }
        all.push(findings(route, &text));
    }
    let errors = app.page_errors().await;
    let found: Vec<String> = all.into_iter().flatten().collect();
    if !found.is_empty() || !errors.is_empty() {
        return Err(format!("{} findings:\n{}\npage errors: {errors:?}", found.len(), found.join("\n")));
    }
    Ok(())
}

#[test]
fn the_scanner_catches_what_a_director_should_not_see() {
    let bad = [
        "Werkvorm: social_workshop",
        "ui.claim.total",
        "Welkom {name}",
        "Totaal undefined €",
        "Loon 1593,81 of 1593.81",
        "Contingent 38000 VTE",
        "Breuk 1,0000",
        "Onbekend — onbekend",
    ];
    for text in bad {
        assert!(!findings("/staff", text).is_empty(), "not caught: {text}");
    }
    let good = [
        "Totaal 127.125,93 € · 15,20 VTE · 2026/1 · 01/01/2026 tot 31/03/2026",
        "INSZ 93.02.25-123.45 · KBO 0123.456.789 · BE68 5390 0754 7034",
        "Afrekening nr 12 · 40 personen · 08:21",
    ];
    for text in good {
        assert_eq!(findings("/staff", text), Vec::<String>::new(), "{text}");
    }
    // The claim lines keep four decimals of FTE.
    assert!(findings("/claim/3", "VTE 0,8000").is_empty());
}
