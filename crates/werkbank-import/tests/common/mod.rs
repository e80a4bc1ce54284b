//! Fixtures for the integration tests: xlsx files written with rust_xlsxwriter, a minimal
//! ODS file, and valid INSZ numbers.
#![allow(dead_code)]

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::path::{Path, PathBuf};

/// Valid INSZ numbers and the birth dates they encode.
pub const AN: (&str, (i32, u32, u32)) = ("93051822361", (1993, 5, 18));
pub const BART: (&str, (i32, u32, u32)) = ("85073003328", (1985, 7, 30));
pub const CHLOE: (&str, (i32, u32, u32)) = ("00012556777", (2000, 1, 25));
pub const DIRK: (&str, (i32, u32, u32)) = ("90030304530", (1990, 3, 3));
pub const ELS: (&str, (i32, u32, u32)) = ("78091212849", (1978, 9, 12));
pub const FIEN: (&str, (i32, u32, u32)) = ("88010123538", (1988, 1, 1));
pub const GERT: (&str, (i32, u32, u32)) = ("95061531214", (1995, 6, 15));

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// A cell to write.
#[derive(Debug, Clone)]
pub enum V {
    /// Nothing written.
    Blank,
    S(String),
    N(f64),
    /// A real date cell, formatted dd/mm/yyyy.
    D(u16, u8, u8),
    /// A time cell (h:mm), as typed "7:36".
    Time(u16, u8),
    /// A formula with its cached result.
    F(&'static str, &'static str),
}

pub fn s(text: &str) -> V {
    V::S(text.to_owned())
}

/// A text row.
pub fn texts(cells: &[&str]) -> Vec<V> {
    cells.iter().map(|t| if t.is_empty() { V::Blank } else { s(t) }).collect()
}

/// An xlsx workbook with the given sheets, as bytes.
pub fn xlsx(sheets: &[(&str, Vec<Vec<V>>)]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let time_format = Format::new().set_num_format("h:mm");
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            let r = u32::try_from(r).expect("row");
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).expect("column");
                match cell {
                    V::Blank => {}
                    V::S(t) => {
                        sheet.write_string(r, c, t).expect("write");
                    }
                    V::N(n) => {
                        sheet.write_number(r, c, *n).expect("write");
                    }
                    V::D(y, m, day) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *day).expect("date");
                        sheet.write_datetime_with_format(r, c, &dt, &date_format).expect("write");
                    }
                    V::Time(h, m) => {
                        let dt = ExcelDateTime::from_hms(*h, *m, 0).expect("time");
                        sheet.write_datetime_with_format(r, c, &dt, &time_format).expect("write");
                    }
                    V::F(formula, result) => {
                        sheet.write_formula(r, c, Formula::new(*formula).set_result(*result)).expect("write");
                    }
                }
            }
        }
    }
    workbook.save_to_buffer().expect("xlsx")
}

/// Writes bytes to `name` in a fresh temporary directory (kept alive by the returned guard).
pub fn file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    (dir, path)
}

pub fn path_in(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    Path::new(dir.path()).join(name)
}

/// A minimal ODS spreadsheet (a stored, uncompressed zip) with one sheet whose rows are
/// given as `<table:table-cell …>` elements.
pub fn ods(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    let mut body = String::new();
    for row in rows {
        body.push_str("<table:table-row>");
        for cell in *row {
            body.push_str(cell);
        }
        body.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{sheet}">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    stored_zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".as_slice()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

/// An ODS text cell.
pub fn ods_text(t: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#)
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A zip archive with stored (uncompressed) entries.
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = u32::try_from(out.len()).expect("small zip");
        let crc = crc32(data);
        let size = u32::try_from(data.len()).expect("small entry");
        let name_len = u16::try_from(name.len()).expect("short name");
        // local file header
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        out.extend_from_slice(&0u32.to_le_bytes()); // time, date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // central directory entry
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        central.extend_from_slice(&20u16.to_le_bytes()); // version needed
        central.extend_from_slice(&0u16.to_le_bytes()); // flags
        central.extend_from_slice(&0u16.to_le_bytes()); // method
        central.extend_from_slice(&0u32.to_le_bytes()); // time, date
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0u8; 12]); // extra and comment length, disk, internal and external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).expect("small zip");
    let central_size = u32::try_from(central.len()).expect("small zip");
    let count = u16::try_from(entries.len()).expect("few entries");
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes()); // disk numbers
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}
