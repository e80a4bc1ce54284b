// The app manifest lists every command the UI may call; tauri-build turns each into an
// `allow-<command>` permission, granted in capabilities/default.json. A command missing
// from a capability cannot be invoked.
macro_rules! werkbank_commands {
    [$($command:ident),* $(,)?] => {
        const COMMANDS: &[&str] = &[$(stringify!($command)),*];
    };
}
include!("src/command_list.rs");

/// The permissions `allow-<command>` that capabilities/default.json grants.
fn granted() -> Vec<String> {
    let cap = std::fs::read_to_string("capabilities/default.json").expect("capabilities/default.json");
    cap.split('"').filter(|s| s.starts_with("allow-")).map(str::to_string).collect()
}

/// The commands ui/src/lib/api.ts calls: the first argument of every `call<…>('name'`.
fn called() -> Vec<String> {
    let api = std::fs::read_to_string("../ui/src/lib/api.ts").expect("ui/src/lib/api.ts");
    api.split("call<")
        .skip(1)
        .filter_map(|rest| {
            // `call<ClaimDto | null>('name', …)`; the generic itself (`call<T>(command: …)`) has no name.
            let (generic, name) = rest.split_once("('")?;
            if generic.contains(['(', '\n']) {
                return None;
            }
            name.split_once('\'').map(|(n, _)| n.to_string())
        })
        .collect()
}

/// The capability and the UI's calls must name exactly the listed commands: a mismatch
/// stops the build with what differs.
fn check_in_step() {
    let listed: std::collections::BTreeSet<String> = COMMANDS.iter().map(|c| c.to_string()).collect();
    let allowed: std::collections::BTreeSet<String> =
        listed.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    let granted: std::collections::BTreeSet<String> = granted().into_iter().collect();
    let called: std::collections::BTreeSet<String> = called().into_iter().collect();
    let mut problems = Vec::new();
    for p in granted.symmetric_difference(&allowed) {
        problems.push(format!(
            "capabilities/default.json: {p} {}",
            if granted.contains(p) { "granted but not a listed command" } else { "missing" }
        ));
    }
    for c in called.symmetric_difference(&listed) {
        problems.push(format!(
            "ui/src/lib/api.ts: {c} {}",
            if called.contains(c) { "called but not a listed command" } else { "never called" }
        ));
    }
    assert!(problems.is_empty(), "the command list (src/command_list.rs) is out of step:\n{}", problems.join("\n"));
}

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    println!("cargo:rerun-if-changed=capabilities/default.json");
    println!("cargo:rerun-if-changed=../ui/src/lib/api.ts");
    check_in_step();
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
