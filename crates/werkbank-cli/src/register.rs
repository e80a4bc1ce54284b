//! The register's forms on the command line: a person's details and employment periods,
//! shown, added, changed and deleted through the same use cases as the app's person page
//! (`create_person`, `update_person`, `add_period`, `update_period`, `delete_period`).
//! A change starts from what is stored: only the options given change.

use super::{emit, params, pick, set_given};
use clap::{Args, Subcommand};
use std::process::ExitCode;
use werkbank_api::dto::{PeriodInput, PersonDetailDto, PersonInput};
use werkbank_api::error::AppError;
use werkbank_api::messages::{format_date, Catalogue};
use werkbank_api::Api;
use werkbank_domain::employment::ContractType;
use werkbank_domain::{EducationLevel, Sex, TriState};

#[derive(Subcommand)]
pub enum PersonCommand {
    /// De gegevens en periodes van een persoon
    Show {
        /// Het nummer van de persoon
        id: i64,
    },
    /// Voeg een persoon toe aan het register (daarna `period add`)
    Add(PersonFields),
    /// Wijzig de gegevens van een persoon; alleen de opgegeven opties veranderen
    Set {
        /// Het nummer van de persoon
        id: i64,
        #[command(flatten)]
        fields: PersonFields,
    },
}

#[derive(Args)]
pub struct PersonFields {
    /// Het rijksregisternummer (11 cijfers, gecontroleerd); lege tekst wist het
    #[arg(long, value_name = "INSZ")]
    insz: Option<String>,
    /// Naam
    #[arg(long, value_name = "NAAM")]
    last_name: Option<String>,
    /// Voornaam
    #[arg(long, value_name = "VOORNAAM")]
    first_name: Option<String>,
    /// Geboortedatum, dd/mm/jjjj (standaard: uit het INSZ)
    #[arg(long, value_name = "DATUM")]
    birth_date: Option<String>,
    /// Geslacht: male, female, x of unknown
    #[arg(long, value_name = "GESLACHT")]
    sex: Option<String>,
    /// Opleidingsniveau: primary, secondary_second_grade, secondary_no_diploma, secondary, higher, unknown
    #[arg(long, value_name = "NIVEAU")]
    education: Option<String>,
    /// Ingeschreven bij VDAB sinds
    #[arg(long, value_name = "DATUM")]
    vdab_registration_date: Option<String>,
    /// Inactief sinds
    #[arg(long, value_name = "DATUM")]
    inactive_since: Option<String>,
    /// Beperking vastgesteld: yes, no of unknown
    #[arg(long, value_name = "WAARDE")]
    limitation: Option<String>,
    /// Registratie arbeidshandicap: yes, no of unknown
    #[arg(long, value_name = "WAARDE")]
    disability_registration: Option<String>,
    /// Volgt een begeleidingstraject: yes, no of unknown
    #[arg(long, value_name = "WAARDE")]
    guidance_trajectory: Option<String>,
    /// Onvoldoende vaardigheden (VDAB-basisdienstverlening): yes, no of unknown
    #[arg(long, value_name = "WAARDE")]
    insufficient_skills: Option<String>,
    /// Attest arbeidszorg geldig tot
    #[arg(long, value_name = "DATUM")]
    work_care_attest_valid_until: Option<String>,
}

impl PersonFields {
    pub fn apply(&self, p: &mut PersonInput) -> Result<(), AppError> {
        let texts = [
            (&self.insz, &mut p.insz),
            (&self.last_name, &mut p.last_name),
            (&self.first_name, &mut p.first_name),
            (&self.birth_date, &mut p.birth_date),
            (&self.vdab_registration_date, &mut p.vdab_registration_date),
            (&self.inactive_since, &mut p.inactive_since),
            (&self.work_care_attest_valid_until, &mut p.work_care_attest_valid_until),
        ];
        set_given(texts);
        if let Some(s) = &self.sex {
            p.sex = pick("sex", s, Sex::from_id)?;
        }
        if let Some(e) = &self.education {
            p.education_level = pick("education_level", e, EducationLevel::from_id)?;
        }
        let tri = [
            ("limitation", &self.limitation, &mut p.limitation),
            ("disability_registration", &self.disability_registration, &mut p.disability_registration),
            ("guidance_trajectory", &self.guidance_trajectory, &mut p.guidance_trajectory),
            ("insufficient_skills", &self.insufficient_skills, &mut p.insufficient_skills),
        ];
        for (name, given, field) in tri {
            if let Some(value) = given {
                *field = pick(name, value, TriState::from_id)?;
            }
        }
        Ok(())
    }
}

#[derive(Subcommand)]
pub enum PeriodCommand {
    /// Voeg een tewerkstellingsperiode toe aan een persoon
    Add {
        /// Het nummer van de persoon
        #[arg(value_name = "PERSOON")]
        person: i64,
        #[command(flatten)]
        fields: PeriodFields,
    },
    /// Wijzig een periode; alleen de opgegeven opties veranderen
    Set {
        /// Het nummer van de periode
        id: i64,
        #[command(flatten)]
        fields: PeriodFields,
    },
    /// Verwijder een periode
    Delete {
        /// Het nummer van de periode
        id: i64,
    },
}

