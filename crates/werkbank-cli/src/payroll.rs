//! `werkbank payroll …`: importing the social secretariat's exports, batches and undo,
//! wage-code meanings, and the reconciliation of paid hours with the register.

use super::{comma, emit, invalid, issue_line, params};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use werkbank_api::dto::{PayrollImportOptions, WageCodeDto, WorkerLink};
use werkbank_api::error::AppError;
use werkbank_api::messages::{format_date, Catalogue};
use werkbank_api::Api;

#[derive(Subcommand)]
pub enum PayrollCommand {
    /// Lees een loonbestand in (.xlsx, .xls, .ods, .csv): alle lijnen als één batch, of niets
    Import {
        /// Het loonbestand van het sociaal secretariaat
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Naam van het werkblad (standaard: het eerste)
        #[arg(long, value_name = "NAAM")]
        sheet: Option<String>,
        /// Gebruik deze opgeslagen kolomtoewijzing (standaard: die voor dezelfde kolomkoppen)
        #[arg(long, value_name = "NAAM")]
        mapping: Option<String>,
        /// Bewaar de gebruikte kolomtoewijzing onder deze naam
        #[arg(long, value_name = "NAAM")]
        save_mapping: Option<String>,
        /// Koppel een werknemer uit het bestand (werknemersnummer of INSZ) aan een persoon: WERKNEMER=PERSOON_ID
        #[arg(long, value_name = "WERKNEMER=PERSOON_ID")]
        link: Vec<String>,
        /// Controleer het bestand en toon een voorbeeld; sla niets op
        #[arg(long)]
        dry_run: bool,
    },
    /// Toon de ingelezen batches, nieuwste eerst
    Batches,
    /// Maak een batch ongedaan: al zijn lijnen worden verwijderd
    Undo {
        /// Het nummer van de batch (zie `payroll batches`)
        #[arg(value_name = "BATCH")]
        batch: i64,
    },
    /// Toon de looncodes en hun betekenis, of stel er één in met --set CODE=BETEKENIS
    Codes {
        /// bv. 1010=worked_hours (betekenissen: worked_hours, paid_absence, unpaid_absence,
        /// gross_wage, employer_contributions, reduction, net_wage, other)
        #[arg(long, value_name = "CODE=BETEKENIS")]
        set: Vec<String>,
        /// Vergeet de betekenis van een looncode
        #[arg(long, value_name = "CODE")]
        delete: Vec<String>,
    },
    /// Toon de opgeslagen kolomtoewijzingen, of hernoem of verwijder er één
    Mappings {
        /// Hernoem een kolomtoewijzing: --rename OUD NIEUW
        #[arg(long, num_args = 2, value_names = ["OUD", "NIEUW"], conflicts_with = "delete")]
        rename: Option<Vec<String>>,
        /// Verwijder een kolomtoewijzing
        #[arg(long, value_name = "NAAM")]
        delete: Option<String>,
    },
    /// Betaalde uren uit de loonbestanden tegenover VTE uit het register, per persoon
    Reconcile {
        /// Een kwartaal (2026/1), maand (2026-03) of jaar (2026)
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Schrijf de vergelijking naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<std::path::PathBuf>,
    },
}

fn split_pair(text: &str, field: &str) -> Result<(String, String), AppError> {
    text.split_once('=')
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(|| invalid(field, text))
}

