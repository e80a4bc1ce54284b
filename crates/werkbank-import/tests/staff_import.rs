//! The staff-register import on real files.

mod common;

use common::*;
use werkbank_domain::employment::ContractType;
use werkbank_domain::{Category, Sex};
use werkbank_import::{
    preview_staff, preview_staff_table, read_table_bytes, Cell, ImportIssue, StaffImportOptions, StaffPreview, Table,
};

const DUTCH_HEADER: &[&str] = &[
    "INSZ",
    "Naam",
    "Voornaam",
    "Geboortedatum",
    "Geslacht",
    "Categorie",
    "Begin datum",
    "Einddatum",
    "Q",
    "S",
    "Contract",
    "Functie",
    "Werkvorm",
    "OCMW",
    "Datum plaatsingsovereenkomst",
];

fn preview_bytes(bytes: &[u8], name: &str) -> StaffPreview {
    let (_dir, path) = file(name, bytes);
    preview_staff(&path, &StaffImportOptions::default()).unwrap()
}

/// (row, column, code) of every issue, in order.
fn triples(preview: &StaffPreview) -> Vec<(u32, &str, &str)> {
    preview.issues.iter().map(|i| (i.row, i.column.as_str(), i.code.as_str())).collect()
}

fn find<'a>(preview: &'a StaffPreview, row: u32, column: &str, code: &str) -> &'a ImportIssue {
    preview
        .issues
        .iter()
        .find(|i| i.row == row && i.column == column && i.code == code)
        .unwrap_or_else(|| panic!("no {code} at {row}/{column} in {:#?}", preview.issues))
}

