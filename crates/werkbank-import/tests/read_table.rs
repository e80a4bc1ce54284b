//! The generic reading layer on real files: xlsx, ods, csv in several encodings and
//! delimiters, and the file-level errors.

mod common;

use chrono::TimeDelta;
use common::*;
use werkbank_import::values::{parse_date, parse_decimal, parse_hours};
use werkbank_import::{read_table, read_table_bytes, Cell, ReadError};

fn text(t: &str) -> Cell {
    Cell::Text(t.to_owned())
}

#[test]
fn xlsx_cells_have_their_types_and_cached_values() {
    let bytes = xlsx(&[
        (
            "Personeel",
            vec![
                texts(&["Naam", "Datum", "Tekstdatum", "Uren", "Tijd", "Formule"]),
                vec![s("Peeters"), V::D(2026, 1, 1), s("03/04/2026"), V::N(22.8), V::Time(7, 36), V::F("=19*2", "38")],
            ],
        ),
        ("Tweede", vec![texts(&["x"])]),
    ]);
    let (_dir, path) = file("register.xlsx", &bytes);
    let table = read_table(&path, None).unwrap();
    assert_eq!(table.sheet_names, ["Personeel", "Tweede"]);
    assert_eq!(table.sheet, "Personeel");
    assert_eq!(table.rows.len(), 2);
    let row = &table.rows[1];
    assert_eq!(row[0], text("Peeters"));
    assert_eq!(row[1], Cell::Date(d(2026, 1, 1)));
    assert_eq!(row[2], text("03/04/2026"));
    assert_eq!(parse_date(&row[2]), Ok(d(2026, 4, 3)));
    assert_eq!(row[3], Cell::Number(22.8));
    assert_eq!(parse_decimal(&row[3]).unwrap().to_string(), "22.8");
    assert_eq!(row[4], Cell::Duration(TimeDelta::minutes(7 * 60 + 36)));
    assert_eq!(parse_hours(&row[4]), Ok(760));
    // the cached result, never the formula text
    assert_eq!(parse_hours(&row[5]), Ok(3800));

    // the same through bytes, and another sheet by name (case and spaces ignored)
    assert_eq!(read_table_bytes(&bytes, "register.xlsx", None).unwrap(), table);
    let second = read_table(&path, Some(" tweede ")).unwrap();
    assert_eq!(second.sheet, "Tweede");
    assert_eq!(second.rows, [vec![text("x")]]);
}

#[test]
fn row_numbers_are_spreadsheet_rows_when_data_starts_below_a1() {
    // Nothing in rows 1-2 and columns A-B: the used range starts at C3.
    let bytes = xlsx(&[(
        "Blad1",
        vec![
            vec![],
            vec![],
            vec![V::Blank, V::Blank, s("Naam"), s("Voornaam")],
            vec![],
            vec![V::Blank, V::Blank, s("Peeters"), s("An")],
        ],
    )]);
    let table = read_table_bytes(&bytes, "x.xlsx", None).unwrap();
    assert_eq!(table.rows.len(), 5);
    assert_eq!(table.cell(2, 2), &text("Naam"));
    assert_eq!(table.cell(4, 3), &text("An"));
    assert_eq!(table.cell(0, 0), &Cell::Empty);
    assert_eq!(table.cell(99, 99), &Cell::Empty);
}

#[test]
fn missing_sheet_is_reported_with_its_name() {
    let bytes = xlsx(&[("Blad1", vec![texts(&["a"])]), ("Blad2", vec![texts(&["b"])])]);
    let err = read_table_bytes(&bytes, "x.xlsx", Some("Personeel")).unwrap_err();
    assert_eq!(err.code(), "import.sheet_not_found");
    assert_eq!(err.params()["sheet"], "Personeel");
    assert_eq!(err.params()["available"], "Blad1, Blad2");
}

#[test]
fn csv_utf8_with_bom_semicolons_and_decimal_commas() {
    let content =
        "\u{feff}Naam;Voornaam;Q;Bedrag\r\nPeeters;Ann-Sofie;22,8;\"1.234,56\"\r\nJanssens;Zoë;7:36;-2,40\r\n";
    let (_dir, path) = file("export.csv", content.as_bytes());
    let table = read_table(&path, None).unwrap();
    assert_eq!(table.sheet, "export");
    assert_eq!(table.sheet_names, ["export"]);
    // the BOM is not part of the first header
    assert_eq!(table.rows[0], [text("Naam"), text("Voornaam"), text("Q"), text("Bedrag")]);
    assert_eq!(table.rows[1][1], text("Ann-Sofie"));
    assert_eq!(parse_hours(&table.rows[1][2]), Ok(2280));
    assert_eq!(parse_decimal(&table.rows[1][3]).unwrap().to_string(), "1234.56");
    assert_eq!(table.rows[2][1], text("Zoë"));
    assert_eq!(parse_hours(&table.rows[2][2]), Ok(760));
    assert_eq!(parse_decimal(&table.rows[2][3]).unwrap().to_string(), "-2.40");
}

#[test]
fn csv_windows_1252_with_commas() {
    // "Désirée" with é as the single byte 0xE9; a quoted field holds a comma.
    let mut bytes = b"Last name,First name,Job\r\nVermeulen,D".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"sir");
    bytes.push(0xE9);
    bytes.extend_from_slice(b"e,\"Poetsen, strijken\"\r\n");
    assert!(std::str::from_utf8(&bytes).is_err());
    let table = read_table_bytes(&bytes, "STAFF.CSV", None).unwrap();
    assert_eq!(table.rows[1], [text("Vermeulen"), text("Désirée"), text("Poetsen, strijken")]);
}

