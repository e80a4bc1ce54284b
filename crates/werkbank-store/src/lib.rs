//! Werkbank's storage: one SQLite file, opened through sqlx, migrated from `migrations/`.
//!
//! Functions take a `&mut SqliteConnection` so that a use case can run several of them,
//! plus the audit record, inside one transaction (`store.begin()`).
//!
//! Architecture Invariant: no Tauri, no domain rules here: this crate maps rows to domain
//! types and back. Rules are checked in `werkbank-domain`, orchestration in `werkbank-api`.

pub mod audit;
pub mod claims;
mod codec;
pub mod organisation;
pub mod path;
pub mod payroll;
pub mod people;
pub mod periods;
pub mod rules;
pub mod settings;
pub mod waitlist;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::path::{Path, PathBuf};
use std::str::FromStr;

pub use sqlx;
pub use sqlx::SqliteConnection;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot prepare the database folder {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("unexpected value {value:?} in {table}.{column}")]
    Corrupt { table: &'static str, column: &'static str, value: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and migrates it.
    /// On Unix the file is made readable by its owner only (0600), and a folder it
    /// creates gets 0700: the register holds special-category personal data.
    pub async fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
                restrict(dir, 0o700)?;
            }
        }
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Delete)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        restrict(path, 0o600)?;
        MIGRATOR.run(&pool).await?;
        Ok(Self { pool, path: Some(path.to_path_buf()) })
    }

    /// A private in-memory database, migrated (for tests).
    pub async fn open_in_memory() -> Result<Self> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Self { pool, path: None })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn begin(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin().await?)
    }

    /// A connection for reads outside a transaction.
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<Sqlite>> {
        Ok(self.pool.acquire().await?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}
