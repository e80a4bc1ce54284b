//! `werkbank`: the command-line adapter over `werkbank-api`. Each subcommand parses its
//! arguments, calls one use case, and hands the result to [`emit`]: Dutch text or, with
//! `--json`, the DTO's JSON (documented in docs/cli.md). Failures go through [`fail`].

use clap::error::ErrorKind;
use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
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

mod claims;
mod path;
mod payroll;
mod register;
mod setup;
mod waitlist;

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
    /// Databankbestand (standaard: $WERKBANK_DB, anders de databank van de app in de gegevensmap van de gebruiker)
    #[arg(long, global = true, value_name = "PAD")]
    db: Option<PathBuf>,
    /// Toon machineleesbare JSON in plaats van tekst
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Maak de databank aan of werk ze bij naar de nieuwste versie
    Init,
    /// Laad de fictieve demowerkplaats in een lege databank
    Demo,
    /// De organisatie achter de werkplaats: tonen, instellen
    Organisation {
        #[command(subcommand)]
        command: setup::OrganisationCommand,
    },
    /// De werkvormen van de organisatie: oplijsten, toevoegen, wijzigen (soort, erkenningsnummer, vroegere soorten), verwijderen
    WorkForm {
        #[command(subcommand)]
        command: setup::WorkFormCommand,
    },
    /// De gedateerde omkaderingsparameters van een werkvorm: norm, methode, categorieën, contingenten, minima
    Parameter {
        #[command(subcommand)]
        command: setup::ParameterCommand,
    },
    /// Een persoon in het register: tonen, toevoegen, wijzigen
    Person {
        #[command(subcommand)]
        command: register::PersonCommand,
    },
    /// De tewerkstellingsperiodes van een persoon: toevoegen, wijzigen, verwijderen
    Period {
        #[command(subcommand)]
        command: register::PeriodCommand,
    },
    /// Het traject van een werknemer: de geplande en gehouden gesprekken, het begeleidingsplan, het vertrek
    Path {
        #[command(subcommand)]
        command: path::PathCommand,
    },
    /// Registreer een gesprek uit het traject van een werknemer als gehouden
    Meeting {
        #[command(subcommand)]
        command: path::MeetingCommand,
    },
    /// Registreer het vertrek van een werknemer (de laatste dag sluit de laatste periode af)
    Leaving {
        #[command(subcommand)]
        command: path::LeavingCommand,
    },
    /// Het personeelsregister
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Koppen en VTE per categorie over een kwartaal (2026/1), maand (2026-03) of jaar (2026)
    Fte {
        /// Een kwartaal (2026/1), maand (2026-03) of jaar (2026)
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Schrijf de lijst naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<PathBuf>,
    },
    /// Omkaderingsverhoudingen en gebruik van het contingent per werkvorm over een periode
    Ratios {
        /// Een kwartaal (2026/1), maand (2026-03) of jaar (2026)
        #[arg(long, value_name = "PERIODE")]
        period: String,
        /// Schrijf de lijst naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<PathBuf>,
    },
    /// Toets een persoon aan de toetredingsvoorwaarden van een categorie op een datum van aanwerving
    Eligibility {
        /// Het INSZ van de persoon
        insz: String,
        /// De categorie, bv. target_group_recognised, work_care, article_60
        #[arg(long, value_name = "CATEGORIE")]
        category: String,
        /// De datum van aanwerving (dd/mm/jjjj of jjjj-mm-dd)
        #[arg(long, value_name = "DATUM")]
        on: String,
    },
    /// Waar je op moet letten: problemen met omkadering, contingent, toetredingsvoorwaarden en register
    Problems {
        /// Een kwartaal (2026/1), maand (2026-03) of jaar (2026); standaard: het lopende kwartaal
        #[arg(long, value_name = "PERIODE")]
        period: Option<String>,
        /// Schrijf de lijst naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<PathBuf>,
    },
    /// Loonbestanden van het sociaal secretariaat: inlezen, batches, ongedaan maken, looncodes, controle
    Payroll {
        #[command(subcommand)]
        command: payroll::PayrollCommand,
    },
    /// De wachtlijst: kandidaten toevoegen, in volgorde oplijsten, hun status wijzigen, cijfers per werkvorm
    Waitlist {
        #[command(subcommand)]
        command: waitlist::WaitlistCommand,
    },
    /// De geplande gesprekken van de trajecten: achterstallig, te doen tot --until (standaard vandaag + 30 dagen), gedaan
    Agenda {
        /// Tot en met deze dag (standaard: vandaag + 30 dagen)
        #[arg(long, value_name = "DATUM")]
        until: Option<String>,
        /// Schrijf de lijst naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<PathBuf>,
    },
    /// Regelsets voor de afrekeningen: sjablonen, gedateerde parameterwaarden, export en import van een regelbestand
    Rules {
        #[command(subcommand)]
        command: claims::RulesCommand,
    },
    /// Subsidieafrekeningen per kwartaal: berekenen, oplijsten, tonen, uitreiken, corrigeren, afgerekend bedrag, pdf
    Claim {
        #[command(subcommand)]
        command: claims::ClaimCommand,
    },
    /// Gedateerde werknemersgegevens die de afrekeningen nodig hebben (loonpremiepercentage, begeleidingsniveau, …)
    Attribute {
        #[command(subcommand)]
        command: claims::AttributeCommand,
    },
    /// Benchmarkhulpmiddelen: fictieve bestanden om het inlezen van loonbestanden te meten (docs/performance.md)
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Schrijf een fictieve werkplaats: het personeelsregister (personeel.csv) en loonbestanden
    /// (loon.xlsx, loon.csv en hun eerste 100 000 lijnen, loon-100k.xlsx en loon-100k.csv).
    /// Heeft geen databank nodig.
    Generate {
        /// Personen in het personeelsregister
        #[arg(long, value_name = "AANTAL", default_value_t = 3000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        workers: u32,
        /// Kalenderjaren aan loongegevens
        #[arg(long, value_name = "AANTAL", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=50))]
        years: u32,
        /// De map om in te schrijven (wordt aangemaakt als ze ontbreekt; haar bestanden worden vervangen)
        #[arg(long, value_name = "MAP")]
        out: PathBuf,
        /// Dezelfde startwaarde geeft dezelfde bestanden
        #[arg(long, value_name = "GETAL", default_value_t = werkbank_bench::GenerateOptions::DEFAULT_SEED)]
        seed: u64,
        /// Het eerste jaar met loongegevens
        #[arg(long, value_name = "JAAR", default_value_t = werkbank_bench::GenerateOptions::DEFAULT_FIRST_YEAR,
              value_parser = clap::value_parser!(i32).range(1950..=2100))]
        first_year: i32,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Lees een personeelsregister in (.xlsx, .xls, .ods, .csv): alle rijen of niets
    Import {
        /// Het rekenblad of CSV-bestand met het register
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
        /// Naam van het werkblad (standaard: het eerste)
        #[arg(long, value_name = "NAAM")]
        sheet: Option<String>,
        /// Controleer het bestand en toon de problemen; sla niets op
        #[arg(long)]
        dry_run: bool,
        /// Welke kolom een veld bevat, als de kolomkoppen niet herkend worden: insz=A,
        /// last_name=2 (een letter, of een nummer vanaf 1); vervangt de herkenning van de kolomkoppen
        #[arg(long = "map", value_name = "VELD=KOLOM")]
        map: Vec<String>,
    },
    /// Toon de personen (met --on: wie op die dag in dienst is)
    List {
        /// Alleen wie op deze dag in dienst is
        #[arg(long, value_name = "DATUM")]
        on: Option<String>,
        /// Alleen deze categorie (bv. target_group_recognised)
        #[arg(long, value_name = "CATEGORIE")]
        category: Option<String>,
        /// Een deel van een naam of INSZ
        #[arg(long, value_name = "TEKST")]
        search: Option<String>,
        /// Schrijf de lijst naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<PathBuf>,
    },
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = parse_cli();
    let cat = Catalogue::nl_be();
    if let Command::Bench { command } = &cli.command {
        // Writes files only: no database is opened.
        return bench(cat, cli.global.json, command);
    }
    let path = cli.global.db.clone().unwrap_or_else(paths::default_database_path);
    let result = async {
        let mut api = Api::open(&path).await?;
        // `WERKBANK_TODAY` pins "today" (reproducible scripts and tests).
        if let Some(today) = std::env::var("WERKBANK_TODAY").ok().and_then(|t| t.parse::<chrono::NaiveDate>().ok()) {
            api = api.with_today(today);
        }
        // A panic in a use case (a bug) is a Dutch message and exit code 1, never exit 101.
        let out = werkbank_api::error::guarded(run(&api, &cli, &path)).await;
        api.close().await;
        out
    }
    .await;
    match result {
        Ok(code) => code,
        Err(e) => fail(cat, cli.global.json, &e.to_dto(cat)),
    }
}