#[test]
fn tab_delimited_text_and_utf16() {
    let content = "Naam\tQ\tDatum\nPeeters\t7,6\t20260403\n";
    let table = read_table_bytes(content.as_bytes(), "export.txt", None).unwrap();
    assert_eq!(table.rows[1], [text("Peeters"), text("7,6"), text("20260403")]);
    assert_eq!(parse_date(&table.rows[1][2]), Ok(d(2026, 4, 3)));

    // Excel's "Unicode text": UTF-16 LE with BOM, tab-delimited
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(content.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read_table_bytes(&utf16, "unicode.txt", None).unwrap(), table_named(table, "unicode"));
}

fn table_named(mut table: werkbank_import::Table, name: &str) -> werkbank_import::Table {
    table.sheet = name.to_owned();
    table.sheet_names = vec![name.to_owned()];
    table
}

#[test]
fn csv_blank_lines_keep_spreadsheet_row_numbers() {
    let content = "Naam;Q\n\nPeeters;\"38\nuur\"\nJanssens;19\n";
    let table = read_table_bytes(content.as_bytes(), "x.csv", None).unwrap();
    // row 2 is blank; row 3 holds a quoted line break; Janssens is row 4 as in a spreadsheet
    assert_eq!(table.rows.len(), 4);
    assert!(table.rows[1].is_empty());
    assert_eq!(table.rows[2][1], text("38\nuur"));
    assert_eq!(table.rows[3][0], text("Janssens"));

    let crlf = "\r\n\r\nNaam;Q\r\n\r\n\r\nPeeters;38\r\n";
    let table = read_table_bytes(crlf.as_bytes(), "x.csv", None).unwrap();
    assert_eq!(table.rows.len(), 6);
    assert_eq!(table.rows[2][0], text("Naam"));
    assert_eq!(table.rows[5][0], text("Peeters"));
}

#[test]
fn ods_dates_and_durations() {
    let bytes = ods(
        "Personeel",
        &[
            &[&ods_text("Naam"), &ods_text("Geboortedatum"), &ods_text("Q")],
            &[
                &ods_text("Peeters"),
                r#"<table:table-cell office:value-type="date" office:date-value="1993-05-18"><text:p>18/05/1993</text:p></table:table-cell>"#,
                r#"<table:table-cell office:value-type="time" office:time-value="PT07H36M00S"><text:p>07:36</text:p></table:table-cell>"#,
            ],
            &[
                &ods_text("Janssens"),
                r#"<table:table-cell office:value-type="date" office:date-value="1985-07-30T00:00:00"><text:p>30/07/1985</text:p></table:table-cell>"#,
                r#"<table:table-cell office:value-type="float" office:value="38"><text:p>38</text:p></table:table-cell>"#,
            ],
        ],
    );
    let (_dir, path) = file("register.ods", &bytes);
    let table = read_table(&path, None).unwrap();
    assert_eq!(table.sheet, "Personeel");
    assert_eq!(table.rows[1], [text("Peeters"), Cell::Date(d(1993, 5, 18)), Cell::Duration(TimeDelta::minutes(456))]);
    assert_eq!(table.rows[2], [text("Janssens"), Cell::Date(d(1985, 7, 30)), Cell::Number(38.0)]);
}

#[test]
fn file_level_errors() {
    let dir = tempfile::tempdir().unwrap();

    let missing = read_table(&path_in(&dir, "nergens.xlsx"), None).unwrap_err();
    assert_eq!(missing.code(), "import.file_not_found");
    assert!(missing.params()["path"].ends_with("nergens.xlsx"));

    let pdf = read_table_bytes(b"%PDF-1.4", "loonstaat.pdf", None).unwrap_err();
    assert_eq!(pdf, ReadError::UnsupportedFormat { ext: "pdf".into() });
    assert_eq!(pdf.params()["ext"], "pdf");
    assert_eq!(read_table_bytes(b"x", "zonder_extensie", None).unwrap_err().code(), "import.unsupported_format");

    // Text saved as .xlsx is read as the CSV it is; binary bytes that are no zip are not.
    let text = read_table_bytes(b"this is not a zip archive at all", "kapot.xlsx", None).unwrap();
    assert_eq!(text.cell(0, 0), &Cell::Text("this is not a zip archive at all".into()));
    let not_zip = read_table_bytes(b"\x00\x01 this is not a zip archive at all", "kapot.xlsx", None).unwrap_err();
    assert_eq!(not_zip.code(), "import.unreadable");
    assert!(!not_zip.params()["detail"].is_empty());

    // a truncated xlsx: its zip package is refused before calamine reads it
    let bytes = xlsx(&[("Blad1", vec![texts(&["a"])])]);
    let truncated = read_table_bytes(&bytes[..bytes.len() / 2], "half.xlsx", None).unwrap_err();
    assert_eq!(truncated.code(), "import.package_invalid");

    assert_eq!(read_table_bytes(b"", "leeg.csv", None).unwrap_err(), ReadError::Empty);
    assert_eq!(read_table_bytes(b"", "leeg.xlsx", None).unwrap_err(), ReadError::Empty);
    assert_eq!(read_table_bytes(b"\r\n;;\r\n \r\n", "leeg.csv", None).unwrap_err().code(), "import.empty");
    let empty_sheet = xlsx(&[("Blad1", vec![])]);
    assert_eq!(read_table_bytes(&empty_sheet, "leeg.xlsx", None).unwrap_err().code(), "import.empty");
}

#[test]
fn xlsx_saved_as_xls_is_still_read() {
    let bytes = xlsx(&[("Blad1", vec![texts(&["Naam"]), texts(&["Peeters"])])]);
    let table = read_table_bytes(&bytes, "verkeerd.xls", None).unwrap();
    assert_eq!(table.rows[1], [text("Peeters")]);
}