#[derive(Args)]
pub struct PeriodFields {
    /// Categorie: target_group_recognised, target_group_non_recognised, article_60, supervisor_recognised, …
    #[arg(long, value_name = "CATEGORIE")]
    category: Option<String>,
    /// Begindatum, dd/mm/jjjj
    #[arg(long, value_name = "DATUM")]
    start: Option<String>,
    /// De laatste dag (lege tekst: loopt nog)
    #[arg(long, value_name = "DATUM")]
    end: Option<String>,
    /// Gewerkte uren per week (38, 22,8 of 7:36)
    #[arg(long, value_name = "UREN")]
    q: Option<String>,
    /// Uren per week van een voltijdse maatpersoon
    #[arg(long, value_name = "UREN")]
    s: Option<String>,
    /// Het contract: open_ended, fixed_term, replacement, work_care_agreement, article_60_placement of
    /// other (standaard: het gebruikelijke van de categorie)
    #[arg(long, value_name = "CONTRACT")]
    contract: Option<String>,
    /// Functie of activiteit
    #[arg(long, value_name = "TEKST")]
    job: Option<String>,
    /// Artikel 60: het OCMW dat de werknemer plaatste
    #[arg(long, value_name = "OCMW")]
    ocmw: Option<String>,
    /// Artikel 60: de dag waarop de plaatsingsovereenkomst getekend werd
    #[arg(long, value_name = "DATUM")]
    agreement_signed: Option<String>,
    /// De werkvorm (zie `work-form list`; standaard: de hoofdwerkvorm)
    #[arg(long, value_name = "ID")]
    work_form: Option<i64>,
}

impl PeriodFields {
    pub fn apply(&self, p: &mut PeriodInput) -> Result<(), AppError> {
        if let Some(c) = &self.category {
            p.category = Some(c.parse::<werkbank_api::Category>()?);
        }
        let texts = [
            (&self.start, &mut p.start),
            (&self.end, &mut p.end),
            (&self.q, &mut p.q),
            (&self.s, &mut p.s),
            (&self.job, &mut p.job),
            (&self.ocmw, &mut p.ocmw),
            (&self.agreement_signed, &mut p.placement_agreement_signed),
        ];
        set_given(texts);
        if let Some(c) = &self.contract {
            p.contract_type = Some(pick("contract_type", c, ContractType::from_id)?);
        }
        if self.work_form.is_some() {
            p.work_form_id = self.work_form;
        }
        Ok(())
    }
}

pub fn print_person(cat: &Catalogue, d: &PersonDetailDto) {
    let p = &d.person;
    out!("#{} {} {}", p.id, p.last_name, p.first_name);
    let rows = [
        ("field.insz", p.insz.clone().unwrap_or_else(|| "—".into())),
        ("field.birth_date", p.birth_date.as_deref().map(format_date).unwrap_or_else(|| "—".into())),
    ];
    for (key, value) in rows {
        out!("  {:<28} {}", cat.text(key), value);
    }
    if d.periods.is_empty() {
        out!("  {}", cat.text("cli.person.no_periods"));
    }
    for period in &d.periods {
        out!(
            "  {}",
            cat.render(
                "cli.person.period",
                &params([
                    ("id", period.id.to_string()),
                    ("category", cat.text(&format!("category.{}", period.category.id()))),
                    ("start", period.start.clone()),
                    ("end", period.end.clone().unwrap_or_default()),
                    ("fraction", period.fraction.replace('.', ",")),
                    ("work_form", period.work_form_id.map(|id| format!("#{id}")).unwrap_or_default()),
                ])
            )
        );
    }
}

pub async fn person(api: &Api, cat: &Catalogue, json: bool, command: &PersonCommand) -> Result<ExitCode, AppError> {
    let detail = match command {
        PersonCommand::Show { id } => api.person(*id).await?,
        PersonCommand::Add(fields) => {
            let mut input = PersonInput::default();
            fields.apply(&mut input)?;
            api.create_person(input).await?
        }
        PersonCommand::Set { id, fields } => {
            let mut input = PersonInput::from(&api.person(*id).await?.person);
            fields.apply(&mut input)?;
            api.update_person(*id, input).await?
        }
    };
    emit(json, &detail, |d| print_person(cat, d));
    Ok(ExitCode::SUCCESS)
}

pub async fn period(api: &Api, cat: &Catalogue, json: bool, command: &PeriodCommand) -> Result<ExitCode, AppError> {
    let detail = match command {
        PeriodCommand::Add { person, fields } => {
            let mut input = PeriodInput::default();
            fields.apply(&mut input)?;
            api.add_period(*person, input).await?
        }
        PeriodCommand::Set { id, fields } => {
            let mut input = PeriodInput::from(&api.period(*id).await?);
            fields.apply(&mut input)?;
            api.update_period(*id, input).await?
        }
        PeriodCommand::Delete { id } => api.delete_period(*id).await?,
    };
    emit(json, &detail, |d| print_person(cat, d));
    Ok(ExitCode::SUCCESS)
}
