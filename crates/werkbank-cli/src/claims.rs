//! `werkbank rules …`, `werkbank claim …` and `werkbank attribute …`: claim rule sets
//! (templates, parameter values, export/import), quarterly claims (compute, list, show,
//! issue, amend, settle, pdf) and the dated per-worker attributes the claims need.

use super::{emit, params};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;
use werkbank_api::dto::{ClaimDto, ClaimParameterInput, ExportDto, IssueClaimInput, WorkerAttributeInput};
use werkbank_api::error::AppError;
use werkbank_api::messages::{format_date, Catalogue};
use werkbank_api::Api;

#[derive(Subcommand)]
pub enum RulesCommand {
    /// List the stored claim rule sets and their parameter values
    List,
    /// Install a shipped template: sw_1998 (sociale werkplaats / arbeidszorg 1998–2018) or
    /// maatwerk_2019 (collectief maatwerk 2019–)
    Install { code: String },
    /// Set a dated parameter value (empty --value = not known) with its source
    Set {
        #[arg(long)]
        rule_set: String,
        /// e.g. S5
        #[arg(long)]
        stream: String,
        /// e.g. monthly_reference, cap_factor, fixed_low, amount_per_month, step_1
        #[arg(long)]
        parameter: String,
        /// The day the value takes effect (dd/mm/yyyy or yyyy-mm-dd)
        #[arg(long, value_name = "DATE")]
        from: String,
        /// Amount or percentage (decimal comma or point); empty = not known
        #[arg(long, default_value = "")]
        value: String,
        #[arg(long, default_value = "")]
        source: String,
        /// The value was checked against its source
        #[arg(long)]
        confirmed: bool,
    },
    /// Write the rule sets to a JSON file (the templates when none is stored)
    Export { file: PathBuf },
    /// Read a rule file: every rule set is checked, then stored as a new version
    Import { file: PathBuf },
}

