//! Small key/value settings (e.g. the work-care hours that make one FTE).

use crate::Result;
use sqlx::SqliteConnection;

pub async fn get(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar("SELECT value FROM setting WHERE key = ?").bind(key).fetch_optional(conn).await?)
}

pub async fn set(conn: &mut SqliteConnection, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete(conn: &mut SqliteConnection, key: &str) -> Result<()> {
    sqlx::query("DELETE FROM setting WHERE key = ?").bind(key).execute(conn).await?;
    Ok(())
}
