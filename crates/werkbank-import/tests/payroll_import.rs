//! The payroll-export import on real files: xlsx, csv in several encodings and delimiters,
//! ods, hand-written xlsx XML, and tables built in memory.

mod common;

use common::*;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};
use std::str::FromStr;
use werkbank_import::payroll::{self, PROGRESS_EVERY};
use werkbank_import::{
    preview_payroll, preview_payroll_bytes, preview_payroll_table, preview_payroll_with_progress, read_table_bytes,
    Cell, ColumnMapping, ImportIssue, MergedArea, PayPeriod, PayrollLine, PayrollOptions, PayrollPreview, Progress,
    ReadError, Table, Unit,
};

const SD_WORX_HEADER: &[&str] =
    &["Werknemersnummer", "INSZ", "Naam", "Periode", "Looncode", "Omschrijving", "Aantal", "Eenheid", "Bedrag"];

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn month(year: i32, month: u32) -> PayPeriod {
    PayPeriod::Month { year, month }
}

fn opts() -> PayrollOptions {
    PayrollOptions::default()
}

fn preview_file(bytes: &[u8], name: &str, opts: &PayrollOptions) -> PayrollPreview {
    let (_dir, path) = file(name, bytes);
    preview_payroll(&path, opts).unwrap()
}

/// (row, column, code) of every issue, in order.
fn triples(preview: &PayrollPreview) -> Vec<(u32, &str, &str)> {
    preview.issues.iter().map(|i| (i.row, i.column.as_str(), i.code.as_str())).collect()
}

fn find<'a>(preview: &'a PayrollPreview, row: u32, column: &str, code: &str) -> &'a ImportIssue {
    preview
        .issues
        .iter()
        .find(|i| i.row == row && i.column == column && i.code == code)
        .unwrap_or_else(|| panic!("no {code} at {row}/{column} in {:#?}", preview.issues))
}

fn line(preview: &PayrollPreview, row: u32) -> &PayrollLine {
    preview.lines.iter().find(|l| l.row == row).unwrap_or_else(|| panic!("no line at row {row}"))
}

/// Windows-1252 bytes of a text made of ASCII and Latin-1 letters.
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            let code = u32::from(c);
            assert!(code < 0x80 || (0xA0..=0xFF).contains(&code), "{c} is not Latin-1");
            u8::try_from(code).unwrap()
        })
        .collect()
}

#[test]
fn sd_worx_like_xlsx_with_dutch_headers() {
    use V::*;
    let rows = vec![
        texts(&["Loonjournaal januari 2026"]),
        vec![],
        texts(SD_WORX_HEADER),
        // INSZ with separators, month as 01/2026, hours as 7,60 text, amount 1.234,56
        vec![
            s("1001"),
            s("93.05.18-223.61"),
            s("Peeters An"),
            s("01/2026"),
            s("1000"),
            s("Bezoldigde uren"),
            s("7,60"),
            s("u"),
            s("1.234,56"),
        ],
        // INSZ as a number, month as 2026-01, hours as a time cell, amount -2,40
        vec![
            N(93051822361.0),
            N(93051822361.0),
            s("Peeters An"),
            s("2026-01"),
            N(1010.0),
            s("Correctie"),
            Time(7, 36),
            s("uren"),
            s("-2,40"),
        ],
        // worker number only, month in words, hours as 7:36 text, days
        vec![s("1002"), Blank, s("Janssens Bart"), s("januari 2026"), s("1000"), Blank, s("7:36"), Blank, N(-2.4)],
        vec![
            s("1002"),
            s("85073003328"),
            s("Janssens Bart"),
            N(202601.0),
            s("2000"),
            s("Ziekte"),
            s("2"),
            s("dagen"),
            s("0"),
        ],
        // a date in the month as period; INSZ of someone born in 2000 as a number (leading zeros lost)
        vec![
            s("1003"),
            N(12556777.0),
            s("Claes Chloé"),
            D(2026, 1, 31),
            s("1000"),
            Blank,
            s("38"),
            s("h"),
            s("1,234.56"),
        ],
        // RSZ quarter; a formula with its cached value as amount
        vec![
            s("1003"),
            s("00012556777"),
            s("Claes Chloé"),
            s("2026/1"),
            s("9000"),
            s("Eindejaarspremie"),
            Blank,
            Blank,
            Blank,
        ],
    ];
    let bytes = {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Loonjournaal").unwrap();
        write_rows(sheet, &rows);
        sheet.write_formula(8, 8, "=100*2.5").unwrap();
        sheet.set_formula_result(8, 8, "250");
        workbook.save_to_buffer().unwrap()
    };
    let preview = preview_file(&bytes, "loonjournaal.xlsx", &opts());

    assert_eq!(preview.issues, [], "{:#?}", preview.issues);
    assert_eq!(preview.header_row, 3);
    assert_eq!(preview.sheet, "Loonjournaal");
    assert_eq!(preview.total_rows, 6);
    assert_eq!(preview.headers, SD_WORX_HEADER);
    assert_eq!(
        preview.header_signature,
        "werknemersnummer|insz|naam|periode|looncode|omschrijving|aantal|eenheid|bedrag"
    );
    let columns: Vec<(&str, usize)> = preview.columns.iter().map(|(f, i, _)| (f.as_str(), *i)).collect();
    assert_eq!(
        columns,
        [
            ("worker_number", 0),
            ("insz", 1),
            ("name", 2),
            ("period", 3),
            ("wage_code", 4),
            ("description", 5),
            ("quantity", 6),
            ("unit", 7),
            ("amount", 8)
        ]
    );
    assert_eq!(preview.lines.len(), 6);

    let first = line(&preview, 4);
    assert_eq!(first.worker_number.as_deref(), Some("1001"));
    assert_eq!(first.insz.as_ref().map(|i| i.digits()), Some(AN.0));
    assert_eq!(first.name.as_deref(), Some("Peeters An"));
    assert_eq!(first.period, month(2026, 1));
    assert_eq!(first.wage_code, "1000");
    assert_eq!(first.description.as_deref(), Some("Bezoldigde uren"));
    assert_eq!(first.quantity, Some(dec("7.60")));
    assert_eq!(first.unit, Some(Unit::Hours));
    assert_eq!(first.hours_hundredths, Some(760));
    assert_eq!(first.amount.map(|a| a.to_string()), Some("1234.56".into()));

    let second = line(&preview, 5);
    assert_eq!(second.worker_number.as_deref(), Some("93051822361"));
    assert_eq!(second.insz.as_ref().map(|i| i.digits()), Some(AN.0));
    assert_eq!(second.wage_code, "1010");
    assert_eq!((second.hours_hundredths, second.unit.clone()), (Some(760), Some(Unit::Hours)));
    assert_eq!(second.amount.map(|a| a.to_string()), Some("-2.40".into())); // never -240

    let third = line(&preview, 6);
    assert_eq!((third.insz.clone(), third.worker_number.as_deref()), (None, Some("1002")));
    assert_eq!(third.period, month(2026, 1));
    // 7:36 with an empty unit cell is hours
    assert_eq!(
        (third.quantity, third.unit.clone(), third.hours_hundredths),
        (Some(dec("7.60")), Some(Unit::Hours), Some(760))
    );
    assert_eq!(third.amount, Some(dec("-2.4")));

    let fourth = line(&preview, 7);
    assert_eq!(fourth.insz.as_ref().map(|i| i.digits()), Some(BART.0));
    assert_eq!(fourth.period, month(2026, 1));
    assert_eq!(
        (fourth.quantity, fourth.unit.clone(), fourth.hours_hundredths),
        (Some(dec("2")), Some(Unit::Days), None)
    );

    let fifth = line(&preview, 8);
    assert_eq!(fifth.insz.as_ref().map(|i| i.digits()), Some(CHLOE.0));
    assert_eq!(fifth.name.as_deref(), Some("Claes Chloé"));
    assert_eq!(fifth.period, month(2026, 1));
    assert_eq!(fifth.hours_hundredths, Some(3800));
    assert_eq!(fifth.amount, Some(dec("1234.56")));

    let sixth = line(&preview, 9);
    assert_eq!(sixth.period, PayPeriod::Quarter { year: 2026, quarter: 1 });
    assert_eq!((sixth.quantity, sixth.unit.clone()), (None, None));
    assert_eq!(sixth.amount, Some(dec("250"))); // the cached result, not the formula

    assert_eq!(preview.periods, Some((month(2026, 1), PayPeriod::Quarter { year: 2026, quarter: 1 })));
    assert_eq!(preview.period_range, Some((d(2026, 1, 1), d(2026, 3, 31))));
    assert_eq!(preview.valid_lines().count(), 6);
}

