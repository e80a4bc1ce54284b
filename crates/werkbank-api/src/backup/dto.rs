//! The data transfer objects of backups and restore (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a backup (or the database) holds, read from the file itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupContentsDto {
    #[ts(type = "number")]
    pub people: i64,
    #[ts(type = "number")]
    pub payroll_batches: i64,
    #[ts(type = "number")]
    pub claims: i64,
    #[ts(type = "number")]
    pub issued_claims: i64,
    /// The newest migration applied to the file (`20261203000009`).
    #[ts(type = "number")]
    pub schema_version: i64,
}

/// One backup file in the backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupDto {
    /// The file name (`werkbank-2026-12-03T17-30-00-payroll-commit.sqlite`): what
    /// `restore_backup` and `verify_backup` take.
    pub name: String,
    /// When it was made, RFC 3339 in UTC (`2026-12-03T17:30:00Z`).
    pub created_at: String,
    /// Why: `daily`, `manual`, `payroll-commit`, `payroll-undo`, `claim-issue`,
    /// `migration`, `restore` (the state before a restore), `damaged` (a damaged file kept
    /// as it was before a restore replaced it).
    pub reason: String,
    #[ts(type = "number")]
    pub size: i64,
    /// What it holds; `null` when the file cannot be read (see `problem`).
    pub contents: Option<BackupContentsDto>,
    /// Why the contents could not be read.
    pub problem: Option<String>,
}

/// The backup folder and its backups, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupListDto {
    pub folder: String,
    /// The folder is the default one (`backups` beside the database).
    pub default_folder: bool,
    pub backups: Vec<BackupDto>,
}

/// The backup folder setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupFolderDto {
    pub folder: String,
    pub default_folder: bool,
}

/// A check of a backup, or of the database itself (`name` null).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupVerifyDto {
    pub name: Option<String>,
    /// `integrity_check` found nothing and every migration is known to this Werkbank.
    pub ok: bool,
    /// What SQLite's integrity check reported (at most 20 lines).
    pub problems: Vec<String>,
    /// Migrations of the file this Werkbank does not know (a copy from a newer version).
    #[ts(type = "Array<number>")]
    pub unknown_migrations: Vec<i64>,
    pub contents: Option<BackupContentsDto>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RestoreResultDto {
    /// The backup now in use.
    pub restored: BackupDto,
    /// The backup of the state before the restore (a damaged file is kept as it was).
    pub previous: Option<BackupDto>,
}
