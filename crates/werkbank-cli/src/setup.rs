//! Setting up a workplace from the command line: the organisation, its work forms (with
//! their earlier kinds) and each work form's dated ratio parameters. Every command reads
//! what is stored, changes what its options name, and saves through the same use case as
//! the app's Organisation and Parameters screens (`save_organisation`, `save_rule_value`).

use super::{emit, invalid, params, pick, set_given};
use clap::{Args, Subcommand};
use std::process::ExitCode;
use werkbank_api::dto::{EarlierKindDto, OrganisationDto, RuleSetDto, RuleValueInput, WorkFormDto};
use werkbank_api::error::AppError;
use werkbank_api::messages::{format_date, Catalogue};
use werkbank_api::Api;
use werkbank_domain::rules::ParameterKey;
use werkbank_domain::WorkFormKind;

#[derive(Subcommand)]
pub enum OrganisationCommand {
    /// De organisatie: naam, KBO, adres, rechtsvorm, RSZ, IBAN, BIC, plaats van ondertekening, werkvormen
    Show,
    /// Maak of wijzig de organisatie; alleen de opgegeven opties veranderen
    Set(OrganisationArgs),
}

#[derive(Args)]
pub struct OrganisationArgs {
    /// De naam van de organisatie
    #[arg(long, value_name = "NAAM")]
    name: Option<String>,
    /// Ondernemingsnummer (10 cijfers, gecontroleerd)
    #[arg(long, value_name = "KBO")]
    kbo: Option<String>,
    /// Straat en huisnummer
    #[arg(long, value_name = "STRAAT")]
    street: Option<String>,
    /// Postcode
    #[arg(long, value_name = "POSTCODE")]
    postal_code: Option<String>,
    /// Gemeente
    #[arg(long, value_name = "GEMEENTE")]
    city: Option<String>,
    /// Rechtsvorm, bv. vzw (op afrekeningen achter de naam gedrukt)
    #[arg(long, value_name = "RECHTSVORM")]
    legal_form: Option<String>,
    /// RSZ-werkgeversnummer (9 of 10 cijfers)
    #[arg(long, value_name = "RSZ")]
    rsz: Option<String>,
    /// IBAN (gecontroleerd met modulo 97)
    #[arg(long, value_name = "IBAN")]
    iban: Option<String>,
    /// BIC van de bank
    #[arg(long, value_name = "BIC")]
    bic: Option<String>,
    /// De plaats in het ondertekeningsblok van een afrekening
    #[arg(long, value_name = "PLAATS")]
    signing_place: Option<String>,
    /// Uren arbeidszorg per week die één VTE vormen (30, 30,5 of 7:36)
    #[arg(long, value_name = "UREN")]
    work_care_full_time: Option<String>,
}

#[derive(Subcommand)]
pub enum WorkFormCommand {
    /// De werkvormen; de eerste is de hoofdwerkvorm
    List,
    /// Voeg een werkvorm toe
    Add {
        /// De soort: social_workshop, work_care, maatwerk, insertion, local_services
        #[arg(long, value_name = "SOORT")]
        kind: String,
        /// Het erkenningsnummer
        #[arg(long, value_name = "NUMMER")]
        recognition_number: Option<String>,
        /// Een vroegere soort en haar laatste dag, oudste eerst: social_workshop:31/12/2018
        #[arg(long = "earlier", value_name = "SOORT:LAATSTE_DAG")]
        earlier: Vec<String>,
    },
    /// Wijzig een werkvorm: de soort, het erkenningsnummer of de vroegere soorten
    Set {
        /// Het nummer van de werkvorm (zie `work-form list`)
        id: i64,
        /// De nieuwe soort: social_workshop, work_care, maatwerk, insertion, local_services
        #[arg(long, value_name = "SOORT")]
        kind: Option<String>,
        /// Het erkenningsnummer; lege tekst wist het nummer
        #[arg(long, value_name = "NUMMER")]
        recognition_number: Option<String>,
        /// Vervangt de vroegere soorten (oudste eerst): social_workshop:31/12/2018
        #[arg(long = "earlier", value_name = "SOORT:LAATSTE_DAG")]
        earlier: Vec<String>,
        /// Wis alle vroegere soorten
        #[arg(long, conflicts_with = "earlier")]
        no_earlier: bool,
    },
    /// Verwijder een werkvorm (haar periodes tellen dan mee in de hoofdwerkvorm)
    Remove {
        /// Het nummer van de werkvorm
        id: i64,
    },
}

