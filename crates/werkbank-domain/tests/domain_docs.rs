//! The code cites the project's own domain documentation: every `docs/domain/<file>.md`
//! a comment names exists (and the heading it quotes, when it quotes one), and nothing
//! cites the research notes that are not in the repository (DOMAIN.md, subsidy-rules.md,
//! a bare claims.md §…).

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            if !["target", "node_modules", "dist", "bindings", "gen"].contains(&name.as_str()) {
                sources(&path, out);
            }
        } else if [".rs", ".ts", ".svelte"].iter().any(|e| name.ends_with(e)) {
            out.push(path);
        }
    }
}

#[test]
fn code_cites_docs_domain_and_never_the_notes() {
    let root = root();
    let mut files = Vec::new();
    for dir in ["crates", "src-tauri/src", "src-tauri/tests", "ui/src", "tests"] {
        sources(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "{} files", files.len());
    let me = Path::new(file!()).file_name().unwrap();
    let mut problems = Vec::new();
    let mut cited = 0;
    for file in &files {
        if file.file_name() == Some(me) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let at = format!("{}:{}", file.strip_prefix(&root).unwrap_or(file).display(), n + 1);
            for note in ["DOMAIN.md", "subsidy-rules.md", "claims.md §"] {
                if line.contains(note) && !line.contains("docs/domain/") {
                    problems.push(format!("{at}: cites the notes ({note})"));
                }
            }
            for (i, _) in line.match_indices("docs/domain/") {
                let rest = &line[i..];
                let end = rest.find(".md").map(|e| e + 3).unwrap_or(rest.len());
                let doc = root.join(&rest[..end]);
                cited += 1;
                let Ok(body) = std::fs::read_to_string(&doc) else {
                    problems.push(format!("{at}: {} does not exist", &rest[..end]));
                    continue;
                };
                // `docs/domain/ratios.md, "Methods"` quotes a heading: it must be there.
                let quoted = rest[end..].strip_prefix(", \"").and_then(|q| q.split_once('"')).map(|(h, _)| h);
                if let Some(quoted) = quoted {
                    if !body.lines().any(|l| l.starts_with('#') && l.trim_start_matches('#').trim() == quoted) {
                        problems.push(format!("{at}: no heading \"{quoted}\" in {}", &rest[..end]));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(cited > 20, "only {cited} citations of docs/domain");
}
