//! Employment periods.

use crate::{codec, Result};
use sqlx::SqliteConnection;
use std::collections::BTreeMap;
use werkbank_domain::employment::ContractType;
use werkbank_domain::{Category, EmploymentPeriod, Fraction, Stored};

const COLUMNS: &str =
    "id, person_id, category, start_date, end_date, q, s, contract_type, job, ocmw, placement_agreement_signed, work_form_id";

type Row = (
    i64,
    i64,
    String,
    String,
    Option<String>,
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

fn from_row(r: Row) -> Result<(i64, Stored<EmploymentPeriod>)> {
    let (id, person_id, category, start, end, q, s, contract, job, ocmw, signed, work_form_id) = r;
    let hundredths = |column: &'static str, v: i64| {
        u32::try_from(v).map_err(|_| crate::StoreError::Corrupt {
            table: "employment_period",
            column,
            value: v.to_string(),
        })
    };
    Ok((
        person_id,
        Stored::new(
            id,
            EmploymentPeriod {
                category: codec::parse("employment_period", "category", category, Category::parse_loose)?,
                start: codec::required_date("employment_period", "start_date", start)?,
                end: codec::date("employment_period", "end_date", end)?,
                fraction: Fraction::new(hundredths("q", q)?, hundredths("s", s)?),
                contract_type: codec::parse("employment_period", "contract_type", contract, ContractType::from_id)?,
                job,
                ocmw,
                placement_agreement_signed: codec::date("employment_period", "placement_agreement_signed", signed)?,
                work_form_id,
            },
        ),
    ))
}

/// One person's periods, oldest first.
pub async fn for_person(conn: &mut SqliteConnection, person_id: i64) -> Result<Vec<Stored<EmploymentPeriod>>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM employment_period WHERE person_id = ? ORDER BY start_date, id"))
            .bind(person_id)
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(|r| from_row(r).map(|(_, p)| p)).collect()
}

/// Every period with its person id, ordered by person then start.
pub async fn all(conn: &mut SqliteConnection) -> Result<Vec<(i64, Stored<EmploymentPeriod>)>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM employment_period ORDER BY person_id, start_date, id"))
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(from_row).collect()
}

/// Every period grouped by person id, each person's periods oldest first.
pub async fn stored_by_person(conn: &mut SqliteConnection) -> Result<BTreeMap<i64, Vec<Stored<EmploymentPeriod>>>> {
    let mut out: BTreeMap<i64, Vec<Stored<EmploymentPeriod>>> = BTreeMap::new();
    for (person_id, p) in all(conn).await? {
        out.entry(person_id).or_default().push(p);
    }
    Ok(out)
}

/// Every period's value grouped by person id, oldest first: what the computations (FTE,
/// ratios, claims) read, which need no period ids.
pub async fn by_person(conn: &mut SqliteConnection) -> Result<BTreeMap<i64, Vec<EmploymentPeriod>>> {
    let mut out: BTreeMap<i64, Vec<EmploymentPeriod>> = BTreeMap::new();
    for (person_id, p) in all(conn).await? {
        out.entry(person_id).or_default().push(p.into_value());
    }
    Ok(out)
}

/// A period and the id of its person.
pub async fn get(conn: &mut SqliteConnection, id: i64) -> Result<Option<(i64, Stored<EmploymentPeriod>)>> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM employment_period WHERE id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(from_row).transpose()
}

pub async fn insert(conn: &mut SqliteConnection, person_id: i64, p: &EmploymentPeriod) -> Result<i64> {
    let res = bind(
        sqlx::query(
            "INSERT INTO employment_period (category, start_date, end_date, q, s, contract_type, job, ocmw,
             placement_agreement_signed, work_form_id, person_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ),
        p,
    )
    .bind(person_id)
    .execute(conn)
    .await?;
    Ok(res.last_insert_rowid())
}

pub async fn update(conn: &mut SqliteConnection, id: i64, p: &EmploymentPeriod) -> Result<bool> {
    let res = bind(
        sqlx::query(
            "UPDATE employment_period SET category = ?, start_date = ?, end_date = ?, q = ?, s = ?, contract_type = ?,
             job = ?, ocmw = ?, placement_agreement_signed = ?, work_form_id = ? WHERE id = ?",
        ),
        p,
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(res.rows_affected() == 1)
}

pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    let res = sqlx::query("DELETE FROM employment_period WHERE id = ?").bind(id).execute(conn).await?;
    Ok(res.rows_affected() == 1)
}

fn bind<'q>(
    q: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    p: &'q EmploymentPeriod,
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    q.bind(p.category.id())
        .bind(codec::date_text(Some(p.start)))
        .bind(codec::date_text(p.end))
        .bind(i64::from(p.fraction.q))
        .bind(i64::from(p.fraction.s))
        .bind(p.contract_type.id())
        .bind(&p.job)
        .bind(&p.ocmw)
        .bind(codec::date_text(p.placement_agreement_signed))
        .bind(p.work_form_id)
}
