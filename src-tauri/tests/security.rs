//! Least privilege: the window may call exactly Werkbank's own commands, and the CSP
//! allows no remote or inline content.

fn manifest_commands() -> Vec<String> {
    let build = include_str!("../build.rs");
    let list = build.split("const COMMANDS: &[&str] = &[").nth(1).expect("COMMANDS in build.rs");
    let list = list.split("];").next().expect("end of COMMANDS");
    list.split(',').map(|s| s.trim().trim_matches('"').to_string()).filter(|s| !s.is_empty()).collect()
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
fn every_command_is_registered_in_the_handler() {
    let main = include_str!("../src/main.rs");
    let handler = main.split("generate_handler![").nth(1).unwrap().split(']').next().unwrap();
    let mut registered: Vec<&str> = handler.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    let commands = manifest_commands();
    let mut expected: Vec<&str> = commands.iter().map(String::as_str).collect();
    registered.sort();
    expected.sort();
    assert_eq!(registered, expected);
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
