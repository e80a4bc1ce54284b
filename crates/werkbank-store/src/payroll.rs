//! Payroll batches and their lines, wage-code meanings, saved column mappings and
//! remembered worker numbers. Rows are plain values (decimals as canonical text, hours in
//! hundredths); `werkbank-api` turns them into figures.

use crate::Result;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use werkbank_domain::Stored;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WageCodeRow {
    pub id: Option<i64>,
    pub code: String,
    /// `worked_hours`, `paid_absence`, `unpaid_absence`, `gross_wage`,
    /// `employer_contributions`, `reduction` or `other`.
    pub meaning: String,
    pub description: Option<String>,
}

pub async fn wage_codes(conn: &mut SqliteConnection) -> Result<Vec<WageCodeRow>> {
    let rows: Vec<(i64, String, String, Option<String>)> =
        sqlx::query_as("SELECT id, code, meaning, description FROM wage_code ORDER BY code").fetch_all(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(id, code, meaning, description)| WageCodeRow { id: Some(id), code, meaning, description })
        .collect())
}

/// Adds a code or changes the meaning of an existing one.
pub async fn upsert_wage_code(conn: &mut SqliteConnection, row: &WageCodeRow) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO wage_code (code, meaning, description) VALUES (?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET meaning = excluded.meaning, description = excluded.description RETURNING id",
    )
    .bind(&row.code)
    .bind(&row.meaning)
    .bind(&row.description)
    .fetch_one(conn)
    .await?)
}

pub async fn delete_wage_code(conn: &mut SqliteConnection, id: i64) -> Result<bool> {
    Ok(sqlx::query("DELETE FROM wage_code WHERE id = ?").bind(id).execute(conn).await?.rows_affected() == 1)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingProfileRow {
    pub id: Option<i64>,
    pub name: String,
    pub header_signature: String,
    /// JSON object: field id → column index.
    pub mapping: String,
    pub updated_at: String,
}

type ProfileTuple = (i64, String, String, String, String);

fn profile(t: ProfileTuple) -> MappingProfileRow {
    let (id, name, header_signature, mapping, updated_at) = t;
    MappingProfileRow { id: Some(id), name, header_signature, mapping, updated_at }
}

pub async fn save_profile(conn: &mut SqliteConnection, row: &MappingProfileRow) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO mapping_profile (name, header_signature, mapping, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET header_signature = excluded.header_signature, mapping = excluded.mapping,
         updated_at = excluded.updated_at RETURNING id",
    )
    .bind(&row.name)
    .bind(&row.header_signature)
    .bind(&row.mapping)
    .bind(&row.updated_at)
    .fetch_one(conn)
    .await?)
}

pub async fn profiles(conn: &mut SqliteConnection) -> Result<Vec<MappingProfileRow>> {
    let rows: Vec<ProfileTuple> =
        sqlx::query_as("SELECT id, name, header_signature, mapping, updated_at FROM mapping_profile ORDER BY name")
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(profile).collect())
}

/// The most recently saved profile for files with these headers.
pub async fn profile_for_signature(conn: &mut SqliteConnection, signature: &str) -> Result<Option<MappingProfileRow>> {
    let row: Option<ProfileTuple> = sqlx::query_as(
        "SELECT id, name, header_signature, mapping, updated_at FROM mapping_profile WHERE header_signature = ?
         ORDER BY updated_at DESC, id DESC LIMIT 1",
    )
    .bind(signature)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(profile))
}

pub async fn profile_by_name(conn: &mut SqliteConnection, name: &str) -> Result<Option<MappingProfileRow>> {
    let row: Option<ProfileTuple> =
        sqlx::query_as("SELECT id, name, header_signature, mapping, updated_at FROM mapping_profile WHERE name = ?")
            .bind(name)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(profile))
}

/// Renames a profile. Its mapping, headers and `updated_at` stay, so the profile chosen
/// automatically for a file's headers does not change. Returns its id, or `None` when no
/// profile has the old name. The caller checks that the new name is free (the schema's
/// unique name refuses it otherwise).
pub async fn rename_profile(conn: &mut SqliteConnection, old: &str, new: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("UPDATE mapping_profile SET name = ? WHERE name = ? RETURNING id")
        .bind(new)
        .bind(old)
        .fetch_optional(conn)
        .await?)
}

