//! `werkbank waitlist …` (candidates, status, figures) and `werkbank agenda` (the planned
//! meetings of the workers' paths).

use super::{comma, emit, invalid, params, pick, set_given};
use clap::Subcommand;
use std::process::ExitCode;
use werkbank_api::dto::{CandidateInput, HireInput, PeriodInput, PersonInput, StatusChangeInput, WaitlistFilter};
use werkbank_api::error::AppError;
use werkbank_api::messages::{format_date, Catalogue};
use werkbank_api::Api;
use werkbank_domain::waitlist::{AttestKind, CandidateStatus, Priority, ReferrerKind};
use werkbank_domain::{EducationLevel, TriState};

#[derive(Subcommand)]
pub enum WaitlistCommand {
    /// Zet een kandidaat op de wachtlijst (status wachtend sinds de datum van doorverwijzing)
    Add {
        /// Naam
        #[arg(long, value_name = "NAAM")]
        last_name: String,
        /// Voornaam
        #[arg(long, value_name = "VOORNAAM")]
        first_name: String,
        /// Doorverwezen door: vdab, atb, ocmw, werkwinkel, spontaneous of other
        #[arg(long, value_name = "VERWIJZER")]
        referrer: String,
        /// De datum van doorverwijzing, dd/mm/jjjj of jjjj-mm-dd
        #[arg(long, value_name = "DATUM")]
        referral_date: String,
        /// De gezochte categorie, bv. target_group_recognised, work_care, article_60
        #[arg(long, value_name = "CATEGORIE")]
        category: String,
        /// De gezochte werkvorm (social_workshop, work_care, …; standaard: de hoofdwerkvorm)
        #[arg(long, value_name = "SOORT")]
        work_form: Option<String>,
        /// Het INSZ
        #[arg(long, value_name = "INSZ", default_value = "")]
        insz: String,
        /// Geboortedatum
        #[arg(long, value_name = "DATUM", default_value = "")]
        birth_date: String,
        /// Telefoon, e-mail of adres
        #[arg(long, value_name = "TEKST", default_value = "")]
        contact: String,
        /// De naam van de consulent of trajectbegeleider
        #[arg(long, value_name = "NAAM", default_value = "")]
        counsellor: String,
        /// Contactgegevens van de consulent
        #[arg(long, value_name = "TEKST", default_value = "")]
        counsellor_contact: String,
        /// Attest of verslag: work_care_attest, target_group_attest, social_report of other
        #[arg(long, value_name = "SOORT")]
        attest: Option<String>,
        /// Datum van het attest
        #[arg(long, value_name = "DATUM", default_value = "")]
        attest_date: String,
        /// Attest geldig tot
        #[arg(long, value_name = "DATUM", default_value = "")]
        attest_valid_until: String,
        /// Prioriteit: high, normal of low
        #[arg(long, value_name = "PRIORITEIT", default_value = "normal")]
        priority: String,
        /// Vrije notities (nooit medische gegevens)
        #[arg(long, value_name = "TEKST", default_value = "")]
        notes: String,
        /// Gegevens voor de toetredingsvoorwaarden: opleidingsniveau (primary, secondary_second_grade, …)
        #[arg(long, value_name = "NIVEAU")]
        education: Option<String>,
        /// Ingeschreven bij VDAB sinds
        #[arg(long, value_name = "DATUM", default_value = "")]
        vdab_registration_date: String,
        /// Inactief sinds
        #[arg(long, value_name = "DATUM", default_value = "")]
        inactive_since: String,
        /// Beperking vastgesteld: yes, no of unknown
        #[arg(long, value_name = "WAARDE", default_value = "unknown")]
        limitation: String,
        /// Volgt een begeleidingstraject: yes, no of unknown
        #[arg(long, value_name = "WAARDE", default_value = "unknown")]
        guidance_trajectory: String,
    },
    /// De lijst in haar volgorde (datum van doorverwijzing, dan prioriteit); --all voegt de afgesloten kandidaten toe
    List {
        /// Ook de afgesloten kandidaten
        #[arg(long)]
        all: bool,
        /// Alleen deze werkvorm (social_workshop, work_care, …)
        #[arg(long, value_name = "SOORT")]
        work_form: Option<String>,
        /// Schrijf de lijst naar een Excel-werkmap in plaats van ze te tonen
        #[arg(long, value_name = "BESTAND.xlsx")]
        xlsx: Option<std::path::PathBuf>,
    },
    /// Wijzig de status van een kandidaat: invited, intake, waiting, withdrawn, referred_elsewhere, not_eligible
    Status {
        /// Het nummer van de kandidaat
        id: i64,
        /// De nieuwe status
        #[arg(value_name = "STATUS")]
        status: String,
        /// De dag waarop de status ingaat (standaard: vandaag)
        #[arg(long, value_name = "DATUM", default_value = "")]
        on: String,
        /// De reden
        #[arg(long, value_name = "TEKST", default_value = "")]
        reason: String,
    },
    /// Cijfers per werkvorm: wachtend, mediane en langste wachttijd, instroom en uitstroom, waarschuwingen, vrije plaatsen
    Stats,
    /// Een kandidaat: de doorverwijzing, de gegevens, de statusgeschiedenis en de toetredingsvoorwaarden vandaag
    Show {
        /// Het nummer van de kandidaat
        id: i64,
    },
    /// Wijzig de doorverwijzing of de gegevens van een kandidaat; alleen de opgegeven opties veranderen
    Set {
        /// Het nummer van de kandidaat
        id: i64,
        #[command(flatten)]
        person: crate::register::PersonFields,
        /// Telefoon, e-mail of adres
        #[arg(long, value_name = "TEKST")]
        contact: Option<String>,
        /// Doorverwezen door: vdab, atb, ocmw, werkwinkel, spontaneous of other
        #[arg(long, value_name = "VERWIJZER")]
        referrer: Option<String>,
        /// De naam van de consulent of trajectbegeleider
        #[arg(long, value_name = "NAAM")]
        counsellor: Option<String>,
        /// Contactgegevens van de consulent
        #[arg(long, value_name = "TEKST")]
        counsellor_contact: Option<String>,
        /// De datum van doorverwijzing
        #[arg(long, value_name = "DATUM")]
        referral_date: Option<String>,
        /// De gezochte categorie
        #[arg(long, value_name = "CATEGORIE")]
        category: Option<String>,
        /// De gezochte werkvorm (social_workshop, work_care, …)
        #[arg(long, value_name = "SOORT")]
        work_form: Option<String>,
        /// Attest of verslag: work_care_attest, target_group_attest, social_report of other
        #[arg(long, value_name = "SOORT")]
        attest: Option<String>,
        /// Datum van het attest
        #[arg(long, value_name = "DATUM")]
        attest_date: Option<String>,
        /// Attest geldig tot
        #[arg(long, value_name = "DATUM")]
        attest_valid_until: Option<String>,
        /// Prioriteit: high, normal of low
        #[arg(long, value_name = "PRIORITEIT")]
        priority: Option<String>,
        /// Vrije notities (nooit medische gegevens)
        #[arg(long, value_name = "TEKST")]
        notes: Option<String>,
    },
    /// Het aantal vrije plaatsen van een werkvorm, zoals de directie ze telt (in plaats van het aantal
    /// dat uit de omkadering volgt); --clear keert terug naar de omkadering
    Places {
        /// De werkvorm
        #[arg(long, value_name = "ID")]
        work_form: i64,
        /// Het aantal vrije plaatsen
        #[arg(value_name = "AANTAL", required_unless_present = "clear")]
        places: Option<u32>,
        /// Wis het opgegeven aantal: de omkadering bepaalt weer de vrije plaatsen
        #[arg(long)]
        clear: bool,
    },
    /// Werf een kandidaat in intake aan: de persoon, de eerste periode en de toetredingsvoorwaarden op
    /// de datum van aanwerving, in één transactie (zoals "Aanwerven" in de app)
    Hire {
        /// Het nummer van de kandidaat
        id: i64,
        /// De datum van aanwerving: de eerste dag van de periode
        #[arg(long, value_name = "DATUM")]
        on: String,
        /// De categorie (standaard: de categorie die de kandidaat zoekt)
        #[arg(long, value_name = "CATEGORIE")]
        category: Option<String>,
        /// Gewerkte uren per week (38, 22,8 of 7:36)
        #[arg(long, value_name = "UREN")]
        q: String,
        /// Uren per week van een voltijdse maatpersoon (standaard: die van de categorie)
        #[arg(long, value_name = "UREN", default_value = "")]
        s: String,
        /// Het contract (standaard: het gebruikelijke van de categorie)
        #[arg(long, value_name = "CONTRACT")]
        contract: Option<String>,
        /// Functie of activiteit
        #[arg(long, value_name = "TEKST", default_value = "")]
        job: String,
        /// De werkvorm (standaard: de werkvorm die de kandidaat zoekt)
        #[arg(long, value_name = "ID")]
        work_form: Option<i64>,
    },
}

