//! The worker's path: held meetings, guidance plans (tasks, revision dates), leaving
//! records, and the path's interval settings.

use crate::{codec, settings, Result};
use chrono::NaiveDate;
use sqlx::SqliteConnection;
use werkbank_domain::path::{LeavingReason, MeetingKind, PathSettings};

/// A meeting that was held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMeeting {
    pub id: Option<i64>,
    pub person_id: i64,
    pub hire_date: NaiveDate,
    pub kind: MeetingKind,
    pub seq: u32,
    pub due_date: NaiveDate,
    pub held_date: NaiveDate,
    pub participants: String,
    pub outcome: String,
    pub next_step: String,
}

type MeetingRow = (i64, i64, String, String, i64, String, String, String, String, String);

/// The held meetings of one person (`Some(id)`) or of everyone.
pub async fn meetings(conn: &mut SqliteConnection, person_id: Option<i64>) -> Result<Vec<HeldMeeting>> {
    let base = "SELECT id, person_id, hire_date, kind, seq, due_date, held_date, participants, outcome, next_step \
                FROM path_meeting";
    let rows: Vec<MeetingRow> = match person_id {
        Some(id) => {
            sqlx::query_as(&format!("{base} WHERE person_id = ? ORDER BY held_date, id"))
                .bind(id)
                .fetch_all(conn)
                .await?
        }
        None => sqlx::query_as(&format!("{base} ORDER BY held_date, id")).fetch_all(conn).await?,
    };
    const T: &str = "path_meeting";
    rows.into_iter()
        .map(|(id, person_id, hire, kind, seq, due, held, participants, outcome, next_step)| {
            Ok(HeldMeeting {
                id: Some(id),
                person_id,
                hire_date: codec::required_date(T, "hire_date", hire)?,
                kind: codec::parse(T, "kind", kind, MeetingKind::from_id)?,
                seq: u32::try_from(seq).unwrap_or(0),
                due_date: codec::required_date(T, "due_date", due)?,
                held_date: codec::required_date(T, "held_date", held)?,
                participants,
                outcome,
                next_step,
            })
        })
        .collect()
}

/// Records a held meeting, or replaces the record of the same planned meeting.
pub async fn upsert_meeting(conn: &mut SqliteConnection, m: &HeldMeeting) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO path_meeting (person_id, hire_date, kind, seq, due_date, held_date, participants, outcome, next_step)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (person_id, hire_date, kind, seq) DO UPDATE SET due_date = excluded.due_date,
           held_date = excluded.held_date, participants = excluded.participants, outcome = excluded.outcome,
           next_step = excluded.next_step
         RETURNING id",
    )
    .bind(m.person_id)
    .bind(codec::date_text(Some(m.hire_date)))
    .bind(m.kind.id())
    .bind(i64::from(m.seq))
    .bind(codec::date_text(Some(m.due_date)))
    .bind(codec::date_text(Some(m.held_date)))
    .bind(&m.participants)
    .bind(&m.outcome)
    .bind(&m.next_step)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// An individual guidance plan (IBP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuidancePlan {
    pub id: Option<i64>,
    pub person_id: i64,
    pub hire_date: NaiveDate,
    pub agreed_on: Option<NaiveDate>,
    pub counsellor: String,
    pub agreements: String,
    /// (task, responsible), in order.
    pub tasks: Vec<(String, String)>,
    pub revision_dates: Vec<NaiveDate>,
}

type PlanRow = (i64, i64, String, Option<String>, String, String);

pub async fn plans(conn: &mut SqliteConnection, person_id: i64) -> Result<Vec<GuidancePlan>> {
    let rows: Vec<PlanRow> = sqlx::query_as(
        "SELECT id, person_id, hire_date, agreed_on, counsellor, agreements FROM guidance_plan WHERE person_id = ?
         ORDER BY hire_date",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for (id, person_id, hire, agreed, counsellor, agreements) in rows {
        let tasks: Vec<(String, String)> =
            sqlx::query_as("SELECT task, responsible FROM guidance_task WHERE plan_id = ? ORDER BY position, id")
                .bind(id)
                .fetch_all(&mut *conn)
                .await?;
        let dates: Vec<String> =
            sqlx::query_scalar("SELECT date FROM guidance_revision WHERE plan_id = ? ORDER BY date")
                .bind(id)
                .fetch_all(&mut *conn)
                .await?;
        out.push(GuidancePlan {
            id: Some(id),
            person_id,
            hire_date: codec::required_date("guidance_plan", "hire_date", hire)?,
            agreed_on: codec::date("guidance_plan", "agreed_on", agreed)?,
            counsellor,
            agreements,
            tasks,
            revision_dates: dates
                .into_iter()
                .map(|d| codec::required_date("guidance_revision", "date", d))
                .collect::<Result<_>>()?,
        });
    }
    Ok(out)
}