/// Deletes a profile. Returns its id, or `None` when no profile has that name. Batches
/// imported with it keep the name they were imported under.
pub async fn delete_profile(conn: &mut SqliteConnection, name: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("DELETE FROM mapping_profile WHERE name = ? RETURNING id")
        .bind(name)
        .fetch_optional(conn)
        .await?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRow {
    pub file_name: String,
    pub file_size: i64,
    pub sha256: String,
    pub sheet: Option<String>,
    /// JSON object: field id → column index.
    pub mapping: String,
    pub profile_name: Option<String>,
    pub imported_by: String,
    pub imported_at: String,
    pub lines: i64,
    pub first_period: Option<String>,
    pub last_period: Option<String>,
    pub undone_at: Option<String>,
    pub undone_by: Option<String>,
}

const BATCH_COLUMNS: &str =
    "id, file_name, file_size, sha256, sheet, mapping, profile_name, imported_by, imported_at, \
                             lines, first_period, last_period, undone_at, undone_by";

type BatchTuple = (
    i64,
    String,
    i64,
    String,
    Option<String>,
    String,
    Option<String>,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn batch(t: BatchTuple) -> Stored<BatchRow> {
    let (
        id,
        file_name,
        file_size,
        sha256,
        sheet,
        mapping,
        profile_name,
        imported_by,
        imported_at,
        lines,
        first,
        last,
        undone_at,
        undone_by,
    ) = t;
    let row = BatchRow {
        file_name,
        file_size,
        sha256,
        sheet,
        mapping,
        profile_name,
        imported_by,
        imported_at,
        lines,
        first_period: first,
        last_period: last,
        undone_at,
        undone_by,
    };
    Stored::new(id, row)
}

pub async fn insert_batch(conn: &mut SqliteConnection, b: &BatchRow) -> Result<i64> {
    let res = sqlx::query(
        "INSERT INTO payroll_batch (file_name, file_size, sha256, sheet, mapping, profile_name, imported_by, imported_at,
         lines, first_period, last_period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&b.file_name)
    .bind(b.file_size)
    .bind(&b.sha256)
    .bind(&b.sheet)
    .bind(&b.mapping)
    .bind(&b.profile_name)
    .bind(&b.imported_by)
    .bind(&b.imported_at)
    .bind(b.lines)
    .bind(&b.first_period)
    .bind(&b.last_period)
    .execute(conn)
    .await?;
    Ok(res.last_insert_rowid())
}

/// Completes a batch inserted before its lines were all read (its placeholders replaced
/// by `b`'s values; `b.id`, `undone_at` and `undone_by` are not used).
pub async fn update_batch(conn: &mut SqliteConnection, id: i64, b: &BatchRow) -> Result<()> {
    sqlx::query(
        "UPDATE payroll_batch SET file_name = ?, file_size = ?, sha256 = ?, sheet = ?, mapping = ?, profile_name = ?,
         imported_by = ?, imported_at = ?, lines = ?, first_period = ?, last_period = ? WHERE id = ?",
    )
    .bind(&b.file_name)
    .bind(b.file_size)
    .bind(&b.sha256)
    .bind(&b.sheet)
    .bind(&b.mapping)
    .bind(&b.profile_name)
    .bind(&b.imported_by)
    .bind(&b.imported_at)
    .bind(b.lines)
    .bind(&b.first_period)
    .bind(&b.last_period)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes a batch and its lines (a batch being imported that has to start over; an
/// imported batch is undone, never deleted).
pub async fn delete_batch(conn: &mut SqliteConnection, id: i64) -> Result<()> {
    sqlx::query("DELETE FROM payroll_line WHERE batch_id = ?").bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM payroll_batch WHERE id = ?").bind(id).execute(conn).await?;
    Ok(())
}

/// All batches, newest first (undone ones included: they are history).
pub async fn batches(conn: &mut SqliteConnection) -> Result<Vec<Stored<BatchRow>>> {
    let rows: Vec<BatchTuple> =
        sqlx::query_as(&format!("SELECT {BATCH_COLUMNS} FROM payroll_batch ORDER BY id DESC")).fetch_all(conn).await?;
    Ok(rows.into_iter().map(batch).collect())
}

pub async fn batch_by_id(conn: &mut SqliteConnection, id: i64) -> Result<Option<Stored<BatchRow>>> {
    let row: Option<BatchTuple> = sqlx::query_as(&format!("SELECT {BATCH_COLUMNS} FROM payroll_batch WHERE id = ?"))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(batch))
}

/// Batches (not undone) with at least one line whose pay period overlaps `[start, end]`
/// (ISO dates), oldest first.
pub async fn batches_in(conn: &mut SqliteConnection, start: &str, end: &str) -> Result<Vec<Stored<BatchRow>>> {
    let rows: Vec<BatchTuple> = sqlx::query_as(&format!(
        "SELECT {BATCH_COLUMNS} FROM payroll_batch b WHERE b.undone_at IS NULL AND EXISTS
         (SELECT 1 FROM payroll_line l WHERE l.batch_id = b.id AND l.period_start <= ? AND l.period_end >= ?)
         ORDER BY b.id"
    ))
    .bind(end)
    .bind(start)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(batch).collect())
}

/// The batch (not undone) that imported a file with this SHA-256, if any.
pub async fn active_batch_with_sha(conn: &mut SqliteConnection, sha256: &str) -> Result<Option<Stored<BatchRow>>> {
    let row: Option<BatchTuple> =
        sqlx::query_as(&format!("SELECT {BATCH_COLUMNS} FROM payroll_batch WHERE sha256 = ? AND undone_at IS NULL"))
            .bind(sha256)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(batch))
}

/// Undoes a batch: its lines go, the batch stays as history with who undid it and when.
/// Returns the number of lines removed, or `None` when the batch is unknown or undone.
pub async fn undo_batch(conn: &mut SqliteConnection, id: i64, at: &str, by: &str) -> Result<Option<u64>> {
    let marked =
        sqlx::query("UPDATE payroll_batch SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL")
            .bind(at)
            .bind(by)
            .bind(id)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    if marked == 0 {
        return Ok(None);
    }
    let removed =
        sqlx::query("DELETE FROM payroll_line WHERE batch_id = ?").bind(id).execute(conn).await?.rows_affected();
    Ok(Some(removed))
}

#[derive(Debug, Clone, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct LineRow {
    pub row: i64,
    pub person_id: Option<i64>,
    pub worker_number: Option<String>,
    pub insz: Option<String>,
    pub name: Option<String>,
    pub period_start: String,
    pub period_end: String,
    pub wage_code: String,
    pub description: Option<String>,
    pub quantity: Option<String>,
    pub unit: Option<String>,
    pub hours: Option<i64>,
    pub amount: Option<String>,
    pub gross_wage: Option<String>,
    pub employer_contributions: Option<String>,
    pub q: Option<i64>,
    pub s: Option<i64>,
}

