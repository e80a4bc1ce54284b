//! Werkbank's desktop shell. Each command takes its parameters, calls one method of
//! `werkbank_api::Api` and returns its DTO, or the error as `{kind, code, message, details}`.
//! Nothing else lives here: rules, storage and texts are in the shared crates.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
// A command function that src/command_list.rs does not name is never registered: refuse it.
#![deny(dead_code)]

// A release build serves the UI embedded in the binary; without it the window would load
// the Vite dev server's address. Refuse to build such a release.
#[cfg(all(not(debug_assertions), not(feature = "custom-protocol")))]
compile_error!(
    "a release build of Werkbank embeds its UI: build with `--features custom-protocol` (scripts/run.sh does)"
);
// The test hooks answer dialogs from environment variables: never in a release build.
#[cfg(all(not(debug_assertions), feature = "test-hooks"))]
compile_error!("the test hooks (feature `test-hooks`) are for test builds only");

mod files;

use files::PickedFiles;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_dialog::DialogExt;
use werkbank_api::dto::*;
use werkbank_api::{paths, Api, ErrorDto};

macro_rules! werkbank_commands {
    [$($command:ident),* $(,)?] => {
        /// The invoke handler of exactly the commands of `command_list.rs`.
        fn invoke_handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($command),*]
        }
    };
}
include!("command_list.rs");

type Reply<T> = Result<T, ErrorDto>;

/// Runs a use case guarded ([`werkbank_api::error::guarded`]): even a panic in it answers
/// the webview with an error, so the window never waits forever or goes down.
async fn run<T>(api: &Api, use_case: impl std::future::Future<Output = werkbank_api::error::Result<T>>) -> Reply<T> {
    reply(api, werkbank_api::error::guarded(use_case).await)
}

fn reply<T>(api: &Api, r: werkbank_api::error::Result<T>) -> Reply<T> {
    r.map_err(|e| {
        tracing::warn!(error = %e, "command failed");
        api.error_dto(&e)
    })
}

#[tauri::command]
async fn app_status(api: State<'_, Api>) -> Reply<AppStatusDto> {
    run(&api, api.status()).await
}

#[tauri::command]
async fn load_demo(api: State<'_, Api>) -> Reply<DemoSummaryDto> {
    run(&api, api.load_demo()).await
}

#[tauri::command]
async fn get_organisation(api: State<'_, Api>) -> Reply<Option<OrganisationDto>> {
    run(&api, api.organisation()).await
}

#[tauri::command]
async fn save_organisation(api: State<'_, Api>, input: OrganisationDto) -> Reply<OrganisationDto> {
    run(&api, api.save_organisation(input)).await
}

#[tauri::command]
async fn list_staff(api: State<'_, Api>, filter: StaffFilter) -> Reply<Vec<StaffRowDto>> {
    run(&api, api.list_staff(filter)).await
}

#[tauri::command]
async fn get_person(api: State<'_, Api>, id: i64) -> Reply<PersonDetailDto> {
    run(&api, api.person(id)).await
}

#[tauri::command]
async fn create_person(api: State<'_, Api>, input: PersonInput) -> Reply<PersonDetailDto> {
    run(&api, api.create_person(input)).await
}

#[tauri::command]
async fn update_person(api: State<'_, Api>, id: i64, input: PersonInput) -> Reply<PersonDetailDto> {
    run(&api, api.update_person(id, input)).await
}

#[tauri::command]
async fn add_period(api: State<'_, Api>, person_id: i64, input: PeriodInput) -> Reply<PersonDetailDto> {
    run(&api, api.add_period(person_id, input)).await
}

#[tauri::command]
async fn update_period(api: State<'_, Api>, period_id: i64, input: PeriodInput) -> Reply<PersonDetailDto> {
    run(&api, api.update_period(period_id, input)).await
}

#[tauri::command]
async fn delete_period(api: State<'_, Api>, period_id: i64) -> Reply<PersonDetailDto> {
    run(&api, api.delete_period(period_id)).await
}

#[tauri::command]
async fn fte_overview(api: State<'_, Api>, period: String) -> Reply<FteOverviewDto> {
    run(&api, api.fte_overview(&period)).await
}