#[derive(Subcommand)]
pub enum ClaimCommand {
    /// Compute (or recompute) the draft claim of a work form for a quarter
    Compute {
        #[arg(long, value_name = "ID")]
        work_form: i64,
        /// A quarter: 2026/1
        #[arg(long)]
        period: String,
    },
    /// List the claims
    List,
    /// Show a claim: lines, totals, problems, settlement and differences
    Show { id: i64 },
    /// Recompute a draft (e.g. an amendment) from the register as it is now
    Recompute { id: i64 },
    /// Issue a draft: it is recomputed and frozen (refused while it has blocking problems)
    Issue {
        id: i64,
        #[arg(long)]
        signer: String,
        #[arg(long)]
        function: String,
        /// Place in the signature block (default: the organisation's signing place)
        #[arg(long, default_value = "")]
        place: String,
        /// Leave out the "aangifte van schuldvordering" page of the PDF
        #[arg(long)]
        no_declaration_page: bool,
        /// Declare that the values not confirmed in the rule set were checked at their
        /// source (required when the claim uses any; the PDF says so on page 1)
        #[arg(long)]
        checked_unconfirmed: bool,
    },
    /// Correct an issued claim: a new draft referencing it, with the differences
    Amend { id: i64 },
    /// Record the department's settlement amount of a stream
    Settle {
        id: i64,
        #[arg(long)]
        stream: String,
        #[arg(long)]
        amount: String,
    },
    /// Write a claim's PDF: the frozen one of an issued claim, or a draft rendered now ("ontwerp")
    Pdf {
        id: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Print an issued claim's frozen snapshot (versioned JSON: the result and what its
    /// documents show), the data its PDF and xlsx are built from
    Snapshot { id: i64 },
    /// Export a claim's lines, totals, parameters and checks to an Excel workbook (.xlsx)
    Export {
        id: i64,
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// Write the monthly attendance statement (prestatiestaat) of an article 60 worker for the OCMW
    Prestatiestaat {
        #[arg(long, value_name = "ID")]
        person: i64,
        /// A month: 2026-01
        #[arg(long)]
        month: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum AttributeCommand {
    /// A person's dated claim attributes
    List { person: i64 },
    /// Set one: wage_percentage (60), guidance_level (laag/midden/hoog), seniority_start,
    /// sine_attest (with --until for the attest's last day)
    Set {
        person: i64,
        key: String,
        #[arg(default_value = "")]
        value: String,
        #[arg(long, value_name = "DATE")]
        from: String,
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
    },
    /// Delete one by id
    Delete { id: i64 },
}

/// A decimal with a point → Belgian notation: 1234.5 → 1.234,50.
pub fn money(decimal: &str) -> String {
    let (neg, digits) = decimal.strip_prefix('-').map(|d| (true, d)).unwrap_or((false, decimal));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = format!("{frac:0<2}");
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    // Amounts arrive rounded to the cent; more digits are cut, never shown.
    format!("{}{grouped},{}", if neg { "-" } else { "" }, &frac[..2])
}

/// Exact FTE → 4 decimals with a comma for display (cut, the exact value is in --json).
/// A value that is not always money (a factor, a number of FTE): Belgian notation with
/// only its own decimals, `1.741,29`, `1,15`, `100`.
fn quantity(decimal: &str) -> String {
    match decimal.split_once('.') {
        Some((int, frac)) => format!("{},{frac}", money(int).trim_end_matches(",00")),
        None => money(decimal).trim_end_matches(",00").to_string(),
    }
}

fn opt_money<T: ToString>(v: Option<T>) -> String {
    v.map(|x| money(&x.to_string())).unwrap_or_default()
}

fn fte(decimal: &str) -> String {
    let (int, frac) = decimal.split_once('.').unwrap_or((decimal, ""));
    format!("{int},{:0<4}", &frac[..frac.len().min(4)])
}

fn print_claim(cat: &Catalogue, c: &ClaimDto) {
    let r = &c.result;
    out!(
        "{}",
        cat.render(
            "cli.claim.title",
            &params([
                ("id", c.id.to_string()),
                ("status", cat.text(&format!("claims.status.{}", c.status))),
                ("work_form", c.work_form_kind.id().to_string()),
                ("period", c.period.clone()),
                ("rule_set", c.rule_set_code.clone()),
                ("version", c.rule_set_version.to_string()),
            ])
        )
    );
    for s in &r.streams {
        out!(
            "{}",
            cat.render(
                "cli.claim.stream",
                &params([
                    ("code", s.code.clone()),
                    ("name", s.name.clone()),
                    ("lines", s.lines.to_string()),
                    ("amount", money(&s.amount.to_string())),
                ])
            )
        );
        for l in r.lines.iter().filter(|l| l.stream == s.code) {
            let notes: Vec<String> = l.notes.iter().map(|n| cat.text(&format!("claims.note.{n}"))).collect();
            out!(
                "    {:<32} µ {:>8} {:>4} d {:>14} {}",
                l.label.clone().unwrap_or_else(|| "—".into()),
                fte(&l.fte.to_string()),
                l.days,
                l.amount.map(|a| money(&a.to_string())).unwrap_or_else(|| "—".into()),
                notes.join("; ")
            );
            // A line split where a value it uses changes: each part with its dates.
            let first = l.segments.first().map(|s| (s.reference, s.rate, s.fixed));
            if l.segments.iter().any(|s| Some((s.reference, s.rate, s.fixed)) != first) {
                for seg in &l.segments {
                    out!(
                        "      {} – {}  {}{}  {}",
                        format_date(&seg.first_day.to_string()),
                        format_date(&seg.last_day.to_string()),
                        seg.rate
                            .map(|r| format!("{} %  ", r.normalize().to_string().replace('.', ",")))
                            .unwrap_or_default(),
                        opt_money(seg.reference),
                        opt_money(seg.value)
                    );
                }
            }
        }
    }
    if r.complete {
        out!("{}", cat.render("cli.claim.total", &params([("amount", money(&r.total.to_string()))])));
    } else {
        out!("{}", cat.text("cli.claim.total_incomplete"));
    }
    if !r.parameters.is_empty() {
        out!("{}", cat.text("cli.claim.parameters"));
        for u in &r.parameters {
            let value = match (&u.label, u.value) {
                (Some(l), _) => cat.text(&format!("norm_method.{l}")),
                (None, Some(v)) => quantity(&v.normalize().to_string()),
                (None, None) => cat.text("cli.claim.unknown"),
            };
            out!(
                "{}",
                cat.render(
                    "cli.claim.parameter",
                    &params([
                        ("stream", u.stream.clone()),
                        ("name", cat.text(&format!("claim_param.{}", u.parameter))),
                        ("value", value),
                        ("first", format_date(&u.first_day.to_string())),
                        ("last", format_date(&u.last_day.to_string())),
                    ])
                )
            );
        }
    }
    for s in &c.settlements {
        out!(
            "{}",
            cat.render(
                "cli.claim.settlement",
                &params([
                    ("stream", s.stream.clone()),
                    ("claimed", money(&s.claimed)),
                    ("settled", money(&s.settled)),
                    ("difference", money(&s.difference)),
                ])
            )
        );
    }
    for d in &c.differences {
        let show = |a: Option<String>| a.map(|t| money(&t)).unwrap_or_else(|| "—".into());
        out!(
            "{}",
            cat.render(
                "cli.claim.difference",
                &params([
                    ("stream", d.stream.clone()),
                    ("name", d.label.clone().unwrap_or_default()),
                    ("original", show(d.original.map(|x| x.to_string()))),
                    ("amended", show(d.amended.map(|x| x.to_string()))),
                    ("difference", show(d.difference.map(|x| x.to_string()))),
                ])
            )
        );
    }
    if !r.problems.is_empty() {
        out!("{}", cat.text("cli.claim.problems"));
        for p in &r.problems {
            let mut shown = p.params.clone();
            if let Some(v) = shown.get_mut("value") {
                *v = v.replace('.', ",");
            }
            out!("  {} {}", if p.blocking { "!" } else { "·" }, cat.render(&p.code, &shown));
        }
    }
    if !r.complete {
        out!("{}", cat.text("cli.claim.incomplete"));
    }
    if let (Some(at), Some(sha)) = (&c.issued_at, &c.sha256) {
        out!(
            "{}",
            cat.render(
                "cli.claim.issued",
                &params([
                    ("at", at.clone()),
                    ("signer", c.signer.clone().unwrap_or_default()),
                    ("function", c.signer_function.clone().unwrap_or_default()),
                    ("sha", sha.clone()),
                ])
            )
        );
    }
}

pub async fn rules(api: &Api, cat: &Catalogue, json: bool, command: &RulesCommand) -> Result<ExitCode, AppError> {
    match command {
        RulesCommand::List => {
            let sets = api.claim_rule_sets().await?;
            emit(json, &sets, |sets| {
                for s in sets {
                    out!("{} v{} — {}", s.code, s.version, s.name);
                    for stream in &s.rule_set.streams {
                        out!("  {} {}", stream.code, stream.name);
                        for (name, values) in &stream.parameters {
                            for v in values {
                                let value = match v.value {
                                    Some(d) => d.to_string().replace('.', ","),
                                    None => cat.text("cli.rules.unknown"),
                                };
                                let confirmed =
                                    cat.text(if v.confirmed { "cli.rules.confirmed" } else { "cli.rules.unconfirmed" });
                                out!(
                                    "    {}",
                                    cat.render(
                                        "cli.rules.parameter",
                                        &params([
                                            ("stream", stream.code.clone()),
                                            ("parameter", name.clone()),
                                            ("valid_from", v.valid_from.to_string()),
                                            ("value", value),
                                            ("confirmed", confirmed),
                                            ("source", v.source.clone().unwrap_or_default()),
                                        ])
                                    )
                                );
                            }
                        }
                    }
                }
            });
        }
        RulesCommand::Install { code } => {
            let r = api.install_claim_template(code).await?;
            emit(json, &r, |r| {
                out!(
                    "{}",
                    cat.render(
                        "cli.rules.installed",
                        &params([("code", r.code.clone()), ("version", r.version.to_string())])
                    )
                );
            });
        }
        RulesCommand::Set { rule_set, stream, parameter, from, value, source, confirmed } => {
            let r = api
                .set_claim_parameter(ClaimParameterInput {
                    rule_set: rule_set.clone(),
                    stream: stream.clone(),
                    parameter: parameter.clone(),
                    valid_from: from.clone(),
                    value: value.clone(),
                    source: source.clone(),
                    confirmed: *confirmed,
                })
                .await?;
            emit(json, &r, |r| {
                out!(
                    "{}",
                    cat.render(
                        "cli.rules.imported",
                        &params([("code", r.code.clone()), ("version", r.version.to_string())])
                    )
                );
            });
        }
        RulesCommand::Export { file } => {
            let r = api.export_claim_rules(file).await?;
            emit(json, &r, |r| {
                out!(
                    "{}",
                    cat.render(
                        "cli.rules.exported",
                        &params([("path", r.path.clone()), ("rule_sets", r.rule_sets.join(", "))])
                    )
                );
            });
        }
        RulesCommand::Import { file } => {
            let sets = api.import_claim_rules(file).await?;
            emit(json, &sets, |sets| {
                for r in sets {
                    out!(
                        "{}",
                        cat.render(
                            "cli.rules.imported",
                            &params([("code", r.code.clone()), ("version", r.version.to_string())])
                        )
                    );
                }
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reports a PDF the use case wrote (and audited).
fn written_pdf(cat: &Catalogue, json: bool, written: &ExportDto) {
    emit(json, written, |written| {
        out!(
            "{}",
            cat.render(
                "cli.claim.pdf_written",
                &params([("path", written.path.clone()), ("bytes", written.bytes.to_string())])
            )
        );
    });
}

pub async fn claim(api: &Api, cat: &Catalogue, json: bool, command: &ClaimCommand) -> Result<ExitCode, AppError> {
    let show = |c: &ClaimDto| {
        emit(json, c, |c| {
            print_claim(cat, c);
        });
    };
    match command {
        ClaimCommand::Compute { work_form, period } => show(&api.compute_claim(*work_form, period).await?),
        ClaimCommand::Show { id } => show(&api.claim(*id).await?),
        ClaimCommand::Recompute { id } => show(&api.recompute_claim(*id).await?),
        ClaimCommand::Issue { id, signer, function, place, no_declaration_page, checked_unconfirmed } => {
            let input = IssueClaimInput {
                signer: signer.clone(),
                function: function.clone(),
                place: place.clone(),
                with_declaration_page: !no_declaration_page,
                unconfirmed_checked: *checked_unconfirmed,
            };
            show(&api.issue_claim_with(*id, input).await?)
        }
        ClaimCommand::Amend { id } => show(&api.amend_claim(*id).await?),
        ClaimCommand::Settle { id, stream, amount } => show(&api.settle_claim(*id, stream, amount).await?),
        ClaimCommand::List => {
            let list = api.claims().await?;
            emit(json, &list, |list| {
                if list.is_empty() {
                    out!("{}", cat.text("cli.claim.none"));
                } else {
                    for c in list {
                        // An incomplete draft has no total yet: it says so instead.
                        let total =
                            if c.complete { money(&c.total) } else { cat.text("cli.claim.incomplete_total_short") };
                        out!(
                            "{:>4}  {:<24} {:<7} {:<12} {:>14}{}",
                            c.id,
                            cat.text(&format!("work_form.{}", c.work_form_kind)),
                            c.period,
                            cat.text(&format!("claims.status.{}", c.status)),
                            total,
                            c.amends_id
                                .map(|a| format!(
                                    " ({})",
                                    cat.render("cli.claim.amends", &params([("id", a.to_string())]))
                                ))
                                .unwrap_or_default()
                        );
                    }
                }
            });
        }
        ClaimCommand::Pdf { id, out } => written_pdf(cat, json, &api.save_claim_pdf(*id, out).await?),
        // The snapshot is JSON already: the same text with or without --json.
        ClaimCommand::Snapshot { id } => match api.claim_snapshot(*id).await? {
            Some(text) => out!("{}", text.trim_end()),
            None => {
                return Err(AppError::Conflict { code: "claims.no_snapshot", params: params([("id", id.to_string())]) })
            }
        },
        ClaimCommand::Prestatiestaat { person, month, out } => {
            written_pdf(cat, json, &api.save_prestatiestaat(*person, month, out).await?)
        }
        ClaimCommand::Export { id, out } => {
            let written = api.export_claim_xlsx(*id, out).await?;
            emit(json, &written, |written| {
                out!(
                    "{}",
                    cat.render(
                        "cli.claim.xlsx_written",
                        &params([("path", written.path.clone()), ("lines", written.lines.to_string())])
                    )
                );
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn attribute(
    api: &Api,
    cat: &Catalogue,
    json: bool,
    command: &AttributeCommand,
) -> Result<ExitCode, AppError> {
    let list = match command {
        AttributeCommand::List { person } => api.worker_attributes(*person).await?,
        AttributeCommand::Set { person, key, value, from, until } => {
            api.save_worker_attribute(WorkerAttributeInput {
                person_id: *person,
                key: key.clone(),
                value: value.clone(),
                valid_from: from.clone(),
                valid_until: until.clone(),
            })
            .await?
        }
        AttributeCommand::Delete { id } => api.delete_worker_attribute(*id).await?,
    };
    emit(json, &list, |list| {
        if list.is_empty() {
            out!("{}", cat.text("cli.attributes.none"));
        } else {
            for a in list {
                out!(
                    "{:>4}  {:<24} {:<8} {} – {}",
                    a.id.unwrap_or_default(),
                    cat.text(&format!("attribute.{}", a.key)),
                    a.value,
                    werkbank_api::messages::format_date(&a.valid_from),
                    a.valid_until.as_deref().map(werkbank_api::messages::format_date).unwrap_or_default()
                );
            }
        }
    });
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belgian_amounts() {
        assert_eq!(money("1234.5"), "1.234,50");
        assert_eq!(money("5400.00"), "5.400,00");
        assert_eq!(money("-100.00"), "-100,00");
        assert_eq!(money("0"), "0,00");
        assert_eq!(money("1234567.891"), "1.234.567,89");
        assert_eq!(fte("2.4"), "2,4000");
    }
}
