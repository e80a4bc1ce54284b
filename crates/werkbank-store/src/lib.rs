//! Werkbank's storage: one SQLite file, opened through sqlx, migrated from `migrations/`.
//!
//! Functions take a `&mut SqliteConnection` so that a use case can run several of them,
//! plus the audit record, inside one transaction (`store.begin()`).
//!
//! A file database is in WAL mode: readers never wait for a writer, and a writer waits up
//! to [`BUSY_TIMEOUT`] for another (then SQLite answers "busy", which `werkbank-api` turns
//! into `storage.busy`). Deleted content is overwritten (`secure_delete`), and the file
//! with its `-wal` and `-shm` companions is readable by its owner only. [`file`] holds
//! what works on whole files: consistent copies (`VACUUM INTO`), checks, reading a copy's
//! contents and putting a copy in place.
//!
//! Architecture Invariant: no Tauri, no domain rules here: this crate maps rows to domain
//! types and back. Rules are checked in `werkbank-domain`, orchestration in `werkbank-api`.

pub mod audit;
pub mod claims;
mod codec;
pub mod file;
pub mod organisation;
pub mod path;
pub mod payroll;
pub mod people;
pub mod periods;
pub mod rules;
pub mod settings;
pub mod waitlist;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

pub use sqlx;
pub use sqlx::SqliteConnection;

/// How long a writer waits for another writer (another window, the CLI) before SQLite
/// answers "busy". Readers in WAL mode do not wait at all.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The WAL file is cut back to this size after a checkpoint (SQLite's `journal_size_limit`).
const JOURNAL_SIZE_LIMIT: &str = "67108864";

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
    /// The file fails SQLite's integrity check, or is not a database at all.
    #[error("the database {path} is damaged: {}", problems.join("; "))]
    Damaged { path: PathBuf, problems: Vec<String> },
    /// The store was opened without a database (a damaged file, waiting to be restored)
    /// or is being replaced.
    #[error("the database is not available")]
    Unavailable,
    /// Another process still has the database open (its `-wal` file stays after closing).
    #[error("the database {path} is in use by another program")]
    InUse { path: PathBuf },
}

impl StoreError {
    /// SQLite answered "busy" or "locked": another connection holds the write lock longer
    /// than the busy timeout, or the pool is closed or exhausted.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Unavailable => true,
            StoreError::Database(e) => is_busy(e),
            StoreError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => is_busy(e),
            _ => false,
        }
    }

    /// SQLite found the file damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`), or a check did.
    pub fn is_damaged(&self) -> bool {
        match self {
            StoreError::Damaged { .. } => true,
            StoreError::Database(e) => primary_code(e).is_some_and(|c| c == 11 || c == 26),
            StoreError::Migrate(sqlx::migrate::MigrateError::Execute(e)) => {
                primary_code(e).is_some_and(|c| c == 11 || c == 26)
            }
            _ => false,
        }
    }
}

/// The primary SQLite result code of a database error (`SQLITE_BUSY` = 5, …).
fn primary_code(e: &sqlx::Error) -> Option<i32> {
    let code = e.as_database_error()?.code()?;
    code.parse::<i32>().ok().map(|c| c & 0xff)
}

fn is_busy(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::PoolClosed | sqlx::Error::PoolTimedOut)
        || primary_code(e).is_some_and(|c| c == 5 || c == 6)
}

pub type Result<T> = std::result::Result<T, StoreError>;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// The migrations this build knows, by version.
pub fn known_migrations() -> Vec<(i64, Vec<u8>)> {
    MIGRATOR.iter().filter(|m| m.migration_type.is_up_migration()).map(|m| (m.version, m.checksum.to_vec())).collect()
}

/// The newest schema version this build knows.
pub fn schema_version() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

#[derive(Clone, Debug)]
pub struct Store {
    slot: Arc<RwLock<Slot>>,
    path: Option<PathBuf>,
}

/// What the store has: an open database, a damaged file (waiting for a restore), or
/// nothing for a moment (a restore is putting a copy in place).
#[derive(Clone, Debug)]
enum Slot {
    Open(SqlitePool),
    Damaged(Vec<String>),
    Replacing,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and migrates it.
    /// On Unix the file is made readable by its owner only (0600), and a folder it
    /// creates gets 0700: the register holds special-category personal data.
    pub async fn open(path: &Path) -> Result<Self> {
        let store = Self::connect(path).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Opens (creating if needed) the database file without migrating it (see
    /// [`Store::pending_migrations`], [`Store::migrate`]). A file that is not a database
    /// gives [`StoreError::Damaged`].
    pub async fn connect(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
                restrict(dir, 0o700)?;
            }
        }
        // Created owner-only before SQLite opens it: SQLite gives the -wal and -shm files
        // the permissions of the database file.
        create_private(path)?;
        let pool = match connect_pool(path).await {
            Ok(pool) => pool,
            Err(e) => {
                let e = StoreError::Database(e);
                return Err(if e.is_damaged() {
                    StoreError::Damaged { path: path.to_path_buf(), problems: vec![e.to_string()] }
                } else {
                    e
                });
            }
        };
        restrict_companions(path)?;
        Ok(Self { slot: Arc::new(RwLock::new(Slot::Open(pool))), path: Some(path.to_path_buf()) })
    }