#[test]
fn dutch_xlsx_with_date_cells_numbers_and_text_dates() {
    use V::*;
    let rows = vec![
        texts(&["Personeelsregister 2026"]),
        vec![],
        texts(DUTCH_HEADER),
        vec![
            s("93.05.18-223.61"),
            s("Peeters"),
            s("An"),
            D(1993, 5, 18),
            s("V"),
            s("doelgroep erkend"),
            D(2024, 1, 1),
            Blank,
            N(38.0),
            N(38.0),
            Blank,
            s("Poetsen"),
            s("Maatwerkafdeling Gent"),
        ],
        // INSZ as a number cell (leading zeros lost), text dates, work care with S empty
        vec![
            N(12556777.0),
            s("Claes"),
            s("Chloë"),
            s("25/01/2000"),
            s("M"),
            s("Arbeidszorg"),
            s("03/04/2026"),
            Blank,
            N(12.0),
            Blank,
        ],
        vec![
            s(BART.0),
            s("Janssens"),
            s("Bart"),
            D(1985, 7, 30),
            s("man"),
            s("artikel 60"),
            D(2025, 1, 1),
            D(2025, 12, 31),
            s("22,8"),
            s("38"),
            s("artikel 60"),
            s("Schrijnwerker"),
            Blank,
            s("OCMW Gent"),
            D(2024, 12, 15),
        ],
        // an Excel serial in a number cell, Q typed as 7:36 in a time cell, ISO text date
        vec![
            s(DIRK.0),
            s("Maes"),
            s("Dirk"),
            s("1990-03-03"),
            Blank,
            s("begeleider erkend"),
            N(46023.0),
            Blank,
            Time(7, 36),
            N(38.0),
            s("bepaalde duur"),
        ],
        vec![],
        // yyyymmdd, dotted date, Q from a formula's cached value
        vec![
            N(78091212849.0),
            s("Wouters"),
            s("Els"),
            D(1978, 9, 12),
            s("X"),
            s("overig personeel"),
            s("20260101"),
            s("31.03.2026"),
            F("=38/2", "19"),
            N(38.0),
            s("Vervanging"),
        ],
    ];
    let preview = preview_bytes(&xlsx(&[("Personeel", rows)]), "register.xlsx");
    assert_eq!(preview.issues, []);
    assert_eq!(preview.file_name, "register.xlsx");
    assert_eq!(preview.sheet, "Personeel");
    assert_eq!(preview.header_row, 3);
    assert_eq!(preview.total_rows, 5);
    assert_eq!(preview.columns.len(), DUTCH_HEADER.len());
    assert_eq!(preview.columns[6], ("start".to_owned(), "Begin datum".to_owned()));

    let rows = &preview.rows;
    assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [4, 5, 6, 7, 9]);

    let an = &rows[0];
    assert_eq!((an.insz.digits(), an.last_name.as_str(), an.first_name.as_str()), (AN.0, "Peeters", "An"));
    assert_eq!(an.birth_date, Some(d(1993, 5, 18)));
    assert_eq!(an.sex, Some(Sex::Female));
    assert_eq!(an.period.category, Category::TargetGroupRecognised);
    assert_eq!((an.period.start, an.period.end), (d(2024, 1, 1), None));
    assert_eq!((an.period.fraction.q, an.period.fraction.s), (3800, 3800));
    assert_eq!(an.period.contract_type, ContractType::OpenEnded);
    assert_eq!(an.period.job.as_deref(), Some("Poetsen"));
    assert_eq!(an.work_form.as_deref(), Some("Maatwerkafdeling Gent"));

    let chloe = &rows[1];
    assert_eq!(chloe.insz.digits(), CHLOE.0);
    assert_eq!(chloe.first_name, "Chloë");
    assert_eq!(chloe.birth_date, Some(d(2000, 1, 25)));
    assert_eq!(chloe.period.start, d(2026, 4, 3)); // 3 April, never 4 March
    assert_eq!((chloe.period.fraction.q, chloe.period.fraction.s), (1200, 3000));
    assert_eq!(chloe.period.contract_type, ContractType::WorkCareAgreement);

    let bart = &rows[2];
    assert_eq!(bart.period.end, Some(d(2025, 12, 31)));
    assert_eq!(bart.period.fraction.q, 2280);
    assert_eq!(bart.period.contract_type, ContractType::Article60Placement);
    assert_eq!(bart.period.ocmw.as_deref(), Some("OCMW Gent"));
    assert_eq!(bart.period.placement_agreement_signed, Some(d(2024, 12, 15)));

    let dirk = &rows[3];
    assert_eq!(dirk.period.start, d(2026, 1, 1));
    assert_eq!(dirk.period.fraction.q, 760);
    assert_eq!(dirk.period.contract_type, ContractType::FixedTerm);
    assert_eq!(dirk.sex, None);

    let els = &rows[4];
    assert_eq!(els.insz.digits(), ELS.0);
    assert_eq!((els.period.start, els.period.end), (d(2026, 1, 1), Some(d(2026, 3, 31))));
    assert_eq!(els.period.fraction.q, 1900);
    assert_eq!(els.period.contract_type, ContractType::Replacement);
    assert_eq!(els.sex, Some(Sex::X));
}

#[test]
fn csv_utf8_bom_semicolons_decimal_commas() {
    let content = "\u{feff}INSZ;Familienaam;Voornaam;Geboortedatum;Statuut;Startdatum;Einddatum;Uren per week;Referentie-uren\r\n\
                   93051822361;Peeters;Ann-Sofie;18/05/1993;Doelgroep niet erkend;01/01/2026;30/06/2026;22,8;38\r\n\
                   85073003328;Van den Broeck;Jürgen;30-07-1985;begeleider niet erkend;1/2/2026;;7:36;38:00\r\n";
    let preview = preview_bytes(content.as_bytes(), "personeel.csv");
    assert_eq!(preview.issues, []);
    assert_eq!(preview.header_row, 1);
    assert_eq!(preview.rows.len(), 2);
    let (a, b) = (&preview.rows[0], &preview.rows[1]);
    assert_eq!(a.first_name, "Ann-Sofie");
    assert_eq!(a.period.category, Category::TargetGroupNonRecognised);
    assert_eq!((a.period.fraction.q, a.period.fraction.s), (2280, 3800));
    assert_eq!(a.period.end, Some(d(2026, 6, 30)));
    assert_eq!((b.last_name.as_str(), b.first_name.as_str()), ("Van den Broeck", "Jürgen"));
    assert_eq!(b.period.start, d(2026, 2, 1));
    assert_eq!((b.period.fraction.q, b.period.fraction.s), (760, 3800));
    assert_eq!(b.period.end, None);
}

