//! Dated rule parameters per work form, stored as canonical text; `werkbank-api` turns
//! them into the domain's rule sets.

use crate::{codec, Result};
use chrono::NaiveDate;
use sqlx::SqliteConnection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRow {
    pub id: Option<i64>,
    pub work_form_id: i64,
    pub key: String,
    pub value: String,
    pub effective_from: NaiveDate,
    pub source: Option<String>,
}

type Row = (i64, i64, String, String, String, Option<String>);

/// The rows of one work form, by key then date.
pub async fn for_work_form(conn: &mut SqliteConnection, work_form_id: i64) -> Result<Vec<RuleRow>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, work_form_id, key, value, effective_from, source FROM rule_value
         WHERE work_form_id = ? ORDER BY key, effective_from",
    )
    .bind(work_form_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, work_form_id, key, value, from, source)| {
            Ok(RuleRow {
                id: Some(id),
                work_form_id,
                key,
                value,
                effective_from: codec::required_date("rule_value", "effective_from", from)?,
                source,
            })
        })
        .collect()
}

/// Adds a value, or replaces the one of the same key and date.
pub async fn upsert(conn: &mut SqliteConnection, row: &RuleRow) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO rule_value (work_form_id, key, value, effective_from, source) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (work_form_id, key, effective_from) DO UPDATE SET value = excluded.value, source = excluded.source
         RETURNING id",
    )
    .bind(row.work_form_id)
    .bind(&row.key)
    .bind(&row.value)
    .bind(codec::date_text(Some(row.effective_from)))
    .bind(&row.source)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

pub async fn delete(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    let res = sqlx::query("DELETE FROM rule_value WHERE id = ?").bind(id).execute(conn).await?;
    Ok(res.rows_affected() == 1)
}

pub async fn count_for_work_form(conn: &mut SqliteConnection, work_form_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM rule_value WHERE work_form_id = ?")
        .bind(work_form_id)
        .fetch_one(conn)
        .await?)
}
