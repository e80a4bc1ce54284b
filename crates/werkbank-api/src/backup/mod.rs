//! Backups and restore. A backup is a consistent copy of the database (`VACUUM INTO`,
//! the WAL's content included) in the backup folder: by default `backups` beside the
//! database, or a folder the user chose (setting `backup_folder`: another disk, a synced
//! folder). Files are owner-only (0600), a folder Werkbank creates too (0700).
//!
//! Backups are named by their UTC moment and reason,
//! `werkbank-2026-12-03T17-30-00-payroll-commit.sqlite` (a second one in the same second
//! gets `-2`), and taken automatically before every payroll commit, payroll undo, claim
//! issue, migration and restore, and once a day at the first start. After each one the
//! rotation ([`rotation`]) removes the backups no rule keeps; files in the folder with
//! other names are never touched. When the chosen folder cannot be written, an automatic
//! backup goes to the default folder instead; when that fails too, the step is refused
//! (`backup.failed`) rather than done without a backup.
//!
//! A restore checks the backup (`integrity_check`, migrations this build knows), backs up
//! the current state (a damaged file is kept as it is, reason `damaged`), then replaces
//! the database file atomically ([`werkbank_store::Store::replace_with`]).

pub mod dto;
pub mod rotation;

use crate::error::{AppError, Result};
use crate::Api;
use chrono::{NaiveDateTime, Timelike};
use dto::*;
use std::path::{Path, PathBuf};
use werkbank_store::file::{self, Contents, Verdict};
use werkbank_store::settings;

/// Setting: the backup folder chosen by the user (absent: the default folder).
pub const BACKUP_FOLDER_KEY: &str = "backup_folder";

/// Why a backup was made: the last part of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Daily,
    Manual,
    PayrollCommit,
    PayrollUndo,
    ClaimIssue,
    Migration,
    /// The state just before a restore.
    Restore,
    /// A damaged database file, kept as it was before a restore replaced it.
    Damaged,
}

impl Reason {
    pub const ALL: [Reason; 8] = [
        Reason::Daily,
        Reason::Manual,
        Reason::PayrollCommit,
        Reason::PayrollUndo,
        Reason::ClaimIssue,
        Reason::Migration,
        Reason::Restore,
        Reason::Damaged,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::Manual => "manual",
            Reason::PayrollCommit => "payroll-commit",
            Reason::PayrollUndo => "payroll-undo",
            Reason::ClaimIssue => "claim-issue",
            Reason::Migration => "migration",
            Reason::Restore => "restore",
            Reason::Damaged => "damaged",
        }
    }
}

/// A backup's file name: its UTC moment (to the second), reason and, after the first of
/// the same second and reason, a sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupName {
    pub at: NaiveDateTime,
    pub reason: Reason,
    pub seq: u32,
}

const PREFIX: &str = "werkbank-";
const SUFFIX: &str = ".sqlite";
const MOMENT: &str = "%Y-%m-%dT%H-%M-%S";

impl BackupName {
    pub fn file_name(&self) -> String {
        let seq = if self.seq > 1 { format!("-{}", self.seq) } else { String::new() };
        format!("{PREFIX}{}-{}{seq}{SUFFIX}", self.at.format(MOMENT), self.reason.id())
    }

    /// The name of a backup file, or `None` for any other name (so a name from outside can
    /// never point out of the backup folder).
    pub fn parse(name: &str) -> Option<Self> {
        let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
        let (moment, rest) = (rest.get(..19)?, rest.get(19..)?);
        let at = NaiveDateTime::parse_from_str(moment, MOMENT).ok()?;
        let rest = rest.strip_prefix('-')?;
        Reason::ALL.iter().find_map(|r| {
            let after = rest.strip_prefix(r.id())?;
            let seq = match after.strip_prefix('-') {
                None if after.is_empty() => 1,
                Some(n) if !n.starts_with('0') => n.parse::<u32>().ok().filter(|n| *n >= 2)?,
                _ => return None,
            };
            Some(BackupName { at, reason: *r, seq })
        })
    }
}

fn conflict(code: &'static str, params: &[(&str, String)]) -> AppError {
    AppError::Conflict { code, params: params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect() }
}

fn contents_dto(c: Contents) -> BackupContentsDto {
    BackupContentsDto {
        people: c.people,
        payroll_batches: c.payroll_batches,
        claims: c.claims,
        issued_claims: c.issued_claims,
        schema_version: c.schema_version,
    }
}

fn verify_dto(name: Option<String>, v: Verdict) -> BackupVerifyDto {
    BackupVerifyDto {
        name,
        ok: v.is_good(),
        problems: v.problems.iter().take(20).cloned().collect(),
        unknown_migrations: v.unknown_migrations.clone(),
        contents: v.contents.map(contents_dto),
    }
}