/// Q and S follow their column's decimal separator, as payroll amounts do: `22.800` is 22,8
/// hours in a column of decimal points, and ambiguous in a column that does not tell.
#[test]
fn q_and_s_read_a_lone_dot_by_their_column() {
    let header = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Q;S\n";
    // Q shows a decimal point (19.5); S only whole numbers and 38.000.
    let points = format!(
        "{header}93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;19.5;38\n\
         85073003328;Claes;Els;30/07/1985;doelgroep erkend;01/01/2026;22.800;38.000\n"
    );
    let preview = preview_bytes(points.as_bytes(), "punten.csv");
    assert_eq!(triples(&preview), [(3, "s", "import.number_ambiguous")]);
    let issue = find(&preview, 3, "s", "import.number_ambiguous");
    assert_eq!(
        (issue.value.as_deref(), issue.params.get("value").map(String::as_str)),
        (Some("38.000"), Some("38.000"))
    );
    assert_eq!((preview.rows[0].period.fraction.q, preview.rows[0].period.fraction.s), (1950, 3800));
    assert_eq!(preview.rows.len(), 1, "the ambiguous row is not read");

    // Q shows a decimal comma (22,8): 1.900 groups thousands, 1900 hours, out of range.
    let commas = format!(
        "{header}93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;22,8;38\n\
         85073003328;Claes;Els;30/07/1985;doelgroep erkend;01/01/2026;1.900;38\n"
    );
    let preview = preview_bytes(commas.as_bytes(), "komma.csv");
    let issue = find(&preview, 3, "q", "fraction.q_range");
    assert_eq!(issue.params.get("value").map(String::as_str), Some("1900,00"));
    assert!(preview.issues.iter().all(|i| i.code != "import.number_ambiguous"), "{:?}", preview.issues);

    // The same S column with 38,000 written elsewhere as 38,0: 38.000 is 38 000 hours.
    let s_commas = format!(
        "{header}93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;19;38,0\n\
         85073003328;Claes;Els;30/07/1985;doelgroep erkend;01/01/2026;19;38.000\n"
    );
    let preview = preview_bytes(s_commas.as_bytes(), "s-komma.csv");
    assert!(preview.issues.iter().any(|i| i.row == 3 && i.column == "s" && i.code == "fraction.s_range"));
}

#[test]
fn csv_windows_1252_commas_english_headers() {
    let mut bytes =
        b"National number,Last name,First name,Date of birth,Sex,Category,Start date,End date,Q,S\r\n".to_vec();
    bytes.extend_from_slice(b"88.01.01-235.38,Vermeulen,D");
    bytes.push(0xE9);
    bytes.extend_from_slice(b"sir");
    bytes.push(0xE9);
    bytes.extend_from_slice(b"e,01/01/1988,F,target_group_recognised,2026-01-01,,\"19,5\",38\r\n");
    let preview = preview_bytes(&bytes, "staff.csv");
    assert_eq!(preview.issues, []);
    let row = &preview.rows[0];
    assert_eq!(row.insz.digits(), FIEN.0);
    assert_eq!((row.last_name.as_str(), row.first_name.as_str()), ("Vermeulen", "Désirée"));
    assert_eq!(row.sex, Some(Sex::Female));
    assert_eq!(row.period.fraction.q, 1950);
    assert_eq!(preview.columns[0], ("insz".to_owned(), "National number".to_owned()));
}

#[test]
fn tab_delimited_with_a_title_and_blank_rows() {
    let content = "Export personeel\t\t\n\
                   INSZ\tNaam\tVoornaam\tGeboortedatum\tDoelgroep\tVan\tTot\tWeekuren\tMaatpersoon\n\
                   95061531214\tDe Smet\tGert\t15.06.1995\ttarget_group_non_recognised\t20250101\t\t7:36\t38:00\n\
                   \t\t\t\t\t\t\t\t\n\
                   \n\
                   90030304530\tMaes\tDirk\t03/03/1990\tartikel 60\t01/01/2026\t\t38\t38\n";
    let preview = preview_bytes(content.as_bytes(), "export.txt");
    assert_eq!(preview.issues, []);
    assert_eq!(preview.header_row, 2);
    assert_eq!(preview.total_rows, 2);
    assert_eq!(preview.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [3, 6]);
    assert_eq!(preview.rows[0].period.fraction.q, 760);
    assert_eq!(preview.rows[1].period.category, Category::Article60);
}

