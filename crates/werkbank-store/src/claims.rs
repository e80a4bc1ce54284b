//! Claims storage: dated per-worker attributes, claim rule sets and their versions,
//! claims with their lines, and settlement amounts. Rows are plain values (decimals as
//! canonical text, JSON as text); `werkbank-api` turns them into domain values.
//!
//! The schema refuses any change to an issued claim or its lines (triggers); writing to
//! one returns `StoreError::Database` with the message `claim is issued and cannot be
//! changed`.

use crate::{codec, Result};
use chrono::NaiveDate;
use sqlx::SqliteConnection;
use werkbank_domain::claims::ClaimStatus;

// ----- worker attributes --------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeRow {
    pub id: Option<i64>,
    pub person_id: i64,
    /// `wage_percentage`, `guidance_level`, `seniority_start` or `sine_attest`.
    pub key: String,
    pub value: String,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
}

type AttributeTuple = (i64, i64, String, String, String, Option<String>);

fn attribute(t: AttributeTuple) -> Result<AttributeRow> {
    let (id, person_id, key, value, from, until) = t;
    Ok(AttributeRow {
        id: Some(id),
        person_id,
        key,
        value,
        valid_from: codec::required_date("worker_attribute", "valid_from", from)?,
        valid_until: codec::date("worker_attribute", "valid_until", until)?,
    })
}

const ATTRIBUTE_COLUMNS: &str = "id, person_id, key, value, valid_from, valid_until";

/// Attributes of one person (`Some`) or of everyone, by person, key and date.
pub async fn attributes(conn: &mut SqliteConnection, person_id: Option<i64>) -> Result<Vec<AttributeRow>> {
    let rows: Vec<AttributeTuple> = match person_id {
        Some(id) => {
            sqlx::query_as(&format!(
                "SELECT {ATTRIBUTE_COLUMNS} FROM worker_attribute WHERE person_id = ? ORDER BY key, valid_from"
            ))
            .bind(id)
            .fetch_all(conn)
            .await?
        }
        None => {
            sqlx::query_as(&format!(
                "SELECT {ATTRIBUTE_COLUMNS} FROM worker_attribute ORDER BY person_id, key, valid_from"
            ))
            .fetch_all(conn)
            .await?
        }
    };
    rows.into_iter().map(attribute).collect()
}

pub async fn attribute_by_id(conn: &mut SqliteConnection, id: i64) -> Result<Option<AttributeRow>> {
    let row: Option<AttributeTuple> =
        sqlx::query_as(&format!("SELECT {ATTRIBUTE_COLUMNS} FROM worker_attribute WHERE id = ?"))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(attribute).transpose()
}

/// Adds a value, or replaces the one of the same person, key and date.
pub async fn upsert_attribute(conn: &mut SqliteConnection, row: &AttributeRow) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO worker_attribute (person_id, key, value, valid_from, valid_until) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (person_id, key, valid_from) DO UPDATE SET value = excluded.value,
         valid_until = excluded.valid_until RETURNING id",
    )
    .bind(row.person_id)
    .bind(&row.key)
    .bind(&row.value)
    .bind(codec::date_text(Some(row.valid_from)))
    .bind(codec::date_text(row.valid_until))
    .fetch_one(conn)
    .await?)
}

pub async fn delete_attribute(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    Ok(sqlx::query("DELETE FROM worker_attribute WHERE id = ?").bind(id).execute(conn).await?.rows_affected() == 1)
}

// ----- rule sets ----------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RuleSetRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub version: i64,
    /// Canonical JSON of the domain's `ClaimRuleSet`.
    pub definition: String,
    pub sha256: String,
    pub updated_at: String,
}

const RULE_SET_COLUMNS: &str = "id, code, name, version, definition, sha256, updated_at";

pub async fn rule_sets(conn: &mut SqliteConnection) -> Result<Vec<RuleSetRow>> {
    Ok(sqlx::query_as(&format!("SELECT {RULE_SET_COLUMNS} FROM claim_rule_set ORDER BY code")).fetch_all(conn).await?)
}

pub async fn rule_set_by_code(conn: &mut SqliteConnection, code: &str) -> Result<Option<RuleSetRow>> {
    Ok(sqlx::query_as(&format!("SELECT {RULE_SET_COLUMNS} FROM claim_rule_set WHERE code = ?"))
        .bind(code)
        .fetch_optional(conn)
        .await?)
}

