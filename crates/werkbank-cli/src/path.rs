//! A worker's path on the command line: its meetings (planned from the hire date, recorded
//! as held), and the leaving record, through the same use cases as the person page's path
//! section (`person_path`, `record_meeting`, `record_leaving`).

use super::{emit, params, pick};
use crate::waitlist::agenda_line;
use clap::Subcommand;
use std::process::ExitCode;
use werkbank_api::dto::{LeavingInput, MeetingInput, PersonPathDto};
use werkbank_api::error::AppError;
use werkbank_api::messages::Catalogue;
use werkbank_api::Api;
use werkbank_domain::path::{LeavingReason, MeetingKind};

#[derive(Subcommand)]
pub enum PathCommand {
    /// A person's paths: per hire, the meetings planned and held, the plan and the leaving
    Show { person: i64 },
}

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// Record a planned meeting as held (or correct the record)
    Record {
        person: i64,
        /// intake, guidance_plan, follow_up, yearly_consultation, transition_follow_up, debrief
        #[arg(long)]
        kind: String,
        /// Which one of that kind (yearly consultations are 1, 2, …)
        #[arg(long, default_value_t = 1)]
        seq: u32,
        /// The day it was held (not in the future)
        #[arg(long, value_name = "DATE")]
        held: String,
        #[arg(long)]
        outcome: String,
        #[arg(long, default_value = "")]
        participants: String,
        #[arg(long, default_value = "")]
        next_step: String,
        /// The hire the meeting belongs to (default: the latest)
        #[arg(long, value_name = "DATE")]
        hire_date: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum LeavingCommand {
    /// Record that a worker left: the last day worked ends the last period
    Record {
        person: i64,
        /// The last day worked
        #[arg(long, value_name = "DATE")]
        end: String,
        /// regular_job, other_social_economy, training, dismissal, own_choice, illness, end_of_term, retirement, death, other
        #[arg(long)]
        reason: String,
        /// The worker may come back (terugkeerrecht)
        #[arg(long)]
        return_right: bool,
        #[arg(long, default_value = "")]
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

pub async fn path(api: &Api, cat: &Catalogue, json: bool, command: &PathCommand) -> Result<ExitCode, AppError> {
    let PathCommand::Show { person } = command;
    emit(json, &api.person_path(*person).await?, |p| print_path(cat, p));
    Ok(ExitCode::SUCCESS)
}

pub async fn meeting(api: &Api, cat: &Catalogue, json: bool, command: &MeetingCommand) -> Result<ExitCode, AppError> {
    let MeetingCommand::Record { person, kind, seq, held, outcome, participants, next_step, hire_date } = command;
    let hire_date = match hire_date {
        Some(d) => d.clone(),
        None => api.person_path(*person).await?.employments.last().map(|e| e.hire_date.clone()).unwrap_or_default(),
    };
    let input = MeetingInput {
        person_id: *person,
        hire_date,
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