/// The file chosen under `token` (see [`choose_spreadsheet`]); a token this run of the app
/// did not give out is refused: the webview cannot name a file itself.
fn picked(api: &Api, picked: &PickedFiles, token: &str) -> Reply<PathBuf> {
    picked.get(token).ok_or_else(|| {
        api.error_dto(&werkbank_api::error::AppError::Import {
            code: "import.file_not_chosen".into(),
            params: BTreeMap::new(),
            issues: Vec::new(),
        })
    })
}

#[tauri::command]
async fn preview_staff_import(
    api: State<'_, Api>,
    files: State<'_, PickedFiles>,
    file: String,
    sheet: Option<String>,
    mapping: Option<BTreeMap<String, u32>>,
) -> Reply<StaffImportPreviewDto> {
    let path = picked(&api, &files, &file)?;
    run(&api, api.preview_staff_import(&path, StaffFileOptions { sheet, mapping })).await
}

#[tauri::command]
async fn import_staff(
    api: State<'_, Api>,
    files: State<'_, PickedFiles>,
    file: String,
    sheet: Option<String>,
    mapping: Option<BTreeMap<String, u32>>,
) -> Reply<StaffImportResultDto> {
    let path = picked(&api, &files, &file)?;
    run(&api, api.import_staff(&path, StaffFileOptions { sheet, mapping })).await
}

#[tauri::command]
async fn rule_sets(api: State<'_, Api>) -> Reply<Vec<RuleSetDto>> {
    run(&api, api.rule_sets()).await
}

#[tauri::command]
async fn save_rule_value(api: State<'_, Api>, input: RuleValueInput) -> Reply<Vec<RuleSetDto>> {
    run(&api, api.save_rule_value(input)).await
}

#[tauri::command]
async fn delete_rule_value(api: State<'_, Api>, id: i64) -> Reply<Vec<RuleSetDto>> {
    run(&api, api.delete_rule_value(id)).await
}

#[tauri::command]
async fn ratios(api: State<'_, Api>, period: String) -> Reply<RatiosDto> {
    run(&api, api.ratios(&period)).await
}

#[tauri::command]
async fn eligibility(
    api: State<'_, Api>,
    person_id: i64,
    category: werkbank_api::Category,
    on: String,
    work_form_id: Option<i64>,
) -> Reply<EligibilityDto> {
    run(&api, api.eligibility(person_id, category, &on, work_form_id)).await
}

#[tauri::command]
async fn problems(api: State<'_, Api>, period: Option<String>) -> Reply<ProblemsDto> {
    run(&api, api.problems(period.as_deref())).await
}