pub async fn run(api: &Api, cat: &Catalogue, json: bool, command: &PayrollCommand) -> Result<ExitCode, AppError> {
    match command {
        PayrollCommand::Import { file, sheet, mapping, save_mapping, link, dry_run } => {
            let mut links = Vec::new();
            for l in link {
                let (worker, person) = split_pair(l, "link")?;
                let person_id = person.parse().map_err(|_| invalid("link", l))?;
                links.push(WorkerLink { worker, person_id });
            }
            let options = PayrollImportOptions {
                sheet: sheet.clone(),
                mapping: None,
                profile: mapping.clone(),
                save_profile_as: save_mapping.clone(),
                links,
                dry_run: *dry_run,
            };
            // Progress on a terminal (stderr), at most five times a second; never in JSON or a pipe.
            let show = !json && std::io::IsTerminal::is_terminal(&std::io::stderr());
            let mut last = std::time::Instant::now();
            let mut shown = false;
            let mut progress = |p: werkbank_api::Progress| {
                if show && last.elapsed() >= std::time::Duration::from_millis(200) {
                    last = std::time::Instant::now();
                    shown = true;
                    let figures = params([("done", p.rows_done.to_string()), ("total", p.rows_total.to_string())]);
                    eprint!("\r{}", cat.render("cli.payroll.progress", &figures));
                }
            };
            let r = api.import_payroll(file, options, &mut progress).await;
            if shown {
                eprintln!();
            }
            let r = r?;
            emit(json, &r, |r| {
                for i in &r.issues {
                    out!("{}", issue_line(cat, i.row, &i.column, &i.message));
                }
                for u in &r.unmatched {
                    out!(
                        "{}",
                        cat.render(
                            "payroll.worker_unmatched",
                            &params([
                                ("worker", u.worker.clone()),
                                ("name", u.name.clone().unwrap_or_default()),
                                ("lines", u.lines.to_string())
                            ])
                        )
                    );
                }
                let key = if r.batch_id.is_some() { "cli.payroll.done" } else { "cli.payroll.dry_run" };
                out!(
                    "{}",
                    cat.render(
                        key,
                        &params([
                            ("file", r.file_name.clone()),
                            ("lines", r.lines_read.to_string()),
                            ("imported", r.lines_imported.to_string()),
                            ("batch", r.batch_id.map(|b| b.to_string()).unwrap_or_default()),
                            ("first", r.first_period.clone().unwrap_or_default()),
                            ("last", r.last_period.clone().unwrap_or_default()),
                        ])
                    )
                );
            });
            if *dry_run && !r.can_commit {
                return Ok(ExitCode::FAILURE);
            }
        }
        PayrollCommand::Batches => {
            let batches = api.payroll_batches().await?;
            emit(json, &batches, |batches| {
                if batches.is_empty() {
                    out!("{}", cat.text("cli.payroll.no_batches"));
                } else {
                    for b in batches {
                        let status = match &b.undone_at {
                            Some(at) => cat.render("cli.payroll.undone", &params([("at", at.clone())])),
                            None => String::new(),
                        };
                        out!(
                            "{:>4}  {:<32} {:>8} {} {} – {} {}",
                            b.id,
                            b.file_name,
                            b.lines,
                            b.imported_at,
                            b.first_period.as_deref().map(format_date).unwrap_or_default(),
                            b.last_period.as_deref().map(format_date).unwrap_or_default(),
                            status
                        );
                    }
                }
            });
        }
        PayrollCommand::Undo { batch } => {
            let b = api.undo_payroll_batch(*batch).await?;
            emit(json, &b, |b| {
                out!(
                    "{}",
                    cat.render(
                        "cli.payroll.undo_done",
                        &params([("batch", b.id.to_string()), ("file", b.file_name.clone())])
                    )
                );
            });
        }
        PayrollCommand::Codes { set, delete } => {
            let mut codes = api.wage_codes().await?;
            for pair in set {
                let (code, meaning) = split_pair(pair, "set")?;
                codes = api.save_wage_code(WageCodeDto { id: None, code, meaning, description: None }).await?;
            }
            for code in delete {
                let id = codes.iter().find(|c| c.code == code.trim()).and_then(|c| c.id);
                codes = api.delete_wage_code(id.ok_or_else(|| invalid("delete", code))?).await?;
            }
            emit(json, &codes, |codes| {
                for c in codes {
                    out!("{:<10} {}", c.code, cat.text(&format!("meaning.{}", c.meaning)));
                }
            });
        }
        PayrollCommand::Mappings { rename, delete } => {
            let (list, done) = match (rename.as_deref(), delete) {
                (Some([old, new]), _) => {
                    let list = api.rename_mapping_profile(old, new).await?;
                    let text = params([("old", old.clone()), ("new", new.trim().to_string())]);
                    (list, Some(cat.render("cli.payroll.profile_renamed", &text)))
                }
                (_, Some(name)) => {
                    let list = api.delete_mapping_profile(name).await?;
                    (list, Some(cat.render("cli.payroll.profile_deleted", &params([("name", name.clone())]))))
                }
                _ => (api.mapping_profile_list().await?, None),
            };
            emit(json, &list, |list| {
                if let Some(done) = done {
                    out!("{done}");
                }
                if list.is_empty() {
                    out!("{}", cat.text("cli.payroll.no_profiles"));
                }
                for p in list {
                    let fields: Vec<String> = p.fields.iter().map(|f| cat.text(&format!("field.{f}"))).collect();
                    out!("{:<24} {}  {}", p.name, date_of(&p.updated_at), fields.join(", "));
                }
            });
        }
        PayrollCommand::Reconcile { period, xlsx: Some(file) } => {
            crate::written_xlsx(cat, json, &api.export_reconciliation_xlsx(period, file).await?)
        }
        PayrollCommand::Reconcile { period, xlsx: None } => {
            let r = api.reconciliation(period).await?;
            emit(json, &r, |r| {
                out!(
                    "{}",
                    cat.render(
                        "cli.payroll.reconcile_title",
                        &params([("period", r.period.clone()), ("start", r.start.clone()), ("end", r.end.clone())])
                    )
                );
                if r.covered_months.is_empty() {
                    out!("{}", cat.text("cli.payroll.no_coverage"));
                } else {
                    let covered: Vec<String> = r.covered_months.iter().map(|m| month_text(m)).collect();
                    let files = r.batches.len().to_string();
                    out!(
                        "{}",
                        cat.render("cli.payroll.coverage", &params([("files", files), ("months", covered.join(", "))]))
                    );
                    let uncovered: Vec<String> =
                        r.months.iter().filter(|m| !r.covered_months.contains(m)).map(|m| month_text(m)).collect();
                    if !uncovered.is_empty() {
                        out!("{}", cat.render("cli.payroll.uncovered", &params([("months", uncovered.join(", "))])));
                    }
                }
                for row in &r.rows {
                    let missing = if row.missing_months.is_empty() {
                        String::new()
                    } else {
                        let months: Vec<String> = row.missing_months.iter().map(|m| month_text(m)).collect();
                        format!(
                            "  {}",
                            cat.render("cli.payroll.missing_months", &params([("months", months.join(", "))]))
                        )
                    };
                    out!(
                        "{} {:<32} {:>10} {:>10} u {:>10} {:>10}{}",
                        if row.flagged { "!" } else { " " },
                        row.name,
                        comma(&row.register_fte),
                        werkbank_api::hours_text(row.paid_hours),
                        row.payroll_fte.as_deref().map(comma).unwrap_or_else(|| "—".into()),
                        row.difference.as_deref().map(comma).unwrap_or_else(|| "—".into()),
                        missing,
                    );
                }
                if !r.not_in_payroll.is_empty() {
                    let count = r.not_in_payroll.len().to_string();
                    out!("{}", cat.render("cli.payroll.not_in_payroll", &params([("count", count)])));
                    for n in &r.not_in_payroll {
                        out!("  {:<32} {:>10}", n.name, comma(&n.register_fte));
                    }
                }
                if !r.unmapped_codes.is_empty() {
                    out!("{}", cat.render("cli.payroll.unmapped", &params([("codes", r.unmapped_codes.join(", "))])));
                }
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `2026-11-29T07:12:00Z` → `29/11/2026` (the date part as stored, UTC).
fn date_of(rfc3339: &str) -> String {
    rfc3339.get(..10).map(format_date).unwrap_or_else(|| rfc3339.to_string())
}

/// `2026-02` → `02/2026`.
fn month_text(month: &str) -> String {
    match month.split_once('-') {
        Some((year, m)) => format!("{m}/{year}"),
        None => month.to_string(),
    }
}