/// Heading of the positional arguments in `--help` (clap's "Arguments").
const ARGUMENTS_HEADING: &str = "Argumenten";
/// Heading of the options in `--help` (clap's "Options").
const OPTIONS_HEADING: &str = "Opties";

/// `Cli::parse()` with clap's own words in Dutch: the headings, `-h`/`-V`, the `help`
/// subcommand, `[default: …]` and the usage line. The texts of the commands and their
/// arguments are the doc comments above.
fn parse_cli() -> Cli {
    let mut cmd = dutch_help(Cli::command(), true);
    // The usage lines and the `help` subcommands exist once clap has built the tree.
    cmd.build();
    let mut cmd = dutch_usage(cmd);
    let parsed = cmd.try_get_matches_from_mut(std::env::args_os()).and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => match e.kind() {
            // The help itself is Dutch already (dutch_help); clap prints it and exits 0.
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => e.exit(),
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
            _ => {
                eprint!("{}", parse_error_text(Catalogue::nl_be(), &e));
                std::process::exit(2);
            }
        },
    }
}

/// A command line clap refuses, in Dutch: what is wrong (with the argument and value
/// clap names, and its suggestion), the usage line and where the help is. Clap's own
/// words never reach the user; the exit code stays clap's 2.
fn parse_error_text(cat: &Catalogue, e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue};
    let get = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = [get(ContextKind::InvalidArg), get(ContextKind::InvalidSubcommand)].join("");
    let value = get(ContextKind::InvalidValue);
    let key = match e.kind() {
        ErrorKind::UnknownArgument => "cli.args.unknown_argument",
        ErrorKind::InvalidValue if value.is_empty() => "cli.args.value_missing",
        // The same flag twice is a "conflict" with itself for clap.
        ErrorKind::ArgumentConflict if get(ContextKind::PriorArg) == arg => "cli.args.repeated",
        ErrorKind::InvalidSubcommand => "cli.args.unknown_command",
        ErrorKind::MissingRequiredArgument => "cli.args.missing",
        ErrorKind::MissingSubcommand => "cli.args.missing_command",
        ErrorKind::InvalidValue if !get(ContextKind::ValidValue).is_empty() => "cli.args.invalid_choice",
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => "cli.args.invalid_value",
        ErrorKind::ArgumentConflict => "cli.args.conflict",
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => "cli.args.values",
        _ => "cli.args.other",
    };
    let suggestion = [get(ContextKind::SuggestedArg), get(ContextKind::SuggestedSubcommand)].join("");
    let mut out = cat.render(
        key,
        &params([
            ("arg", arg),
            ("value", value),
            ("valid", get(ContextKind::ValidValue)),
            ("other", get(ContextKind::PriorArg)),
        ]),
    );
    out.push('\n');
    if !suggestion.is_empty() {
        out.push_str(&cat.render("cli.args.suggestion", &params([("suggestion", suggestion)])));
        out.push('\n');
    }
    let usage = get(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim().replace("[OPTIONS]", "[OPTIES]");
    if !usage.is_empty() {
        out.push_str(&format!("\n{}\n", cat.render("cli.args.usage", &params([("usage", usage)]))));
    }
    out.push_str(&format!("{}\n", cat.text("cli.args.more")));
    out
}