async fn work_form_id(api: &Api, kind: Option<&str>) -> Result<Option<i64>, AppError> {
    let Some(kind) = kind else { return Ok(None) };
    let forms = api.organisation().await?.map(|o| o.work_forms).unwrap_or_default();
    forms
        .iter()
        .find(|w| w.kind.id() == kind.trim())
        .and_then(|w| w.id)
        .map(Some)
        .ok_or_else(|| invalid("work_form", kind))
}

fn label(cat: &Catalogue, group: &str, id: &str) -> String {
    cat.text(&format!("{group}.{id}"))
}

pub async fn run(api: &Api, cat: &Catalogue, json: bool, command: &WaitlistCommand) -> Result<ExitCode, AppError> {
    match command {
        WaitlistCommand::Add {
            last_name,
            first_name,
            referrer,
            referral_date,
            category,
            work_form,
            insz,
            birth_date,
            contact,
            counsellor,
            counsellor_contact,
            attest,
            attest_date,
            attest_valid_until,
            priority,
            notes,
            education,
            vdab_registration_date,
            inactive_since,
            limitation,
            guidance_trajectory,
        } => {
            let input = CandidateInput {
                person: PersonInput {
                    insz: insz.clone(),
                    last_name: last_name.clone(),
                    first_name: first_name.clone(),
                    birth_date: birth_date.clone(),
                    education_level: match education {
                        Some(e) => pick("education_level", e, EducationLevel::from_id)?,
                        None => EducationLevel::Unknown,
                    },
                    vdab_registration_date: vdab_registration_date.clone(),
                    inactive_since: inactive_since.clone(),
                    limitation: pick("limitation", limitation, TriState::from_id)?,
                    guidance_trajectory: pick("guidance_trajectory", guidance_trajectory, TriState::from_id)?,
                    ..Default::default()
                },
                contact: contact.clone(),
                referrer: Some(pick("referrer", referrer, ReferrerKind::from_id)?),
                counsellor_name: counsellor.clone(),
                counsellor_contact: counsellor_contact.clone(),
                referral_date: referral_date.clone(),
                work_form_id: work_form_id(api, work_form.as_deref()).await?,
                category: Some(category.parse::<werkbank_api::Category>()?),
                attest_kind: attest.as_deref().map(|a| pick("attest_kind", a, AttestKind::from_id)).transpose()?,
                attest_date: attest_date.clone(),
                attest_valid_until: attest_valid_until.clone(),
                priority: Some(pick("priority", priority, Priority::from_id)?),
                notes: notes.clone(),
            };
            let c = api.create_candidate(input).await?;
            emit(json, &c, |c| {
                let name = format!("{} {}", c.candidate.person.first_name, c.candidate.person.last_name);
                let rank = c.candidate.rank.map(|r| r.to_string()).unwrap_or_default();
                out!(
                    "{}",
                    cat.render(
                        "cli.waitlist.added",
                        &params([("id", c.candidate.id.to_string()), ("name", name), ("rank", rank)])
                    )
                );
            });
        }
        WaitlistCommand::List { all, work_form, xlsx } => {
            let filter =
                WaitlistFilter { include_closed: *all, work_form_id: work_form_id(api, work_form.as_deref()).await? };
            if let Some(file) = xlsx {
                crate::written_xlsx(cat, json, &api.export_waitlist_xlsx(filter, file).await?);
                return Ok(ExitCode::SUCCESS);
            }
            let list = api.waitlist(filter).await?;
            emit(json, &list, |list| {
                if list.candidates.is_empty() {
                    out!("{}", cat.text("cli.waitlist.none"));
                } else {
                    out!("{}", cat.text("cli.waitlist.order"));
                    for c in &list.candidates {
                        let mark = if c.attest_alert { " !" } else { "" };
                        out!(
                            "{:>3} {:>5} {:<28} {:<12} {:<24} {:<26} {:<10} {:>5} d {}{}",
                            c.rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into()),
                            c.id,
                            format!("{}, {}", c.person.last_name, c.person.first_name),
                            format_date(&c.referral_date),
                            label(cat, "referrer", c.referrer.id()),
                            label(cat, "category", c.category.id()),
                            label(cat, "priority", c.priority.id()),
                            c.waiting_days,
                            label(cat, "candidate_status", c.status.id()),
                            mark,
                        );
                    }
                }
            });
        }
        WaitlistCommand::Status { id, status, on, reason } => {
            let status = pick("status", status, CandidateStatus::from_id)?;
            let input = StatusChangeInput { status: Some(status), date: on.clone(), reason: reason.clone() };
            let c = api.change_candidate_status(*id, input).await?;
            emit(json, &c, |c| {
                let name = format!("{} {}", c.candidate.person.first_name, c.candidate.person.last_name);
                out!(
                    "{}",
                    cat.render(
                        "cli.waitlist.status_done",
                        &params([
                            ("id", id.to_string()),
                            ("name", name),
                            ("status", c.candidate.status.id().to_string()),
                            ("date", c.candidate.status_since.clone()),
                        ])
                    )
                );
            });
        }
        WaitlistCommand::Hire { id, on, category, q, s, contract, job, work_form } => {
            let period = PeriodInput {
                category: category.as_deref().map(str::parse::<werkbank_api::Category>).transpose()?,
                start: on.clone(),
                q: q.clone(),
                s: s.clone(),
                contract_type: contract
                    .as_deref()
                    .map(|c| pick("contract_type", c, werkbank_domain::employment::ContractType::from_id))
                    .transpose()?,
                job: job.clone(),
                work_form_id: *work_form,
                ..Default::default()
            };
            let hired = api.hire_candidate(*id, HireInput { period }).await?;
            emit(json, &hired, |h| {
                crate::register::print_person(cat, &h.person);
                let e = &h.eligibility;
                match (e.kind, e.overall) {
                    (Some(kind), Some(overall)) => out!(
                        "{}: {}",
                        cat.text(&format!("eligibility.{}", kind.id())),
                        cat.text(&format!("criterion.status.{}", overall.id()))
                    ),
                    _ => out!("{}", cat.text("cli.eligibility.none")),
                }
                for item in &h.agenda {
                    out!("  {}", agenda_line(cat, item));
                }
            });
        }
        WaitlistCommand::Show { id } => {
            let c = api.candidate(*id).await?;
            emit(json, &c, |c| {
                let p = &c.candidate.person;
                out!("#{} {} {}", c.candidate.id, p.last_name, p.first_name);
                out!(
                    "  {}",
                    cat.render(
                        "cli.waitlist.show",
                        &params([
                            ("referrer", label(cat, "referrer", c.candidate.referrer.id())),
                            ("date", c.candidate.referral_date.clone()),
                            ("category", label(cat, "category", c.candidate.category.id())),
                            ("status", label(cat, "candidate_status", c.candidate.status.id())),
                            ("days", c.candidate.waiting_days.to_string()),
                        ])
                    )
                );
                for h in &c.history {
                    out!("  {}  {}  {}", format_date(&h.date), label(cat, "candidate_status", h.status.id()), h.reason);
                }
            });
        }
        WaitlistCommand::Set {
            id,
            person,
            contact,
            referrer,
            counsellor,
            counsellor_contact,
            referral_date,
            category,
            work_form,
            attest,
            attest_date,
            attest_valid_until,
            priority,
            notes,
        } => {
            let mut input = CandidateInput::from(&api.candidate(*id).await?.candidate);
            person.apply(&mut input.person)?;
            let texts = [
                (contact, &mut input.contact),
                (counsellor, &mut input.counsellor_name),
                (counsellor_contact, &mut input.counsellor_contact),
                (referral_date, &mut input.referral_date),
                (attest_date, &mut input.attest_date),
                (attest_valid_until, &mut input.attest_valid_until),
                (notes, &mut input.notes),
            ];
            set_given(texts);
            if let Some(r) = referrer {
                input.referrer = Some(pick("referrer", r, ReferrerKind::from_id)?);
            }
            if let Some(c) = category {
                input.category = Some(c.parse::<werkbank_api::Category>()?);
            }
            if work_form.is_some() {
                input.work_form_id = work_form_id(api, work_form.as_deref()).await?;
            }
            if let Some(a) = attest {
                input.attest_kind = Some(pick("attest_kind", a, AttestKind::from_id)?);
            }
            if let Some(p) = priority {
                input.priority = Some(pick("priority", p, Priority::from_id)?);
            }
            let c = api.update_candidate(*id, input).await?;
            emit(json, &c, |c| {
                let p = &c.candidate.person;
                out!("#{} {} {}", c.candidate.id, p.last_name, p.first_name);
            });
        }
        WaitlistCommand::Places { work_form, places, clear } => {
            let stats = api.set_open_places(*work_form, if *clear { None } else { *places }).await?;
            emit(json, &stats, |s| {
                for w in s.work_forms.iter().filter(|w| w.work_form.id == Some(*work_form)) {
                    out!(
                        "{}",
                        cat.render(
                            "cli.waitlist.places",
                            &params([
                                ("work_form", label(cat, "work_form", w.work_form.kind.id())),
                                (
                                    "places",
                                    w.free_places.open_places.map(|p| p.to_string()).unwrap_or_else(|| "—".into())
                                ),
                            ])
                        )
                    );
                }
            });
        }
        WaitlistCommand::Stats => {
            let s = api.waitlist_stats().await?;
            emit(json, &s, |s| {
                out!("{}", cat.render("cli.waitlist.stats_title", &params([("today", s.today.clone())])));
                for w in &s.work_forms {
                    out!("");
                    out!("{}", label(cat, "work_form", w.work_form.kind.id()));
                    let figures = params([
                        ("open", w.open.to_string()),
                        ("waiting", w.waiting.to_string()),
                        ("invited", w.invited.to_string()),
                        ("intake", w.intake.to_string()),
                    ]);
                    out!("  {}", cat.render("cli.waitlist.stats_open", &figures));
                    let wait = params([
                        ("median", w.median_days.as_deref().map(comma).unwrap_or_else(|| "—".into())),
                        ("longest", w.longest_days.map(|d| d.to_string()).unwrap_or_else(|| "—".into())),
                    ]);
                    out!("  {}", cat.render("cli.waitlist.stats_wait", &wait));
                    let places = &w.free_places;
                    let line = match places.source.as_str() {
                        "ratios" => cat.render(
                            "cli.waitlist.stats_places_ratios",
                            &params([
                                (
                                    "contingent",
                                    places.contingent_headroom.as_deref().map(comma).unwrap_or_else(|| "—".into()),
                                ),
                                (
                                    "supervision",
                                    places.supervision_headroom.as_deref().map(comma).unwrap_or_else(|| "—".into()),
                                ),
                            ]),
                        ),
                        "entered" => cat.render(
                            "cli.waitlist.stats_places_entered",
                            &params([("places", places.open_places.unwrap_or(0).to_string())]),
                        ),
                        _ => cat.text("cli.waitlist.stats_places_none"),
                    };
                    out!("  {line}");
                    for a in &w.attest_alerts {
                        let key =
                            if a.expired { "cli.waitlist.stats_attest_expired" } else { "cli.waitlist.stats_attest" };
                        out!(
                            "  {}",
                            cat.render(key, &params([("name", a.name.clone()), ("until", a.valid_until.clone())]))
                        );
                    }
                    if !w.eligibility_unknown.is_empty() {
                        let names = w.eligibility_unknown.join("; ");
                        out!("  {}", cat.render("cli.waitlist.stats_unknown", &params([("names", names)])));
                    }
                    out!("  {}", cat.text("cli.waitlist.stats_flow"));
                    for m in &w.months {
                        out!("    {}  +{:<3} −{}", m.month, m.inflow, m.outflow);
                    }
                }
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `werkbank agenda [--until DATE]`
pub async fn agenda(api: &Api, cat: &Catalogue, json: bool, until: Option<&str>) -> Result<ExitCode, AppError> {
    let a = api.agenda(until).await?;
    emit(json, &a, |a| {
        out!("{}", cat.render("cli.agenda.title", &params([("until", a.until.clone()), ("today", a.today.clone())])));
        if a.items.is_empty() {
            out!("{}", cat.text("cli.agenda.none"));
        }
        for i in &a.items {
            out!("{}", agenda_line(cat, i));
        }
    });
    Ok(ExitCode::SUCCESS)
}

/// A meeting of the agenda or of a path: status, date (held or due), person, kind.
pub fn agenda_line(cat: &Catalogue, i: &werkbank_api::dto::AgendaItemDto) -> String {
    let date = match &i.held_date {
        Some(h) => format_date(h),
        None => format_date(&i.due),
    };
    let status = match i.status {
        werkbank_domain::path::AgendaStatus::Done => "done",
        werkbank_domain::path::AgendaStatus::Overdue => "overdue",
        werkbank_domain::path::AgendaStatus::Due => "due",
    };
    format!(
        "{:<14} {}  {:<28} {}",
        label(cat, "agenda_status", status),
        date,
        i.person_name,
        label(cat, "meeting", i.kind.id())
    )
}