/// The optional columns of `payroll_line`, in the statement's order after the ones every
/// line has (`batch_id, row, person_id, period_start, period_end, wage_code`).
const OPTIONAL: [&str; 12] = [
    "worker_number",
    "insz",
    "name",
    "description",
    "quantity",
    "unit",
    "hours",
    "amount",
    "gross_wage",
    "employer_contributions",
    "q",
    "s",
];

impl LineRow {
    /// Whether the optional column `OPTIONAL[i]` has a value on this line.
    fn has(&self, i: usize) -> bool {
        match i {
            0 => self.worker_number.is_some(),
            1 => self.insz.is_some(),
            2 => self.name.is_some(),
            3 => self.description.is_some(),
            4 => self.quantity.is_some(),
            5 => self.unit.is_some(),
            6 => self.hours.is_some(),
            7 => self.amount.is_some(),
            8 => self.gross_wage.is_some(),
            9 => self.employer_contributions.is_some(),
            10 => self.q.is_some(),
            _ => self.s.is_some(),
        }
    }
}

/// Inserts many lines with multi-row statements (SQLite allows 32 766 bound values). The
/// cost is per bound value, so a statement names only the optional columns that at least
/// one of its lines fills: the others stay NULL, as they would when bound.
pub async fn insert_lines(conn: &mut SqliteConnection, batch_id: i64, lines: &[LineRow]) -> Result<()> {
    const PER_STATEMENT: usize = 1000; // at most 18 values a line
    for chunk in lines.chunks(PER_STATEMENT) {
        let used: Vec<usize> = (0..OPTIONAL.len()).filter(|i| chunk.iter().any(|l| l.has(*i))).collect();
        let mut sql =
            String::from("INSERT INTO payroll_line (batch_id, row, person_id, period_start, period_end, wage_code");
        for i in &used {
            sql.push_str(", ");
            sql.push_str(OPTIONAL[*i]);
        }
        sql.push_str(") ");
        let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(sql);
        qb.push_values(chunk, |mut b, l| {
            b.push_bind(batch_id)
                .push_bind(l.row)
                .push_bind(l.person_id)
                .push_bind(&l.period_start)
                .push_bind(&l.period_end)
                .push_bind(&l.wage_code);
            for i in &used {
                match i {
                    0 => b.push_bind(&l.worker_number),
                    1 => b.push_bind(&l.insz),
                    2 => b.push_bind(&l.name),
                    3 => b.push_bind(&l.description),
                    4 => b.push_bind(&l.quantity),
                    5 => b.push_bind(&l.unit),
                    6 => b.push_bind(l.hours),
                    7 => b.push_bind(&l.amount),
                    8 => b.push_bind(&l.gross_wage),
                    9 => b.push_bind(&l.employer_contributions),
                    10 => b.push_bind(l.q),
                    _ => b.push_bind(l.s),
                };
            }
        });
        qb.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Lines of batches not undone whose pay period overlaps `[start, end]` (ISO dates).
pub async fn lines_in(conn: &mut SqliteConnection, start: &str, end: &str) -> Result<Vec<LineRow>> {
    Ok(sqlx::query_as(
        "SELECT l.row, l.person_id, l.worker_number, l.insz, l.name, l.period_start, l.period_end, l.wage_code,
                l.description, l.quantity, l.unit, l.hours, l.amount, l.gross_wage, l.employer_contributions, l.q, l.s
         FROM payroll_line l JOIN payroll_batch b ON b.id = l.batch_id
         WHERE b.undone_at IS NULL AND l.period_start <= ? AND l.period_end >= ? ORDER BY l.person_id, l.period_start, l.row",
    )
    .bind(end)
    .bind(start)
    .fetch_all(conn)
    .await?)
}

pub async fn count_lines(conn: &mut SqliteConnection, batch_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM payroll_line WHERE batch_id = ?")
        .bind(batch_id)
        .fetch_one(conn)
        .await?)
}

/// Remembers that a worker number belongs to a person.
pub async fn link_worker_number(conn: &mut SqliteConnection, number: &str, person_id: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO worker_number (worker_number, person_id) VALUES (?, ?)
         ON CONFLICT (worker_number) DO UPDATE SET person_id = excluded.person_id",
    )
    .bind(number)
    .bind(person_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Remembers many worker numbers at once (multi-row statements; a number already
/// remembered moves to the given person).
pub async fn link_worker_numbers(conn: &mut SqliteConnection, links: &[(String, i64)]) -> Result<()> {
    for chunk in links.chunks(5000) {
        let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new("INSERT INTO worker_number (worker_number, person_id) ");
        qb.push_values(chunk, |mut b, (number, person_id)| {
            b.push_bind(number).push_bind(person_id);
        });
        qb.push(" ON CONFLICT (worker_number) DO UPDATE SET person_id = excluded.person_id");
        qb.build().execute(&mut *conn).await?;
    }
    Ok(())
}

/// Every remembered worker number with its person.
pub async fn worker_numbers(conn: &mut SqliteConnection) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as("SELECT worker_number, person_id FROM worker_number").fetch_all(conn).await?)
}