    /// A store for the damaged file at `path`, not opened: every query answers
    /// [`StoreError::Damaged`] with `problems` until [`Store::replace_with`] puts a good
    /// copy in place.
    pub fn damaged(path: &Path, problems: Vec<String>) -> Self {
        Self { slot: Arc::new(RwLock::new(Slot::Damaged(problems))), path: Some(path.to_path_buf()) }
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
        Ok(Self { slot: Arc::new(RwLock::new(Slot::Open(pool))), path: None })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether a database is open (false for [`Store::damaged`] and during a restore).
    pub fn is_available(&self) -> bool {
        matches!(*self.slot.read().expect("store lock"), Slot::Open(_))
    }

    /// The problems of a [`Store::damaged`] store.
    pub fn damage(&self) -> Option<Vec<String>> {
        match &*self.slot.read().expect("store lock") {
            Slot::Damaged(problems) => Some(problems.clone()),
            _ => None,
        }
    }

    /// The pool (a cheap handle): [`StoreError::Damaged`] for a damaged file,
    /// [`StoreError::Unavailable`] while a restore puts a copy in place.
    pub fn pool(&self) -> Result<SqlitePool> {
        match &*self.slot.read().expect("store lock") {
            Slot::Open(pool) => Ok(pool.clone()),
            Slot::Damaged(problems) => {
                Err(StoreError::Damaged { path: self.path.clone().unwrap_or_default(), problems: problems.clone() })
            }
            Slot::Replacing => Err(StoreError::Unavailable),
        }
    }

    /// A write transaction. `BEGIN IMMEDIATE` takes the write lock at once (waiting up to
    /// [`BUSY_TIMEOUT`] for another writer), so that a transaction that reads before it
    /// writes never fails half-way because another connection wrote in between.
    pub async fn begin(&self) -> Result<Transaction<'static, Sqlite>> {
        let pool = self.pool()?;
        if self.path.is_some() {
            Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
        } else {
            Ok(pool.begin().await?)
        }
    }

    /// A connection for reads outside a transaction.
    pub async fn conn(&self) -> Result<sqlx::pool::PoolConnection<Sqlite>> {
        Ok(self.pool()?.acquire().await?)
    }

    /// Closes the database: a checkpoint first, so that the file itself holds every
    /// commit even when SQLite cannot remove the WAL at the last close.
    pub async fn close(&self) {
        let _ = self.checkpoint().await;
        if let Ok(pool) = self.pool() {
            pool.close().await;
        }
    }

    /// The versions of the migrations applied to the database (empty for a new file).
    pub async fn applied_migrations(&self) -> Result<Vec<i64>> {
        let mut conn = self.conn().await?;
        file::applied_migrations(&mut conn).await
    }

    /// Migrations this build knows that the database does not have yet.
    pub async fn pending_migrations(&self) -> Result<Vec<i64>> {
        let applied = self.applied_migrations().await?;
        Ok(known_migrations().into_iter().map(|(v, _)| v).filter(|v| !applied.contains(v)).collect())
    }

