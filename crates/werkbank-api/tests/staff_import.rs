//! The staff-register import and the person form with an empty birth date: the date is the
//! one the INSZ encodes (issue 11). Each INSZ below is worked out by hand:
//!
//! - `93051822361`: 930518223 mod 97 = 36, 97 − 36 = 61 → born before 2000: 18/05/1993.
//! - `03071412383`: 030714123 mod 97 = 43, 97 − 43 = 54 ≠ 83, so no 1900 number;
//!   2030714123 = 97 × 20935197 + 14, 97 − 14 = 83 → born 2000 or later: 14/07/2003.
//! - `93451822350`: BIS, sex known (month + 40); 934518223 = 97 × 9634208 + 47,
//!   97 − 47 = 50 → month 45 − 40 = 05: 18/05/1993.
//! - `93251822406`: BIS, sex unknown (month + 20); 932518224 = 97 × 9613589 + 91,
//!   97 − 91 = 6 → month 25 − 20 = 05: 18/05/1993.
//! - `00000100166`: 000001001 = 1001 = 97 × 10 + 31, 97 − 31 = 66: valid, but month 00
//!   (date not known, as for refugees): no birth date.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use werkbank_api::dto::{PersonInput, StaffFileOptions, StaffFilter};
use werkbank_api::Api;

const HEADER: &str = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n";

async fn api() -> Api {
    Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 11, 29).unwrap())
}

fn csv(dir: &Path, rows: &str) -> PathBuf {
    let file = dir.join("personeel.csv");
    std::fs::write(&file, format!("{HEADER}{rows}")).unwrap();
    file
}

/// (last name, birth date) of everyone in the register, by name.
async fn register(api: &Api) -> Vec<(String, Option<String>)> {
    let mut out: Vec<_> = api
        .list_staff(StaffFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|p| (p.last_name, p.birth_date))
        .collect();
    out.sort();
    out
}

fn born(iso: &str) -> Option<String> {
    Some(iso.to_owned())
}

#[tokio::test]
async fn an_empty_birth_date_is_the_one_the_insz_encodes() {
    let api = api().await;
    let dir = tempfile::tempdir().unwrap();
    let file = csv(
        dir.path(),
        "93051822361;Peeters;An;;doelgroep erkend;01/01/2026;;38;38\n\
         03071412383;Claes;Lotte;;doelgroep erkend;01/01/2026;;38;38\n\
         93451822350;Diallo;Moussa;;doelgroep erkend;01/01/2026;;38;38\n\
         93251822406;Haddad;Sami;;overig personeel;01/01/2026;;38;38\n",
    );
    let preview = api.preview_staff_import(&file, StaffFileOptions::default()).await.unwrap();
    assert!(preview.issues.is_empty(), "{:?}", preview.issues);
    assert!(preview.can_commit);
    let dates: Vec<_> = preview.rows.iter().map(|r| (r.row, r.birth_date.clone())).collect();
    assert_eq!(
        dates,
        [(2, born("1993-05-18")), (3, born("2003-07-14")), (4, born("1993-05-18")), (5, born("1993-05-18"))]
    );

    let result = api.import_staff(&file, StaffFileOptions::default()).await.unwrap();
    assert_eq!((result.people_created, result.periods_created), (4, 4));
    assert_eq!(
        register(&api).await,
        [
            ("Claes".into(), born("2003-07-14")),
            ("Diallo".into(), born("1993-05-18")),
            ("Haddad".into(), born("1993-05-18")),
            ("Peeters".into(), born("1993-05-18")),
        ]
    );

    // A later register that leaves the cell empty matches the stored person (no mismatch).
    let file = csv(dir.path(), "93051822361;Peeters;An;;doelgroep erkend;01/01/2025;31/12/2025;38;38\n");
    let preview = api.preview_staff_import(&file, StaffFileOptions::default()).await.unwrap();
    assert!(preview.issues.is_empty(), "{:?}", preview.issues);
    assert!(preview.rows[0].existing_person);
    let result = api.import_staff(&file, StaffFileOptions::default()).await.unwrap();
    assert_eq!((result.people_matched, result.periods_created), (1, 1));
}

