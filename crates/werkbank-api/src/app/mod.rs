//! The application's status (is there a register, an organisation, the demo?) and the
//! audit trail: who changed what, when, with the fields named and never their values.

pub mod dto;

use crate::convert::iso;
use crate::dto::*;
use crate::error::Result;
use crate::organisation::work_care_full_time;
use crate::Api;
use werkbank_domain::ReportingPeriod;
use werkbank_store::{audit, organisation, people};

impl Api {
    pub async fn status(&self) -> Result<AppStatusDto> {
        let mut conn = self.store.conn().await?;
        let today = self.today();
        Ok(AppStatusDto {
            database: self.store.path().map(|p| p.display().to_string()).unwrap_or_else(|| ":memory:".into()),
            people: people::count(&mut conn).await?,
            has_organisation: organisation::get(&mut conn).await?.is_some(),
            today: iso(today),
            current_quarter: ReportingPeriod::quarter_of(today).to_string(),
            work_care_full_time: work_care_full_time(&mut conn).await?,
        })
    }

    /// The audit trail, newest first: of one entity (`("person", 3)`) or of everything.
    pub async fn audit_trail(&self, entity: Option<(&str, i64)>) -> Result<Vec<AuditEntryDto>> {
        let mut conn = self.store.conn().await?;
        Ok(audit::list(&mut conn, entity)
            .await?
            .into_iter()
            .map(|e| AuditEntryDto {
                at: e.at,
                actor: e.actor,
                action: e.action,
                entity: e.entity,
                entity_id: e.entity_id,
                details: e.details,
            })
            .collect())
    }
}