#[test]
fn every_problem_has_its_row_and_column() {
    use V::*;
    let h = texts(&[
        "INSZ",
        "Naam",
        "Voornaam",
        "Geboortedatum",
        "Geslacht",
        "Categorie",
        "Begindatum",
        "Einddatum",
        "Q",
        "S",
        "Contract",
        "OCMW",
        "Datum plaatsingsovereenkomst",
    ]);
    let rows = vec![
        h,
        // 2: wrong check digits only
        vec![
            s("93051822362"),
            s("Peeters"),
            s("An"),
            D(1993, 5, 18),
            Blank,
            s("doelgroep erkend"),
            D(2026, 1, 1),
            Blank,
            N(38.0),
            N(38.0),
        ],
        // 3: bad INSZ shape, impossible date, unknown category, unreadable hours, S missing
        vec![
            s("9305182236"),
            s("Peeters"),
            s("An"),
            s("31/02/1990"),
            Blank,
            s("stagiair"),
            D(2026, 1, 1),
            Blank,
            s("veel"),
            Blank,
        ],
        // 4: name missing, birth date not the INSZ's, end before start, Q above S,
        //    OCMW on a period that is not article 60, unknown contract
        vec![
            s(DIRK.0),
            Blank,
            s("Dirk"),
            D(1990, 3, 4),
            Blank,
            s("begeleider erkend"),
            D(2026, 1, 1),
            D(2025, 12, 31),
            N(40.0),
            N(38.0),
            s("interim"),
            s("OCMW Gent"),
        ],
        // 5: unknown sex, negative hours, unreadable end date
        vec![
            s(ELS.0),
            s("Wouters"),
            s("Els"),
            D(1978, 9, 12),
            s("Q"),
            s("overig personeel"),
            D(2026, 1, 1),
            s("gisteren"),
            s("-5"),
            N(38.0),
        ],
        // 6: clean (work care, S empty takes the default)
        vec![
            s(FIEN.0),
            s("Goossens"),
            s("Fien"),
            D(1988, 1, 1),
            s("V"),
            s("arbeidszorg"),
            D(2026, 1, 1),
            Blank,
            N(12.0),
            Blank,
        ],
        // 7: born in the future, S missing outside work care
        vec![
            s(GERT.0),
            s("De Smet"),
            s("Gert"),
            s("01/01/2099"),
            Blank,
            s("doelgroep erkend"),
            D(2026, 1, 1),
            Blank,
            N(38.0),
            Blank,
        ],
        // 8: placement agreement date on a period that is not article 60 (no OCMW)
        vec![
            s(BART.0),
            s("Janssens"),
            s("Bart"),
            D(1985, 7, 30),
            Blank,
            s("doelgroep erkend"),
            D(2026, 1, 1),
            Blank,
            s("7:36"),
            s("38:00"),
            Blank,
            Blank,
            D(2025, 12, 1),
        ],
    ];
    let preview = preview_bytes(&xlsx(&[("Blad1", rows)]), "fouten.xlsx");
    let mut got = triples(&preview);
    got.sort();
    let mut expected = vec![
        (2, "insz", "insz.checksum"),
        (3, "insz", "insz.format"),
        (3, "birth_date", "import.date_unreadable"),
        (3, "category", "category.unknown"),
        (3, "q", "import.hours_unreadable"),
        (3, "s", "import.value_required"),
        (4, "last_name", "import.value_required"),
        (4, "birth_date", "person.birth_date_insz_mismatch"),
        (4, "contract_type", "import.contract_unknown"),
        (4, "q", "fraction.q_above_s"),
        (4, "end", "period.end_before_start"),
        (4, "ocmw", "period.article_60_fields_only"),
        (5, "sex", "import.sex_unknown"),
        (5, "end", "import.date_unreadable"),
        (5, "q", "import.hours_unreadable"),
        (7, "birth_date", "person.birth_date_future"),
        (7, "s", "import.value_required"),
        (8, "placement_agreement_signed", "period.article_60_fields_only"),
    ];
    expected.sort();
    assert_eq!(got, expected);
    // ordered by row
    assert!(preview.issues.windows(2).all(|w| w[0].row <= w[1].row));

    let checksum = find(&preview, 2, "insz", "insz.checksum");
    assert_eq!(checksum.header.as_deref(), Some("INSZ"));
    assert_eq!(checksum.value.as_deref(), Some("93051822362"));
    assert_eq!(checksum.params["value"], "93051822362");

    let missing = find(&preview, 4, "last_name", "import.value_required");
    assert_eq!((missing.header.as_deref(), missing.value.as_deref()), (Some("Naam"), None));

    let unknown = find(&preview, 3, "category", "category.unknown");
    assert_eq!((unknown.value.as_deref(), unknown.params["value"].as_str()), (Some("stagiair"), "stagiair"));

    let mismatch = find(&preview, 4, "birth_date", "person.birth_date_insz_mismatch");
    assert_eq!((mismatch.params["date"].as_str(), mismatch.params["insz_date"].as_str()), ("1990-03-04", "1990-03-03"));

    let above = find(&preview, 4, "q", "fraction.q_above_s");
    assert_eq!((above.params["q"].as_str(), above.params["s"].as_str()), ("40,00", "38,00"));

    let end = find(&preview, 4, "end", "period.end_before_start");
    assert_eq!((end.params["start"].as_str(), end.params["end"].as_str()), ("2026-01-01", "2025-12-31"));

    assert_eq!(find(&preview, 5, "q", "import.hours_unreadable").value.as_deref(), Some("-5"));
    assert_eq!(find(&preview, 5, "sex", "import.sex_unknown").params["value"], "Q");

    // rows 6 and 8 were read completely (8 still breaks a rule); only 6 is valid
    assert_eq!(preview.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [6, 8]);
    assert_eq!(preview.valid_rows().map(|r| r.row).collect::<Vec<_>>(), [6]);
    assert_eq!(preview.total_rows, 7);
}