/// The default backup folder: `backups` beside the database.
pub fn default_folder(database: &Path) -> PathBuf {
    database.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("backups")
}

/// Creates the folder (owner-only) when it is missing.
fn ensure_folder(folder: &Path) -> std::io::Result<()> {
    if !folder.is_dir() {
        std::fs::create_dir_all(folder)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// The backups in `folder`, newest first; none when it does not exist.
fn names_in(folder: &Path) -> Vec<BackupName> {
    let Ok(entries) = std::fs::read_dir(folder) else { return vec![] };
    let mut names: Vec<BackupName> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| BackupName::parse(&e.file_name().to_string_lossy()))
        .collect();
    names.sort_by(|a, b| b.at.cmp(&a.at).then(b.seq.cmp(&a.seq)).then(b.reason.id().cmp(a.reason.id())));
    names
}

/// A backup's entry: its size and what it holds, read from the file.
async fn describe(folder: &Path, name: &BackupName) -> BackupDto {
    let path = folder.join(name.file_name());
    let size = std::fs::metadata(&path).map(|m| m.len() as i64).unwrap_or(0);
    let (contents, problem) = match name.reason {
        // A damaged file is kept as it was; its contents are not to be trusted.
        Reason::Damaged => (None, Some("storage.damaged".to_string())),
        _ => match file::contents(&path).await {
            Ok(c) => (Some(contents_dto(c)), None),
            Err(e) => (None, Some(e.to_string())),
        },
    };
    BackupDto {
        name: name.file_name(),
        created_at: name.at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        reason: name.reason.id().to_string(),
        size,
        contents,
        problem,
    }
}

impl Api {
    fn database_file(&self) -> Result<&Path> {
        self.store.path().ok_or_else(|| conflict("backup.no_database_file", &[]))
    }

    /// The backup folder and whether it is the default one.
    async fn backup_folder_path(&self) -> Result<(PathBuf, bool)> {
        let db = self.database_file()?;
        let stored = if self.store.is_available() {
            let mut conn = self.store.conn().await?;
            settings::get(&mut conn, BACKUP_FOLDER_KEY).await?
        } else {
            // A damaged file may still say where its backups are.
            file::setting(db, BACKUP_FOLDER_KEY).await
        };
        Ok(match stored.filter(|s| !s.trim().is_empty()) {
            Some(folder) => (PathBuf::from(folder), false),
            None => (default_folder(db), true),
        })
    }

    /// Makes a backup for `reason` in the backup folder (for an automatic one, in the
    /// default folder when the chosen one cannot be written), then rotates the folder,
    /// never removing `protect`. `Ok(None)` for an in-memory database.
    pub(crate) async fn make_backup(&self, reason: Reason, protect: Option<&str>) -> Result<Option<BackupDto>> {
        let Some(db) = self.store.path().map(Path::to_path_buf) else { return Ok(None) };
        let (folder, is_default) = self.backup_folder_path().await?;
        match self.backup_into(&db, &folder, reason, protect).await {
            Ok(b) => Ok(Some(b)),
            Err(e) if !is_default && reason != Reason::Manual => {
                tracing::warn!(folder = %folder.display(), error = %e, "backup folder not writable; using the default folder");
                self.backup_into(&db, &default_folder(&db), reason, protect).await.map(Some)
            }
            Err(e) => Err(e),
        }
    }

    async fn backup_into(&self, db: &Path, folder: &Path, reason: Reason, protect: Option<&str>) -> Result<BackupDto> {
        let failed =
            |detail: String| conflict("backup.failed", &[("folder", folder.display().to_string()), ("detail", detail)]);
        ensure_folder(folder).map_err(|e| failed(e.to_string()))?;
        let now = self.clock.now().naive_utc();
        let at = now.with_nanosecond(0).unwrap_or(now);
        let mut name = BackupName { at, reason, seq: 1 };
        while folder.join(name.file_name()).exists() {
            name.seq += 1;
        }
        let target = folder.join(name.file_name());
        match reason {
            // A damaged file is copied byte for byte: SQLite may not be able to read it.
            Reason::Damaged => {
                let temp = file::temporary_beside(&target);
                file::copy_private(db, &temp)
                    .and_then(|_| file::sync_and_rename(&temp, &target))
                    .map_err(|e| failed(e.to_string()))?;
            }
            _ => self.store.vacuum_into(&target).await.map_err(|e| {
                if e.is_busy() || e.is_damaged() {
                    AppError::Storage(e)
                } else {
                    failed(e.to_string())
                }
            })?,
        }
        rotate(folder, self.clock.now().naive_utc(), protect.unwrap_or(""));
        Ok(describe(folder, &name).await)
    }

    /// Today's daily backup, at the first start of the day (UTC): none when the folder
    /// already has a backup of today. A failure is logged, never stops the start.
    pub(crate) async fn daily_backup(&self) {
        let Ok((folder, _)) = self.backup_folder_path().await else { return };
        let today = self.clock.now().date_naive();
        if names_in(&folder).iter().any(|n| n.at.date() == today) {
            return;
        }
        if let Err(e) = self.make_backup(Reason::Daily, None).await {
            tracing::warn!(error = %e, "daily backup failed");
        }
    }

    /// The backup folder and its backups, newest first, with what each holds.
    pub async fn backups(&self) -> Result<BackupListDto> {
        let (folder, default_folder) = self.backup_folder_path().await?;
        let mut backups = Vec::new();
        for name in names_in(&folder) {
            backups.push(describe(&folder, &name).await);
        }
        Ok(BackupListDto { folder: folder.display().to_string(), default_folder, backups })
    }

    /// A backup now ("Nu een reservekopie maken", `werkbank backup create`), audited.
    pub async fn create_backup(&self) -> Result<BackupDto> {
        let backup =
            self.make_backup(Reason::Manual, None).await?.ok_or_else(|| conflict("backup.no_database_file", &[]))?;
        let mut tx = self.store.begin().await?;
        self.audit(&mut tx, "create", "backup", None, serde_json::json!({ "name": backup.name })).await?;
        tx.commit().await?;
        Ok(backup)
    }

    /// Checks a backup (`integrity_check`, its migrations), or with `None` the database
    /// itself.
    pub async fn verify_backup(&self, name: Option<&str>) -> Result<BackupVerifyDto> {
        match name {
            None => {
                if let Some(problems) = self.store.damage() {
                    return Ok(verify_dto(None, Verdict { problems, ..Verdict::default() }));
                }
                let mut conn = self.store.conn().await?;
                Ok(verify_dto(None, file::verdict(&mut conn, true).await?))
            }
            Some(name) => {
                let path = self.backup_path(name).await?;
                Ok(verify_dto(Some(name.to_string()), file::verify(&path, true).await?))
            }
        }
    }

    async fn backup_path(&self, name: &str) -> Result<PathBuf> {
        let (folder, _) = self.backup_folder_path().await?;
        let parsed = BackupName::parse(name).filter(|n| n.file_name() == name);
        match parsed.map(|n| folder.join(n.file_name())) {
            Some(path) if path.is_file() => Ok(path),
            _ => Err(conflict("backup.not_found", &[("name", name.to_string())])),
        }
    }

    /// The newest backup that passes the check: what the app offers to restore when the
    /// database is damaged. `None` when there is none.
    pub async fn newest_good_backup(&self) -> Result<Option<BackupDto>> {
        let (folder, _) = self.backup_folder_path().await?;
        for name in names_in(&folder).iter().filter(|n| n.reason != Reason::Damaged) {
            if file::verify(&folder.join(name.file_name()), true).await?.is_good() {
                return Ok(Some(describe(&folder, name).await));
            }
        }
        Ok(None)
    }

    /// Puts a backup in place of the database: checks it, backs up the current state
    /// (reason `restore`; a damaged database is copied as it is, reason `damaged`), then
    /// replaces the file atomically and audits the restore in the restored database.
    /// Conflicts: `backup.not_found`, `backup.damaged` (fails the check), `backup.newer`
    /// (made by a newer Werkbank), `storage.in_use` (another program has the database open).
    pub async fn restore_backup(&self, name: &str) -> Result<RestoreResultDto> {
        let path = self.backup_path(name).await?;
        let (folder, _) = self.backup_folder_path().await?;
        let verdict = file::verify(&path, true).await?;
        if !verdict.problems.is_empty()
            || verdict.contents.is_none()
            || BackupName::parse(name).is_some_and(|n| n.reason == Reason::Damaged)
        {
            return Err(conflict("backup.damaged", &[("name", name.to_string())]));
        }
        if !verdict.unknown_migrations.is_empty() {
            return Err(conflict("backup.newer", &[("name", name.to_string())]));
        }
        let reason = if self.store.is_available() { Reason::Restore } else { Reason::Damaged };
        let previous = self.make_backup(reason, Some(name)).await?;
        self.store.replace_with(&path).await?;
        let mut tx = self.store.begin().await?;
        let details = serde_json::json!({ "name": name, "previous": previous.as_ref().map(|p| p.name.clone()) });
        self.audit(&mut tx, "restore", "backup", None, details).await?;
        tx.commit().await?;
        let _ = self.store.checkpoint().await;
        let restored = describe(&folder, &BackupName::parse(name).expect("checked")).await;
        Ok(RestoreResultDto { restored, previous })
    }

    /// The backup folder setting.
    pub async fn backup_folder(&self) -> Result<BackupFolderDto> {
        let (folder, default_folder) = self.backup_folder_path().await?;
        Ok(BackupFolderDto { folder: folder.display().to_string(), default_folder })
    }

    /// Chooses the backup folder (`None`: back to the default). The folder is created when
    /// missing (owner-only) and must be writable; an absolute path is stored. Backups in the
    /// old folder stay where they are. Audited with the field named.
    pub async fn set_backup_folder(&self, folder: Option<&Path>) -> Result<BackupFolderDto> {
        let db = self.database_file()?.to_path_buf();
        let invalid = |f: &Path, detail: String| {
            conflict("backup.folder_invalid", &[("folder", f.display().to_string()), ("detail", detail)])
        };
        let stored = match folder.filter(|f| !f.as_os_str().is_empty()) {
            Some(f) => {
                let f = std::path::absolute(f).map_err(|e| invalid(f, e.to_string()))?;
                ensure_folder(&f).map_err(|e| invalid(&f, e.to_string()))?;
                // Writable? A private probe file, removed at once.
                let probe = f.join(format!(".werkbank-probe-{}", std::process::id()));
                std::fs::write(&probe, b"").map_err(|e| invalid(&f, e.to_string()))?;
                let _ = std::fs::remove_file(&probe);
                Some(f)
            }
            None => None,
        };
        let mut tx = self.store.begin().await?;
        match &stored {
            Some(f) if *f != default_folder(&db) => {
                settings::set(&mut tx, BACKUP_FOLDER_KEY, &f.display().to_string()).await?
            }
            _ => settings::delete(&mut tx, BACKUP_FOLDER_KEY).await?,
        }
        self.audit(&mut tx, "save", "setting", None, serde_json::json!({ "fields": [BACKUP_FOLDER_KEY] })).await?;
        tx.commit().await?;
        self.backup_folder().await
    }
}

/// Removes the backups of `folder` the rotation does not keep (never `protect`), and
/// temporary files of backups that were interrupted more than an hour ago.
fn rotate(folder: &Path, now: NaiveDateTime, protect: &str) {
    let names = names_in(folder);
    let items: Vec<rotation::Item> =
        names.iter().map(|n| rotation::Item { at: n.at, for_reason: n.reason != Reason::Daily }).collect();
    let keep = rotation::keep(&items, now, rotation::Policy::DEFAULT);
    for (name, keep) in names.iter().zip(keep) {
        if !keep && name.file_name() != protect {
            let path = folder.join(name.file_name());
            if let Err(e) = std::fs::remove_file(&path) {
                tracing::warn!(path = %path.display(), error = %e, "old backup not removed");
            }
        }
    }
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in entries.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().to_string();
        let stale = e.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < hour_ago);
        if name.starts_with(".werkbank-") && name.ends_with(".partial") && stale {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn names_round_trip_and_nothing_else_parses() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap().and_hms_opt(17, 30, 0).unwrap();
        let n = BackupName { at, reason: Reason::PayrollCommit, seq: 1 };
        assert_eq!(n.file_name(), "werkbank-2026-12-03T17-30-00-payroll-commit.sqlite");
        assert_eq!(BackupName::parse(&n.file_name()), Some(n));
        let second = BackupName { seq: 2, ..n };
        assert_eq!(second.file_name(), "werkbank-2026-12-03T17-30-00-payroll-commit-2.sqlite");
        assert_eq!(BackupName::parse(&second.file_name()), Some(second));
        for r in Reason::ALL {
            let n = BackupName { at, reason: r, seq: 1 };
            assert_eq!(BackupName::parse(&n.file_name()), Some(n));
        }
        for bad in [
            "werkbank.sqlite",
            "werkbank-2026-12-03T17-30-00-payroll-commit.sqlite-wal",
            "werkbank-2026-12-03T17-30-00-lunch.sqlite",
            "werkbank-2026-12-03T17-30-00-manual-1.sqlite",
            "werkbank-2026-12-03T17-30-00-manual-02.sqlite",
            "werkbank-2026-13-03T17-30-00-manual.sqlite",
            "../werkbank-2026-12-03T17-30-00-manual.sqlite",
            "werkbank-2026-12-03T17-30-00-manual/../x.sqlite",
            ".werkbank-2026-12-03T17-30-00-manual.sqlite.1.partial",
        ] {
            assert_eq!(BackupName::parse(bad), None, "{bad}");
        }
    }
}