/// Opens the native file chooser for a spreadsheet and keeps the chosen file on this side:
/// the webview gets a token for it (`null` when cancelled), never its path. The dialog is
/// opened from Rust, so the webview needs no file-system or dialog permission.
/// `WERKBANK_PICK_FILE` answers for the chooser in test builds (feature `test-hooks`).
#[tauri::command]
async fn choose_spreadsheet(
    app: tauri::AppHandle,
    api: State<'_, Api>,
    files: State<'_, PickedFiles>,
) -> Result<Option<String>, ErrorDto> {
    let Some(path) = test_hook("WERKBANK_PICK_FILE").or_else(|| {
        app.dialog()
            .file()
            .set_title("Bestand kiezen")
            .add_filter("Rekenbladen (xlsx, xls, ods, csv)", &["xlsx", "xls", "ods", "csv", "txt"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    }) else {
        return Ok(None);
    };
    files.keep(path).map(Some).map_err(|e| api.error_dto(&werkbank_api::error::AppError::Internal(e.to_string())))
}

/// A path an automated test gives instead of a dialog's answer: only in builds with the
/// feature `test-hooks` (the test command's); a release build has no such door.
fn test_hook(_name: &str) -> Option<PathBuf> {
    #[cfg(feature = "test-hooks")]
    if let Some(path) = std::env::var_os(_name) {
        return Some(PathBuf::from(path));
    }
    None
}

#[tauri::command]
async fn import_payroll(
    api: State<'_, Api>,
    files: State<'_, PickedFiles>,
    file: String,
    options: PayrollImportOptions,
    on_progress: Channel<ProgressDto>,
) -> Reply<PayrollImportResultDto> {
    let path = picked(&api, &files, &file)?;
    let mut progress = |p: werkbank_api::Progress| {
        let _ = on_progress.send(ProgressDto { rows_done: p.rows_done as u32, rows_total: p.rows_total as u32 });
    };
    run(&api, api.import_payroll(&path, options, &mut progress)).await
}

#[tauri::command]
async fn payroll_batches(api: State<'_, Api>) -> Reply<Vec<BatchDto>> {
    run(&api, api.payroll_batches()).await
}

#[tauri::command]
async fn undo_payroll_batch(api: State<'_, Api>, id: i64) -> Reply<BatchDto> {
    run(&api, api.undo_payroll_batch(id)).await
}

#[tauri::command]
async fn wage_codes(api: State<'_, Api>) -> Reply<Vec<WageCodeDto>> {
    run(&api, api.wage_codes()).await
}

#[tauri::command]
async fn save_wage_code(api: State<'_, Api>, input: WageCodeDto) -> Reply<Vec<WageCodeDto>> {
    run(&api, api.save_wage_code(input)).await
}

#[tauri::command]
async fn delete_wage_code(api: State<'_, Api>, id: i64) -> Reply<Vec<WageCodeDto>> {
    run(&api, api.delete_wage_code(id)).await
}

#[tauri::command]
async fn mapping_profiles(api: State<'_, Api>) -> Reply<Vec<String>> {
    run(&api, api.mapping_profiles()).await
}

#[tauri::command]
async fn mapping_profile_list(api: State<'_, Api>) -> Reply<Vec<MappingProfileDto>> {
    run(&api, api.mapping_profile_list()).await
}

#[tauri::command]
async fn rename_mapping_profile(api: State<'_, Api>, old: String, new: String) -> Reply<Vec<MappingProfileDto>> {
    run(&api, api.rename_mapping_profile(&old, &new)).await
}

#[tauri::command]
async fn delete_mapping_profile(api: State<'_, Api>, name: String) -> Reply<Vec<MappingProfileDto>> {
    run(&api, api.delete_mapping_profile(&name)).await
}

#[tauri::command]
async fn reconciliation(api: State<'_, Api>, period: String) -> Reply<ReconciliationDto> {
    run(&api, api.reconciliation(&period)).await
}

#[tauri::command]
async fn waitlist(api: State<'_, Api>, filter: WaitlistFilter) -> Reply<WaitlistDto> {
    run(&api, api.waitlist(filter)).await
}

#[tauri::command]
async fn get_candidate(api: State<'_, Api>, id: i64) -> Reply<CandidateDetailDto> {
    run(&api, api.candidate(id)).await
}

#[tauri::command]
async fn create_candidate(api: State<'_, Api>, input: CandidateInput) -> Reply<CandidateDetailDto> {
    run(&api, api.create_candidate(input)).await
}

#[tauri::command]
async fn update_candidate(api: State<'_, Api>, id: i64, input: CandidateInput) -> Reply<CandidateDetailDto> {
    run(&api, api.update_candidate(id, input)).await
}

#[tauri::command]
async fn change_candidate_status(api: State<'_, Api>, id: i64, input: StatusChangeInput) -> Reply<CandidateDetailDto> {
    run(&api, api.change_candidate_status(id, input)).await
}

#[tauri::command]
async fn hire_candidate(api: State<'_, Api>, id: i64, input: HireInput) -> Reply<HireResultDto> {
    run(&api, api.hire_candidate(id, input)).await
}

#[tauri::command]
async fn waitlist_stats(api: State<'_, Api>) -> Reply<WaitlistStatsDto> {
    run(&api, api.waitlist_stats()).await
}

#[tauri::command]
async fn set_open_places(api: State<'_, Api>, work_form_id: i64, places: Option<u32>) -> Reply<WaitlistStatsDto> {
    run(&api, api.set_open_places(work_form_id, places)).await
}

#[tauri::command]
async fn agenda(api: State<'_, Api>, until: Option<String>) -> Reply<AgendaDto> {
    run(&api, api.agenda(until.as_deref())).await
}

#[tauri::command]
async fn person_path(api: State<'_, Api>, person_id: i64) -> Reply<PersonPathDto> {
    run(&api, api.person_path(person_id)).await
}

#[tauri::command]
async fn record_meeting(api: State<'_, Api>, input: MeetingInput) -> Reply<PersonPathDto> {
    run(&api, api.record_meeting(input)).await
}

#[tauri::command]
async fn save_guidance_plan(api: State<'_, Api>, input: GuidancePlanInput) -> Reply<PersonPathDto> {
    run(&api, api.save_guidance_plan(input)).await
}

#[tauri::command]
async fn record_leaving(api: State<'_, Api>, person_id: i64, input: LeavingInput) -> Reply<PersonPathDto> {
    run(&api, api.record_leaving(person_id, input)).await
}

#[tauri::command]
async fn path_settings(api: State<'_, Api>) -> Reply<PathSettingsDto> {
    run(&api, api.path_settings()).await
}

#[tauri::command]
async fn save_path_settings(api: State<'_, Api>, input: PathSettingsDto) -> Reply<PathSettingsDto> {
    run(&api, api.save_path_settings(input)).await
}

#[tauri::command]
async fn turnover(api: State<'_, Api>) -> Reply<TurnoverDto> {
    run(&api, api.turnover()).await
}

#[tauri::command]
async fn worker_attributes(api: State<'_, Api>, person_id: i64) -> Reply<Vec<WorkerAttributeDto>> {
    run(&api, api.worker_attributes(person_id)).await
}

#[tauri::command]
async fn save_worker_attribute(api: State<'_, Api>, input: WorkerAttributeInput) -> Reply<Vec<WorkerAttributeDto>> {
    run(&api, api.save_worker_attribute(input)).await
}

#[tauri::command]
async fn delete_worker_attribute(api: State<'_, Api>, id: i64) -> Reply<Vec<WorkerAttributeDto>> {
    run(&api, api.delete_worker_attribute(id)).await
}

#[tauri::command]
async fn compute_claim(api: State<'_, Api>, work_form_id: i64, period: String) -> Reply<ClaimDto> {
    run(&api, api.compute_claim(work_form_id, &period)).await
}

#[tauri::command]
async fn list_claims(api: State<'_, Api>) -> Reply<Vec<ClaimSummaryDto>> {
    run(&api, api.claims()).await
}

#[tauri::command]
async fn get_claim(api: State<'_, Api>, id: i64) -> Reply<ClaimDto> {
    run(&api, api.claim(id)).await
}

#[tauri::command]
async fn recompute_claim(api: State<'_, Api>, id: i64) -> Reply<ClaimDto> {
    run(&api, api.recompute_claim(id)).await
}

#[tauri::command]
async fn issue_claim(api: State<'_, Api>, id: i64, input: IssueClaimInput) -> Reply<ClaimDto> {
    run(&api, api.issue_claim(id, input)).await
}

#[tauri::command]
async fn amend_claim(api: State<'_, Api>, id: i64) -> Reply<ClaimDto> {
    run(&api, api.amend_claim(id)).await
}

#[tauri::command]
async fn settle_claim(api: State<'_, Api>, id: i64, stream: String, amount: String) -> Reply<ClaimDto> {
    run(&api, api.settle_claim(id, &stream, &amount)).await
}

#[tauri::command]
async fn claim_rule_sets(api: State<'_, Api>) -> Reply<Vec<ClaimRuleSetDto>> {
    run(&api, api.claim_rule_sets()).await
}

#[tauri::command]
async fn install_claim_template(api: State<'_, Api>, code: String) -> Reply<ClaimRuleSetDto> {
    run(&api, api.install_claim_template(&code)).await
}

#[tauri::command]
async fn set_claim_parameter(api: State<'_, Api>, input: ClaimParameterInput) -> Reply<ClaimRuleSetDto> {
    run(&api, api.set_claim_parameter(input)).await
}

/// Opens the native save dialog with a default file name; `None` when cancelled. Opened
/// from Rust like `choose_spreadsheet`: the webview has no dialog or file-system access.
/// `WERKBANK_SAVE_FILE` answers for the dialog in test builds (feature `test-hooks`).
/// `title` is the dialog's catalogue key (`dialog.save_pdf`, `dialog.save_list`, …).
fn choose_save_path(app: &tauri::AppHandle, api: &Api, file_name: &str, kind: &str, title: &str) -> Option<PathBuf> {
    if let Some(path) = test_hook("WERKBANK_SAVE_FILE") {
        return Some(path);
    }
    let cat = api.catalogue();
    let mut dialog = app
        .dialog()
        .file()
        .set_title(cat.text(title))
        .set_file_name(file_name)
        .add_filter(cat.text(&format!("dialog.filter_{kind}")), &[kind]);
    if let Ok(documents) = tauri::Manager::path(app).document_dir() {
        dialog = dialog.set_directory(documents);
    }
    dialog.blocking_save_file().and_then(|p| p.into_path().ok())
}

/// Saves the claim's PDF where the director chooses; `null` when cancelled.
#[tauri::command]
async fn save_claim_pdf(app: tauri::AppHandle, api: State<'_, Api>, id: i64) -> Reply<Option<ExportDto>> {
    let name = run(&api, api.claim_file_name(id, "pdf")).await?;
    let Some(path) = choose_save_path(&app, &api, &name, "pdf", "dialog.save_pdf") else { return Ok(None) };
    run(&api, api.save_claim_pdf(id, &path)).await.map(Some)
}

/// Writes the claim's PDF to the private print folder and opens it in the system viewer
/// (from Rust; `WERKBANK_OPEN_WITH` replaces the viewer in tests).
#[tauri::command]
async fn open_claim_pdf(api: State<'_, Api>, id: i64) -> Reply<ExportDto> {
    run(&api, api.open_claim_pdf(id, &paths::print_folder())).await
}

/// Saves an article 60 worker's prestatiestaat for `month` (`2026-01`) where the director
/// chooses (default name `prestatiestaat-<name>-2026-01.pdf`); `null` when cancelled.
#[tauri::command]
async fn save_prestatiestaat(
    app: tauri::AppHandle,
    api: State<'_, Api>,
    person_id: i64,
    month: String,
) -> Reply<Option<ExportDto>> {
    let name = run(&api, api.prestatiestaat_file_name(person_id, &month)).await?;
    let Some(path) = choose_save_path(&app, &api, &name, "pdf", "dialog.save_pdf") else { return Ok(None) };
    run(&api, api.save_prestatiestaat(person_id, &month, &path)).await.map(Some)
}

/// Writes the prestatiestaat to the private print folder and opens it in the system viewer,
/// as `open_claim_pdf` does.
#[tauri::command]
async fn open_prestatiestaat(api: State<'_, Api>, person_id: i64, month: String) -> Reply<ExportDto> {
    run(&api, api.open_prestatiestaat(person_id, &month, &paths::print_folder())).await
}

/// Exports the claim's lines to an xlsx file where the director chooses; `null` when cancelled.
#[tauri::command]
async fn save_claim_xlsx(app: tauri::AppHandle, api: State<'_, Api>, id: i64) -> Reply<Option<ExportDto>> {
    let name = run(&api, api.claim_file_name(id, "xlsx")).await?;
    let Some(path) = choose_save_path(&app, &api, &name, "xlsx", "dialog.save_xlsx") else { return Ok(None) };
    run(&api, api.export_claim_xlsx(id, &path)).await.map(Some)
}

/// Exports the list a screen shows, with its filter, to an xlsx file where the director
/// chooses (default name: the list and its period or today); `null` when cancelled.
#[tauri::command]
async fn save_list_xlsx(app: tauri::AppHandle, api: State<'_, Api>, request: ListRequest) -> Reply<Option<ExportDto>> {
    let name = api.list_file_name(&request);
    let Some(path) = choose_save_path(&app, &api, &name, "xlsx", "dialog.save_list") else { return Ok(None) };
    run(&api, api.export_list_xlsx(&request, &path)).await.map(Some)
}

/// `--db PATH` (or `--db=PATH`) picks another database; otherwise `$WERKBANK_DB` or the
/// platform's data directory.
fn database_path() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(p) = args.next() {
                return PathBuf::from(p);
            }
        } else if let Some(p) = arg.strip_prefix("--db=") {
            return PathBuf::from(p);
        }
    }
    paths::default_database_path()
}

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("WERKBANK_LOG").unwrap_or_else(|_| "warn".into()))
        .init();
    let path = database_path();
    let api = match tauri::async_runtime::block_on(Api::open(&path)) {
        Ok(api) => api,
        Err(e) => {
            let dto = e.to_dto(werkbank_api::messages::Catalogue::nl_be());
            eprintln!("Werkbank kan niet starten: {} ({})", dto.message, path.display());
            std::process::exit(1);
        }
    };
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(api)
        .manage(PickedFiles::default())
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!())
        .expect("error while running Werkbank");
}
