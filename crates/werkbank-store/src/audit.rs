//! The audit trail: every write records who did what, in the same transaction.

use crate::Result;
use sqlx::SqliteConnection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub details: serde_json::Value,
}

/// Records one write. `at` is an RFC 3339 timestamp supplied by the caller.
pub async fn record(
    conn: &mut SqliteConnection,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    details: &serde_json::Value,
) -> Result<()> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(at)
        .bind(actor)
        .bind(action)
        .bind(entity)
        .bind(entity_id)
        .bind(details.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

type Row = (i64, String, String, String, String, Option<i64>, String);

/// The entries about one entity (or all when `entity` is `None`), newest first.
pub async fn list(conn: &mut SqliteConnection, entity: Option<(&str, i64)>) -> Result<Vec<AuditEntry>> {
    let rows: Vec<Row> = match entity {
        Some((e, id)) => {
            sqlx::query_as(
                "SELECT id, at, actor, action, entity, entity_id, details FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC",
            )
            .bind(e)
            .bind(id)
            .fetch_all(conn)
            .await?
        }
        None => {
            sqlx::query_as("SELECT id, at, actor, action, entity, entity_id, details FROM audit_log ORDER BY id DESC")
                .fetch_all(conn)
                .await?
        }
    };
    Ok(rows
        .into_iter()
        .map(|(id, at, actor, action, entity, entity_id, details)| AuditEntry {
            id,
            at,
            actor,
            action,
            entity,
            entity_id,
            details: serde_json::from_str(&details).unwrap_or(serde_json::Value::Null),
        })
        .collect())
}
