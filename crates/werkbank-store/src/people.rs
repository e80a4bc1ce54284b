//! People in the register.

use crate::{codec, Result};
use sqlx::SqliteConnection;
use werkbank_domain::{EducationLevel, Insz, Person, Sex, Stored, TriState};

const COLUMNS: &str = "id, insz, last_name, first_name, birth_date, sex, education_level, \
                       vdab_registration_date, inactive_since, limitation, disability_registration, \
                       guidance_trajectory, insufficient_skills, work_care_attest_valid_until";

type Row = (
    i64,
    Option<String>,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
);

fn from_row(r: Row) -> Result<Stored<Person>> {
    let (
        id,
        insz,
        last_name,
        first_name,
        birth,
        sex,
        edu,
        vdab,
        inactive,
        limitation,
        disability,
        guidance,
        skills,
        attest,
    ) = r;
    Ok(Stored::new(
        id,
        Person {
            insz: insz.map(|v| codec::parse("person", "insz", v, |s| Insz::parse(s).ok())).transpose()?,
            last_name,
            first_name,
            birth_date: codec::date("person", "birth_date", birth)?,
            sex: codec::parse("person", "sex", sex, Sex::from_id)?,
            education_level: codec::parse("person", "education_level", edu, EducationLevel::from_id)?,
            vdab_registration_date: codec::date("person", "vdab_registration_date", vdab)?,
            inactive_since: codec::date("person", "inactive_since", inactive)?,
            limitation: codec::parse("person", "limitation", limitation, TriState::from_id)?,
            disability_registration: codec::parse("person", "disability_registration", disability, TriState::from_id)?,
            guidance_trajectory: codec::parse("person", "guidance_trajectory", guidance, TriState::from_id)?,
            insufficient_skills: codec::parse("person", "insufficient_skills", skills, TriState::from_id)?,
            work_care_attest_valid_until: codec::date("person", "work_care_attest_valid_until", attest)?,
        },
    ))
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Option<Stored<Person>>> {
    let row: Option<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM person WHERE id = ?")).bind(id).fetch_optional(conn).await?;
    row.map(from_row).transpose()
}

pub async fn find_by_insz(conn: &mut SqliteConnection, insz: &Insz) -> Result<Option<Stored<Person>>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM person WHERE insz = ?"))
        .bind(insz.digits())
        .fetch_optional(conn)
        .await?;
    row.map(from_row).transpose()
}

/// Everyone, ordered by name.
pub async fn list(conn: &mut SqliteConnection) -> Result<Vec<Stored<Person>>> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM person ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id"
    ))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(from_row).collect()
}

pub async fn count(conn: &mut SqliteConnection) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM person").fetch_one(conn).await?)
}

pub async fn insert(conn: &mut SqliteConnection, p: &Person) -> Result<i64> {
    let res = bind(
        sqlx::query(
            "INSERT INTO person (insz, last_name, first_name, birth_date, sex, education_level, vdab_registration_date,
         inactive_since, limitation, disability_registration, guidance_trajectory, insufficient_skills,
         work_care_attest_valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ),
        p,
    )
    .execute(conn)
    .await?;
    Ok(res.last_insert_rowid())
}

pub async fn update(conn: &mut SqliteConnection, id: i64, p: &Person) -> Result<bool> {
    let res = bind(
        sqlx::query(
            "UPDATE person SET insz = ?, last_name = ?, first_name = ?, birth_date = ?, sex = ?, education_level = ?,
         vdab_registration_date = ?, inactive_since = ?, limitation = ?, disability_registration = ?,
         guidance_trajectory = ?, insufficient_skills = ?, work_care_attest_valid_until = ? WHERE id = ?",
        ),
        p,
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(res.rows_affected() == 1)
}

fn bind<'q>(
    q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    p: &'q Person,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
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
        .bind(codec::date_text(p.work_care_attest_valid_until))
}
