// The app manifest lists every command the UI may call; tauri-build turns each into an
// `allow-<command>` permission, granted in capabilities/default.json. A command missing
// from a capability cannot be invoked.
const COMMANDS: &[&str] = &[
    "app_status",
    "load_demo",
    "get_organisation",
    "save_organisation",
    "list_staff",
    "get_person",
    "create_person",
    "update_person",
    "add_period",
    "update_period",
    "delete_period",
    "fte_overview",
    "preview_staff_import",
    "import_staff",
    "rule_sets",
    "save_rule_value",
    "delete_rule_value",
    "ratios",
    "eligibility",
    "problems",
    "choose_spreadsheet",
    "import_payroll",
    "payroll_batches",
    "undo_payroll_batch",
    "wage_codes",
    "save_wage_code",
    "delete_wage_code",
    "mapping_profiles",
    "reconciliation",
    "worker_attributes",
    "save_worker_attribute",
    "delete_worker_attribute",
    "compute_claim",
    "list_claims",
    "get_claim",
    "recompute_claim",
    "issue_claim",
    "amend_claim",
    "settle_claim",
    "claim_rule_sets",
    "install_claim_template",
    "set_claim_parameter",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