#[test]
fn overlaps_and_inconsistent_people_across_rows() {
    let content = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n\
                   93051822361;Peeters;An;18/05/1993;doelgroep niet erkend;01/01/2024;31/12/2024;38;38\n\
                   93051822361;PEETERS;An;18/05/1993;doelgroep erkend;01/01/2025;;38;38\n\
                   85073003328;Janssens;Bart;30/07/1985;overig personeel;01/01/2025;30/06/2025;19;38\n\
                   93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/06/2025;31/08/2025;38;38\n\
                   93.05.18-223.61;Peeters;Anne;18/05/1993;doelgroep erkend;01/06/2024;30/06/2024;38;38\n\
                   85073003328;Janssens;Bart;30/07/1985;overig personeel;01/01/2025;30/06/2025;19;38\n";
    let preview = preview_bytes(content.as_bytes(), "overlap.csv");
    assert_eq!(
        triples(&preview),
        [
            (5, "start", "period.overlap"),
            (6, "first_name", "import.person_inconsistent"),
            (6, "start", "period.overlap"),
            (7, "start", "period.overlap"),
        ]
    );
    let open_ended = find(&preview, 5, "start", "period.overlap");
    assert_eq!(open_ended.params["other_row"], "3");
    assert_eq!(open_ended.params["category"], "target_group_recognised");
    assert_eq!(open_ended.params["start"], "2025-01-01");
    assert_eq!(open_ended.params["end"], "");
    assert_eq!(open_ended.value.as_deref(), Some("01/06/2025"));

    let name = find(&preview, 6, "first_name", "import.person_inconsistent");
    assert_eq!((name.params["other_row"].as_str(), name.params["other_value"].as_str()), ("2", "An"));
    assert_eq!(name.value.as_deref(), Some("Anne"));
    assert_eq!(find(&preview, 6, "start", "period.overlap").params["other_row"], "2");
    assert_eq!(find(&preview, 7, "start", "period.overlap").params["other_row"], "4");

    // every row was read; the touching periods on rows 2 and 3 are fine
    assert_eq!(preview.rows.len(), 6);
    assert_eq!(preview.valid_rows().map(|r| r.row).collect::<Vec<_>>(), [2, 3, 4]);
}