/// Stores a rule set: a new one gets version 1; a changed definition (other SHA-256) gets
/// the next version; an unchanged one is left as it is. Returns the row as stored and
/// whether a version was added.
pub async fn save_rule_set(
    conn: &mut SqliteConnection,
    code: &str,
    name: &str,
    definition: &str,
    sha256: &str,
    at: &str,
) -> Result<(RuleSetRow, bool)> {
    let existing = rule_set_by_code(conn, code).await?;
    let (id, version) = match &existing {
        Some(r) if r.sha256 == sha256 => return Ok((r.clone(), false)),
        Some(r) => {
            sqlx::query(
                "UPDATE claim_rule_set SET name = ?, version = version + 1, definition = ?, sha256 = ?, updated_at = ?
                 WHERE id = ?",
            )
            .bind(name)
            .bind(definition)
            .bind(sha256)
            .bind(at)
            .bind(r.id)
            .execute(&mut *conn)
            .await?;
            (r.id, r.version + 1)
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO claim_rule_set (code, name, version, definition, sha256, updated_at)
                 VALUES (?, ?, 1, ?, ?, ?) RETURNING id",
            )
            .bind(code)
            .bind(name)
            .bind(definition)
            .bind(sha256)
            .bind(at)
            .fetch_one(&mut *conn)
            .await?;
            (id, 1)
        }
    };
    sqlx::query(
        "INSERT INTO claim_rule_set_version (rule_set_id, version, definition, sha256, saved_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(version)
    .bind(definition)
    .bind(sha256)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok((rule_set_by_code(conn, code).await?.expect("just saved"), true))
}

// ----- claims -------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct ClaimRow {
    pub id: i64,
    pub work_form_id: i64,
    pub work_form_kind: String,
    /// `2026/1`.
    pub period: String,
    #[sqlx(try_from = "String")]
    pub status: ClaimStatus,
    pub amends_id: Option<i64>,
    pub rule_set_code: String,
    pub rule_set_version: i64,
    pub rule_set_sha256: String,
    /// Canonical JSON of the domain's `ClaimInput`.
    pub inputs: String,
    /// Canonical JSON of the domain's `ClaimResult`.
    pub result: String,
    pub total: String,
    pub complete: bool,
    pub computed_at: String,
    pub issued_at: Option<String>,
    pub issued_by: Option<String>,
    pub signer: Option<String>,
    pub signer_function: Option<String>,
    pub sha256: Option<String>,
    pub pdf_sha256: Option<String>,
}

const CLAIM_COLUMNS: &str = "id, work_form_id, work_form_kind, period, status, amends_id, rule_set_code, \
     rule_set_version, rule_set_sha256, inputs, result, total, complete, computed_at, issued_at, issued_by, signer, \
     signer_function, sha256, pdf_sha256";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRow {
    pub stream: String,
    pub person_id: Option<i64>,
    pub amount: Option<String>,
    /// JSON of the domain's `ClaimLine`.
    pub detail: String,
}

/// Inserts a draft (the row's `id`, `status` and issue fields are ignored).
pub async fn insert_draft(conn: &mut SqliteConnection, c: &ClaimRow) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO claim (work_form_id, work_form_kind, period, status, amends_id, rule_set_code, rule_set_version,
         rule_set_sha256, inputs, result, total, complete, computed_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id",
    )
    .bind(c.work_form_id)
    .bind(&c.work_form_kind)
    .bind(&c.period)
    .bind(c.amends_id)
    .bind(&c.rule_set_code)
    .bind(c.rule_set_version)
    .bind(&c.rule_set_sha256)
    .bind(&c.inputs)
    .bind(&c.result)
    .bind(&c.total)
    .bind(c.complete)
    .bind(&c.computed_at)
    .fetch_one(conn)
    .await?)
}

/// Replaces a draft's computation (refused by the database for an issued claim).
pub async fn update_draft(conn: &mut SqliteConnection, c: &ClaimRow) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE claim SET rule_set_code = ?, rule_set_version = ?, rule_set_sha256 = ?, inputs = ?, result = ?,
         total = ?, complete = ?, computed_at = ? WHERE id = ?",
    )
    .bind(&c.rule_set_code)
    .bind(c.rule_set_version)
    .bind(&c.rule_set_sha256)
    .bind(&c.inputs)
    .bind(&c.result)
    .bind(&c.total)
    .bind(c.complete)
    .bind(&c.computed_at)
    .bind(c.id)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Replaces the lines of a claim (refused by the database for an issued claim).
pub async fn replace_lines(conn: &mut SqliteConnection, claim_id: i64, lines: &[LineRow]) -> Result<()> {
    sqlx::query("DELETE FROM claim_line WHERE claim_id = ?").bind(claim_id).execute(&mut *conn).await?;
    const PER_STATEMENT: usize = 5000; // 6 values a line
    for (k, chunk) in lines.chunks(PER_STATEMENT).enumerate() {
        let mut qb: sqlx::QueryBuilder<sqlx::Sqlite> =
            sqlx::QueryBuilder::new("INSERT INTO claim_line (claim_id, position, stream, person_id, amount, detail) ");
        qb.push_values(chunk.iter().enumerate(), |mut b, (i, l)| {
            b.push_bind(claim_id)
                .push_bind((k * PER_STATEMENT + i) as i64)
                .push_bind(&l.stream)
                .push_bind(l.person_id)
                .push_bind(&l.amount)
                .push_bind(&l.detail);
        });
        qb.build().execute(&mut *conn).await?;
    }
    Ok(())
}

