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
use werkbank_domain::format::format_decimal_text;

#[derive(Subcommand)]
pub enum RulesCommand {
    /// Toon de opgeslagen regelsets en hun parameterwaarden
    List,
    /// Installeer een meegeleverd sjabloon: sw_1998 (sociale werkplaats / arbeidszorg 1998–2018) of
    /// maatwerk_2019 (collectief maatwerk 2019–)
    Install {
        /// De code van het sjabloon: sw_1998 of maatwerk_2019
        #[arg(value_name = "CODE")]
        code: String,
    },
    /// Stel een gedateerde parameterwaarde in (lege --value = niet gekend), met haar bron
    Set {
        /// De code van de regelset (bv. maatwerk_2019)
        #[arg(long, value_name = "CODE")]
        rule_set: String,
        /// De subsidiestroom, bv. S5
        #[arg(long, value_name = "STROOM")]
        stream: String,
        /// De parameter, bv. monthly_reference, cap_factor, fixed_low, amount_per_month, step_1
        #[arg(long, value_name = "NAAM")]
        parameter: String,
        /// De dag waarop de waarde ingaat (dd/mm/jjjj of jjjj-mm-dd)
        #[arg(long, value_name = "DATUM")]
        from: String,
        /// Bedrag of percentage (decimale komma of punt); leeg = niet gekend
        #[arg(long, value_name = "WAARDE", default_value = "")]
        value: String,
        /// Waar de waarde vandaan komt (besluit, omzendbrief, …)
        #[arg(long, value_name = "BRON", default_value = "")]
        source: String,
        /// De waarde werd nagekeken aan de hand van haar bron
        #[arg(long)]
        confirmed: bool,
    },
    /// Schrijf de regelsets naar een JSON-bestand (de sjablonen als er nog geen opgeslagen is)
    Export {
        /// Het JSON-bestand om te schrijven
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// Lees een regelbestand in: elke regelset wordt gecontroleerd en dan als nieuwe versie opgeslagen
    Import {
        /// Het regelbestand (JSON)
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum ClaimCommand {
    /// Bereken (of herbereken) de ontwerpafrekening van een werkvorm voor een kwartaal
    Compute {
        /// De werkvorm (zie `work-form list`)
        #[arg(long, value_name = "ID")]
        work_form: i64,
        /// Een kwartaal: 2026/1
        #[arg(long, value_name = "KWARTAAL")]
        period: String,
    },
    /// Toon de lijst van de afrekeningen
    List {
        /// Schrijf de lijst naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<PathBuf>,
    },
    /// Toon een afrekening: lijnen, totalen, problemen, afgerekende bedragen en verschillen
    Show {
        /// Het nummer van de afrekening
        id: i64,
    },
    /// Herbereken een ontwerp (bv. een correctie) met het register zoals het nu is
    Recompute {
        /// Het nummer van de afrekening
        id: i64,
    },
    /// Reik een ontwerp uit: het wordt herberekend en bevroren (geweigerd zolang er blokkerende problemen zijn)
    Issue {
        /// Het nummer van de ontwerpafrekening
        id: i64,
        /// De naam van de ondertekenaar
        #[arg(long, value_name = "NAAM")]
        signer: String,
        /// De functie van de ondertekenaar
        #[arg(long, value_name = "FUNCTIE")]
        function: String,
        /// Plaats in het ondertekeningsblok (standaard: de plaats van ondertekening van de organisatie)
        #[arg(long, value_name = "PLAATS", default_value = "")]
        place: String,
        /// Laat de pagina "aangifte van schuldvordering" weg uit de PDF
        #[arg(long)]
        no_declaration_page: bool,
        /// Verklaar dat de waarden die in de regelset niet bevestigd zijn, aan hun bron nagekeken
        /// werden (verplicht als de afrekening er gebruikt; de PDF vermeldt het op pagina 1)
        #[arg(long)]
        checked_unconfirmed: bool,
    },
    /// Corrigeer een uitgereikte afrekening: een nieuw ontwerp dat ernaar verwijst, met de verschillen
    Amend {
        /// Het nummer van de uitgereikte afrekening
        id: i64,
    },
    /// Registreer het bedrag dat het departement voor een subsidiestroom afrekende
    Settle {
        /// Het nummer van de afrekening
        id: i64,
        /// De subsidiestroom, bv. S5
        #[arg(long, value_name = "STROOM")]
        stream: String,
        /// Het afgerekende bedrag in euro (decimale komma of punt)
        #[arg(long, value_name = "BEDRAG")]
        amount: String,
    },
    /// Schrijf de PDF van een afrekening: de bevroren PDF van een uitgereikte afrekening, of een ontwerp dat nu opgemaakt wordt ("ontwerp")
    Pdf {
        /// Het nummer van de afrekening
        id: i64,
        /// Het PDF-bestand om te schrijven
        #[arg(long, value_name = "BESTAND")]
        out: PathBuf,
    },
    /// Toon de bevroren momentopname van een uitgereikte afrekening (JSON met versienummer: het resultaat
    /// en wat de documenten tonen), de gegevens waaruit de PDF en de xlsx opgemaakt zijn
    Snapshot {
        /// Het nummer van de uitgereikte afrekening
        id: i64,
    },
    /// Exporteer de lijnen, totalen, parameters en controles van een afrekening naar een Excel-werkmap (.xlsx)
    Export {
        /// Het nummer van de afrekening
        id: i64,
        /// De Excel-werkmap om te schrijven
        #[arg(long, value_name = "BESTAND.xlsx")]
        out: PathBuf,
    },
    /// Schrijf de maandelijkse prestatiestaat van een artikel 60-werknemer voor het OCMW
    Prestatiestaat {
        /// Het nummer van de persoon
        #[arg(long, value_name = "ID")]
        person: i64,
        /// Een maand: 2026-01
        #[arg(long, value_name = "MAAND")]
        month: String,
        /// Het PDF-bestand om te schrijven
        #[arg(long, value_name = "BESTAND")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum AttributeCommand {
    /// De gedateerde werknemersgegevens van een persoon
    List {
        /// Het nummer van de persoon
        #[arg(value_name = "PERSOON")]
        person: i64,
    },
    /// Stel er één in: wage_percentage (60), guidance_level (laag/midden/hoog), seniority_start,
    /// sine_attest (met --until voor de laatste dag van het attest)
    Set {
        /// Het nummer van de persoon
        #[arg(value_name = "PERSOON")]
        person: i64,
        /// Het gegeven: wage_percentage, guidance_level, seniority_start of sine_attest
        #[arg(value_name = "GEGEVEN")]
        key: String,
        /// De waarde, bv. 62,5 of midden (geen voor seniority_start en sine_attest)
        #[arg(value_name = "WAARDE", default_value = "")]
        value: String,
        /// De eerste dag waarop het gegeven geldt
        #[arg(long, value_name = "DATUM")]
        from: String,
        /// De laatste dag waarop het gegeven geldt
        #[arg(long, value_name = "DATUM")]
        until: Option<String>,
    },
    /// Verwijder er één op zijn id
    Delete {
        /// Het id van het gegeven (zie `attribute list`)
        id: i64,
    },
}

/// A decimal with a point → Belgian notation: 1234.5 → 1.234,50 ([`werkbank_domain::format`]).
pub fn money(decimal: &str) -> String {
    format_decimal_text(decimal, Some(2)).unwrap_or_else(|| decimal.to_string())
}

/// A value that is not always money (a factor, a number of FTE): Belgian notation with
/// only its own decimals, `1.741,29`, `1,15`, `100`.
fn quantity(decimal: &str) -> String {
    format_decimal_text(decimal, None).unwrap_or_else(|| decimal.to_string())
}

fn opt_money<T: ToString>(v: Option<T>) -> String {
    v.map(|x| money(&x.to_string())).unwrap_or_default()
}

/// Exact FTE → 4 decimals with a comma for display (the exact value is in --json).
fn fte(decimal: &str) -> String {
    format_decimal_text(decimal, Some(4)).unwrap_or_else(|| decimal.to_string())
}

fn print_claim(cat: &Catalogue, c: &ClaimDto) {
    let r = &c.result;
    out!(
        "{}",
        cat.render(
            "cli.claim.title",
            &params([
                ("id", c.id.to_string()),
                ("status", cat.text(&format!("claims.status.{}", c.status.id()))),
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
            cat.render_count(
                "cli.claim.stream",
                u64::from(s.lines),
                &params([("code", s.code.clone()), ("name", s.name.clone()), ("amount", money(&s.amount.to_string()))])
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
            show(&api.issue_claim(*id, input).await?)
        }
        ClaimCommand::Amend { id } => show(&api.amend_claim(*id).await?),
        ClaimCommand::Settle { id, stream, amount } => show(&api.settle_claim(*id, stream, amount).await?),
        ClaimCommand::List { xlsx: Some(file) } => crate::written_xlsx(cat, json, &api.export_claims_xlsx(file).await?),
        ClaimCommand::List { xlsx: None } => {
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
                            cat.text(&format!("claims.status.{}", c.status.id())),
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
                    cat.render_count(
                        "cli.claim.xlsx_written",
                        u64::from(written.lines),
                        &params([("path", written.path.clone())])
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
