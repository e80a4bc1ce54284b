//! A worker's path on the command line: its meetings (planned from the hire date, recorded
//! as held), and the leaving record, through the same use cases as the person page's path
//! section (`person_path`, `record_meeting`, `record_leaving`).

use super::{emit, params, pick, set_given};
use crate::waitlist::agenda_line;
use clap::Subcommand;
use std::process::ExitCode;
use werkbank_api::dto::{GuidancePlanInput, GuidanceTaskDto, LeavingInput, MeetingInput, PersonPathDto};
use werkbank_api::error::AppError;
use werkbank_api::messages::Catalogue;
use werkbank_api::Api;
use werkbank_domain::path::{LeavingReason, MeetingKind};

#[derive(Subcommand)]
pub enum PathCommand {
    /// De trajecten van een persoon: per aanwerving de geplande en gehouden gesprekken, het plan en het vertrek
    Show {
        /// Het nummer van de persoon
        #[arg(value_name = "PERSOON")]
        person: i64,
    },
    /// Registreer het individueel begeleidingsplan (IBP) van een aanwerving: afspraken, taken, herzieningsdata
    Plan {
        /// Het nummer van de persoon
        #[arg(value_name = "PERSOON")]
        person: i64,
        /// De dag waarop het plan afgesproken werd
        #[arg(long, value_name = "DATUM")]
        agreed_on: String,
        /// De begeleider of consulent
        #[arg(long, value_name = "NAAM", default_value = "")]
        counsellor: String,
        /// De afspraken
        #[arg(long, value_name = "TEKST", default_value = "")]
        agreements: String,
        /// Een taak en wie ze doet: "Rijbewijs halen=Jobcoach" (herhaalbaar)
        #[arg(long = "task", value_name = "TAAK=WIE")]
        tasks: Vec<String>,
        /// Een dag waarop het plan herzien wordt (herhaalbaar)
        #[arg(long = "revision", value_name = "DATUM")]
        revisions: Vec<String>,
        /// De aanwerving waartoe het plan hoort (standaard: de laatste)
        #[arg(long, value_name = "DATUM")]
        hire_date: Option<String>,
    },
    /// Wanneer de gesprekken van een traject gepland worden; alleen de opgegeven opties veranderen
    Settings {
        /// Onthaalgesprek: zoveel dagen na de aanwerving
        #[arg(long, value_name = "DAGEN")]
        intake_days: Option<u32>,
        /// Individueel begeleidingsplan: zoveel maanden na de aanwerving
        #[arg(long, value_name = "MAANDEN")]
        plan_months: Option<u32>,
        /// Opvolgingsgesprek: zoveel maanden na de aanwerving
        #[arg(long, value_name = "MAANDEN")]
        follow_up_months: Option<u32>,
        /// Jaarlijks overleg: om de zoveel maanden na de aanwerving (0: geen)
        #[arg(long, value_name = "MAANDEN")]
        yearly_months: Option<u32>,
        /// Opvolging doorstroming: vanaf zoveel maanden na de aanwerving
        #[arg(long, value_name = "MAANDEN")]
        transition_from_months: Option<u32>,
        /// Opvolging doorstroming: daarna om de zoveel maanden (0: eenmalig)
        #[arg(long, value_name = "MAANDEN")]
        transition_every_months: Option<u32>,
        /// Nabespreking: zoveel dagen na de laatste gewerkte dag
        #[arg(long, value_name = "DAGEN")]
        debrief_days: Option<u32>,
    },
    /// Verloop per jaar: koppen bij de start, aanwervingen, vertrekkers per reden, verloop en doorstroming naar een reguliere job
    Turnover,
}

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// Registreer een gepland gesprek als gehouden (of verbeter de registratie)
    Record {
        /// Het nummer van de persoon
        #[arg(value_name = "PERSOON")]
        person: i64,
        /// Soort gesprek: intake, guidance_plan, follow_up, yearly_consultation, transition_follow_up, debrief
        #[arg(long, value_name = "SOORT")]
        kind: String,
        /// Welk gesprek van die soort (jaarlijkse overleggen zijn 1, 2, …)
        #[arg(long, value_name = "NR", default_value_t = 1)]
        seq: u32,
        /// De dag waarop het gehouden werd (niet in de toekomst)
        #[arg(long, value_name = "DATUM")]
        held: String,
        /// De uitkomst van het gesprek
        #[arg(long, value_name = "TEKST")]
        outcome: String,
        /// De deelnemers
        #[arg(long, value_name = "TEKST", default_value = "")]
        participants: String,
        /// De volgende stap
        #[arg(long, value_name = "TEKST", default_value = "")]
        next_step: String,
        /// De aanwerving waartoe het gesprek hoort (standaard: de laatste)
        #[arg(long, value_name = "DATUM")]
        hire_date: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum LeavingCommand {
    /// Registreer dat een werknemer vertrok: de laatste gewerkte dag sluit de laatste periode af
    Record {
        /// Het nummer van de persoon
        #[arg(value_name = "PERSOON")]
        person: i64,
        /// De laatste gewerkte dag
        #[arg(long, value_name = "DATUM")]
        end: String,
        /// De reden: regular_job, other_social_economy, training, dismissal, own_choice, illness, end_of_term, retirement, death, other
        #[arg(long, value_name = "REDEN")]
        reason: String,
        /// De werknemer mag terugkomen (terugkeerrecht)
        #[arg(long)]
        return_right: bool,
        /// Een opmerking
        #[arg(long, value_name = "TEKST", default_value = "")]
        note: String,
    },
}

fn print_path(cat: &Catalogue, p: &PersonPathDto) {
    if p.employments.is_empty() {
        out!("{}", cat.text("cli.path.none"));
    }
    for e in &p.employments {
        out!(
            "{}",
            cat.render(
                "cli.path.employment",
                &params([
                    ("hire_date", e.hire_date.clone()),
                    ("end", e.end.clone().unwrap_or_default()),
                    ("category", cat.text(&format!("category.{}", e.last_category.id()))),
                ])
            )
        );
        for m in &e.meetings {
            out!("  {}", agenda_line(cat, m));
        }
        if let Some(l) = &e.leaving {
            out!(
                "  {}",
                cat.render(
                    "cli.path.left",
                    &params([
                        ("end", l.end.clone()),
                        ("reason", cat.text(&format!("leaving_reason.{}", l.reason.id())))
                    ])
                )
            );
        }
    }
}

/// The hire a record belongs to: the one given, else the person's latest.
async fn hire_of(api: &Api, person: i64, given: &Option<String>) -> Result<String, AppError> {
    Ok(match given {
        Some(d) => d.clone(),
        None => api.person_path(person).await?.employments.last().map(|e| e.hire_date.clone()).unwrap_or_default(),
    })
}

pub async fn path(api: &Api, cat: &Catalogue, json: bool, command: &PathCommand) -> Result<ExitCode, AppError> {
    match command {
        PathCommand::Show { person } => emit(json, &api.person_path(*person).await?, |p| print_path(cat, p)),
        PathCommand::Plan { person, agreed_on, counsellor, agreements, tasks, revisions, hire_date } => {
            let tasks = tasks
                .iter()
                .map(|t| {
                    let (task, responsible) = t.split_once('=').unwrap_or((t.as_str(), ""));
                    GuidanceTaskDto { task: task.trim().to_string(), responsible: responsible.trim().to_string() }
                })
                .collect();
            let input = GuidancePlanInput {
                person_id: *person,
                hire_date: hire_of(api, *person, hire_date).await?,
                agreed_on: agreed_on.clone(),
                counsellor: counsellor.clone(),
                agreements: agreements.clone(),
                tasks,
                revision_dates: revisions.clone(),
            };
            emit(json, &api.save_guidance_plan(input).await?, |p| print_path(cat, p));
        }
        PathCommand::Settings {
            intake_days,
            plan_months,
            follow_up_months,
            yearly_months,
            transition_from_months,
            transition_every_months,
            debrief_days,
        } => {
            let mut s = api.path_settings().await?;
            let given = [
                (intake_days, &mut s.intake_days),
                (plan_months, &mut s.plan_months),
                (follow_up_months, &mut s.follow_up_months),
                (yearly_months, &mut s.yearly_months),
                (transition_from_months, &mut s.transition_from_months),
                (transition_every_months, &mut s.transition_every_months),
                (debrief_days, &mut s.debrief_days),
            ];
            let changed = given.iter().any(|(g, _)| g.is_some());
            set_given(given);
            let s = if changed { api.save_path_settings(s).await? } else { s };
            emit(json, &s, |s| {
                let figures = serde_json::to_value(s).expect("settings serialise");
                let list: Vec<(&str, String)> = figures
                    .as_object()
                    .map(|o| o.iter().map(|(k, v)| (k.as_str(), v.to_string())).collect())
                    .unwrap_or_default();
                let params: std::collections::BTreeMap<String, String> =
                    list.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                out!("{}", cat.render("cli.path.settings", &params));
            });
        }
        PathCommand::Turnover => {
            emit(json, &api.turnover().await?, |t| {
                for y in &t.years {
                    let percent =
                        |p: &Option<String>| p.as_deref().map(|v| v.replace('.', ",")).unwrap_or_else(|| "—".into());
                    out!(
                        "{}",
                        cat.render(
                            "cli.turnover.year",
                            &params([
                                ("year", y.year.to_string()),
                                ("heads", y.heads_at_start.to_string()),
                                ("hires", y.hires.to_string()),
                                ("leavers", y.leavers.to_string()),
                                ("turnover", percent(&y.turnover_percent)),
                                ("regular", percent(&y.regular_job_percent)),
                            ])
                        )
                    );
                }
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn meeting(api: &Api, cat: &Catalogue, json: bool, command: &MeetingCommand) -> Result<ExitCode, AppError> {
    let MeetingCommand::Record { person, kind, seq, held, outcome, participants, next_step, hire_date } = command;
    let input = MeetingInput {
        person_id: *person,
        hire_date: hire_of(api, *person, hire_date).await?,
        kind: Some(pick("kind", kind, MeetingKind::from_id)?),
        seq: *seq,
        held_date: held.clone(),
        participants: participants.clone(),
        outcome: outcome.clone(),
        next_step: next_step.clone(),
    };
    emit(json, &api.record_meeting(input).await?, |p| print_path(cat, p));
    Ok(ExitCode::SUCCESS)
}

pub async fn leaving(api: &Api, cat: &Catalogue, json: bool, command: &LeavingCommand) -> Result<ExitCode, AppError> {
    let LeavingCommand::Record { person, end, reason, return_right, note } = command;
    let input = LeavingInput {
        end: end.clone(),
        reason: Some(pick("reason", reason, LeavingReason::from_id)?),
        return_right: *return_right,
        note: note.clone(),
    };
    emit(json, &api.record_leaving(*person, input).await?, |p| print_path(cat, p));
    Ok(ExitCode::SUCCESS)
}