fn write_rows(sheet: &mut rust_xlsxwriter::Worksheet, rows: &[Vec<V>]) {
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let time_format = Format::new().set_num_format("h:mm");
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).unwrap();
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap();
            match cell {
                V::Blank => {}
                V::S(t) => {
                    sheet.write_string(r, c, t).unwrap();
                }
                V::N(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                V::D(y, m, day) => {
                    let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m, *day).unwrap();
                    sheet.write_datetime_with_format(r, c, &dt, &date_format).unwrap();
                }
                V::Time(h, m) => {
                    let dt = rust_xlsxwriter::ExcelDateTime::from_hms(*h, *m, 0).unwrap();
                    sheet.write_datetime_with_format(r, c, &dt, &time_format).unwrap();
                }
                V::F(formula, result) => {
                    sheet.write_formula(r, c, rust_xlsxwriter::Formula::new(*formula).set_result(*result)).unwrap();
                }
            }
        }
    }
}

#[test]
fn french_csv_in_windows_1252() {
    let text = "Matricule;NISS;Nom;Période;Code salarial;Libellé;Nombre;Unité;Montant\r\n\
                2001;85.07.30-033.28;Dupont Marie;février 2026;1000;Salaire horaire;7,60;heures;1.234,56\r\n\
                2001;85.07.30-033.28;Dupont Marie;02/2026;2000;Congé férié;1;jours;112,80\r\n\
                2002;90030304530;Lefèvre Élodie;2026-02;1000;Salaire horaire;-7,60;h;-98,42\r\n";
    let bytes = cp1252(text);
    assert!(bytes.contains(&0xE9) && std::str::from_utf8(&bytes).is_err(), "really Windows-1252");
    let preview = preview_file(&bytes, "export.csv", &opts());

    assert_eq!(preview.sheet, "export");
    assert_eq!(preview.headers[3], "Période");
    assert_eq!(preview.columns.len(), 9);
    assert_eq!(triples(&preview), [(4, "quantity", "payroll.hours_negative")]);
    let negative = find(&preview, 4, "quantity", "payroll.hours_negative");
    assert_eq!((negative.header.as_deref(), negative.value.as_deref()), (Some("Nombre"), Some("-7,60")));

    let first = line(&preview, 2);
    assert_eq!(first.worker_number.as_deref(), Some("2001"));
    assert_eq!(first.insz.as_ref().map(|i| i.digits()), Some(BART.0));
    assert_eq!(first.period, month(2026, 2));
    assert_eq!(first.description.as_deref(), Some("Salaire horaire"));
    assert_eq!((first.unit.clone(), first.hours_hundredths), (Some(Unit::Hours), Some(760)));
    assert_eq!(first.amount, Some(dec("1234.56")));
    let second = line(&preview, 3);
    assert_eq!(second.description.as_deref(), Some("Congé férié"));
    assert_eq!((second.unit.clone(), second.hours_hundredths), (Some(Unit::Days), None));
    let third = line(&preview, 4);
    assert_eq!(third.name.as_deref(), Some("Lefèvre Élodie"));
    assert_eq!(third.hours_hundredths, Some(-760)); // kept, and reported
    assert_eq!(third.amount.map(|a| a.to_string()), Some("-98.42".into()));
    // a line with an issue is returned but not valid
    assert_eq!(preview.valid_lines().map(|l| l.row).collect::<Vec<_>>(), [2, 3]);
}

