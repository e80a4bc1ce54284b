//! `werkbank`: the command-line adapter over `werkbank-api`. Each subcommand parses its
//! arguments, calls one use case, and prints the result as Dutch text or, with `--json`,
//! as the DTO's JSON (documented in docs/cli.md).

use clap::{Args, Parser, Subcommand};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use werkbank_api::dto::StaffFilter;
use werkbank_api::error::AppError;
use werkbank_api::messages::{format_date, Catalogue};
use werkbank_api::{paths, Api};

/// `println!` that ignores a closed pipe (`werkbank staff list | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

#[derive(Parser)]
#[command(
    name = "werkbank",
    version,
    about = "Werkbank: personeelsregister, VTE en subsidies voor sociale-economiebedrijven"
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct Global {
    /// Database file (default: $WERKBANK_DB, else the app's database in the user's data folder)
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Print machine-readable JSON instead of text
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Create or migrate the database
    Init,
    /// Load the synthetic demo workplace into an empty database
    Demo,
    /// The staff register
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Heads and FTE per category over a quarter (2026/1), month (2026-03) or year (2026)
    Fte {
        #[arg(long)]
        period: String,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Import a staff register (.xlsx, .xls, .ods, .csv): all rows or nothing
    Import {
        file: PathBuf,
        /// Worksheet name (default: the first)
        #[arg(long)]
        sheet: Option<String>,
        /// Check the file and show the problems; store nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List people (with --on: those employed on that day)
    List {
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Only this category (e.g. target_group_recognised)
        #[arg(long)]
        category: Option<String>,
        /// Part of a name or INSZ
        #[arg(long)]
        search: Option<String>,
    },
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let cat = Catalogue::nl_be();
    let path = cli.global.db.clone().unwrap_or_else(paths::default_database_path);
    let result = async {
        let api = Api::open(&path).await?;
        let out = run(&api, &cli, &path).await;
        api.close().await;
        out
    }
    .await;
    match result {
        Ok(code) => code,
        Err(e) => {
            let dto = e.to_dto(cat);
            if cli.global.json {
                out!("{}", serde_json::to_string_pretty(&serde_json::json!({ "error": dto })).expect("json"));
            } else {
                eprintln!("Fout: {}", dto.message);
                for v in dto.details.violations.iter().filter(|_| dto.details.violations.len() > 1) {
                    eprintln!("  - {}: {}", field_label(cat, &v.field), v.message);
                }
                for i in &dto.details.issues {
                    eprintln!("  - {}", issue_line(cat, i.row, &i.column, &i.message));
                }
            }
            ExitCode::FAILURE
        }
    }
}

fn field_label(cat: &Catalogue, field: &str) -> String {
    let key = format!("field.{field}");
    if cat.has(&key) {
        cat.text(&key)
    } else {
        field.to_string()
    }
}

fn issue_line(cat: &Catalogue, row: u32, column: &str, message: &str) -> String {
    let params: BTreeMap<String, String> =
        [("row", row.to_string()), ("column", column.to_string()), ("message", message.to_string())]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
    cat.render("cli.import.issue", &params)
}

fn print_json<T: serde::Serialize>(value: &T) {
    out!("{}", serde_json::to_string_pretty(value).expect("DTOs serialise"));
}

fn params<const N: usize>(list: [(&str, String); N]) -> BTreeMap<String, String> {
    list.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// "9.4500" → "9,4500"
fn comma(decimal: &str) -> String {
    decimal.replace('.', ",")
}

async fn run(api: &Api, cli: &Cli, path: &std::path::Path) -> Result<ExitCode, AppError> {
    let cat = api.catalogue();
    let json = cli.global.json;
    match &cli.command {
        Command::Init => {
            let status = api.status().await?;
            if json {
                print_json(&status);
            } else {
                out!("{}", cat.render("cli.init.done", &params([("path", path.display().to_string())])));
            }
        }
        Command::Demo => {
            let summary = api.load_demo().await?;
            if json {
                print_json(&summary);
            } else {
                out!(
                    "{}",
                    cat.render(
                        "cli.demo.done",
                        &params([("people", summary.people.to_string()), ("periods", summary.periods.to_string())])
                    )
                );
            }
        }
        Command::Fte { period } => {
            let o = api.fte_overview(period).await?;
            if json {
                print_json(&o);
            } else {
                out!(
                    "{}",
                    cat.render(
                        "cli.fte.title",
                        &params([("period", o.period.clone()), ("start", o.start.clone()), ("end", o.end.clone())])
                    )
                );
                out!("{:<28} {:>6} {:>10}", cat.text("field.category"), "Koppen", "VTE");
                for c in &o.categories {
                    out!(
                        "{:<28} {:>6} {:>10}",
                        cat.text(&format!("category.{}", c.category.id())),
                        c.heads,
                        comma(&c.fte)
                    );
                }
                out!("{:<28} {:>6} {:>10}", cat.text("cli.fte.total"), o.total_heads, comma(&o.total_fte));
            }
        }
        Command::Staff { command: StaffCommand::List { on, category, search } } => {
            let category = match category {
                None => None,
                Some(c) => Some(c.parse::<werkbank_api::Category>()?),
            };
            let rows = api.list_staff(StaffFilter { search: search.clone(), category, on: on.clone() }).await?;
            if json {
                print_json(&rows);
            } else if rows.is_empty() {
                out!("{}", cat.text("cli.staff.none"));
            } else {
                for r in rows {
                    out!(
                        "{:<16} {:<24} {:<24} {:<26} {:>6} {} – {}",
                        r.insz.unwrap_or_default(),
                        r.last_name,
                        r.first_name,
                        r.category.map(|c| cat.text(&format!("category.{}", c.id()))).unwrap_or_default(),
                        r.fraction.map(|f| comma(&f)).unwrap_or_default(),
                        r.start.as_deref().map(format_date).unwrap_or_default(),
                        r.end.as_deref().map(format_date).unwrap_or_else(|| "…".into()),
                    );
                }
            }
        }
        Command::Staff { command: StaffCommand::Import { file, sheet, dry_run } } => {
            if *dry_run {
                let preview = api.preview_staff_import(file, sheet.clone()).await?;
                if json {
                    print_json(&preview);
                } else {
                    for i in &preview.issues {
                        out!("{}", issue_line(cat, i.row, &i.column, &i.message));
                    }
                    if preview.issues.is_empty() {
                        out!(
                            "{}",
                            cat.render("cli.import.dry_run", &params([("rows", preview.rows.len().to_string())]))
                        );
                    }
                }
                if !preview.can_commit {
                    if !json {
                        let code = if preview.issues.is_empty() { "import.header_only" } else { "import.has_issues" };
                        eprintln!("Fout: {}", cat.render(code, &params([("count", preview.issues.len().to_string())])));
                    }
                    return Ok(ExitCode::FAILURE);
                }
            } else {
                let result = api.import_staff(file, sheet.clone()).await?;
                if json {
                    print_json(&result);
                } else {
                    out!(
                        "{}",
                        cat.render(
                            "cli.import.done",
                            &params([
                                ("people_created", result.people_created.to_string()),
                                ("periods_created", result.periods_created.to_string())
                            ])
                        )
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