/// Before clap builds the tree, for `cmd` and every subcommand: Dutch headings (every
/// argument gets one, so clap's English default headings are never used), Dutch `-h, --help`
/// (and `-V, --version` on the root), `[standaard: …]` instead of `[default: …]`.
fn dutch_help(cmd: clap::Command, root: bool) -> clap::Command {
    let mut cmd = cmd
        .disable_help_flag(true)
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .mut_args(dutch_arg);
    // Under a heading of its own, clap sorts arguments by display order, then by name:
    // the positionals keep their order on the command line.
    let mut position = 0;
    cmd = cmd.mut_args(|a| {
        if !a.is_positional() {
            return a;
        }
        position += 1;
        a.display_order(position)
    });
    // Headings are listed in the order of their first argument: moving the options behind
    // the positionals (`mut_arg` puts an argument last; the display order is kept) lists
    // "Argumenten" before "Opties", as clap does.
    let options: Vec<String> =
        cmd.get_arguments().filter(|a| !a.is_positional()).map(|a| a.get_id().to_string()).collect();
    for id in options {
        cmd = cmd.mut_arg(id, |a| a);
    }
    cmd = cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("Toon deze hulp")
            .help_heading(OPTIONS_HEADING)
            .display_order(999),
    );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Toon de versie")
                .help_heading(OPTIONS_HEADING)
                .display_order(999),
        );
    }
    cmd.mut_subcommands(|sub| dutch_help(sub, false))
}