pub async fn lines(conn: &mut SqliteConnection, claim_id: i64) -> Result<Vec<LineRow>> {
    let rows: Vec<(String, Option<i64>, Option<String>, String)> =
        sqlx::query_as("SELECT stream, person_id, amount, detail FROM claim_line WHERE claim_id = ? ORDER BY id")
            .bind(claim_id)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(stream, person_id, amount, detail)| LineRow { stream, person_id, amount, detail })
        .collect())
}

pub async fn claim(conn: &mut SqliteConnection, id: i64) -> Result<Option<ClaimRow>> {
    Ok(sqlx::query_as(&format!("SELECT {CLAIM_COLUMNS} FROM claim WHERE id = ?")).bind(id).fetch_optional(conn).await?)
}

/// Every claim, newest period first, without its inputs and result (`inputs` and
/// `result` are empty: a claim of 3 000 workers holds megabytes of JSON).
pub async fn claims(conn: &mut SqliteConnection) -> Result<Vec<ClaimRow>> {
    let columns = CLAIM_COLUMNS.replace("inputs, result,", "'' AS inputs, '' AS result,");
    Ok(sqlx::query_as(&format!("SELECT {columns} FROM claim ORDER BY period DESC, id DESC")).fetch_all(conn).await?)
}

/// The draft of a work form and period that is not an amendment, if any.
pub async fn draft_for(conn: &mut SqliteConnection, work_form_id: i64, period: &str) -> Result<Option<ClaimRow>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {CLAIM_COLUMNS} FROM claim WHERE work_form_id = ? AND period = ? AND status = 'draft'
         AND amends_id IS NULL ORDER BY id DESC LIMIT 1"
    ))
    .bind(work_form_id)
    .bind(period)
    .fetch_optional(conn)
    .await?)
}

/// The fields an issue freezes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueRow {
    pub issued_at: String,
    pub issued_by: String,
    pub signer: String,
    pub signer_function: String,
    pub sha256: String,
    /// Empty until the PDF renderer is wired in.
    pub pdf: Vec<u8>,
    pub pdf_sha256: Option<String>,
    /// The application's snapshot of what the documents show besides the result (JSON),
    /// and its format version.
    pub document: String,
    pub snapshot_version: i64,
}

/// Turns a draft into an issued claim; `false` when it is not a draft.
pub async fn issue(conn: &mut SqliteConnection, id: i64, i: &IssueRow) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE claim SET status = 'issued', issued_at = ?, issued_by = ?, signer = ?, signer_function = ?, sha256 = ?,
         pdf = ?, pdf_sha256 = ?, document = ?, snapshot_version = ? WHERE id = ? AND status = 'draft'",
    )
    .bind(&i.issued_at)
    .bind(&i.issued_by)
    .bind(&i.signer)
    .bind(&i.signer_function)
    .bind(&i.sha256)
    .bind(if i.pdf.is_empty() { None } else { Some(&i.pdf) })
    .bind(&i.pdf_sha256)
    .bind(&i.document)
    .bind(i.snapshot_version)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// The document snapshot of an issued claim and its version (`None` for a draft or a claim
/// issued before snapshots were kept).
pub async fn document(conn: &mut SqliteConnection, id: i64) -> Result<Option<(i64, String)>> {
    let row: Option<(Option<i64>, Option<String>)> =
        sqlx::query_as("SELECT snapshot_version, document FROM claim WHERE id = ?")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.and_then(|(v, d)| v.zip(d)))
}

pub async fn pdf(conn: &mut SqliteConnection, id: i64) -> Result<Option<Vec<u8>>> {
    let row: Option<(Option<Vec<u8>>,)> =
        sqlx::query_as("SELECT pdf FROM claim WHERE id = ?").bind(id).fetch_optional(conn).await?;
    Ok(row.and_then(|r| r.0))
}

/// Deletes a draft (refused by the database for an issued claim).
pub async fn delete_claim(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    Ok(sqlx::query("DELETE FROM claim WHERE id = ?").bind(id).execute(conn).await?.rows_affected() == 1)
}

// ----- settlements --------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SettlementRow {
    pub stream: String,
    pub amount: String,
    pub entered_at: String,
    pub entered_by: String,
}

pub async fn set_settlement(
    conn: &mut SqliteConnection,
    claim_id: i64,
    stream: &str,
    amount: &str,
    at: &str,
    by: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO claim_settlement (claim_id, stream, amount, entered_at, entered_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (claim_id, stream) DO UPDATE SET amount = excluded.amount, entered_at = excluded.entered_at,
         entered_by = excluded.entered_by",
    )
    .bind(claim_id)
    .bind(stream)
    .bind(amount)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn settlements(conn: &mut SqliteConnection, claim_id: i64) -> Result<Vec<SettlementRow>> {
    Ok(sqlx::query_as(
        "SELECT stream, amount, entered_at, entered_by FROM claim_settlement WHERE claim_id = ? ORDER BY stream",
    )
    .bind(claim_id)
    .fetch_all(conn)
    .await?)
}
