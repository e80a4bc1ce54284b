//! Werkbank's use cases: the one API that the desktop shell (`src-tauri`) and the CLI
//! (`werkbank-cli`) call. Each public method of [`Api`] is one thing a director does.
//!
//! Architecture Invariant: no Tauri here, and no front-end logic in the adapters: a Tauri
//! command or a CLI subcommand takes its parameters, calls one method, returns the DTO.
//! Every write runs in one transaction together with its audit record.

mod app;
pub mod backup;
pub mod claims;
pub mod clock;
mod compliance;
mod convert;
pub mod demo;
pub mod dto;
pub mod error;
pub mod files;
mod input;
pub mod list_export;
pub mod messages;
mod organisation;
mod path;
pub mod paths;
mod payroll;
mod register;
mod staff_import;
mod waitlist;

use chrono::{DateTime, NaiveDate, Utc};
use clock::Clock;
use error::{AppError, Result};
use messages::Catalogue;
use std::path::Path;
use werkbank_store::{audit, SqliteConnection, Store, StoreError};

pub use convert::hours_text;
pub use error::ErrorDto;
pub use werkbank_domain::Category;
pub use werkbank_import::table::Progress;

/// Who hears how far a long import is: `()` for nobody, or any closure taking [`Progress`].
pub trait ProgressSink: Send {
    fn report(&mut self, progress: Progress);
}

impl ProgressSink for () {
    fn report(&mut self, _: Progress) {}
}

impl<F: FnMut(Progress) + Send> ProgressSink for F {
    fn report(&mut self, progress: Progress) {
        self(progress)
    }
}

/// Setting: the weekly hours of activity that make one FTE in work care (hundredths).
pub const WORK_CARE_FULL_TIME_KEY: &str = "work_care_full_time";
pub const WORK_CARE_FULL_TIME_DEFAULT: u32 = 3000;

pub struct Api {
    store: Store,
    actor: String,
    clock: Clock,
}

impl Api {
    /// Opens (creating and migrating if needed) the database at `path`: checks it
    /// (`quick_check`; a damaged file gives `storage.damaged`, see [`Api::open_damaged`]),
    /// backs it up before migrating it when it has pending migrations, and makes the day's
    /// first backup (see [`backup`]).
    pub async fn open(path: &Path) -> Result<Self> {
        let store = Store::connect(path).await?;
        let problems = match store.check(false).await {
            Ok(problems) => problems,
            Err(e) if e.is_damaged() => vec![e.to_string()],
            Err(e) => return Err(e.into()),
        };
        if !problems.is_empty() {
            store.close().await;
            return Err(StoreError::Damaged { path: path.to_path_buf(), problems }.into());
        }
        let api = Self::new(store);
        let applied = api.store.applied_migrations().await?;
        if !applied.is_empty() && !api.store.pending_migrations().await?.is_empty() {
            api.make_backup(backup::Reason::Migration, None).await?;
        }
        api.store.migrate().await?;
        api.daily_backup().await;
        Ok(api)
    }

    /// The API over a damaged database file, not opened: every use case answers
    /// `storage.damaged` except the backups' (list, verify, restore), so that the app can
    /// offer to restore the newest good backup.
    pub fn open_damaged(path: &Path, problems: Vec<String>) -> Self {
        Self::new(Store::damaged(path, problems))
    }

    /// A fresh in-memory register (tests).
    pub async fn open_in_memory() -> Result<Self> {
        Ok(Self::new(Store::open_in_memory().await?))
    }

    fn new(store: Store) -> Self {
        let actor = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "werkbank".into());
        Self { store, actor, clock: Clock::system() }
    }

    /// Pins "today" (tests, reproducible demos); timestamps keep the computer's clock.
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.clock = self.clock.with_today(today);
        self
    }

    /// Pins the moment every record is stamped with, and with it "today".
    pub fn with_now(mut self, now: DateTime<Utc>) -> Self {
        self.clock = self.clock.with_now(now);
        self
    }

    /// The day the use cases take as today.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The time written in records (audit, imports, claims), RFC 3339 in UTC.
    pub fn now(&self) -> String {
        self.clock.timestamp()
    }

    pub fn catalogue(&self) -> &'static Catalogue {
        Catalogue::nl_be()
    }

    /// The error as the UI and CLI show it, in the user's language.
    pub fn error_dto(&self, e: &AppError) -> ErrorDto {
        e.to_dto(self.catalogue())
    }

    pub async fn close(&self) {
        self.store.close().await;
    }

    async fn audit(
        &self,
        conn: &mut SqliteConnection,
        action: &str,
        entity: &str,
        id: Option<i64>,
        details: serde_json::Value,
    ) -> Result<()> {
        let at = self.now();
        audit::record(conn, &at, &self.actor, action, entity, id, &details).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{guarded, AppError};

    #[tokio::test]
    async fn a_panicking_use_case_is_a_typed_error_and_stores_nothing() {
        let api = Api::open_in_memory().await.unwrap();
        // Half way through a transaction (one person inserted and audited), the use case
        // panics: the caller gets `Crashed`, and the person is not in the register.
        let outcome: error::Result<()> = guarded(async {
            let mut tx = api.store.begin().await?;
            let id = werkbank_store::people::insert(&mut tx, &werkbank_domain::Person::new("Peeters", "An")).await?;
            api.audit(&mut tx, "create", "person", Some(id), serde_json::json!({})).await?;
            panic!("a bug half way through");
        })
        .await;
        assert!(matches!(outcome, Err(AppError::Crashed)));
        let dto = outcome.unwrap_err().to_dto(api.catalogue());
        assert_eq!((dto.kind, dto.code.as_str()), (error::ErrorKind::Internal, "internal.crashed"));
        assert!(dto.message.starts_with("Er liep iets mis in Werkbank zelf"), "{}", dto.message);
        let mut conn = api.store.conn().await.unwrap();
        assert!(werkbank_store::people::list(&mut conn).await.unwrap().is_empty());
        drop(conn);
        // The same store keeps working, and a use case that does not panic passes through.
        assert_eq!(guarded(async { Ok(7) }).await.unwrap(), 7);
        assert!(api.status().await.is_ok());
    }
}