    pub async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.pool()?).await?;
        Ok(())
    }

    /// Copies the WAL into the database file and empties it (`wal_checkpoint(TRUNCATE)`).
    /// Best effort: with a reader still in the WAL it waits at most a second, and what it
    /// could not copy is copied by a later checkpoint. Returns whether it was complete.
    pub async fn checkpoint(&self) -> Result<bool> {
        if self.path.is_none() {
            return Ok(true);
        }
        let mut conn = self.conn().await?;
        sqlx::query("PRAGMA busy_timeout = 1000").execute(&mut *conn).await?;
        let result: std::result::Result<(i64, i64, i64), sqlx::Error> =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)").fetch_one(&mut *conn).await;
        let ms = BUSY_TIMEOUT.as_millis().to_string();
        sqlx::query(&format!("PRAGMA busy_timeout = {ms}")).execute(&mut *conn).await?;
        match result {
            Ok((busy, _, _)) => Ok(busy == 0),
            Err(e) if is_busy(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// A consistent copy of the database, WAL content included, written to `target`
    /// (which must not exist) owner-only: `VACUUM INTO` a private temporary file beside
    /// it, flushed to disk, then renamed.
    pub async fn vacuum_into(&self, target: &Path) -> Result<()> {
        let temp = file::temporary_beside(target);
        create_private(&temp)?;
        let mut conn = self.conn().await?;
        let done = sqlx::query("VACUUM INTO ?").bind(temp.display().to_string()).execute(&mut *conn).await;
        drop(conn);
        if let Err(e) = done {
            let _ = std::fs::remove_file(&temp);
            return Err(e.into());
        }
        file::sync_and_rename(&temp, target)
    }

    /// SQLite's `quick_check` (`full = false`) or `integrity_check`: the problems found,
    /// empty when the file is whole.
    pub async fn check(&self, full: bool) -> Result<Vec<String>> {
        let mut conn = self.conn().await?;
        file::check(&mut conn, full).await
    }

    /// Puts the database file `source` in the place of this store's file: waits for the
    /// current connections to finish and closes them, copies `source` to a private
    /// temporary file in the same folder, flushes it, renames it over the database and
    /// opens the result (migrating it). Refused with [`StoreError::InUse`] when another
    /// program keeps the database open: its `-wal` file stays after the close.
    ///
    /// For a [`Store::damaged`] store, a `-wal` or `-shm` file left beside the file
    /// belongs to the damaged file and is removed, so that it is not applied to the copy.
    pub async fn replace_with(&self, source: &Path) -> Result<()> {
        let path = self.path.clone().ok_or(StoreError::Unavailable)?;
        let before = std::mem::replace(&mut *self.slot.write().expect("store lock"), Slot::Replacing);
        let was_open = matches!(before, Slot::Open(_));
        if let Slot::Open(pool) = &before {
            pool.close().await;
        }
        let result = self.put_in_place(&path, source, was_open).await;
        let (slot, result) = match result {
            Ok(pool) => (Slot::Open(pool), Ok(())),
            Err(e) => (
                if was_open {
                    // The copy was refused or failed: the database as it was, reopened.
                    match connect_pool(&path).await {
                        Ok(pool) => Slot::Open(pool),
                        Err(e) => Slot::Damaged(vec![e.to_string()]),
                    }
                } else {
                    before
                },
                Err(e),
            ),
        };
        *self.slot.write().expect("store lock") = slot;
        result
    }

    async fn put_in_place(&self, path: &Path, source: &Path, was_open: bool) -> Result<SqlitePool> {
        let wal = companion(path, "-wal");
        let shm = companion(path, "-shm");
        if was_open && wal.exists() {
            // The last connection to close removes the -wal: someone else has the file open.
            return Err(StoreError::InUse { path: path.to_path_buf() });
        }
        if !was_open {
            for f in [&wal, &shm] {
                if f.exists() {
                    std::fs::remove_file(f).map_err(|source| StoreError::Io { path: f.clone(), source })?;
                }
            }
        }
        let temp = file::temporary_beside(path);
        file::copy_private(source, &temp)?;
        file::sync_and_rename(&temp, path)?;
        let pool = connect_pool(path).await?;
        restrict_companions(path)?;
        MIGRATOR.run(&pool).await?;
        Ok(pool)
    }
}

async fn connect_pool(path: &Path) -> std::result::Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a commit is on disk when it returns, also across a power cut (a commit is rare
        // and large here, so the extra flush costs little).
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(BUSY_TIMEOUT)
        .pragma("secure_delete", "ON")
        .pragma("journal_size_limit", JOURNAL_SIZE_LIMIT)
        .foreign_keys(true);
    SqlitePoolOptions::new().max_connections(4).acquire_timeout(BUSY_TIMEOUT).connect_with(options).await
}

/// `werkbank.sqlite` + `-wal` → `werkbank.sqlite-wal`.
pub fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates `path` empty and owner-only if it does not exist; makes it owner-only if it does.
pub(crate) fn create_private(path: &Path) -> Result<()> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(io)?;
    restrict(path, 0o600)
}

/// The `-wal` and `-shm` files get the database file's permissions from SQLite; made
/// owner-only again in case the database file was not.
fn restrict_companions(path: &Path) -> Result<()> {
    restrict(path, 0o600)?;
    for suffix in ["-wal", "-shm"] {
        let f = companion(path, suffix);
        if f.exists() {
            restrict(&f, 0o600)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
pub(crate) fn restrict(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
}

#[cfg(not(unix))]
pub(crate) fn restrict(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}
