//! Candidates on the waitlist and their status history.

use crate::{codec, Result};
use sqlx::SqliteConnection;
use werkbank_domain::waitlist::{Attest, AttestKind, Candidate, CandidateStatus, Priority, ReferrerKind};
use werkbank_domain::{Category, EducationLevel, Insz, Person, Sex, Stored, TriState};

const COLUMNS: &str = "id, insz, last_name, first_name, birth_date, sex, education_level, vdab_registration_date, \
    inactive_since, limitation, disability_registration, guidance_trajectory, insufficient_skills, contact, referrer, \
    counsellor_name, counsellor_contact, referral_date, work_form_id, category, attest_kind, attest_date, \
    attest_valid_until, priority, notes, status, person_id";

const T: &str = "candidate";

fn from_row(r: &sqlx::sqlite::SqliteRow) -> Result<Stored<Candidate>> {
    use sqlx::Row;
    let s = |c: &str| -> String { r.get(c) };
    let o = |c: &str| -> Option<String> { r.get(c) };
    let tri = |c: &'static str| codec::parse(T, c, s(c), TriState::from_id);
    let mut person = Person::new(s("last_name"), s("first_name"));
    person.insz = o("insz").map(|v| codec::parse(T, "insz", v, |s| Insz::parse(s).ok())).transpose()?;
    person.birth_date = codec::date(T, "birth_date", o("birth_date"))?;
    person.sex = codec::parse(T, "sex", s("sex"), Sex::from_id)?;
    person.education_level = codec::parse(T, "education_level", s("education_level"), EducationLevel::from_id)?;
    person.vdab_registration_date = codec::date(T, "vdab_registration_date", o("vdab_registration_date"))?;
    person.inactive_since = codec::date(T, "inactive_since", o("inactive_since"))?;
    person.limitation = tri("limitation")?;
    person.disability_registration = tri("disability_registration")?;
    person.guidance_trajectory = tri("guidance_trajectory")?;
    person.insufficient_skills = tri("insufficient_skills")?;
    let attest = match o("attest_kind") {
        None => None,
        Some(k) => Some(Attest {
            kind: codec::parse(T, "attest_kind", k, AttestKind::from_id)?,
            date: codec::date(T, "attest_date", o("attest_date"))?,
            valid_until: codec::date(T, "attest_valid_until", o("attest_valid_until"))?,
        }),
    };
    Ok(Stored::new(
        r.get("id"),
        Candidate {
            person,
            contact: s("contact"),
            referrer: codec::parse(T, "referrer", s("referrer"), ReferrerKind::from_id)?,
            counsellor_name: s("counsellor_name"),
            counsellor_contact: s("counsellor_contact"),
            referral_date: codec::required_date(T, "referral_date", s("referral_date"))?,
            work_form_id: r.get("work_form_id"),
            category: codec::parse(T, "category", s("category"), |c| c.parse::<Category>().ok())?,
            attest,
            priority: codec::parse(T, "priority", s("priority"), Priority::from_id)?,
            notes: s("notes"),
            status: codec::parse(T, "status", s("status"), CandidateStatus::from_id)?,
            person_id: r.get("person_id"),
        },
    ))
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Option<Stored<Candidate>>> {
    let row =
        sqlx::query(&format!("SELECT {COLUMNS} FROM candidate WHERE id = ?")).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(from_row).transpose()
}

/// Every candidate, by id (the caller orders the list).
pub async fn list(conn: &mut SqliteConnection) -> Result<Vec<Stored<Candidate>>> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM candidate ORDER BY id")).fetch_all(conn).await?;
    rows.iter().map(from_row).collect()
}

const WRITE_COLUMNS: &str = "insz, last_name, first_name, birth_date, sex, education_level, vdab_registration_date, \
    inactive_since, limitation, disability_registration, guidance_trajectory, insufficient_skills, contact, referrer, \
    counsellor_name, counsellor_contact, referral_date, work_form_id, category, attest_kind, attest_date, \
    attest_valid_until, priority, notes, status, person_id";

type Query<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