#[test]
fn english_csv_with_commas_and_an_hours_column() {
    let text = "Employee number,National number,Name,First name,Period,Wage code,Description,Hours,Amount,Gross wage,Employer contributions,Q,S\n\
                E-17,78.09.12-128.49,Smets,Els,2026-03,100,Regular hours,7:36,\"1,234.56\",\"2,500.00\",\"675.30\",38,38\n\
                E-17,78.09.12-128.49,Smets,Els,Q1 2026,110,Overtime,\"7,60\",12.5,,,30.4,38\n\
                E-18,,Wouters,Fien,3/2026,100,Regular hours,7.6,(2.40),,,3040,3800\n";
    let preview = preview_file(text.as_bytes(), "payroll.csv", &opts());
    assert_eq!(preview.issues, [], "{:#?}", preview.issues);
    assert_eq!(preview.lines.len(), 3);

    let first = line(&preview, 2);
    assert_eq!(first.worker_number.as_deref(), Some("E-17"));
    assert_eq!(first.insz.as_ref().map(|i| i.digits()), Some(ELS.0));
    assert_eq!((first.name.as_deref(), first.first_name.as_deref()), (Some("Smets"), Some("Els")));
    assert_eq!(first.display_name().as_deref(), Some("Smets Els"));
    assert_eq!(first.period, month(2026, 3));
    // the quantity column is an hours column: no unit column needed
    assert_eq!(
        (first.quantity, first.unit.clone(), first.hours_hundredths),
        (Some(dec("7.60")), Some(Unit::Hours), Some(760))
    );
    assert_eq!(first.amount, Some(dec("1234.56")));
    assert_eq!(first.gross_wage, Some(dec("2500.00")));
    assert_eq!(first.employer_contributions, Some(dec("675.30")));
    assert_eq!((first.q, first.s), (Some(3800), Some(3800)));

    let second = line(&preview, 3);
    assert_eq!(second.period, PayPeriod::Quarter { year: 2026, quarter: 1 });
    assert_eq!(second.hours_hundredths, Some(760));
    assert_eq!(second.amount, Some(dec("12.5")));
    assert_eq!((second.gross_wage, second.q), (None, Some(3040)));

    let third = line(&preview, 4);
    assert_eq!(third.insz, None);
    assert_eq!(third.period, month(2026, 3));
    assert_eq!(third.amount, Some(dec("-2.40")));
    // Q and S written in hundredths (DmfA notation)
    assert_eq!((third.q, third.s), (Some(3040), Some(3800)));
}

#[test]
fn every_problem_has_its_row_and_column() {
    use V::*;
    let mut rows = vec![texts(SD_WORX_HEADER)];
    let ok = |nr: &str, period: &str, code: &str, qty: &str, amount: &str| {
        vec![s(nr), s(AN.0), s("Peeters An"), s(period), s(code), Blank, s(qty), s("u"), s(amount)]
    };
    rows.push(ok("1001", "01/2026", "1000", "7,60", "100,00")); // row 2: fine
    rows.push(ok("1001", "01/2026", "1000", "7,60", "100,00")); // row 3: duplicate of row 2
    rows.push(vec![s("1001"), s(AN.0), Blank, s("01/2026"), s("1010"), Blank, s("7,60"), s("d"), s("veel")]); // 4: text in a number column
    rows.push(vec![s("1001"), s("93051822362"), Blank, s("01/2026"), s("1020"), Blank, s("7:75"), Blank, s("1")]); // 5: INSZ checksum, bad hours
    rows.push(vec![s("1001"), s(AN.0), Blank, s("dertien"), s("1030"), Blank, Blank, Blank, s("1")]); // 6: period unreadable
    rows.push(vec![Blank, Blank, s("Niemand"), s("01/2026"), s("1040"), Blank, Blank, Blank, s("1")]); // 7: no worker
    rows.push(vec![s("1001"), s(AN.0), Blank, s("01/2026"), Blank, s("zonder code"), Blank, Blank, s("1")]); // 8: no wage code
    rows.push(vec![s("1001"), s(AN.0), Blank, s("01/2026"), s("1050"), Blank, s("-3,80"), s("u"), F("=NA()", "#N/A")]); // 9
    rows.push(ok("1001", "01/2024", "1060", "1", "1")); // row 10: two years before the rest
    rows.push(ok("1001", "12/2025", "1070", "1", "1")); // row 11: previous quarter, fine
    rows.push(ok("1001", "01/2026", "1000", "7,6", "100")); // row 12: the same as row 2, written otherwise
    let bytes = xlsx(&[("Blad1", rows)]);
    let preview = preview_file(&bytes, "fouten.xlsx", &opts());

    assert_eq!(
        triples(&preview),
        [
            (3, "wage_code", "payroll.duplicate_line"),
            (4, "amount", "import.number_unreadable"),
            (5, "insz", "insz.checksum"),
            (5, "quantity", "import.hours_unreadable"),
            (6, "period", "import.period_unreadable"),
            (7, "worker_number", "payroll.worker_missing"),
            (8, "wage_code", "import.value_required"),
            (9, "quantity", "payroll.hours_negative"),
            (9, "amount", "import.cell_error"),
            (10, "period", "payroll.period_outside"),
            (12, "wage_code", "payroll.duplicate_line"),
        ]
    );
    let dup = find(&preview, 3, "wage_code", "payroll.duplicate_line");
    assert_eq!(dup.params["other_row"], "2");
    assert_eq!((dup.header.as_deref(), dup.value.as_deref()), (Some("Looncode"), Some("1000")));
    assert_eq!(find(&preview, 12, "wage_code", "payroll.duplicate_line").params["other_row"], "2");
    let number = find(&preview, 4, "amount", "import.number_unreadable");
    assert_eq!((number.header.as_deref(), number.value.as_deref()), (Some("Bedrag"), Some("veel")));
    let insz = find(&preview, 5, "insz", "insz.checksum");
    assert_eq!((insz.value.as_deref(), insz.params["value"].as_str()), (Some("93051822362"), "93051822362"));
    assert_eq!(find(&preview, 5, "quantity", "import.hours_unreadable").value.as_deref(), Some("7:75"));
    assert_eq!(find(&preview, 6, "period", "import.period_unreadable").value.as_deref(), Some("dertien"));
    assert_eq!(find(&preview, 9, "amount", "import.cell_error").params["error"], "#N/A");
    let outside = find(&preview, 10, "period", "payroll.period_outside");
    assert_eq!((outside.params["first"].as_str(), outside.params["last"].as_str()), ("2025-12-01", "2026-01-31"));
    assert_eq!(outside.value.as_deref(), Some("2024-01"));

    // lines with issues are returned when period, wage code and worker could be read (row 5:
    // by its worker number, without the INSZ)
    let rows_read: Vec<u32> = preview.lines.iter().map(|l| l.row).collect();
    assert_eq!(rows_read, [2, 3, 4, 5, 9, 10, 11, 12]);
    assert_eq!((line(&preview, 5).insz.clone(), line(&preview, 5).hours_hundredths), (None, None));
    assert_eq!(line(&preview, 4).amount, None);
    assert_eq!(line(&preview, 4).unit, Some(Unit::Days));
    assert_eq!(line(&preview, 9).hours_hundredths, Some(-380));
    assert_eq!(preview.valid_lines().map(|l| l.row).collect::<Vec<_>>(), [2, 11]);
    assert_eq!(preview.period_range, Some((d(2025, 12, 1), d(2026, 1, 31))));
    assert_eq!(preview.periods, Some((month(2024, 1), month(2026, 1))));
}