/// One argument: its Dutch heading, and its default shown as `[standaard: …]` (an empty
/// default is not shown; the help text says what empty means).
fn dutch_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() { ARGUMENTS_HEADING } else { OPTIONS_HEADING };
    let mut arg = arg.help_heading(heading);
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !arg.get_default_values().is_empty() {
        let default = arg.get_default_values().iter().map(|v| v.to_string_lossy()).collect::<Vec<_>>().join(" ");
        arg = arg.hide_default_value(true);
        if !default.is_empty() {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            arg = arg.help(format!("{help} [standaard: {default}]").trim_start().to_string());
        }
    }
    arg
}

/// After clap built the tree: a help template per command with a Dutch usage line
/// ("Gebruik:", "[OPTIES]"; clap writes "Usage:" and "[OPTIONS]" itself), and the Dutch
/// description of the generated `help` subcommands.
fn dutch_usage(cmd: clap::Command) -> clap::Command {
    dutch_template(cmd).mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            dutch_help_subcommand(sub)
        } else {
            dutch_usage(sub)
        }
    })
}

/// The help template of one built command, with its usage line in Dutch.
fn dutch_template(mut cmd: clap::Command) -> clap::Command {
    let usage =
        cmd.render_usage().ansi().to_string().replacen("Usage:", "Gebruik:", 1).replace("[OPTIONS]", "[OPTIES]");
    cmd.help_template(format!("{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}"))
}

/// A `help` subcommand clap generated (`werkbank help help` shows it): its description, and
/// the tree below it (copies of the commands, with their Dutch descriptions already).
fn dutch_help_subcommand(help: clap::Command) -> clap::Command {
    let help = help
        .about("Toon deze hulp of die van de gegeven opdrachten")
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .mut_subcommands(|sub| if sub.get_name() == "help" { dutch_help_subcommand(sub) } else { sub });
    dutch_template(help)
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

fn severity_id(s: werkbank_api::dto::Severity) -> &'static str {
    match s {
        werkbank_api::dto::Severity::Error => "error",
        werkbank_api::dto::Severity::Warning => "warning",
        werkbank_api::dto::Severity::Info => "info",
    }
}

fn print_criteria(criteria: &[werkbank_api::dto::CriterionDto], depth: usize) {
    for c in criteria {
        out!("{}- {}", "  ".repeat(depth - 1), c.message);
        print_criteria(&c.parts, depth + 1);
    }
}

/// A decimal string as shown: "5.8333" → "5,8333", unknown → "—".
fn shown(d: &Option<String>) -> String {
    d.as_deref().map(comma).unwrap_or_else(|| "—".into())
}

