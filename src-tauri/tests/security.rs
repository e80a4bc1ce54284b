//! Least privilege: the window may call exactly Werkbank's own commands, and the CSP
//! allows no remote or inline content.

macro_rules! werkbank_commands {
    [$($command:ident),* $(,)?] => {
        const COMMANDS: &[&str] = &[$(stringify!($command)),*];
    };
}
include!("../src/command_list.rs");

fn manifest_commands() -> Vec<String> {
    COMMANDS.iter().map(|c| c.to_string()).collect()
}

#[test]
fn capability_grants_exactly_the_app_commands() {
    let cap: serde_json::Value = serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
    let mut granted: Vec<String> =
        cap["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    let mut expected: Vec<String> =
        manifest_commands().iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    granted.sort();
    expected.sort();
    assert_eq!(granted, expected, "no core:, fs:, shell: or other plugin permissions");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
}

#[test]
fn the_command_list_names_each_command_once() {
    let mut sorted = manifest_commands();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), COMMANDS.len(), "a command named twice in src/command_list.rs");
    assert!(COMMANDS.len() > 60, "{} commands", COMMANDS.len());
}

#[test]
fn csp_is_strict() {
    let conf: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["style-src"], "'self'");
    // Only the app itself and Tauri's IPC endpoint: no remote host, no inline code.
    let allowed = ["'self'", "'none'", "data:", "ipc:", "http://ipc.localhost"];
    for (directive, sources) in csp.as_object().unwrap() {
        for source in sources.as_str().unwrap().split_whitespace() {
            assert!(allowed.contains(&source), "{directive} allows {source}");
        }
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}