#[derive(Subcommand)]
pub enum ParameterCommand {
    /// De gedateerde omkaderingsparameters van elke werkvorm (standaardwaarden tot er waarden opgeslagen zijn)
    List {
        /// Alleen deze werkvorm
        #[arg(long, value_name = "ID")]
        work_form: Option<i64>,
    },
    /// Sla een waarde op vanaf een datum: norm 5, norm_method pro_rata|block, target_categories
    /// target_group_recognised,…, contingent_target_fte 16, yearly_minimum_fte 20, …
    Set {
        /// De werkvorm
        #[arg(long, value_name = "ID")]
        work_form: i64,
        /// De parameter, bv. norm
        #[arg(value_name = "PARAMETER")]
        key: String,
        /// De waarde, bv. 5
        #[arg(value_name = "WAARDE")]
        value: String,
        /// De eerste dag waarop de waarde geldt
        #[arg(long, value_name = "DATUM")]
        from: String,
        /// Waar de waarde vandaan komt (erkenningsbeslissing, besluit, …)
        #[arg(long, value_name = "BRON", default_value = "")]
        source: String,
    },
    /// Verwijder een opgeslagen waarde op haar id (zie `parameter list`)
    Delete {
        /// Het id van de waarde
        id: i64,
    },
}

/// Text of a work form: "#1 Maatwerkbedrijf · SW/2019/0042 (tot en met 31/12/2018: Sociale werkplaats)".
fn work_form_line(cat: &Catalogue, w: &WorkFormDto) -> String {
    let mut line = format!(
        "#{} {}",
        w.id.map(|id| id.to_string()).unwrap_or_default(),
        cat.text(&format!("work_form.{}", w.kind.id()))
    );
    if let Some(n) = &w.recognition_number {
        line.push_str(&format!(" · {n}"));
    }
    for e in &w.earlier_kinds {
        let kind = cat.text(&format!("work_form.{}", e.kind.id()));
        line.push_str(&format!(
            " ({})",
            cat.render("cli.work_form.earlier", &params([("kind", kind), ("last_day", e.last_day.clone())]))
        ));
    }
    line
}

fn print_organisation(cat: &Catalogue, o: &OrganisationDto) {
    let rows = [
        ("field.name", o.name.clone()),
        ("field.kbo", o.kbo.clone()),
        ("cli.organisation.address", format!("{}, {} {}", o.street, o.postal_code, o.city)),
        ("cli.organisation.legal_form", o.legal_form.clone()),
        ("cli.organisation.rsz", o.rsz_number.clone()),
        ("cli.organisation.iban", o.iban.clone()),
        ("cli.organisation.bic", o.bic.clone()),
        ("cli.organisation.signing_place", o.signing_place.clone()),
        ("field.work_care_full_time", o.work_care_full_time.clone()),
    ];
    for (key, value) in rows {
        out!("{:<32} {}", cat.text(key), value.trim_matches(|c: char| c == ',' || c.is_whitespace()));
    }
    out!("{}", cat.text("cli.organisation.work_forms"));
    for w in &o.work_forms {
        out!("  {}", work_form_line(cat, w));
    }
}

/// `social_workshop:31/12/2018` → an earlier kind with its last day.
fn earlier_kind(text: &str) -> Result<EarlierKindDto, AppError> {
    let (kind, last_day) = text.split_once(':').ok_or_else(|| invalid("earlier", text))?;
    Ok(EarlierKindDto { kind: pick("earlier", kind, WorkFormKind::from_id)?, last_day: last_day.trim().to_string() })
}

/// The stored organisation, or an empty one to fill in (a new database).
async fn current(api: &Api) -> Result<OrganisationDto, AppError> {
    let status = api.status().await?;
    Ok(api.organisation().await?.unwrap_or_else(|| OrganisationDto {
        work_care_full_time: werkbank_domain::employment::hours(status.work_care_full_time),
        ..Default::default()
    }))
}

pub async fn organisation(
    api: &Api,
    cat: &Catalogue,
    json: bool,
    command: &OrganisationCommand,
) -> Result<ExitCode, AppError> {
    let org = match command {
        OrganisationCommand::Show => {
            let Some(org) = api.organisation().await? else {
                return Err(AppError::Conflict { code: "cli.organisation.none".into(), params: Default::default() });
            };
            org
        }
        OrganisationCommand::Set(a) => {
            let mut org = current(api).await?;
            let fields = [
                (&a.name, &mut org.name),
                (&a.kbo, &mut org.kbo),
                (&a.street, &mut org.street),
                (&a.postal_code, &mut org.postal_code),
                (&a.city, &mut org.city),
                (&a.legal_form, &mut org.legal_form),
                (&a.rsz, &mut org.rsz_number),
                (&a.iban, &mut org.iban),
                (&a.bic, &mut org.bic),
                (&a.signing_place, &mut org.signing_place),
                (&a.work_care_full_time, &mut org.work_care_full_time),
            ];
            set_given(fields);
            api.save_organisation(org).await?
        }
    };
    emit(json, &org, |o| print_organisation(cat, o));
    Ok(ExitCode::SUCCESS)
}