fn print_ratios(cat: &Catalogue, r: &werkbank_api::dto::RatiosDto) {
    out!(
        "{}",
        cat.render(
            "cli.ratios.title",
            &params([("period", r.period.clone()), ("start", r.start.clone()), ("end", r.end.clone())])
        )
    );
    for w in &r.work_forms {
        out!("");
        out!("{}", cat.text(&format!("work_form.{}", w.work_form.kind.id())));
        let f = &w.figures;
        let rows = [
            ("cli.ratios.target_fte", shown(&f.target_fte)),
            ("cli.ratios.supervisor_fte", shown(&f.supervisor_fte)),
            ("cli.ratios.recognised_ratio", shown(&f.recognised_ratio)),
            ("cli.ratios.worked_ratio", shown(&f.worked_ratio)),
            ("cli.ratios.allowed", shown(&f.allowed_supervisor_fte)),
            ("cli.ratios.allowed_other", shown(&f.allowed_by_other_method)),
            ("cli.ratios.subsidisable", shown(&f.subsidisable_supervisor_fte)),
            ("cli.ratios.headroom", shown(&f.headroom)),
            (
                "cli.ratios.contingent_target",
                format!(
                    "{} / {}",
                    shown(&w.contingent.year_to_date_target.fte),
                    shown(&w.contingent.year_to_date_target.allocated)
                ),
            ),
            (
                "cli.ratios.contingent_supervisor",
                format!(
                    "{} / {}",
                    shown(&w.contingent.year_to_date_supervisor.fte),
                    shown(&w.contingent.year_to_date_supervisor.allocated)
                ),
            ),
        ];
        for (key, value) in rows {
            out!("  {:<46} {:>12}", cat.text(key), value);
        }
        if w.segments.len() > 1 {
            for s in &w.segments {
                out!(
                    "  {}",
                    cat.render(
                        "cli.ratios.segment",
                        &params([
                            ("start", s.start.clone()),
                            ("end", s.end.clone()),
                            ("allowed", shown(&s.figures.allowed_supervisor_fte)),
                        ])
                    )
                );
            }
        }
        out!("  {}", cat.text("cli.ratios.parameters"));
        for p in &w.parameters {
            // Methods and categories are ids in the DTO; show their labels.
            let value = match p.key.value_kind() {
                "method" => cat.text(&format!("norm_method.{}", p.value)),
                "categories" => {
                    p.value.split(',').map(|c| cat.text(&format!("category.{c}"))).collect::<Vec<_>>().join(", ")
                }
                _ => p.value.clone(),
            };
            out!(
                "    {}: {} ({})",
                cat.text(&format!("rule.{}", p.key.id())),
                value,
                cat.render(
                    "cli.ratios.since",
                    &params([
                        ("date", p.effective_from.clone()),
                        (
                            "source",
                            match p.source.as_deref() {
                                Some("default") | None => cat.text("rule.source_default"),
                                Some(s) => s.to_string(),
                            }
                        )
                    ])
                )
            );
        }
    }
}

fn print_json<T: serde::Serialize>(value: &T) {
    out!("{}", serde_json::to_string_pretty(value).expect("DTOs serialise"));
}

/// The one output path of a command: with `--json` the DTO's JSON (docs/cli.md), else
/// the Dutch text `text` prints from it.
fn emit<T: serde::Serialize>(json: bool, value: &T, text: impl FnOnce(&T)) {
    if json {
        print_json(value);
    } else {
        text(value);
    }
}

/// A list written to a workbook: "12 lijn(en) geschreven naar FILE.xlsx." or its ExportDto.
fn written_xlsx(cat: &Catalogue, json: bool, written: &werkbank_api::dto::ExportDto) {
    emit(json, written, |w| {
        out!("{}", cat.render_count("cli.xlsx_written", u64::from(w.lines), &params([("path", w.path.clone())])));
    });
}