#[tokio::test]
async fn an_insz_without_a_date_imports_with_the_birth_date_unknown() {
    let api = api().await;
    let dir = tempfile::tempdir().unwrap();
    let file = csv(dir.path(), "00000100166;Haile;Selam;;doelgroep erkend;01/01/2026;;38;38\n");
    let preview = api.preview_staff_import(&file, StaffFileOptions::default()).await.unwrap();
    assert!(preview.issues.is_empty(), "{:?}", preview.issues);
    assert!(preview.can_commit);
    assert_eq!(preview.rows[0].birth_date, None);
    let result = api.import_staff(&file, StaffFileOptions::default()).await.unwrap();
    assert_eq!(result.people_created, 1);
    assert_eq!(register(&api).await, [("Haile".into(), None)]);
}

#[tokio::test]
async fn a_birth_date_on_one_row_of_a_number_without_a_date_is_the_persons() {
    let api = api().await;
    let dir = tempfile::tempdir().unwrap();
    // The number gives no date: an empty cell on row 2 contradicts nothing, row 3's date is used.
    let file = csv(
        dir.path(),
        "00000100166;Haile;Selam;;doelgroep niet erkend;01/01/2025;31/12/2025;38;38\n\
         00000100166;Haile;Selam;12/03/1990;doelgroep erkend;01/01/2026;;38;38\n",
    );
    let preview = api.preview_staff_import(&file, StaffFileOptions::default()).await.unwrap();
    assert!(preview.issues.is_empty(), "{:?}", preview.issues);
    let result = api.import_staff(&file, StaffFileOptions::default()).await.unwrap();
    assert_eq!((result.people_created, result.periods_created), (1, 2));
    assert_eq!(register(&api).await, [("Haile".into(), born("1990-03-12"))]);
}

#[tokio::test]
async fn a_birth_date_that_contradicts_the_insz_is_refused_on_its_row_and_column() {
    let api = api().await;
    let dir = tempfile::tempdir().unwrap();
    let file = csv(
        dir.path(),
        "03071412383;Claes;Lotte;;doelgroep erkend;01/01/2026;;38;38\n\
         93051822361;Peeters;An;19/05/1993;doelgroep erkend;01/01/2026;;38;38\n",
    );
    let preview = api.preview_staff_import(&file, StaffFileOptions::default()).await.unwrap();
    // Only the contradiction: the empty cell on row 2 is no problem.
    let issues: Vec<_> = preview.issues.iter().map(|i| (i.row, i.column.as_str(), i.code.as_str())).collect();
    assert_eq!(issues, [(3, "birth_date", "person.birth_date_insz_mismatch")]);
    let issue = &preview.issues[0];
    assert_eq!((issue.header.as_deref(), issue.value.as_deref()), (Some("Geboortedatum"), Some("19/05/1993")));
    assert_eq!(issue.message, "De geboortedatum 19/05/1993 past niet bij het INSZ-nummer (dat geeft 18/05/1993).");
    assert!(!preview.can_commit);

    let err = api.import_staff(&file, StaffFileOptions::default()).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "import.has_issues");
    let refused: Vec<_> = dto.details.issues.iter().map(|i| (i.row, i.column.as_str())).collect();
    assert_eq!(refused, [(3, "birth_date")]);
    assert!(register(&api).await.is_empty(), "nothing stored");
}

#[tokio::test]
async fn the_person_form_fills_an_empty_birth_date_from_the_insz() {
    let api = api().await;
    let input = |insz: &str, last: &str, birth: &str| PersonInput {
        insz: insz.into(),
        last_name: last.into(),
        first_name: "X".into(),
        birth_date: birth.into(),
        ..Default::default()
    };
    let claes = api.create_person(input("03.07.14-123.83", "Claes", "")).await.unwrap();
    assert_eq!(claes.person.birth_date, born("2003-07-14"));
    let haile = api.create_person(input("00000100166", "Haile", "")).await.unwrap();
    assert_eq!(haile.person.birth_date, None);
    let err = api.create_person(input("93051822361", "Peeters", "19/05/1993")).await.unwrap_err();
    let dto = api.error_dto(&err);
    assert_eq!(dto.code, "person.birth_date_insz_mismatch");
    assert_eq!(dto.details.violations[0].field, "birth_date");
    // Editing: a birth date emptied is the INSZ's again.
    let id = claes.person.id;
    let updated = api.update_person(id, input("03071412383", "Claes", "")).await.unwrap();
    assert_eq!(updated.person.birth_date, born("2003-07-14"));
}