pub async fn work_form(
    api: &Api,
    cat: &Catalogue,
    json: bool,
    command: &WorkFormCommand,
) -> Result<ExitCode, AppError> {
    let mut org = current(api).await?;
    let changed = match command {
        WorkFormCommand::List => false,
        WorkFormCommand::Add { kind, recognition_number, earlier } => {
            org.work_forms.push(WorkFormDto {
                id: None,
                kind: pick("kind", kind, WorkFormKind::from_id)?,
                recognition_number: recognition_number.clone(),
                earlier_kinds: earlier.iter().map(|e| earlier_kind(e)).collect::<Result<_, _>>()?,
            });
            true
        }
        WorkFormCommand::Set { id, kind, recognition_number, earlier, no_earlier } => {
            let form = org
                .work_forms
                .iter_mut()
                .find(|w| w.id == Some(*id))
                .ok_or(AppError::NotFound { entity: "work_form", id: *id })?;
            if let Some(kind) = kind {
                form.kind = pick("kind", kind, WorkFormKind::from_id)?;
            }
            if let Some(n) = recognition_number {
                form.recognition_number = Some(n.clone());
            }
            if *no_earlier {
                form.earlier_kinds.clear();
            } else if !earlier.is_empty() {
                form.earlier_kinds = earlier.iter().map(|e| earlier_kind(e)).collect::<Result<_, _>>()?;
            }
            true
        }
        WorkFormCommand::Remove { id } => {
            let before = org.work_forms.len();
            org.work_forms.retain(|w| w.id != Some(*id));
            if org.work_forms.len() == before {
                return Err(AppError::NotFound { entity: "work_form", id: *id });
            }
            true
        }
    };
    let forms = if changed { api.save_organisation(org).await?.work_forms } else { org.work_forms };
    emit(json, &forms, |forms| {
        if forms.is_empty() {
            out!("{}", cat.text("cli.work_form.none"));
        }
        for w in forms {
            out!("{}", work_form_line(cat, w));
        }
    });
    Ok(ExitCode::SUCCESS)
}

fn print_rule_sets(cat: &Catalogue, sets: &[RuleSetDto]) {
    for s in sets {
        out!("{}", work_form_line(cat, &s.work_form));
        if s.seeded_only {
            out!("  {}", cat.text("cli.parameter.defaults"));
        }
        for v in &s.values {
            let value = match v.key.value_kind() {
                "method" => cat.text(&format!("norm_method.{}", v.value)),
                "categories" => {
                    v.value.split(',').map(|c| cat.text(&format!("category.{c}"))).collect::<Vec<_>>().join(", ")
                }
                _ => v.value.replace('.', ","),
            };
            let source = match v.source.as_deref() {
                Some("default") | None => cat.text("rule.source_default"),
                Some(s) => s.to_string(),
            };
            out!(
                "  {:>5} {:<40} {:<28} {} ({})",
                v.id.map(|id| format!("#{id}")).unwrap_or_default(),
                cat.text(&format!("rule.{}", v.key.id())),
                value,
                cat.render("cli.parameter.from", &params([("date", format_date(&v.effective_from))])),
                source
            );
        }
    }
}

pub async fn parameter(
    api: &Api,
    cat: &Catalogue,
    json: bool,
    command: &ParameterCommand,
) -> Result<ExitCode, AppError> {
    let (sets, only) = match command {
        ParameterCommand::List { work_form } => (api.rule_sets().await?, *work_form),
        ParameterCommand::Set { work_form, key, value, from, source } => {
            let input = RuleValueInput {
                work_form_id: *work_form,
                key: Some(pick("key", key, ParameterKey::from_id)?),
                value: value.clone(),
                effective_from: from.clone(),
                source: source.clone(),
            };
            (api.save_rule_value(input).await?, Some(*work_form))
        }
        ParameterCommand::Delete { id } => (api.delete_rule_value(*id).await?, None),
    };
    let sets: Vec<RuleSetDto> = sets.into_iter().filter(|s| only.is_none() || s.work_form.id == only).collect();
    emit(json, &sets, |sets| print_rule_sets(cat, sets));
    Ok(ExitCode::SUCCESS)
}
