//! Whole database files: checks, a copy's contents read without changing it, private
//! copies written to a temporary name, flushed and renamed (so a file is either absent or
//! complete), and the migrations a file has.

use crate::{create_private, known_migrations, Result, StoreError};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a database file holds, counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contents {
    pub people: i64,
    pub payroll_batches: i64,
    pub claims: i64,
    pub issued_claims: i64,
    /// The newest migration applied (`20261203000009`); 0 for an empty file.
    pub schema_version: i64,
}

/// A file's check: the problems SQLite found (empty: whole) and whether its migrations
/// are all known to this build (a copy from a newer Werkbank is not).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verdict {
    pub problems: Vec<String>,
    /// Applied migrations this build does not know, or knows with another checksum.
    pub unknown_migrations: Vec<i64>,
    pub contents: Option<Contents>,
}

impl Verdict {
    pub fn is_good(&self) -> bool {
        self.problems.is_empty() && self.unknown_migrations.is_empty() && self.contents.is_some()
    }
}

/// Opens a database file read-only and without locks or a `-wal` (`immutable`): reading
/// a backup never changes it, even its modification time.
async fn open_read_only(path: &Path) -> Result<SqliteConnection> {
    if !path.is_file() {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
    }
    // No journal mode is set (sqlx sets none unless asked): a read-only file keeps its own.
    let options = SqliteConnectOptions::new().filename(path).read_only(true).immutable(true).create_if_missing(false);
    Ok(options.connect().await?)
}

/// Reads the contents of the database file at `path` without changing it.
pub async fn contents(path: &Path) -> Result<Contents> {
    let mut conn = open_read_only(path).await?;
    let out = read_contents(&mut conn).await;
    let _ = conn.close().await;
    out
}

/// Checks the database file at `path` (`integrity_check`, or `quick_check` unless
/// `full`), its migrations and contents, without changing it.
pub async fn verify(path: &Path, full: bool) -> Result<Verdict> {
    let mut conn = match open_read_only(path).await {
        Ok(c) => c,
        Err(e) if e.is_damaged() => return Ok(Verdict { problems: vec![e.to_string()], ..Verdict::default() }),
        Err(e) => return Err(e),
    };
    let verdict = verdict(&mut conn, full).await;
    let _ = conn.close().await;
    verdict
}

/// The check of an open database: what [`verify`] reports of a file.
pub async fn verdict(conn: &mut SqliteConnection, full: bool) -> Result<Verdict> {
    let problems = match check(conn, full).await {
        Ok(p) => p,
        Err(e) if e.is_damaged() => vec![e.to_string()],
        Err(e) => return Err(e),
    };
    if !problems.is_empty() {
        return Ok(Verdict { problems, ..Verdict::default() });
    }
    let known = known_migrations();
    let applied: Vec<(i64, Vec<u8>)> = applied_with_checksums(conn).await?;
    let unknown_migrations = applied.iter().filter(|a| !known.contains(a)).map(|(v, _)| *v).collect::<Vec<i64>>();
    match read_contents(conn).await {
        Ok(c) => Ok(Verdict { problems, unknown_migrations, contents: Some(c) }),
        Err(e) if e.is_damaged() => Ok(Verdict { problems: vec![e.to_string()], unknown_migrations, contents: None }),
        Err(e) => Err(e),
    }
}

/// What an open database holds, counted.
pub async fn read_contents(conn: &mut SqliteConnection) -> Result<Contents> {
    let applied = applied_migrations(conn).await?;
    let schema_version = applied.iter().copied().max().unwrap_or(0);
    if schema_version == 0 {
        return Ok(Contents::default());
    }
    let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
    Ok(Contents {
        people: count("SELECT COUNT(*) FROM person").fetch_one(&mut *conn).await?,
        payroll_batches: count("SELECT COUNT(*) FROM payroll_batch").fetch_one(&mut *conn).await?,
        claims: count("SELECT COUNT(*) FROM claim").fetch_one(&mut *conn).await?,
        issued_claims: count("SELECT COUNT(*) FROM claim WHERE status = 'issued'").fetch_one(&mut *conn).await?,
        schema_version,
    })
}

/// `quick_check` or `integrity_check` on an open connection: the problems, empty when whole.
pub async fn check(conn: &mut SqliteConnection, full: bool) -> Result<Vec<String>> {
    let sql = if full { "PRAGMA integrity_check" } else { "PRAGMA quick_check" };
    let rows: Vec<String> = sqlx::query_scalar(sql).fetch_all(conn).await?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// The versions of the migrations applied (successfully) to the database; none when the
/// file has no migration table (a new file).
pub async fn applied_migrations(conn: &mut SqliteConnection) -> Result<Vec<i64>> {
    Ok(applied_with_checksums(conn).await?.into_iter().map(|(v, _)| v).collect())
}

async fn applied_with_checksums(conn: &mut SqliteConnection) -> Result<Vec<(i64, Vec<u8>)>> {
    let exists: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
            .fetch_one(&mut *conn)
            .await?;
    if exists == 0 {
        return Ok(vec![]);
    }
    Ok(sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations WHERE success = 1 ORDER BY version")
        .fetch_all(conn)
        .await?)
}

/// A hidden temporary name in the folder of `target` (a rename within one folder is atomic).
pub fn temporary_beside(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let unique = format!(".{name}.{}.partial", std::process::id());
    target.with_file_name(unique)
}

/// Copies `source` to `target` (created owner-only) and flushes it to disk.
pub fn copy_private(source: &Path, target: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    let _ = std::fs::remove_file(target);
    create_private(target)?;
    let mut from = std::fs::File::open(source).map_err(io(source))?;
    let mut to = std::fs::OpenOptions::new().write(true).truncate(true).open(target).map_err(io(target))?;
    std::io::copy(&mut from, &mut to).map_err(io(target))?;
    to.flush().map_err(io(target))?;
    Ok(())
}

/// Flushes `temp` to disk, renames it to `target` and flushes the folder, so that after a
/// crash `target` is either the old file or the whole new one.
pub fn sync_and_rename(temp: &Path, target: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    std::fs::File::open(temp).and_then(|f| f.sync_all()).map_err(io(temp))?;
    if let Err(e) = std::fs::rename(temp, target) {
        let _ = std::fs::remove_file(temp);
        return Err(io(target)(e));
    }
    #[cfg(unix)]
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir).and_then(|f| f.sync_all()).map_err(io(dir))?;
    }
    Ok(())
}

/// A setting read from the file at `path` without changing it (a damaged file may still
/// tell where its backups are); `None` when it cannot be read.
pub async fn setting(path: &Path, key: &str) -> Option<String> {
    let mut conn = open_read_only(path).await.ok()?;
    let value = sqlx::query_scalar("SELECT value FROM setting WHERE key = ?").bind(key).fetch_optional(&mut conn).await;
    let _ = conn.close().await;
    value.ok().flatten()
}
