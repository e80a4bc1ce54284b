//! The organisation that runs the workplace, its work forms with their recognition numbers
//! and dated kinds (docs/domain/work-forms.md), and the work-care FTE setting.

pub mod dto;

use crate::compliance;
use crate::dto::*;
use crate::error::Result;
use crate::{input, Api};
use crate::{WORK_CARE_FULL_TIME_DEFAULT, WORK_CARE_FULL_TIME_KEY};
use werkbank_domain::{Organisation, OrganisationEdit, Violation, Violations, WorkForm, WorkFormEdit};
use werkbank_store::{organisation, settings, SqliteConnection};

impl Api {
    pub async fn work_care_full_time(&self) -> Result<u32> {
        let mut conn = self.store.conn().await?;
        work_care_full_time(&mut conn).await
    }

    pub async fn organisation(&self) -> Result<Option<OrganisationDto>> {
        let mut conn = self.store.conn().await?;
        let wc = work_care_full_time(&mut conn).await?;
        Ok(organisation::get(&mut conn).await?.map(|o| organisation_dto(o, wc)))
    }

    pub async fn save_organisation(&self, input: OrganisationDto) -> Result<OrganisationDto> {
        let mut out = Vec::new();
        if input.name.trim().is_empty() {
            out.push(Violation::new("name", "organisation.name_required"));
        }
        let kbo = if input.kbo.trim().is_empty() {
            None
        } else {
            werkbank_domain::KboNumber::parse(&input.kbo).map_err(|v| out.push(v)).ok()
        };
        let optional = |text: &str, parse: fn(&str) -> std::result::Result<String, Violation>, out: &mut Vec<_>| {
            if text.trim().is_empty() {
                String::new()
            } else {
                parse(text).map_err(|v| out.push(v)).unwrap_or_default()
            }
        };
        let rsz_number = optional(&input.rsz_number, werkbank_domain::organisation::parse_rsz_number, &mut out);
        let iban = optional(&input.iban, werkbank_domain::organisation::parse_iban, &mut out);
        let bic = optional(&input.bic, werkbank_domain::organisation::parse_bic, &mut out);
        let wc = input::hours("work_care_full_time", &input.work_care_full_time, &mut out);
        if let Some(h) = wc.filter(|h| *h == 0 || *h > werkbank_domain::Fraction::MAX_HUNDREDTHS) {
            out.push(
                Violation::new("work_care_full_time", "fraction.s_range")
                    .with("value", werkbank_domain::employment::hours(h)),
            );
        }
        let work_forms: Vec<WorkFormEdit> = input
            .work_forms
            .iter()
            .map(|w| {
                let earlier_kinds = w
                    .earlier_kinds
                    .iter()
                    .filter_map(|e| {
                        let last = input::required_date("work_form", &e.last_day, &mut out)?;
                        let until = last.succ_opt();
                        if until.is_none() {
                            out.push(Violation::new("work_form", "date.invalid").with("value", e.last_day.clone()));
                        }
                        Some(werkbank_domain::EarlierKind { kind: e.kind, until: until? })
                    })
                    .collect();
                WorkFormEdit {
                    id: w.id,
                    form: WorkForm {
                        kind: w.kind,
                        recognition_number: w.recognition_number.clone().filter(|r| !r.trim().is_empty()),
                        earlier_kinds,
                    },
                }
            })
            .collect();
        for WorkFormEdit { form, .. } in &work_forms {
            if let Err(v) = form.check_kinds() {
                out.push(v);
            }
        }
        let wc = Violations::checked(out, wc)?;
        let org = OrganisationEdit {
            name: input.name.trim().into(),
            kbo,
            street: input.street.trim().into(),
            postal_code: input.postal_code.trim().into(),
            city: input.city.trim().into(),
            work_forms,
            legal_form: input.legal_form.trim().into(),
            rsz_number,
            iban,
            bic,
            signing_place: input.signing_place.trim().into(),
        };
        let mut tx = self.store.begin().await?;
        organisation::save(&mut tx, &org).await?;
        compliance::seed_missing(&mut tx).await?;
        settings::set(&mut tx, WORK_CARE_FULL_TIME_KEY, &wc.to_string()).await?;
        self.audit(
            &mut tx,
            "save",
            "organisation",
            Some(1),
            serde_json::json!({ "name": org.name, "work_care_full_time": wc }),
        )
        .await?;
        let saved = organisation::get(&mut tx).await?.expect("just saved");
        tx.commit().await?;
        Ok(organisation_dto(saved, wc))
    }
}

pub(crate) async fn work_care_full_time(conn: &mut SqliteConnection) -> Result<u32> {
    Ok(settings::get(conn, WORK_CARE_FULL_TIME_KEY)
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(WORK_CARE_FULL_TIME_DEFAULT))
}

pub(crate) fn organisation_dto(o: Organisation, work_care_full_time: u32) -> OrganisationDto {
    OrganisationDto {
        name: o.name,
        kbo: o.kbo.map(|k| k.to_string()).unwrap_or_default(),
        street: o.street,
        postal_code: o.postal_code,
        city: o.city,
        work_forms: o.work_forms.iter().map(compliance::work_form_dto).collect(),
        work_care_full_time: werkbank_domain::employment::hours(work_care_full_time),
        legal_form: o.legal_form,
        rsz_number: werkbank_domain::organisation::format_rsz_number(&o.rsz_number),
        iban: werkbank_domain::organisation::format_iban(&o.iban),
        bic: o.bic,
        signing_place: o.signing_place,
    }
}