#[test]
fn different_birth_date_for_the_same_insz() {
    let content = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Q;S\n\
                   90030304530;Maes;Dirk;03/03/1990;overig personeel;01/01/2025;38;38\n\
                   90030304530;Maes;Dirk;04/03/1990;overig personeel;01/01/2020;38;38\n";
    let preview = preview_bytes(content.as_bytes(), "x.csv");
    let codes = triples(&preview);
    // the second row's date is not the INSZ's either, and its period overlaps the first's
    assert!(codes.contains(&(3, "birth_date", "person.birth_date_insz_mismatch")), "{codes:?}");
    assert!(codes.contains(&(3, "birth_date", "import.person_inconsistent")), "{codes:?}");
    assert!(codes.contains(&(3, "start", "period.overlap")), "{codes:?}");
}

#[test]
fn missing_required_columns_are_reported_once_at_the_header() {
    let content = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum\n\
                   93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026\n\
                   85073003328;Janssens;Bart;30/07/1985;doelgroep erkend;01/01/2026\n";
    let preview = preview_bytes(content.as_bytes(), "x.csv");
    assert_eq!(triples(&preview), [(1, "q", "import.column_missing"), (1, "s", "import.column_missing")]);
    assert_eq!(preview.issues[0].header, None);
    assert_eq!(preview.issues[0].params["column"], "q");
    assert_eq!(preview.rows, []);
    assert_eq!(preview.total_rows, 2);
}

#[test]
fn no_recognisable_header() {
    // "Naam" alone is one known field: not enough for a header row
    let preview = preview_bytes(b"foo;Naam\n1;2\n", "x.csv");
    assert_eq!(triples(&preview), [(1, "", "import.header_not_found")]);
    assert_eq!(preview.header_row, 1);
    assert_eq!(preview.columns, []);
    assert_eq!(preview.rows, []);
}

#[test]
fn duplicate_columns_are_reported_and_the_first_is_used() {
    let content = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Q;S;Achternaam\n\
                   93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;38;38;Anders\n";
    let preview = preview_bytes(content.as_bytes(), "x.csv");
    assert_eq!(triples(&preview), [(1, "last_name", "import.column_duplicate")]);
    assert_eq!(preview.issues[0].header.as_deref(), Some("Achternaam"));
    assert_eq!(preview.issues[0].params["first_header"], "Naam");
    assert_eq!(preview.rows[0].last_name, "Peeters");
}

#[test]
fn work_care_full_time_comes_from_the_options() {
    let content = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Q;S\n\
                   88010123538;Goossens;Fien;01/01/1988;arbeidszorg;01/01/2026;16;\n\
                   88010123538;Goossens;Fien;01/01/1988;arbeidszorg;01/01/2025;16;20\n";
    let table = read_table_bytes(content.as_bytes(), "x.csv", None).unwrap();
    let opts = StaffImportOptions { work_care_full_time: 3200, ..StaffImportOptions::default() };
    let preview = preview_staff_table(table, "x.csv", &opts);
    assert_eq!(preview.rows[0].period.fraction.s, 3200);
    assert_eq!(preview.rows[1].period.fraction.s, 2000); // a filled S is used as is
    assert_eq!(StaffImportOptions::default().work_care_full_time, 3000);
    // both periods are open-ended, so they overlap
    assert_eq!(triples(&preview), [(3, "start", "period.overlap")]);
}