/// Stores the plan of (person, hire date), replacing its tasks and revision dates.
pub async fn save_plan(conn: &mut SqliteConnection, p: &GuidancePlan) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO guidance_plan (person_id, hire_date, agreed_on, counsellor, agreements) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (person_id, hire_date) DO UPDATE SET agreed_on = excluded.agreed_on,
           counsellor = excluded.counsellor, agreements = excluded.agreements
         RETURNING id",
    )
    .bind(p.person_id)
    .bind(codec::date_text(Some(p.hire_date)))
    .bind(codec::date_text(p.agreed_on))
    .bind(&p.counsellor)
    .bind(&p.agreements)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM guidance_task WHERE plan_id = ?").bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM guidance_revision WHERE plan_id = ?").bind(id).execute(&mut *conn).await?;
    for (i, (task, responsible)) in p.tasks.iter().enumerate() {
        sqlx::query("INSERT INTO guidance_task (plan_id, position, task, responsible) VALUES (?, ?, ?, ?)")
            .bind(id)
            .bind(i as i64)
            .bind(task)
            .bind(responsible)
            .execute(&mut *conn)
            .await?;
    }
    for d in &p.revision_dates {
        sqlx::query("INSERT INTO guidance_revision (plan_id, date) VALUES (?, ?)")
            .bind(id)
            .bind(codec::date_text(Some(*d)))
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// Why a worker left (the last day is the period's end date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaving {
    pub person_id: i64,
    pub period_id: i64,
    pub reason: LeavingReason,
    pub return_right: bool,
    pub note: String,
}

type LeavingRow = (i64, i64, String, i64, String);

/// Every leaving record (`None`) or one person's.
pub async fn leavings(conn: &mut SqliteConnection, person_id: Option<i64>) -> Result<Vec<Leaving>> {
    let base = "SELECT person_id, period_id, reason, return_right, note FROM leaving";
    let rows: Vec<LeavingRow> = match person_id {
        Some(id) => sqlx::query_as(&format!("{base} WHERE person_id = ? ORDER BY id")).bind(id).fetch_all(conn).await?,
        None => sqlx::query_as(&format!("{base} ORDER BY id")).fetch_all(conn).await?,
    };
    rows.into_iter()
        .map(|(person_id, period_id, reason, return_right, note)| {
            Ok(Leaving {
                person_id,
                period_id,
                reason: codec::parse("leaving", "reason", reason, LeavingReason::from_id)?,
                return_right: return_right != 0,
                note,
            })
        })
        .collect()
}

/// Records (or replaces) the leaving record of a period.
pub async fn save_leaving(conn: &mut SqliteConnection, l: &Leaving) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO leaving (person_id, period_id, reason, return_right, note) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (period_id) DO UPDATE SET reason = excluded.reason, return_right = excluded.return_right,
           note = excluded.note
         RETURNING id",
    )
    .bind(l.person_id)
    .bind(l.period_id)
    .bind(l.reason.id())
    .bind(i64::from(l.return_right))
    .bind(&l.note)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// The path's intervals: the stored settings over the defaults.
pub async fn path_settings(conn: &mut SqliteConnection) -> Result<PathSettings> {
    let mut s = PathSettings::DEFAULT;
    for (key, _) in PathSettings::DEFAULT.entries() {
        if let Some(v) = settings::get(conn, key).await?.and_then(|v| v.parse().ok()) {
            s.set(key, v);
        }
    }
    Ok(s)
}

pub async fn save_path_settings(conn: &mut SqliteConnection, s: &PathSettings) -> Result<()> {
    for (key, value) in s.entries() {
        settings::set(conn, key, &value.to_string()).await?;
    }
    Ok(())
}