/// The one error path: `{"error": {kind, code, message, details}}` on stdout with `--json`,
/// else `Fout: …` on stderr with a line per field or import problem; exit code 1.
fn fail(cat: &Catalogue, json: bool, dto: &werkbank_api::ErrorDto) -> ExitCode {
    if json {
        print_json(&serde_json::json!({ "error": dto }));
    } else {
        eprintln!("{}", cat.render("cli.error", &params([("message", dto.message.clone())])));
        for v in dto.details.violations.iter().filter(|_| dto.details.violations.len() > 1) {
            eprintln!("  - {}: {}", field_label(cat, &v.field), v.message);
        }
        for i in &dto.details.issues {
            eprintln!("  - {}", issue_line(cat, i.row, &i.column, &i.message));
        }
    }
    ExitCode::FAILURE
}

/// `--map insz=A --map last_name=2` → field id → column index from 0 (`None` without `--map`).
fn column_mapping(pairs: &[String]) -> Result<Option<BTreeMap<String, u32>>, AppError> {
    if pairs.is_empty() {
        return Ok(None);
    }
    let column = |text: &str| -> Option<u32> {
        let t = text.trim();
        if let Ok(n) = t.parse::<u32>() {
            return n.checked_sub(1);
        }
        // Spreadsheet letters: A = 0, Z = 25, AA = 26; at most three letters (XFD).
        if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        t.to_ascii_uppercase().bytes().try_fold(0u32, |n, b| Some(n * 26 + u32::from(b - b'A') + 1)).map(|n| n - 1)
    };
    let mut out = BTreeMap::new();
    for pair in pairs {
        let (field, col) = pair.split_once('=').ok_or_else(|| invalid("map", pair))?;
        out.insert(field.trim().to_string(), column(col).ok_or_else(|| invalid("map", pair))?);
    }
    Ok(Some(out))
}

/// A change command's options: each one given replaces the stored field, the others stay.
fn set_given<'a, T: Clone + 'a>(pairs: impl IntoIterator<Item = (&'a Option<T>, &'a mut T)>) {
    for (given, field) in pairs {
        if let Some(value) = given {
            *field = value.clone();
        }
    }
}

/// A value typed on the command line that is not one of the known ids.
fn invalid(field: &str, text: &str) -> AppError {
    AppError::Validation(werkbank_api::error::violation(field, "value.invalid", &[("value", text)]))
}

/// The id typed for `field`, or a validation error naming it.
fn pick<T>(field: &str, text: &str, f: impl Fn(&str) -> Option<T>) -> Result<T, AppError> {
    f(text.trim()).ok_or_else(|| invalid(field, text))
}