#[test]
fn formula_errors_are_reported_once() {
    let cells = |v: &[&str]| v.iter().map(|t| Cell::Text((*t).to_owned())).collect::<Vec<_>>();
    let mut row = cells(&["93051822361", "Peeters", "An", "", "doelgroep erkend", "01/01/2026", "38", "38"]);
    row[3] = Cell::Error("#N/A".into());
    let table = Table {
        sheet_names: vec!["Blad1".into()],
        sheet: "Blad1".into(),
        rows: vec![cells(&["INSZ", "Naam", "Voornaam", "Geboortedatum", "Categorie", "Begindatum", "Q", "S"]), row],
    };
    let preview = preview_staff_table(table, "x.xlsx", &StaffImportOptions::default());
    assert_eq!(triples(&preview), [(2, "birth_date", "import.cell_error")]);
    assert_eq!(preview.issues[0].params["error"], "#N/A");
    assert_eq!(preview.issues[0].value.as_deref(), Some("#N/A"));
}

#[test]
fn header_only_file() {
    let content = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Q;S\n;;;;;;;\n";
    let (_dir, path) = file("leeg.csv", content.as_bytes());
    let err = preview_staff(&path, &StaffImportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "import.header_only");

    let table = read_table_bytes(content.as_bytes(), "leeg.csv", None).unwrap();
    let preview = preview_staff_table(table, "leeg.csv", &StaffImportOptions::default());
    assert_eq!(triples(&preview), [(1, "", "import.header_only")]);
    assert_eq!(preview.total_rows, 0);
}

#[test]
fn file_errors_come_through_preview_staff() {
    let opts = StaffImportOptions::default();
    let (_dir, path) = file("kapot.xlsx", b"PK\x03\x04 not really a zip");
    assert_eq!(preview_staff(&path, &opts).unwrap_err().code(), "import.package_invalid");
    let (_dir, path) = file("leeg.xlsx", b"");
    assert_eq!(preview_staff(&path, &opts).unwrap_err().code(), "import.empty");
    let (_dir, path) = file("leeg.csv", b"");
    assert_eq!(preview_staff(&path, &opts).unwrap_err().code(), "import.empty");
    let (dir, _) = file("x.csv", b"x");
    assert_eq!(preview_staff(&path_in(&dir, "weg.csv"), &opts).unwrap_err().code(), "import.file_not_found");
}

#[test]
fn sheet_is_chosen_by_name() {
    let staff = vec![
        texts(&["INSZ", "Naam", "Voornaam", "Geboortedatum", "Categorie", "Begindatum", "Q", "S"]),
        texts(&[AN.0, "Peeters", "An", "18/05/1993", "doelgroep erkend", "01/01/2026", "38", "38"]),
    ];
    let bytes = xlsx(&[("Info", vec![texts(&["Gemaakt door het sociaal secretariaat"])]), ("Personeel", staff)]);
    let (_dir, path) = file("register.xlsx", &bytes);

    let opts = StaffImportOptions { sheet: Some("Personeel".into()), ..StaffImportOptions::default() };
    let preview = preview_staff(&path, &opts).unwrap();
    assert_eq!(preview.sheet, "Personeel");
    assert_eq!(preview.sheet_names, ["Info", "Personeel"]);
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.issues, []);

    let opts = StaffImportOptions { sheet: Some("Blad9".into()), ..StaffImportOptions::default() };
    let err = preview_staff(&path, &opts).unwrap_err();
    assert_eq!(err.code(), "import.sheet_not_found");
    assert_eq!(err.params()["sheet"], "Blad9");

    // the first sheet, read by default, has no header row
    let first = preview_staff(&path, &StaffImportOptions::default()).unwrap();
    assert_eq!(first.sheet, "Info");
    assert_eq!(triples(&first), [(1, "", "import.header_not_found")]);
}

#[test]
fn preview_serialises_for_the_ui() {
    let content = "INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Q;S\n\
                   93051822361;Peeters;An;18/05/1993;doelgroep erkend;01/01/2026;38;38\n";
    let preview = preview_bytes(content.as_bytes(), "x.csv");
    let json = serde_json::to_value(&preview).unwrap();
    let row = &json["rows"][0];
    assert_eq!(row["insz"], "93051822361");
    assert_eq!(row["birth_date"], "1993-05-18");
    assert_eq!(row["period"]["category"], "target_group_recognised");
    assert_eq!(row["period"]["fraction"]["q"], 3800);
    assert_eq!(json["columns"][0], serde_json::json!(["insz", "INSZ"]));
}
