//! E2E: a candidate moves from the waitlist to the register (waiting → invited → intake →
//! hired) in the real app, and the first meetings of the path appear on the agenda.

use crate::harness::{self, App, By};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_candidate_goes_from_the_waitlist_to_hired_and_the_agenda() {
    let app = App::launch("waitlist").await;
    let result = scenario(&app).await;
    if result.is_err() {
        app.screenshot("failure").await;
    }
    app.quit().await;
    result.unwrap();
}

async fn scenario(app: &App) -> Result<(), String> {
    app.click(By::id("load-demo")).await?;
    app.wait_count(By::id("staff-row"), 40).await?;

    // The demo waitlist: 10 candidates still on the list, the order explained.
    app.click(By::id("nav-waitlist")).await?;
    app.wait_count(By::id("candidate-row"), 10).await?;
    app.wait_text(By::id("waitlist-order"), "datum van doorverwijzing").await?;
    app.screenshot("01-waitlist").await;
    // An attest whose last day has passed (Ait Said's, 5 days ago) shows as ended, in the
    // list and on the candidate's page; one ending within 30 days as ending.
    app.wait_text(By::css("[data-testid=\"attest-alert\"][data-state=\"ended\"]"), "Attest verlopen op").await?;
    app.wait_text(By::css("[data-testid=\"attest-alert\"][data-state=\"ends_soon\"]"), "Attest loopt af op").await?;
    app.click(By::css("[data-testid=\"candidate-row\"][data-attest=\"ended\"] a")).await?;
    app.wait_text(By::id("candidate-attest-state"), "verlopen").await?;
    app.click(By::id("nav-waitlist")).await?;
    app.wait_count(By::id("candidate-row"), 10).await?;

    // A new candidate; the notes warn against medical details.
    app.click(By::id("candidate-add")).await?;
    app.fill(By::id("candidate-last-name"), "Verbruggen").await?;
    app.fill(By::id("candidate-first-name"), "Lotte").await?;
    app.fill(By::id("candidate-insz"), "93.05.18-223.61").await?;
    app.select(By::id("candidate-referrer"), "vdab").await?;
    app.fill(By::id("candidate-referral-date"), "05/01/2026").await?;
    app.fill(By::id("candidate-counsellor"), "Karel Bogaerts (VDAB Gent)").await?;
    app.select(By::id("candidate-category"), "target_group_recognised").await?;
    app.wait_text(By::id("medical-warning"), "geen medische gegevens").await?;
    app.fill(By::id("candidate-notes"), "volgt therapie").await?;
    app.wait_visible(By::id("medical-suspect")).await?;
    app.screenshot("02-candidate-form").await;
    app.fill(By::id("candidate-notes"), "Heeft rijbewijs B").await?;
    app.wait_count(By::id("medical-suspect"), 0).await?;
    app.click(By::id("candidate-save")).await?;
    app.wait_text(By::id("candidate-current-status"), "Wachtend").await?;
    app.wait_count(By::id("history-row"), 1).await?;

    // Invited, then intake (the day defaults to today), each with its reason in the history.
    app.select(By::id("status-select"), "invited").await?;
    app.fill(By::id("status-reason"), "uitgenodigd per brief").await?;
    app.click(By::id("status-save")).await?;
    app.wait_text(By::id("candidate-current-status"), "Uitgenodigd").await?;
    app.select(By::id("status-select"), "intake").await?;
    app.click(By::id("status-save")).await?;
    app.wait_text(By::id("candidate-current-status"), "Intake").await?;
    app.wait_count(By::id("history-row"), 3).await?;
    app.wait_text(By::id("history-row"), "uitgenodigd per brief").await?;
    app.screenshot("03-candidate-intake").await;

    // Hire: the person and the first period are made, the entry conditions shown, and the
    // first meetings of the path listed.
    app.click(By::id("hire-open")).await?;
    app.fill(By::id("hire-q"), "38").await?;
    app.fill(By::id("hire-s"), "38").await?;
    app.click(By::id("hire-confirm")).await?;
    app.wait_visible(By::id("hire-result")).await?;
    // The demo workshop is a maatwerk company since 2019: its target group is who has the
    // VDAB's decision, which Werkbank names instead of the social workshops' conditions.
    app.wait_text(By::id("eligibility-none"), "beslissing van de VDAB").await?;
    app.wait_text(By::id("hire-agenda-item"), "Onthaalgesprek").await?;
    app.wait_text(By::id("hire-agenda-item"), "Opvolgingsgesprek").await?;
    app.wait_text(By::id("candidate-current-status"), "Aangeworven").await?;
    app.screenshot("04-hired").await;

    // The person is in the register, with the path on their page.
    app.click(By::id("hire-person-link")).await?;
    app.wait_text(By::id("person-detail"), "Verbruggen").await?;
    app.wait_text(By::id("period-row"), "Doelgroep erkend").await?;
    app.wait_text(By::id("path-meeting"), "Onthaalgesprek").await?;
    app.screenshot("05-person-path").await;

    // The agenda shows the intake of today among the meetings to do.
    app.click(By::id("nav-agenda")).await?;
    app.wait_text(By::css("[data-testid=\"agenda-item\"][data-status=\"due\"]"), "Verbruggen").await?;
    app.wait_text(By::css("[data-testid=\"agenda-item\"][data-kind=\"intake\"]"), "Verbruggen").await?;
    app.screenshot("06-agenda").await;
    // Filter the agenda: by person, then also by state; only Verbruggen's meetings to do stay.
    app.fill(By::id("agenda-filter-person"), "verbrug").await?;
    app.select(By::id("agenda-filter-status"), "due").await?;
    app.wait_text(By::id("agenda-shown"), "van").await?;
    app.wait_count(By::css("[data-testid=\"agenda-item\"][data-status=\"overdue\"]"), 0).await?;
    app.wait_count(By::id("agenda-count-done"), 0).await?;
    let shown = app.text(By::id("agenda-shown")).await?;
    let n = harness::first_integer(&shown).ok_or(format!("no count in {shown:?}"))?;
    app.wait_count(By::id("agenda-item"), n as usize).await?;
    app.wait_until(By::id("agenda-item"), |t| t.contains("Verbruggen"), "Verbruggen").await?;
    app.screenshot("06b-agenda-filtered").await;
    app.select(By::id("agenda-filter-status"), "").await?;
    app.fill(By::id("agenda-filter-person"), "").await?;

    // Back on the list: the hired candidate has left it; the register counts 41 people.
    app.click(By::id("nav-waitlist")).await?;
    app.wait_count(By::id("candidate-row"), 10).await?;
    // The figures per work form, with the inflow/outflow chart.
    app.click(By::id("waitlist-tab-stats")).await?;
    app.wait_visible(By::id("waitlist-stats-maatwerk")).await?;
    app.wait_visible(By::id("waitlist-stats-work_care")).await?;
    app.wait_visible(By::id("stat-attest-alert")).await?;
    app.screenshot("07-waitlist-stats").await;
    app.click(By::id("nav-staff")).await?;
    app.wait_count(By::id("staff-row"), 41).await?;
    Ok(())
}