fn bind<'q>(q: Query<'q>, c: &'q Candidate) -> Query<'q> {
    let p = &c.person;
    q.bind(p.insz.as_ref().map(|i| i.digits().to_string()))
        .bind(&p.last_name)
        .bind(&p.first_name)
        .bind(codec::date_text(p.birth_date))
        .bind(p.sex.id())
        .bind(p.education_level.id())
        .bind(codec::date_text(p.vdab_registration_date))
        .bind(codec::date_text(p.inactive_since))
        .bind(p.limitation.id())
        .bind(p.disability_registration.id())
        .bind(p.guidance_trajectory.id())
        .bind(p.insufficient_skills.id())
        .bind(&c.contact)
        .bind(c.referrer.id())
        .bind(&c.counsellor_name)
        .bind(&c.counsellor_contact)
        .bind(codec::date_text(Some(c.referral_date)))
        .bind(c.work_form_id)
        .bind(c.category.id())
        .bind(c.attest.as_ref().map(|a| a.kind.id()))
        .bind(codec::date_text(c.attest.as_ref().and_then(|a| a.date)))
        .bind(codec::date_text(c.attest.as_ref().and_then(|a| a.valid_until)))
        .bind(c.priority.id())
        .bind(&c.notes)
        .bind(c.status.id())
        .bind(c.person_id)
}

pub async fn insert(conn: &mut SqliteConnection, c: &Candidate) -> Result<i64> {
    let marks = vec!["?"; 26].join(", ");
    let sql = format!("INSERT INTO candidate ({WRITE_COLUMNS}) VALUES ({marks})");
    Ok(bind(sqlx::query(&sql), c).execute(conn).await?.last_insert_rowid())
}

/// Writes every column (status and person included).
pub async fn update(conn: &mut SqliteConnection, id: i64, c: &Candidate) -> Result<bool> {
    let sets = WRITE_COLUMNS.split(", ").map(|c| format!("{} = ?", c.trim())).collect::<Vec<_>>().join(", ");
    let sql = format!("UPDATE candidate SET {sets} WHERE id = ?");
    Ok(bind(sqlx::query(&sql), c).bind(id).execute(conn).await?.rows_affected() == 1)
}

/// One entry of a candidate's status history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub id: i64,
    pub candidate_id: i64,
    pub status: CandidateStatus,
    pub date: chrono::NaiveDate,
    pub reason: String,
    pub actor: String,
    pub recorded_at: String,
}

pub async fn add_status(
    conn: &mut SqliteConnection,
    candidate_id: i64,
    status: CandidateStatus,
    date: chrono::NaiveDate,
    reason: &str,
    actor: &str,
    recorded_at: &str,
) -> Result<i64> {
    let res = sqlx::query(
        "INSERT INTO candidate_status (candidate_id, status, date, reason, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(candidate_id)
    .bind(status.id())
    .bind(codec::date_text(Some(date)))
    .bind(reason)
    .bind(actor)
    .bind(recorded_at)
    .execute(conn)
    .await?;
    Ok(res.last_insert_rowid())
}

type HistoryRow = (i64, i64, String, String, String, String, String);

/// The history of one candidate (`Some(id)`) or of all, oldest first.
pub async fn history(conn: &mut SqliteConnection, candidate_id: Option<i64>) -> Result<Vec<StatusChange>> {
    let base = "SELECT id, candidate_id, status, date, reason, actor, recorded_at FROM candidate_status";
    let rows: Vec<HistoryRow> = match candidate_id {
        Some(id) => {
            sqlx::query_as(&format!("{base} WHERE candidate_id = ? ORDER BY id")).bind(id).fetch_all(conn).await?
        }
        None => sqlx::query_as(&format!("{base} ORDER BY id")).fetch_all(conn).await?,
    };
    rows.into_iter()
        .map(|(id, candidate_id, status, date, reason, actor, recorded_at)| {
            Ok(StatusChange {
                id,
                candidate_id,
                status: codec::parse("candidate_status", "status", status, CandidateStatus::from_id)?,
                date: codec::required_date("candidate_status", "date", date)?,
                reason,
                actor,
                recorded_at,
            })
        })
        .collect()
}
