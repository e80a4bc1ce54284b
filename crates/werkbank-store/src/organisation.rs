//! The organisation (one row) and its work forms.

use crate::{codec, Result};
use sqlx::SqliteConnection;
use werkbank_domain::{EarlierKind, KboNumber, Organisation, OrganisationEdit, Stored, WorkForm, WorkFormKind};

pub async fn get(conn: &mut SqliteConnection) -> Result<Option<Organisation>> {
    type OrgRow = (String, Option<String>, String, String, String, String, String, String, String, String);
    let row: Option<OrgRow> = sqlx::query_as(
        "SELECT name, kbo, street, postal_code, city, legal_form, rsz_number, iban, bic, signing_place
         FROM organisation WHERE id = 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some((name, kbo, street, postal_code, city, legal_form, rsz_number, iban, bic, signing_place)) = row else {
        return Ok(None);
    };
    let kbo = kbo.map(|k| codec::parse("organisation", "kbo", k, |s| KboNumber::parse(s).ok())).transpose()?;
    let forms: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, kind, recognition_number FROM work_form ORDER BY id").fetch_all(&mut *conn).await?;
    let earlier: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT work_form_id, kind, until FROM work_form_earlier_kind ORDER BY work_form_id, until")
            .fetch_all(&mut *conn)
            .await?;
    let work_forms = forms
        .into_iter()
        .map(|(id, kind, recognition_number)| {
            let earlier_kinds = earlier
                .iter()
                .filter(|(form, _, _)| *form == id)
                .map(|(_, kind, until)| {
                    Ok(EarlierKind {
                        kind: codec::parse("work_form_earlier_kind", "kind", kind.clone(), WorkFormKind::from_id)?,
                        until: codec::required_date("work_form_earlier_kind", "until", until.clone())?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Stored::new(
                id,
                WorkForm {
                    kind: codec::parse("work_form", "kind", kind, WorkFormKind::from_id)?,
                    recognition_number,
                    earlier_kinds,
                },
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Some(Organisation {
        name,
        kbo,
        street,
        postal_code,
        city,
        work_forms,
        legal_form,
        rsz_number,
        iban,
        bic,
        signing_place,
    }))
}

/// Saves the organisation and replaces its work forms (forms with an id keep it).
pub async fn save(conn: &mut SqliteConnection, org: &OrganisationEdit) -> Result<()> {
    sqlx::query(
        "INSERT INTO organisation (id, name, kbo, street, postal_code, city, legal_form, rsz_number, iban, bic,
         signing_place) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kbo = excluded.kbo, street = excluded.street,
         postal_code = excluded.postal_code, city = excluded.city, legal_form = excluded.legal_form,
         rsz_number = excluded.rsz_number, iban = excluded.iban, bic = excluded.bic,
         signing_place = excluded.signing_place",
    )
    .bind(&org.name)
    .bind(org.kbo.as_ref().map(|k| k.digits().to_string()))
    .bind(&org.street)
    .bind(&org.postal_code)
    .bind(&org.city)
    .bind(&org.legal_form)
    .bind(&org.rsz_number)
    .bind(&org.iban)
    .bind(&org.bic)
    .bind(&org.signing_place)
    .execute(&mut *conn)
    .await?;
    let keep: Vec<i64> = org.work_forms.iter().filter_map(|w| w.id).collect();
    let existing: Vec<i64> = sqlx::query_scalar("SELECT id FROM work_form").fetch_all(&mut *conn).await?;
    for id in existing.into_iter().filter(|id| !keep.contains(id)) {
        sqlx::query("DELETE FROM work_form WHERE id = ?").bind(id).execute(&mut *conn).await?;
    }
    for edit in &org.work_forms {
        let form = &edit.form;
        let id = match edit.id {
            Some(id) => {
                sqlx::query("UPDATE work_form SET kind = ?, recognition_number = ? WHERE id = ?")
                    .bind(form.kind.id())
                    .bind(&form.recognition_number)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                id
            }
            None => sqlx::query("INSERT INTO work_form (kind, recognition_number) VALUES (?, ?)")
                .bind(form.kind.id())
                .bind(&form.recognition_number)
                .execute(&mut *conn)
                .await?
                .last_insert_rowid(),
        };
        sqlx::query("DELETE FROM work_form_earlier_kind WHERE work_form_id = ?").bind(id).execute(&mut *conn).await?;
        for e in &form.earlier_kinds {
            sqlx::query("INSERT INTO work_form_earlier_kind (work_form_id, kind, until) VALUES (?, ?, ?)")
                .bind(id)
                .bind(e.kind.id())
                .bind(codec::date_text(Some(e.until)))
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}