/// A minimal xlsx whose one sheet is the given `<sheetData>` content (cells as written by
/// a script that does not compute formulas).
fn raw_xlsx(dimension: &str, sheet_data: &str) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    stored_zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

fn inline(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn formula_without_cached_value_is_reported_not_read_as_empty() {
    let header: String = ["Werknemersnummer", "Periode", "Looncode", "Aantal", "Bedrag"]
        .iter()
        .zip(["A1", "B1", "C1", "D1", "E1"])
        .map(|(t, r)| inline(r, t))
        .collect();
    let data_row = |row: u32, amount: &str| {
        format!(
            r#"<row r="{row}">{}{}{}<c r="D{row}"><v>4</v></c>{amount}</row>"#,
            inline(&format!("A{row}"), "1001"),
            inline(&format!("B{row}"), "01/2026"),
            inline(&format!("C{row}"), &format!("10{row}")),
        )
    };
    let data = [
        format!(r#"<row r="1">{header}</row>"#),
        data_row(2, r#"<c r="E2"><f>D2*2</f><v>8</v></c>"#), // computed: 8
        data_row(3, r#"<c r="E3"><f>D3*2</f></c>"#),         // never computed
        data_row(4, r#"<c r="E4"><f>D4*2</f><v></v></c>"#),  // computed value missing
        data_row(5, r#"<c r="E5"><f t="shared" ref="E5:E6" si="0">D5*3</f></c>"#),
        data_row(6, r#"<c r="E6"><f t="shared" si="0"/></c>"#), // shared formula, derived
        data_row(7, r#"<c r="E7" t="str"><f>IF(D7&gt;9,"x","")</f><v></v></c>"#), // computed: empty text
    ]
    .concat();
    let bytes = raw_xlsx("A1:E7", &data);

    let table = read_table_bytes(&bytes, "script.xlsx", None).unwrap();
    assert_eq!(table.cell(1, 4), &Cell::Number(8.0));
    assert_eq!(table.cell(2, 4), &Cell::FormulaWithoutValue("D3*2".into()));
    assert_eq!(table.cell(3, 4), &Cell::FormulaWithoutValue("D4*2".into()));
    assert_eq!(table.cell(4, 4), &Cell::FormulaWithoutValue("D5*3".into()));
    assert_eq!(table.cell(5, 4), &Cell::FormulaWithoutValue("D6*3".into()));
    assert_eq!(table.cell(6, 4), &Cell::Empty);

    let preview = preview_file(&bytes, "script.xlsx", &opts());
    assert_eq!(
        triples(&preview),
        [
            (3, "amount", "import.formula_without_value"),
            (4, "amount", "import.formula_without_value"),
            (5, "amount", "import.formula_without_value"),
            (6, "amount", "import.formula_without_value"),
        ]
    );
    let issue = find(&preview, 6, "amount", "import.formula_without_value");
    assert_eq!((issue.params["formula"].as_str(), issue.value.as_deref()), ("D6*3", Some("=D6*3")));
    assert_eq!(line(&preview, 2).amount, Some(dec("8")));
    assert_eq!(line(&preview, 3).amount, None);
    assert_eq!(line(&preview, 7).amount, None);
    assert_eq!(preview.lines.len(), 6);
}

#[test]
fn merged_cells_repeat_the_worker_and_report_amounts() {
    let bytes = {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let plain = Format::new();
        // a title merged over the width: above the header, ignored
        sheet.merge_range(0, 0, 0, 8, "Loonjournaal januari 2026", &plain).unwrap();
        write_rows(sheet, &[vec![], texts(SD_WORX_HEADER)]);
        // rows 3-5: one worker, number, INSZ and name merged over the worker's three lines
        sheet.merge_range(2, 0, 4, 0, "1001", &plain).unwrap();
        sheet.merge_range(2, 1, 4, 1, AN.0, &plain).unwrap();
        sheet.merge_range(2, 2, 4, 2, "Peeters An", &plain).unwrap();
        for (r, code) in [(2u32, "1000"), (3, "1010"), (4, "1020")] {
            sheet.write_string(r, 3, "01/2026").unwrap();
            sheet.write_string(r, 4, code).unwrap();
            sheet.write_string(r, 6, "7,60").unwrap();
            sheet.write_string(r, 7, "u").unwrap();
        }
        sheet.write_number(2, 8, 10.0).unwrap();
        sheet.write_number(3, 8, 20.0).unwrap();
        sheet.write_number(4, 8, 30.0).unwrap();
        // rows 6-7: an amount merged over two lines: whose is it?
        for r in [5u32, 6] {
            sheet.write_string(r, 0, "1002").unwrap();
            sheet.write_string(r, 3, "01/2026").unwrap();
            sheet.write_string(r, 4, if r == 5 { "1000" } else { "1010" }).unwrap();
        }
        sheet.merge_range(5, 8, 6, 8, "", &plain).unwrap();
        sheet.write_number(5, 8, 55.5).unwrap();
        // row 8: quantity and unit merged over two columns
        sheet.write_string(7, 0, "1003").unwrap();
        sheet.write_string(7, 3, "01/2026").unwrap();
        sheet.write_string(7, 4, "1000").unwrap();
        sheet.merge_range(7, 6, 7, 7, "7,60", &plain).unwrap();
        sheet.write_number(7, 8, 1.0).unwrap();
        workbook.save_to_buffer().unwrap()
    };

    let table = read_table_bytes(&bytes, "merged.xlsx", None).unwrap();
    let area = MergedArea { first_row: 2, first_col: 0, last_row: 4, last_col: 0 };
    assert_eq!(table.cell(2, 0), &Cell::Text("1001".into()));
    assert_eq!(table.cell(3, 0), &Cell::Merged { area, value: Box::new(Cell::Text("1001".into())) });
    assert!(table.cell(4, 0).is_empty());
    assert_eq!(area.to_a1(), "A3:A5");

    let preview = preview_file(&bytes, "merged.xlsx", &opts());
    assert_eq!(preview.header_row, 2);
    assert_eq!(
        triples(&preview),
        [
            (6, "amount", "import.merged_cells"),
            (7, "amount", "import.merged_cells"),
            (8, "unit", "import.merged_cells"),
            (8, "quantity", "import.merged_cells"),
        ]
    );
    assert_eq!(find(&preview, 7, "amount", "import.merged_cells").params["range"], "I6:I7");
    assert_eq!(find(&preview, 6, "amount", "import.merged_cells").value.as_deref(), Some("55.5"));
    assert_eq!(find(&preview, 8, "unit", "import.merged_cells").params["range"], "G8:H8");
    // the worker's merged cells are repeated on each of the worker's lines
    for (row, code, amount) in [(3, "1000", "10"), (4, "1010", "20"), (5, "1020", "30")] {
        let l = line(&preview, row);
        assert_eq!(l.worker_number.as_deref(), Some("1001"), "row {row}");
        assert_eq!(l.insz.as_ref().map(|i| i.digits()), Some(AN.0), "row {row}");
        assert_eq!(l.name.as_deref(), Some("Peeters An"), "row {row}");
        assert_eq!((l.wage_code.as_str(), l.amount), (code, Some(dec(amount))));
    }
    // the merged amount is not copied to the second line
    assert_eq!(line(&preview, 6).amount, Some(dec("55.5")));
    assert_eq!(line(&preview, 7).amount, None);
    assert_eq!(preview.lines.len(), 6);
}

#[test]
fn hand_mapping_overrides_unrecognised_headers() {
    let text = "Kol1;Kol2;Kol3;Kol4;Kol5;Kol6\n\
                1001;93051822361;01/2026;1000;7,60;100,00\n\
                1002;85073003328;01/2026;1000;3,80;50,00\n";
    // without a mapping nothing is recognised
    let unmapped = preview_file(text.as_bytes(), "anders.csv", &opts());
    assert_eq!(triples(&unmapped), [(1, "", "import.header_not_found")]);
    assert!(unmapped.lines.is_empty());
    assert_eq!(unmapped.total_rows, 2);

    let mapping = ColumnMapping(
        [
            ("worker_number", 0),
            ("insz", 1),
            ("period", 2),
            ("wage_code", 3),
            ("quantity", 4),
            ("amount", 5),
            ("loon", 9),
        ]
        .into_iter()
        .map(|(f, i)| (f.to_owned(), i))
        .collect(),
    );
    let opts = PayrollOptions { mapping: Some(mapping), ..opts() };
    let preview = preview_file(text.as_bytes(), "anders.csv", &opts);
    assert_eq!(triples(&preview), [(1, "loon", "payroll.mapping_field_unknown")]);
    assert_eq!(preview.issues[0].params["field"], "loon");
    assert_eq!(preview.header_row, 1);
    assert_eq!(preview.header_signature, "kol1|kol2|kol3|kol4|kol5|kol6");
    assert_eq!(preview.headers, ["Kol1", "Kol2", "Kol3", "Kol4", "Kol5", "Kol6"]);
    assert_eq!(preview.columns[2], ("period".to_owned(), 2, "Kol3".to_owned()));
    assert_eq!(preview.lines.len(), 2);
    let first = line(&preview, 2);
    assert_eq!((first.worker_number.as_deref(), first.wage_code.as_str()), (Some("1001"), "1000"));
    assert_eq!((first.quantity, first.unit.clone(), first.hours_hundredths), (Some(dec("7.60")), None, None));
    assert_eq!(line(&preview, 3).amount, Some(dec("50.00")));

    // the preview's mapping reproduces the result, and survives JSON (saved per signature)
    let saved = serde_json::to_string(&preview.mapping()).unwrap();
    assert_eq!(saved, r#"{"amount":5,"insz":1,"period":2,"quantity":4,"wage_code":3,"worker_number":0}"#);
    let mapping: ColumnMapping = serde_json::from_str(&saved).unwrap();
    let again = preview_file(text.as_bytes(), "anders.csv", &PayrollOptions { mapping: Some(mapping), ..opts.clone() });
    assert_eq!(again.lines, preview.lines);
    assert!(again.issues.is_empty());

    // a mapping also overrides recognised headers, and a missing required field is reported
    let dutch = "Werknemersnummer;Periode;Looncode;Bedrag\n1001;01/2026;1000;5\n";
    let only_amount = ColumnMapping([("amount".to_owned(), 3)].into_iter().collect());
    let partial =
        preview_file(dutch.as_bytes(), "nl.csv", &PayrollOptions { mapping: Some(only_amount), ..opts.clone() });
    assert_eq!(
        triples(&partial),
        [
            (1, "period", "import.column_missing"),
            (1, "wage_code", "import.column_missing"),
            (1, "insz", "import.column_missing")
        ]
    );
    assert_eq!(partial.issues[2].params["alternative"], "worker_number");
    assert!(partial.lines.is_empty());

    // the header row can be given: a title row above unknown headers
    let titled = "Export 2026\nKol1;Kol2;Kol3;Kol4;Kol5;Kol6\n1001;93051822361;01/2026;1000;7,60;100,00\n";
    let with_row = PayrollOptions { header_row: Some(2), ..opts.clone() };
    let preview = preview_file(titled.as_bytes(), "titel.csv", &with_row);
    assert_eq!(preview.header_row, 2);
    assert_eq!(preview.lines.iter().map(|l| l.row).collect::<Vec<_>>(), [3]);
}

#[test]
fn the_caller_picks_the_sheet() {
    let bytes = xlsx(&[
        ("Overzicht", vec![texts(&["Totaal brutoloon", "12.345,67"])]),
        (
            "Loonjournaal",
            vec![texts(SD_WORX_HEADER), texts(&["1001", AN.0, "Peeters An", "01/2026", "1000", "", "7,60", "u", "10"])],
        ),
    ]);
    let (_dir, path) = file("twee.xlsx", &bytes);
    let first = preview_payroll(&path, &opts()).unwrap();
    assert_eq!(first.sheet, "Overzicht");
    assert_eq!(first.sheet_names, ["Overzicht", "Loonjournaal"]);
    assert_eq!(triples(&first), [(1, "", "import.header_not_found")]);

    let chosen = preview_payroll(&path, &PayrollOptions { sheet: Some("loonjournaal".into()), ..opts() }).unwrap();
    assert_eq!(chosen.sheet, "Loonjournaal");
    assert!(chosen.issues.is_empty());
    assert_eq!(chosen.lines.len(), 1);

    let err = preview_payroll(&path, &PayrollOptions { sheet: Some("Blad9".into()), ..opts() }).unwrap_err();
    assert_eq!(err.code(), "import.sheet_not_found");
    assert_eq!(err.params()["available"], "Overzicht, Loonjournaal");
}

#[test]
fn ods_files_are_read_too() {
    let header: Vec<String> =
        ["Matricule", "NISS", "Période", "Code salarial", "Montant"].iter().map(|t| ods_text(t)).collect();
    let row: Vec<String> =
        ["2001", "85.07.30-033.28", "03/2026", "1000", "1.234,56"].iter().map(|t| ods_text(t)).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let row: Vec<&str> = row.iter().map(String::as_str).collect();
    let bytes = ods("Paie", &[&header, &row]);
    let preview = preview_file(&bytes, "paie.ods", &opts());
    assert!(preview.issues.is_empty(), "{:#?}", preview.issues);
    assert_eq!(preview.sheet, "Paie");
    let l = line(&preview, 2);
    assert_eq!((l.period, l.amount), (month(2026, 3), Some(dec("1234.56"))));
}

#[test]
fn header_only_and_empty_files() {
    let header_only = "Werknemersnummer;Periode;Looncode;Bedrag\n";
    let (_dir, path) = file("leeg.csv", header_only.as_bytes());
    assert_eq!(preview_payroll(&path, &opts()).unwrap_err(), ReadError::HeaderOnly);
    let table = read_table_bytes(header_only.as_bytes(), "leeg.csv", None).unwrap();
    let preview = preview_payroll_table(table, "leeg.csv", &opts());
    assert_eq!(triples(&preview), [(1, "", "import.header_only")]);
    assert_eq!(preview.total_rows, 0);

    for (name, bytes) in
        [("leeg.csv", Vec::new()), ("leeg.xlsx", xlsx(&[("Blad1", vec![])])), ("spaties.csv", b" \n;;\n".to_vec())]
    {
        let (_dir, path) = file(name, &bytes);
        assert_eq!(preview_payroll(&path, &opts()).unwrap_err(), ReadError::Empty, "{name}");
    }
    let missing = preview_payroll(std::path::Path::new("/nonexistent/loon.xlsx"), &opts()).unwrap_err();
    assert_eq!(missing.code(), "import.file_not_found");
    let pdf = preview_payroll_bytes(b"%PDF-1.4", "loon.pdf", &opts(), &mut |_| {}).unwrap_err();
    assert_eq!(pdf, ReadError::UnsupportedFormat { ext: "pdf".into() });
}

#[test]
fn not_a_zip_and_a_truncated_zip_are_refused() {
    // Text saved as .xlsx (some "Excel exports" are CSV) is read as the CSV it is.
    let text = preview_payroll_bytes(b"Werknemersnummer;Periode\n1;2\n", "loon.xlsx", &opts(), &mut |_| {}).unwrap();
    assert_eq!(text.header_row, 1);
    assert_eq!(text.columns.len(), 2);
    // Binary bytes that are no zip are unreadable.
    let err = preview_payroll_bytes(b"\x01\x02\x03 binary", "loon.xlsx", &opts(), &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "import.unreadable");

    let rows =
        vec![texts(SD_WORX_HEADER), texts(&["1001", AN.0, "Peeters An", "01/2026", "1000", "", "7,60", "u", "10"])];
    let bytes = xlsx(&[("Blad1", rows)]);
    for keep in [bytes.len() / 2, bytes.len() - 30, 100] {
        let err = preview_payroll_bytes(&bytes[..keep], "loon.xlsx", &opts(), &mut |_| {}).unwrap_err();
        assert_eq!(err.code(), "import.package_invalid", "kept {keep} of {} bytes", bytes.len());
    }
}

#[test]
fn progress_is_reported_while_reading() {
    let mut text = String::from("Werknemersnummer;Periode;Looncode;Aantal;Bedrag\n");
    for i in 0..2500 {
        text.push_str(&format!("{};01/2026;{};7,60;10,00\n", 1000 + i, 1000 + i % 7));
    }
    let (_dir, path) = file("groot.csv", text.as_bytes());
    let mut seen: Vec<Progress> = Vec::new();
    let preview = preview_payroll_with_progress(&path, &opts(), &mut |p| seen.push(p)).unwrap();
    assert_eq!(preview.lines.len(), 2500);
    assert_eq!(seen.first(), Some(&Progress { rows_done: 0, rows_total: 2501 }));
    assert_eq!(seen.last(), Some(&Progress { rows_done: 2501, rows_total: 2501 }));
    assert_eq!(seen.len(), 2 + 2501 / PROGRESS_EVERY);
    assert!(seen.windows(2).all(|w| w[0].rows_done <= w[1].rows_done && w[1].rows_done <= w[1].rows_total));
}

#[test]
fn two_hundred_thousand_lines_in_memory() {
    const LINES: usize = 200_000;
    let text = |t: String| Cell::Text(t);
    let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(LINES + 2);
    rows.push(SD_WORX_HEADER.iter().map(|h| text((*h).to_owned())).collect());
    for i in 0..LINES {
        let worker = 10_000 + i / 20;
        rows.push(vec![
            text(worker.to_string()),
            Cell::Empty,
            text(format!("Werknemer {worker}")),
            text(format!("{:02}/2026", 1 + i % 3)),
            text(format!("{}", 1000 + i % 20)),
            text("Uren".to_owned()),
            text("7,60".to_owned()),
            text("u".to_owned()),
            Cell::Number(12.5 + (i % 100) as f64),
        ]);
    }
    // three duplicates of the first line, one empty row
    for _ in 0..3 {
        rows.push(rows[1].clone());
    }
    rows.push(Vec::new());
    let table = Table { sheet_names: vec!["Blad1".into()], sheet: "Blad1".into(), rows };
    let preview = preview_payroll_table(table, "groot.xlsx", &opts());

    assert_eq!(preview.total_rows as usize, LINES + 3);
    assert_eq!(preview.lines.len(), LINES + 3);
    let codes: Vec<(u32, &str)> = preview.issues.iter().map(|i| (i.row, i.code.as_str())).collect();
    let first_dup = u32::try_from(LINES).unwrap() + 2;
    assert_eq!(
        codes,
        [
            (first_dup, "payroll.duplicate_line"),
            (first_dup + 1, "payroll.duplicate_line"),
            (first_dup + 2, "payroll.duplicate_line")
        ]
    );
    assert!(preview.issues.iter().all(|i| i.params["other_row"] == "2"));
    assert_eq!(preview.lines.iter().filter_map(|l| l.hours_hundredths).sum::<i64>(), 760 * (LINES as i64 + 3));
    assert_eq!(preview.periods, Some((month(2026, 1), month(2026, 3))));
    assert_eq!(preview.valid_lines().count(), LINES);
}

#[test]
fn preview_serialises_for_the_ui() {
    let text =
        "Werknemersnummer;INSZ;Periode;Looncode;Aantal;Eenheid;Bedrag\n1001;93051822361;2026/1;1000;7:36;;-2,40\n";
    let preview = preview_file(text.as_bytes(), "ui.csv", &opts());
    let json = serde_json::to_value(&preview).unwrap();
    let line = &json["lines"][0];
    assert_eq!(line["period"], "2026/1");
    assert_eq!(line["insz"], "93051822361");
    assert_eq!(line["quantity"], "7.60");
    assert_eq!(line["unit"], "hours");
    assert_eq!(line["hours_hundredths"], 760);
    assert_eq!(line["amount"], "-2.40");
    assert_eq!(json["periods"], serde_json::json!(["2026/1", "2026/1"]));
    assert_eq!(json["period_range"], serde_json::json!(["2026-01-01", "2026-03-31"]));
    assert_eq!(json["columns"][0], serde_json::json!(["worker_number", 0, "Werknemersnummer"]));
    let other = serde_json::to_value(Unit::Other("km".into())).unwrap();
    assert_eq!(other, serde_json::json!({"other": "km"}));
}

#[test]
fn staff_import_reports_formulas_without_value_too() {
    let header: String = ["INSZ", "Naam", "Voornaam", "Geboortedatum", "Categorie", "Begindatum", "Q", "S"]
        .iter()
        .zip('A'..='H')
        .map(|(t, c)| inline(&format!("{c}1"), t))
        .collect();
    let row: String = [
        inline("A2", AN.0),
        inline("B2", "Peeters"),
        inline("C2", "An"),
        inline("D2", "18/05/1993"),
        inline("E2", "omkadering"),
        inline("F2", "01/01/2026"),
        r#"<c r="G2"><f>H2/2</f></c>"#.to_owned(),
        r#"<c r="H2"><v>38</v></c>"#.to_owned(),
    ]
    .concat();
    let bytes = raw_xlsx("A1:H2", &format!(r#"<row r="1">{header}</row><row r="2">{row}</row>"#));
    let table = read_table_bytes(&bytes, "staff.xlsx", None).unwrap();
    let preview = werkbank_import::preview_staff_table(table, "staff.xlsx", &Default::default());
    let codes: Vec<(u32, &str, &str)> =
        preview.issues.iter().map(|i| (i.row, i.column.as_str(), i.code.as_str())).collect();
    assert!(codes.contains(&(2, "q", "import.formula_without_value")), "{codes:?}");
    assert!(!codes.iter().any(|c| c.2 == "import.value_required"), "{codes:?}");
    // the payroll module re-exports what a caller needs
    assert_eq!(payroll::FIELDS.len(), 14);
}

#[test]
fn a_lone_dot_is_a_thousands_separator_in_a_dutch_column() {
    let text = "Werknemersnummer;Periode;Looncode;Uren;Bedrag;Brutoloon\n\
                1;01/2026;1000;7,60;1.234,56;2.100\n\
                1;2026/1;1010;1.000;2.100;3.500,00\n\
                2;01/2026;1000;7,60;-12.500;1.234.567\n";
    // (1 000 h in a quarter line: more than a month's 744 h would be implausible.)
    let preview = preview_file(text.as_bytes(), "loon.csv", &opts());
    assert_eq!(preview.issues, [], "{:#?}", preview.issues);
    assert_eq!(line(&preview, 2).amount, Some(dec("1234.56")));
    assert_eq!(line(&preview, 2).gross_wage, Some(dec("2100")));
    let second = line(&preview, 3);
    assert_eq!(second.amount.map(|a| a.to_string()), Some("2100".into()));
    assert_eq!((second.quantity, second.hours_hundredths), (Some(dec("1000")), Some(100_000)));
    assert_eq!(line(&preview, 4).amount, Some(dec("-12500")));
    // dots as thousands separators are evidence too
    assert_eq!(line(&preview, 4).gross_wage, Some(dec("1234567")));
}

#[test]
fn a_lone_dot_is_a_decimal_point_in_an_english_column() {
    let text = "Employee number,Period,Wage code,Hours,Amount\n\
                E-1,2026-01,100,7.6,2.40\n\
                E-1,2026-01,110,2.500,2.100\n\
                E-2,2026-01,100,7.6,\"1,234.56\"\n";
    let preview = preview_file(text.as_bytes(), "payroll.csv", &opts());
    assert_eq!(preview.issues, [], "{:#?}", preview.issues);
    let second = line(&preview, 3);
    assert_eq!(second.amount.map(|a| a.to_string()), Some("2.100".into()));
    assert_eq!(second.amount, Some(dec("2.1")));
    assert_eq!((second.quantity, second.hours_hundredths), (Some(dec("2.5")), Some(250)));
    assert_eq!(preview.valid_lines().count(), 3);
}

#[test]
fn a_column_of_only_lone_dots_is_reported_not_guessed() {
    let text = "Werknemersnummer;Periode;Looncode;Uren;Bedrag;Brutoloon\n\
                1;01/2026;1000;7,60;2.100;2.100\n\
                1;2026/1;1010;2.500;12.500;2.100\n\
                2;01/2026;1000;7,60;38;\n";
    let preview = preview_file(text.as_bytes(), "loon.csv", &opts());
    assert_eq!(
        triples(&preview),
        [
            (2, "amount", "import.number_ambiguous"),
            (2, "gross_wage", "import.number_ambiguous"),
            (3, "amount", "import.number_ambiguous"),
            (3, "gross_wage", "import.number_ambiguous"),
            // 2.500 in a column of decimal commas is 2 500 h: more than the quarter's
            // 90 × 24 = 2 160 h.
            (3, "quantity", "payroll.month_hours_implausible"),
        ],
        "{:#?}",
        preview.issues
    );
    let issue = find(&preview, 3, "amount", "import.number_ambiguous");
    assert_eq!((issue.header.as_deref(), issue.value.as_deref()), (Some("Bedrag"), Some("12.500")));
    assert_eq!(issue.params.get("value").map(String::as_str), Some("12.500"));
    assert_eq!(issue.params.len(), 1);
    // the line is kept, its value is unknown; the other columns resolve on their own
    let second = line(&preview, 3);
    assert_eq!(second.amount, None);
    assert_eq!((second.quantity, second.hours_hundredths), (Some(dec("2500")), Some(250_000)));
    assert_eq!(second.gross_wage, None);
    assert_eq!(line(&preview, 4).amount, Some(dec("38")));
    assert_eq!(preview.valid_lines().map(|l| l.row).collect::<Vec<_>>(), [4]);
}

#[test]
fn number_cells_are_never_ambiguous() {
    let header = texts(&["Werknemersnummer", "Periode", "Looncode", "Bedrag", "Brutoloon"]);
    let row = |code: &str, amount: f64, gross: V| vec![s("1"), s("01/2026"), s(code), V::N(amount), gross];
    let rows =
        vec![header, row("1000", 2100.0, V::N(2.1)), row("1010", 2.1, V::N(1234.567)), row("1020", 2.125, s("2.100"))];
    let preview = preview_file(&xlsx(&[("Blad1", rows)]), "loon.xlsx", &opts());
    let amounts: Vec<_> = preview.lines.iter().map(|l| l.amount).collect();
    assert_eq!(amounts, [Some(dec("2100")), Some(dec("2.1")), Some(dec("2.125"))]);
    assert_eq!(line(&preview, 2).gross_wage, Some(dec("2.1")));
    assert_eq!(line(&preview, 3).gross_wage, Some(dec("1234.567")));
    // number cells tell nothing about the separator: a text 2.100 among them is reported
    assert_eq!(triples(&preview), [(4, "gross_wage", "import.number_ambiguous")]);
    assert_eq!(line(&preview, 4).gross_wage, None);
}

/// The tapped reading hands over every line of the preview as it is read, except the lines
/// whose value waits for its column (2.100), whose rows it returns; in a short file too,
/// where the rows are read only once the end shows where the header is.
#[test]
fn a_tapped_reading_hands_over_every_line_but_the_waiting_ones() {
    let header = "INSZ;Periode;Looncode;Aantal;Eenheid\n";
    for rows in [3usize, 40] {
        let mut text = header.to_string();
        for i in 0..rows {
            // 1 000 h on a quarter's line; the month's lines sum to far below 744 h.
            let (period, quantity) =
                if i == 1 { ("2026/1", "1.000".to_string()) } else { ("01/2026", format!("{},50", i % 10)) };
            text.push_str(&format!("93051822361;{period};10{i:02};{quantity};u\n"));
        }
        let mut tapped: Vec<u32> = Vec::new();
        let (preview, held) = payroll::preview_payroll_bytes_tapped(
            text.as_bytes(),
            "loon.csv",
            &opts(),
            &mut |_| {},
            &mut |l: &PayrollLine| tapped.push(l.row),
        )
        .unwrap();
        assert_eq!(preview.issues, [], "{rows} rows");
        assert_eq!(held, [3], "{rows} rows: the line of 1.000");
        let all: Vec<u32> = preview.lines.iter().map(|l| l.row).filter(|r| *r != 3).collect();
        assert_eq!(tapped, all, "{rows} rows");
        // The waiting value is read with its column: decimal commas, so 1 000 hours.
        assert_eq!(line(&preview, 3).hours_hundredths, Some(100_000));
    }
}

#[test]
fn hostile_hours_and_amounts_are_row_issues_never_a_panic_or_an_overflow() {
    // Row 2: 8·10²⁶ hours (too large to be hours at all); row 3: 8 785 h on one line (a
    // year has at most 366 × 24 = 8 784 h); row 4: exactly 8 784 h, accepted; row 5: the
    // largest decimal as an amount; row 6: 10 000 000,01 €, one cent over the line limit;
    // row 7: exactly 10 000 000,00 €, accepted.
    let csv = format!(
        "INSZ;Periode;Looncode;Uren;Bedrag\n\
         {an};01/2026;1000;800000000000000000000000000;1\n\
         {an};01/2026;1001;8785;1\n\
         {an};01/2026;1002;8784;1\n\
         {an};01/2026;1003;1;79228162514264337593543950335\n\
         {an};01/2026;1004;1;10000000,01\n\
         {an};01/2026;1005;1;10000000,00\n",
        an = AN.0
    );
    let preview = preview_file(csv.as_bytes(), "vijandig.csv", &opts());
    assert_eq!(
        triples(&preview),
        [
            (2, "quantity", "import.hours_unreadable"),
            (3, "quantity", "payroll.hours_implausible"),
            // 8 784 h is allowed on one line, but not in one month for one worker: with the
            // hour of rows 5 to 7, 8 787 h > 31 × 24 = 744 h, on each line of the month.
            (4, "quantity", "payroll.month_hours_implausible"),
            (5, "amount", "payroll.amount_implausible"),
            (5, "quantity", "payroll.month_hours_implausible"),
            (6, "amount", "payroll.amount_implausible"),
            (6, "quantity", "payroll.month_hours_implausible"),
            (7, "quantity", "payroll.month_hours_implausible"),
        ]
    );
    let month = find(&preview, 4, "quantity", "payroll.month_hours_implausible");
    assert_eq!((month.params["hours"].as_str(), month.params["limit"].as_str()), ("8.787,00", "744"));
    assert_eq!(find(&preview, 3, "quantity", "payroll.hours_implausible").params["limit"], "8.784");
    assert_eq!(find(&preview, 6, "amount", "payroll.amount_implausible").params["limit"], "10.000.000,00 €");
    assert_eq!(line(&preview, 4).hours_hundredths, Some(878_400));
    assert_eq!(line(&preview, 7).amount, Some(Decimal::from(10_000_000)));
}