fn params<const N: usize>(list: [(&str, String); N]) -> BTreeMap<String, String> {
    list.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// "9.4500" → "9,4500", "1234.5000" → "1.234,5000": the decimals as they came, in the
/// Belgian format ([`werkbank_domain::format`]).
fn comma(decimal: &str) -> String {
    let places = decimal.trim().split_once('.').map(|(_, f)| f.len() as u32).unwrap_or(0);
    werkbank_domain::format::format_decimal_text(decimal, Some(places)).unwrap_or_else(|| decimal.to_string())
}

fn bench(cat: &Catalogue, json: bool, command: &BenchCommand) -> ExitCode {
    use werkbank_bench::write::thousands;
    let BenchCommand::Generate { workers, years, out, seed, first_year } = command;
    let started = std::time::Instant::now();
    let options = werkbank_bench::GenerateOptions {
        workers: *workers,
        years: *years,
        out: out.clone(),
        seed: *seed,
        first_year: *first_year,
    };
    match werkbank_bench::generate(options) {
        Ok(summary) => {
            let seconds = started.elapsed().as_secs_f64();
            let mut value = serde_json::to_value(&summary).expect("the summary serialises");
            value["seconds"] = serde_json::json!((seconds * 1000.0).round() / 1000.0);
            emit(json, &value, |_| {
                out!(
                    "{}",
                    cat.render(
                        "cli.bench.done",
                        &params([
                            ("dir", out.display().to_string()),
                            ("seconds", comma(&format!("{seconds:.1}"))),
                            ("people", thousands(u64::from(summary.people))),
                            ("periods", thousands(u64::from(summary.periods))),
                            ("lines", thousands(summary.payroll_lines)),
                        ])
                    )
                );
                for (path, size) in &summary.files {
                    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                    let megabytes = comma(&format!("{:.1}", *size as f64 / 1_000_000.0));
                    out!("  {}", cat.render("cli.bench.file", &params([("file", file), ("size", megabytes)])));
                }
            });
            ExitCode::SUCCESS
        }
        Err(e) => {
            let code = "bench.write_failed";
            let details =
                werkbank_api::error::ErrorDetails { params: params([("detail", e.to_string())]), ..Default::default() };
            let dto = werkbank_api::ErrorDto {
                kind: werkbank_api::error::ErrorKind::Internal,
                code: code.into(),
                message: cat.render(code, &details.params),
                details,
            };
            fail(cat, json, &dto)
        }
    }
}

async fn run(api: &Api, cli: &Cli, path: &std::path::Path) -> Result<ExitCode, AppError> {
    let cat = api.catalogue();
    let json = cli.global.json;
    match &cli.command {
        Command::Init => {
            let status = api.status().await?;
            emit(json, &status, |_| {
                out!("{}", cat.render("cli.init.done", &params([("path", path.display().to_string())])));
            });
        }
        Command::Demo => {
            let summary = api.load_demo().await?;
            emit(json, &summary, |summary| {
                out!(
                    "{}",
                    cat.render(
                        "cli.demo.done",
                        &params([("people", summary.people.to_string()), ("periods", summary.periods.to_string())])
                    )
                );
            });
        }
        Command::Ratios { period, xlsx: Some(file) } => {
            written_xlsx(cat, json, &api.export_ratios_xlsx(period, file).await?)
        }
        Command::Fte { period, xlsx: Some(file) } => written_xlsx(cat, json, &api.export_fte_xlsx(period, file).await?),
        Command::Problems { period, xlsx: Some(file) } => {
            written_xlsx(cat, json, &api.export_problems_xlsx(period.as_deref(), file).await?)
        }
        Command::Agenda { until, xlsx: Some(file) } => {
            written_xlsx(cat, json, &api.export_agenda_xlsx(until.as_deref(), file).await?)
        }
        Command::Ratios { period, xlsx: None } => {
            let r = api.ratios(period).await?;
            emit(json, &r, |r| {
                print_ratios(cat, &r);
            });
        }
        Command::Eligibility { insz, category, on } => {
            let category = category.parse::<werkbank_api::Category>()?;
            let e = api.eligibility_by_insz(insz, category, on).await?;
            emit(json, &e, |e| {
                let title = match e.kind {
                    Some(kind) => cat.text(&format!("eligibility.{}", kind.id())),
                    None => cat.text("cli.eligibility.none"),
                };
                out!(
                    "{} – {} ({})",
                    title,
                    cat.text(&format!("category.{}", e.category.id())),
                    format_date(&e.hire_date)
                );
                print_criteria(&e.criteria, 1);
                if let Some(overall) = e.overall {
                    out!(
                        "{}: {}",
                        cat.text("cli.eligibility.overall"),
                        cat.text(&format!("criterion.status.{}", overall.id()))
                    );
                }
            });
        }
        Command::Problems { period, xlsx: None } => {
            let p = api.problems(period.as_deref()).await?;
            emit(json, &p, |p| {
                if p.problems.is_empty() {
                    out!("{}", cat.render("cli.problems.none", &params([("period", p.period.clone())])));
                } else {
                    out!(
                        "{}",
                        cat.render(
                            "cli.problems.title",
                            &params([("period", p.period.clone()), ("count", p.problems.len().to_string())])
                        )
                    );
                    for problem in &p.problems {
                        out!(
                            "- [{}] {}",
                            cat.text(&format!("severity.{}", severity_id(problem.severity))),
                            problem.message
                        );
                    }
                }
            });
        }
        Command::Fte { period, xlsx: None } => {
            let o = api.fte_overview(period).await?;
            emit(json, &o, |o| {
                out!(
                    "{}",
                    cat.render(
                        "cli.fte.title",
                        &params([("period", o.period.clone()), ("start", o.start.clone()), ("end", o.end.clone())])
                    )
                );
                out!(
                    "{:<28} {:>6} {:>10}",
                    cat.text("field.category"),
                    cat.text("cli.fte.heads"),
                    cat.text("cli.fte.fte")
                );
                for c in &o.categories {
                    out!(
                        "{:<28} {:>6} {:>10}",
                        cat.text(&format!("category.{}", c.category.id())),
                        c.heads,
                        comma(&c.fte)
                    );
                }
                out!("{:<28} {:>6} {:>10}", cat.text("cli.fte.total"), o.total_heads, comma(&o.total_fte));
            });
        }
        Command::Staff { command: StaffCommand::List { on, category, search, xlsx } } => {
            let category = match category {
                None => None,
                Some(c) => Some(c.parse::<werkbank_api::Category>()?),
            };
            let filter = StaffFilter { search: search.clone(), category, on: on.clone() };
            if let Some(file) = xlsx {
                written_xlsx(cat, json, &api.export_staff_xlsx(filter, file).await?);
                return Ok(ExitCode::SUCCESS);
            }
            let rows = api.list_staff(filter).await?;
            emit(json, &rows, |rows| {
                if rows.is_empty() {
                    out!("{}", cat.text("cli.staff.none"));
                } else {
                    for r in rows {
                        out!(
                            "{:<16} {:<24} {:<24} {:<26} {:>6} {} – {}",
                            r.insz.clone().unwrap_or_default(),
                            r.last_name,
                            r.first_name,
                            r.category.map(|c| cat.text(&format!("category.{}", c.id()))).unwrap_or_default(),
                            r.fraction.as_deref().map(comma).unwrap_or_default(),
                            r.start.as_deref().map(format_date).unwrap_or_default(),
                            r.end.as_deref().map(format_date).unwrap_or_else(|| "…".into()),
                        );
                    }
                }
            });
        }
        Command::Bench { .. } => unreachable!("handled before the database is opened"),
        Command::Person { command } => return register::person(api, cat, json, command).await,
        Command::Period { command } => return register::period(api, cat, json, command).await,
        Command::Path { command } => return path::path(api, cat, json, command).await,
        Command::Meeting { command } => return path::meeting(api, cat, json, command).await,
        Command::Leaving { command } => return path::leaving(api, cat, json, command).await,
        Command::Organisation { command } => return setup::organisation(api, cat, json, command).await,
        Command::WorkForm { command } => return setup::work_form(api, cat, json, command).await,
        Command::Parameter { command } => return setup::parameter(api, cat, json, command).await,
        Command::Payroll { command } => return payroll::run(api, cat, json, command).await,
        Command::Waitlist { command } => return waitlist::run(api, cat, json, command).await,
        Command::Agenda { until, xlsx: None } => return waitlist::agenda(api, cat, json, until.as_deref()).await,
        Command::Rules { command } => return claims::rules(api, cat, json, command).await,
        Command::Claim { command } => return claims::claim(api, cat, json, command).await,
        Command::Attribute { command } => return claims::attribute(api, cat, json, command).await,
        Command::Staff { command: StaffCommand::Import { file, sheet, dry_run, map } } => {
            let mapping = column_mapping(map)?;
            if *dry_run {
                let preview = api
                    .preview_staff_import(file, werkbank_api::dto::StaffFileOptions { sheet: sheet.clone(), mapping })
                    .await?;
                emit(json, &preview, |preview| {
                    for i in &preview.issues {
                        out!("{}", issue_line(cat, i.row, &i.column, &i.message));
                    }
                    if preview.issues.is_empty() {
                        out!(
                            "{}",
                            cat.render("cli.import.dry_run", &params([("rows", preview.rows.len().to_string())]))
                        );
                    }
                    if !preview.can_commit {
                        let code = if preview.issues.is_empty() { "import.header_only" } else { "import.has_issues" };
                        let message = cat.render(code, &params([("count", preview.issues.len().to_string())]));
                        eprintln!("{}", cat.render("cli.error", &params([("message", message)])));
                    }
                });
                if !preview.can_commit {
                    return Ok(ExitCode::FAILURE);
                }
            } else {
                let result = api
                    .import_staff(file, werkbank_api::dto::StaffFileOptions { sheet: sheet.clone(), mapping })
                    .await?;
                emit(json, &result, |result| {
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
                });
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
