//! The hostile-file corpus (issue 14): every file a new user's social secretariat, a broken
//! disk or an attacker might hand the payroll or the staff import — zip bombs, truncated
//! and lying zips, giant cells and lines, thousands of columns, encodings, devices, huge
//! and malformed numbers in every numeric column — built by code in a temporary folder,
//! each with the answer it must get: a refusal with its code, or exactly these issues at
//! these rows and columns, or a clean preview. No case may panic, and no quoted value may
//! be longer than 60 characters and `…`.
//!
//! `hostile_corpus_under_a_memory_limit` runs the corpus in a child process whose address
//! space is limited to 1 GiB (`prlimit --as`), so a regression that allocates gigabytes
//! (the 3 MB xlsx that once asked for 4 135 583 744 bytes) fails instead of passing on a
//! machine with memory to spare. `HOSTILE_CORPUS_KEEP=/some/dir` keeps the files there (to
//! measure the CLI on them).

mod common;

use common::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use werkbank_import::payroll::{preview_payroll, PayrollOptions};
use werkbank_import::staff::{preview_staff, StaffImportOptions};
use werkbank_import::ImportIssue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Import {
    Payroll,
    Staff,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Expect {
    /// The file is refused with this `ReadError` code.
    Refused(&'static str),
    /// A preview with exactly these issues (row, column, code), in any order.
    Issues(Vec<(u32, &'static str, &'static str)>),
    /// A preview without issues, with this many lines (payroll) or rows (staff).
    Clean(usize),
}

#[derive(Clone)]
enum Make {
    Bytes(Vec<u8>),
    Dir,
    Fifo,
    Symlink(PathBuf),
    /// A sparse file of this length (no disk used).
    Sparse(u64),
}

struct Case {
    name: String,
    import: Import,
    make: Make,
    expect: Expect,
}

const TODAY: (i32, u32, u32) = (2026, 12, 3);

// ----- building files ------------------------------------------------------------------

/// One entry of a hand-made zip: the stored bytes, their method, and what the headers
/// declare (which a hostile file may make up).
struct Entry {
    name: String,
    method: u16,
    data: Vec<u8>,
    crc: u32,
    declared: u32,
}

impl Entry {
    fn deflated(name: &str, content: &[u8]) -> Self {
        let mut crc = flate2::Crc::new();
        crc.update(content);
        Self {
            name: name.to_owned(),
            method: 8,
            data: deflate(content),
            crc: crc.sum(),
            declared: u32::try_from(content.len()).expect("small part"),
        }
    }
}

fn deflate(content: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(content).expect("deflate");
    e.finish().expect("deflate")
}

/// A zip archive of the entries, as written (sizes and checksums as declared).
fn zip_of(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = u32::try_from(out.len()).expect("small zip");
        let packed = u32::try_from(e.data.len()).expect("small entry");
        let name_len = u16::try_from(e.name.len()).expect("short name");
        let head = |buf: &mut Vec<u8>| {
            buf.extend_from_slice(&20u16.to_le_bytes()); // version needed
            buf.extend_from_slice(&0u16.to_le_bytes()); // flags
            buf.extend_from_slice(&e.method.to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // time
            buf.extend_from_slice(&0x21u16.to_le_bytes()); // date: 1980-01-01
            buf.extend_from_slice(&e.crc.to_le_bytes());
            buf.extend_from_slice(&packed.to_le_bytes());
            buf.extend_from_slice(&e.declared.to_le_bytes());
            buf.extend_from_slice(&name_len.to_le_bytes());
            buf.extend_from_slice(&0u16.to_le_bytes()); // extra length
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        head(&mut out);
        out.extend_from_slice(e.name.as_bytes());
        out.extend_from_slice(&e.data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        head(&mut central);
        central.extend_from_slice(&[0u8; 10]); // comment length, disk, internal and external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(e.name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).expect("small zip");
    let central_size = u32::try_from(central.len()).expect("small zip");
    let count = u16::try_from(entries.len()).unwrap_or(u16::MAX);
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

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

/// The parts of a one-sheet xlsx around its sheet part.
fn xlsx_parts() -> Vec<Entry> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    vec![
        Entry::deflated("[Content_Types].xml", content_types.as_bytes()),
        Entry::deflated("_rels/.rels", rels.as_bytes()),
        Entry::deflated("xl/workbook.xml", workbook.as_bytes()),
        Entry::deflated("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
    ]
}

/// An xlsx whose sheet part is `sheet` (its whole XML).
fn xlsx_with_sheet(sheet: Entry) -> Vec<u8> {
    let mut parts = xlsx_parts();
    parts.push(sheet);
    zip_of(&parts)
}

/// An xlsx of inline-string rows: `rows[i]` is row `i + 1`, `(column letters, text)`.
fn raw_xlsx(dimension: &str, rows: &str) -> Vec<u8> {
    let xml = format!(r#"{SHEET_HEAD}<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>"#);
    xlsx_with_sheet(Entry::deflated("xl/worksheets/sheet1.xml", xml.as_bytes()))
}

fn inline(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A deflate stream of `prefix`, `mib` MiB of `unit` repeated, and `suffix`, built from one
/// compressed MiB repeated (each flushed in full, so independent): megabytes that unpack to
/// gigabytes, built in milliseconds. Returns the stream, the CRC-32 and the unpacked size.
fn bomb(prefix: &[u8], unit: &[u8], mib: usize, suffix: &[u8]) -> (Vec<u8>, u32, u64) {
    use flate2::{Compress, Compression, FlushCompress};
    let mib_of: Vec<u8> = unit.iter().copied().cycle().take(1 << 20).collect();
    let mut c = Compress::new(Compression::best(), false);
    let mut run = |input: &[u8], flush: FlushCompress| -> Vec<u8> {
        let mut out = Vec::with_capacity(input.len() + 1024);
        let before = c.total_in();
        c.compress_vec(input, &mut out, flush).expect("compress");
        assert_eq!(c.total_in() - before, input.len() as u64, "one call compresses it all");
        out
    };
    let head = run(prefix, FlushCompress::Full);
    let chunk = run(&mib_of, FlushCompress::Full);
    let tail = run(suffix, FlushCompress::Finish);
    let stream = |n: usize| -> Vec<u8> {
        let mut s = head.clone();
        for _ in 0..n {
            s.extend_from_slice(&chunk);
        }
        s.extend_from_slice(&tail);
        s
    };
    // The repeated chunk must unpack to itself each time: check a short stream.
    let mut check = Vec::new();
    flate2::read::DeflateDecoder::new(stream(3).as_slice()).read_to_end_into(&mut check);
    assert_eq!(check.len(), prefix.len() + 3 * (1 << 20) + suffix.len(), "the bomb builder unpacks right");
    let mut crc = flate2::Crc::new();
    crc.update(prefix);
    let mut chunk_crc = flate2::Crc::new();
    chunk_crc.update(&mib_of);
    for _ in 0..mib {
        crc.combine(&chunk_crc);
    }
    crc.update(suffix);
    let size = (prefix.len() + mib * (1 << 20) + suffix.len()) as u64;
    (stream(mib), crc.sum(), size)
}

trait ReadToEnd {
    fn read_to_end_into(self, out: &mut Vec<u8>);
}

impl<R: std::io::Read> ReadToEnd for R {
    fn read_to_end_into(mut self, out: &mut Vec<u8>) {
        self.read_to_end(out).expect("inflate");
    }
}

/// An xlsx whose sheet's only cell holds `mib` MiB of `unit` (spaces: the whitespace bomb
/// of the issue), declaring `declared` as the sheet's unpacked size (`None`: the truth).
fn bomb_xlsx(unit: &[u8], mib: usize, in_text: bool, declared: Option<u32>) -> Vec<u8> {
    let (prefix, suffix) = if in_text {
        (
            format!(r#"{SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"#),
            "</t></is></c></row></sheetData></worksheet>".to_owned(),
        )
    } else {
        (format!("{SHEET_HEAD}<sheetData>"), "</sheetData></worksheet>".to_owned())
    };
    let (data, crc, size) = bomb(prefix.as_bytes(), unit, mib, suffix.as_bytes());
    let declared = declared.unwrap_or_else(|| u32::try_from(size).expect("below 4 GiB"));
    xlsx_with_sheet(Entry { name: "xl/worksheets/sheet1.xml".into(), method: 8, data, crc, declared })
}

/// Seeded pseudo-random bytes (xorshift), the same on every run.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

/// A compound file (the container of xls and of encrypted xlsx): its signature and, for an
/// encrypted workbook, the stream names in UTF-16.
fn compound_file(encrypted: bool) -> Vec<u8> {
    let mut out = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    out.extend_from_slice(&noise(504, 7));
    if encrypted {
        out.extend_from_slice(&utf16("EncryptionInfo", false, false));
        out.extend_from_slice(&utf16("EncryptedPackage", false, false));
    }
    out.extend_from_slice(&noise(1024, 8));
    out
}

/// An ODS file whose only sheet's body (its `<table:table-row>` elements) is `rows`.
fn ods_raw(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Loon">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        Entry::deflated("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        Entry::deflated("META-INF/manifest.xml", manifest.as_bytes()),
        Entry::deflated("content.xml", content.as_bytes()),
    ])
}

/// One record of an xlsb part: its type and length as MS-XLSB writes them (7 bits a byte).
fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = if typ < 0x80 { vec![typ as u8] } else { vec![0x80 | (typ & 0x7F) as u8, (typ >> 7) as u8] };
    let mut len = data.len();
    while len >= 0x80 {
        out.push((len & 0x7F) as u8 | 0x80);
        len >>= 7;
    }
    out.push(len as u8);
    out.extend_from_slice(data);
    out
}

/// An XLWideString: its length in UTF-16 units, then UTF-16LE.
fn wide(text: &str) -> Vec<u8> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = (units.len() as u32).to_le_bytes().to_vec();
    out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    out
}

/// A cell of an xlsb sheet: a text (BrtCellSt), a number (BrtCellReal) or a shared-string
/// index (BrtCellIsst).
enum B {
    T(&'static str),
    N(f64),
    Isst(u32),
}

/// An xlsb workbook of one sheet "Loon": rows of (0-based row, [(0-based column, cell)]).
fn xlsb(rows: &[(u32, Vec<(u32, B)>)]) -> Vec<u8> {
    let mut bundle = 0u32.to_le_bytes().to_vec(); // visible
    bundle.extend_from_slice(&1u32.to_le_bytes()); // tab id
    bundle.extend(wide("rId1"));
    bundle.extend(wide("Loon"));
    let workbook = [record(0x009C, &bundle), record(0x0090, &[]), record(0x009D, &[0; 4])].concat();
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>"#;
    let last_row = rows.iter().map(|r| r.0).max().unwrap_or(0);
    let last_col = rows.iter().flat_map(|r| r.1.iter().map(|c| c.0)).max().unwrap_or(0);
    let dim: Vec<u8> = [0, last_row, 0, last_col].iter().flat_map(|v| v.to_le_bytes()).collect();
    let mut sheet = [record(0x0081, &[]), record(0x0094, &dim), record(0x0091, &[])].concat();
    for (row, cells) in rows {
        sheet.extend(record(0x0000, &[row.to_le_bytes().as_slice(), &[0; 8]].concat()));
        for (col, cell) in cells {
            let mut data = col.to_le_bytes().to_vec();
            data.extend_from_slice(&0u32.to_le_bytes()); // style
            let typ = match cell {
                B::T(t) => {
                    data.extend(wide(t));
                    0x0006
                }
                B::N(n) => {
                    data.extend_from_slice(&n.to_le_bytes());
                    0x0005
                }
                B::Isst(i) => {
                    data.extend_from_slice(&i.to_le_bytes());
                    0x0007
                }
            };
            sheet.extend(record(typ, &data));
        }
    }
    sheet.extend(record(0x0092, &[]));
    zip_of(&[
        Entry::deflated("xl/workbook.bin", &workbook),
        Entry::deflated("xl/_rels/workbook.bin.rels", rels.as_bytes()),
        Entry::deflated("xl/worksheets/sheet1.bin", &sheet),
    ])
}

// ----- the payroll files ----------------------------------------------------------------

const PAYROLL_HEADER: [&str; 10] =
    ["INSZ", "Naam", "Periode", "Looncode", "Uren", "Bedrag", "Brutoloon", "Werkgeversbijdragen", "Q", "S"];
/// Field ids of the columns above.
const PAYROLL_FIELDS: [&str; 10] =
    ["insz", "name", "period", "wage_code", "quantity", "amount", "gross_wage", "employer_contributions", "q", "s"];
const PAYROLL_LINE: [&str; 10] =
    ["93051822361", "Peeters An", "01/2026", "1000", "7,60", "100,00", "2.000,00", "500,00", "38", "38"];

fn payroll_csv_with(column: usize, value: &str) -> String {
    let mut line = PAYROLL_LINE.map(str::to_owned);
    line[column] = value.to_owned();
    format!("{}\n{}\n", PAYROLL_HEADER.join(";"), line.join(";"))
}

fn payroll_csv() -> String {
    format!("{}\n{}\n", PAYROLL_HEADER.join(";"), PAYROLL_LINE.join(";"))
}

fn payroll_xlsx_rows(line: Vec<V>) -> Vec<Vec<V>> {
    vec![texts(&PAYROLL_HEADER), line]
}

fn payroll_line_cells() -> Vec<V> {
    texts(&PAYROLL_LINE)
}

// ----- the staff files ------------------------------------------------------------------

const STAFF_HEADER: [&str; 9] =
    ["INSZ", "Naam", "Voornaam", "Geboortedatum", "Categorie", "Begindatum", "Einddatum", "Q", "S"];
const STAFF_FIELDS: [&str; 9] = ["insz", "last_name", "first_name", "birth_date", "category", "start", "end", "q", "s"];
const STAFF_ROW: [&str; 9] =
    ["93051822361", "Peeters", "An", "18/05/1993", "Doelgroep niet erkend", "01/01/2026", "", "22,8", "38"];

fn staff_csv_with(column: usize, value: &str) -> String {
    let mut row = STAFF_ROW.map(str::to_owned);
    row[column] = value.to_owned();
    format!("{}\n{}\n", STAFF_HEADER.join(";"), row.join(";"))
}

fn staff_csv() -> String {
    format!("{}\n{}\n", STAFF_HEADER.join(";"), STAFF_ROW.join(";"))
}

// ----- the corpus -----------------------------------------------------------------------

/// The code expected in a column, `None` for a clean line.
type Answer = Option<&'static str>;

/// Hostile numbers and what each numeric column of a payroll line answers: (value, hours
/// column `Uren`, an amount column, Q, S). `None` is a clean line. The hand reasoning:
/// - 8·10²⁶ and the largest decimal parse as decimals, but ×100 (hundredths of hours)
///   overflows: unreadable as hours; as an amount beyond 10 000 000 €: implausible;
/// - a 30-digit number, `1e400`, `NaN`, `inf` are no decimal at all;
/// - 99 999,99 h > 8 784 h (a year) on one line; as Q or S > 60 h;
/// - 1 234,56 h ≤ 8 784 h on one line, but > 31 × 24 = 744 h in January for one worker;
/// - `2.100` alone in a column cannot tell its separator (amounts, quantities); Q and S
///   read it as 2,1 h, and S = 2,1 h < Q = 38 h;
/// - `7:99` has 99 minutes; `99999:00` five digits of hours; 9 999:00 h > 8 784 h.
const NUMBERS: &[(&str, Answer, Answer, Answer, Answer)] = {
    const HU: Option<&str> = Some("import.hours_unreadable");
    const NU: Option<&str> = Some("import.number_unreadable");
    const AI: Option<&str> = Some("payroll.amount_implausible");
    const HI: Option<&str> = Some("payroll.hours_implausible");
    const MI: Option<&str> = Some("payroll.month_hours_implausible");
    const WI: Option<&str> = Some("payroll.weekly_hours_implausible");
    const NEG: Option<&str> = Some("payroll.hours_negative");
    const AMB: Option<&str> = Some("import.number_ambiguous");
    const QS: Option<&str> = Some("fraction.q_above_s");
    &[
        ("800000000000000000000000000", HU, AI, HU, HU),
        ("79228162514264337593543950335", HU, AI, HU, HU),
        ("-79228162514264337593543950335", HU, AI, HU, HU),
        ("792281625142643375935439503350", HU, NU, HU, HU),
        ("1e400", HU, NU, HU, HU),
        ("-1e400", HU, NU, HU, HU),
        ("1E5", HU, NU, HU, HU),
        ("NaN", HU, NU, HU, HU),
        ("inf", HU, NU, HU, HU),
        ("∞", HU, NU, HU, HU),
        ("99999,99", HI, None, WI, WI),
        ("-5", NEG, None, HU, HU),
        ("(5)", NEG, None, HU, HU),
        ("5-", NEG, None, HU, HU),
        ("--5", HU, NU, HU, HU),
        ("1.2.3,4", HU, NU, HU, HU),
        ("12,345.678,9", HU, NU, HU, HU),
        ("1.23.456", HU, NU, HU, HU),
        ("١٢٣", HU, NU, HU, HU),
        ("0x1F", HU, NU, HU, HU),
        ("10000000,01", HI, AI, WI, WI),
        ("1.234,56", MI, None, WI, WI),
        ("1 234,56", MI, None, WI, WI),
        ("7:99", HU, NU, HU, HU),
        ("99999:00", HU, NU, HU, HU),
        ("9999:00", HI, NU, WI, WI),
        ("11111111111111111111111111111111111111111111111111111111111111111111111", HU, NU, HU, HU),
        ("2.100", AMB, AMB, None, QS),
        ("38,5", None, None, QS, None),
        ("61", None, None, WI, WI),
        ("60", None, None, QS, None),
        ("0", None, None, None, QS),
        ("€ 12,50", None, None, None, QS),
    ]
};

/// Hostile periods: none of them is a month or a quarter between 1900 and 2199.
const PERIODS: &[&str] = &[
    "99999-01-01",
    "01/99999",
    "2026-13",
    "00/2026",
    "31/02/2026",
    "1e400",
    "2026/5",
    "2026",
    "99999999999",
    "01/1899",
    "-2026-01",
    "Q5 2026",
];

fn payroll_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |name: String, bytes: Vec<u8>, expect: Expect| {
        cases.push(Case { name, import: Import::Payroll, make: Make::Bytes(bytes), expect });
    };
    add("p-baseline.csv".into(), payroll_csv().into_bytes(), Expect::Clean(1));
    for (i, (value, hours, amount, q, s)) in NUMBERS.iter().enumerate() {
        for (column, expected) in [(4, hours), (5, amount), (6, amount), (7, amount), (8, q), (9, s)] {
            let field = PAYROLL_FIELDS[column];
            // Q above S is reported in the Q column, whichever of both is hostile.
            let at = if *expected == Some("fraction.q_above_s") { "q" } else { field };
            let expect = match expected {
                None => Expect::Clean(1),
                Some(code) => Expect::Issues(vec![(2, at, code)]),
            };
            add(format!("p-number-{i:02}-{field}.csv"), payroll_csv_with(column, value).into_bytes(), expect);
        }
    }
    for (i, period) in PERIODS.iter().enumerate() {
        add(
            format!("p-period-{i:02}.csv"),
            payroll_csv_with(2, period).into_bytes(),
            Expect::Issues(vec![(2, "period", "import.period_unreadable")]),
        );
    }
    let long = "9".repeat(200);
    for (i, (insz, code)) in
        [("1e400", "insz.format"), ("93051822362", "insz.checksum"), (long.as_str(), "insz.format")].iter().enumerate()
    {
        add(format!("p-insz-{i}.csv"), payroll_csv_with(0, insz).into_bytes(), Expect::Issues(vec![(2, "insz", code)]));
    }
    add(
        "p-insz-empty.csv".into(),
        payroll_csv_with(0, "").into_bytes(),
        Expect::Issues(vec![(2, "insz", "payroll.worker_missing")]),
    );
    add(
        "p-wage-code-empty.csv".into(),
        payroll_csv_with(3, "").into_bytes(),
        Expect::Issues(vec![(2, "wage_code", "import.value_required")]),
    );
    // A text of 10 000 characters where an amount belongs: unreadable, quoted in 60.
    add(
        "p-amount-10000-chars.csv".into(),
        payroll_csv_with(5, &"x".repeat(10_000)).into_bytes(),
        Expect::Issues(vec![(2, "amount", "import.number_unreadable")]),
    );

    // Hours summed per worker and month (checked): 400 + 400 = 800 h > 744 h in January;
    // 340 + 340 = 680 h > 28 × 24 = 672 h in February 2026; 372 + 372 = 744 h, exactly
    // January's, is plausible; 400 h each for two workers is too.
    let month = |lines: &[(&str, &str, &str, &str)]| -> Vec<u8> {
        let mut text = format!("{}\n", PAYROLL_HEADER.join(";"));
        for (insz, period, code, hours) in lines {
            text.push_str(&format!("{insz};X;{period};{code};{hours};1,00;;;38;38\n"));
        }
        text.into_bytes()
    };
    let (an, bart) = (AN.0, BART.0);
    let mi = "payroll.month_hours_implausible";
    add(
        "p-month-800h.csv".into(),
        month(&[(an, "01/2026", "1000", "400"), (an, "01/2026", "1010", "400")]),
        Expect::Issues(vec![(2, "quantity", mi), (3, "quantity", mi)]),
    );
    add(
        "p-month-february-680h.csv".into(),
        month(&[(an, "02/2026", "1000", "340"), (an, "02/2026", "1010", "340")]),
        Expect::Issues(vec![(2, "quantity", mi), (3, "quantity", mi)]),
    );
    add(
        "p-month-exactly-744h.csv".into(),
        month(&[(an, "01/2026", "1000", "372"), (an, "01/2026", "1010", "372")]),
        Expect::Clean(2),
    );
    add(
        "p-month-two-workers.csv".into(),
        month(&[(an, "01/2026", "1000", "400"), (bart, "01/2026", "1000", "400")]),
        Expect::Clean(2),
    );
    add(
        "p-month-corrections.csv".into(),
        month(&[(an, "01/2026", "1000", "700"), (an, "01/2026", "1010", "-100"), (an, "01/2026", "1020", "100")]),
        Expect::Issues(vec![(3, "quantity", "payroll.hours_negative")]),
    );

    // xlsx cells: formula errors, formulas without a value, merged cells, hidden sheets,
    // numbers too large for a decimal, date and duration serials far beyond any calendar.
    let with = |column: usize, cell: V| {
        let mut line = payroll_line_cells();
        line[column] = cell;
        xlsx(&[("Loon", payroll_xlsx_rows(line))])
    };
    add("p-xlsx-baseline.xlsx".into(), with(0, s(AN.0)), Expect::Clean(1));
    add(
        "p-xlsx-div0.xlsx".into(),
        raw_xlsx(
            "A1:F2",
            &format!(
                r#"<row r="1">{}{}{}{}{}{}</row><row r="2">{}{}{}{}{}<c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>"#,
                inline("A1", "INSZ"),
                inline("B1", "Naam"),
                inline("C1", "Periode"),
                inline("D1", "Looncode"),
                inline("E1", "Uren"),
                inline("F1", "Bedrag"),
                inline("A2", AN.0),
                inline("B2", "Peeters An"),
                inline("C2", "01/2026"),
                inline("D2", "1000"),
                inline("E2", "7,60"),
            ),
        ),
        Expect::Issues(vec![(2, "amount", "import.cell_error")]),
    );
    add(
        "p-xlsx-na-hours.xlsx".into(),
        raw_xlsx(
            "A1:E2",
            &format!(
                r#"<row r="1">{}{}{}{}{}</row><row r="2">{}{}{}{}<c r="E2" t="e"><f>NA()</f><v>#N/A</v></c></row>"#,
                inline("A1", "INSZ"),
                inline("B1", "Naam"),
                inline("C1", "Periode"),
                inline("D1", "Looncode"),
                inline("E1", "Uren"),
                inline("A2", AN.0),
                inline("B2", "Peeters An"),
                inline("C2", "01/2026"),
                inline("D2", "1000"),
            ),
        ),
        Expect::Issues(vec![(2, "quantity", "import.cell_error")]),
    );
    add(
        "p-xlsx-formula-without-value.xlsx".into(),
        raw_xlsx(
            "A1:E2",
            &format!(
                r#"<row r="1">{}{}{}{}{}</row><row r="2">{}{}{}{}<c r="E2"><f>SUM(A1:A9)</f></c></row>"#,
                inline("A1", "INSZ"),
                inline("B1", "Naam"),
                inline("C1", "Periode"),
                inline("D1", "Looncode"),
                inline("E1", "Uren"),
                inline("A2", AN.0),
                inline("B2", "Peeters An"),
                inline("C2", "01/2026"),
                inline("D2", "1000"),
            ),
        ),
        Expect::Issues(vec![(2, "quantity", "import.formula_without_value")]),
    );
    {
        // An amount merged over two lines: whose is it?
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in PAYROLL_HEADER.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for r in 1..=2u32 {
            for (c, v) in PAYROLL_LINE.iter().enumerate() {
                let v = if c == 3 { format!("100{r}") } else { (*v).to_owned() };
                ws.write_string(r, c as u16, v).unwrap();
            }
        }
        ws.merge_range(1, 5, 2, 5, "100,00", &rust_xlsxwriter::Format::new()).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        add(
            "p-xlsx-merged-amount.xlsx".into(),
            bytes,
            Expect::Issues(vec![(2, "amount", "import.merged_cells"), (3, "amount", "import.merged_cells")]),
        );
    }
    {
        // The first sheet is hidden and holds the data: it is read, as the file's first.
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Verborgen").unwrap();
        for (r, row) in [PAYROLL_HEADER, PAYROLL_LINE].iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        ws.set_hidden(true);
        let other = wb.add_worksheet();
        other.write_string(0, 0, "Zie het verborgen blad").unwrap();
        other.set_active(true);
        add("p-xlsx-hidden-first-sheet.xlsx".into(), wb.save_to_buffer().unwrap(), Expect::Clean(1));
    }
    add(
        "p-xlsx-amount-1e308.xlsx".into(),
        with(5, V::N(1e308)),
        Expect::Issues(vec![(2, "amount", "import.number_unreadable")]),
    );
    add(
        "p-xlsx-amount-1e20.xlsx".into(),
        with(5, V::N(1e20)),
        Expect::Issues(vec![(2, "amount", "payroll.amount_implausible")]),
    );
    add(
        "p-xlsx-hours-1e30.xlsx".into(),
        with(4, V::N(1e30)),
        Expect::Issues(vec![(2, "quantity", "import.hours_unreadable")]),
    );
    add(
        "p-xlsx-period-number-1e308.xlsx".into(),
        with(2, V::N(1e308)),
        Expect::Issues(vec![(2, "period", "import.period_unreadable")]),
    );
    for (name, column, value, format, expect) in [
        // Date and duration serials beyond ± 10⁸ days: calamine's conversion to a date or a
        // duration would leave chrono's range (a panic); they are numbers, unreadable here.
        ("p-xlsx-period-date-1e300.xlsx", 2, 1e300, "dd/mm/yyyy", (2, "period", "import.period_unreadable")),
        ("p-xlsx-period-date-minus-1e300.xlsx", 2, -1e300, "dd/mm/yyyy", (2, "period", "import.period_unreadable")),
        ("p-xlsx-hours-duration-1e300.xlsx", 4, 1e300, "[h]:mm", (2, "quantity", "import.hours_unreadable")),
        ("p-xlsx-hours-duration-minus-1e300.xlsx", 4, -1e300, "[h]:mm", (2, "quantity", "import.hours_unreadable")),
        ("p-xlsx-q-duration-1e300.xlsx", 8, 1e300, "[h]:mm", (2, "q", "import.hours_unreadable")),
        ("p-xlsx-period-date-99999.xlsx", 2, 99_999_999.0, "dd/mm/yyyy", (2, "period", "import.period_unreadable")),
    ] {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (r, row) in [PAYROLL_HEADER, PAYROLL_LINE].iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        ws.write_number_with_format(1, column, value, &rust_xlsxwriter::Format::new().set_num_format(format)).unwrap();
        add(name.into(), wb.save_to_buffer().unwrap(), Expect::Issues(vec![expect]));
    }
    // xlsb: a baseline; a cell at XFD1048576 (calamine's range would be 17 billion cells,
    // the streamed reader reads one more line, without a worker, period or wage code); a
    // column beyond XFD; a shared-string index beyond the (missing) table (calamine panics
    // on it: a refusal, not a crash).
    let header_row = || (0u32, PAYROLL_HEADER.iter().enumerate().map(|(c, h)| (c as u32, B::T(h))).collect::<Vec<_>>());
    let line_row = || (1u32, PAYROLL_LINE.iter().enumerate().map(|(c, v)| (c as u32, B::T(v))).collect::<Vec<_>>());
    add("p-xlsb-baseline.xlsb".into(), xlsb(&[header_row(), line_row()]), Expect::Clean(1));
    add(
        "p-xlsb-far-corner.xlsb".into(),
        xlsb(&[header_row(), line_row(), (1_048_575, vec![(16_383, B::N(1.0))])]),
        Expect::Issues(vec![
            (1_048_576, "insz", "payroll.worker_missing"),
            (1_048_576, "period", "import.value_required"),
            (1_048_576, "wage_code", "import.value_required"),
        ]),
    );
    add(
        "p-xlsb-column-4e9.xlsb".into(),
        xlsb(&[header_row(), (1, vec![(4_000_000_000, B::T("x"))])]),
        Expect::Refused("import.too_many_columns"),
    );
    add(
        "p-xlsb-shared-string-999.xlsb".into(),
        xlsb(&[header_row(), (1, vec![(0, B::Isst(999))])]),
        Expect::Refused("import.unreadable"),
    );
    // ODS, the format calamine reads whole.
    let ods_row = |cells: &[&str]| cells.iter().map(|c| ods_text(c)).collect::<Vec<_>>();
    let (h, l) = (ods_row(&PAYROLL_HEADER), ods_row(&PAYROLL_LINE));
    let h: Vec<&str> = h.iter().map(String::as_str).collect();
    let l: Vec<&str> = l.iter().map(String::as_str).collect();
    add("p-ods-baseline.ods".into(), ods("Loon", &[&h, &l]), Expect::Clean(1));
    let row = |cells: &[String]| format!("<table:table-row>{}</table:table-row>", cells.concat());
    let (h, l) = (row(&ods_row(&PAYROLL_HEADER)), row(&ods_row(&PAYROLL_LINE)));
    // As spreadsheet programs save them: the empty rest of the sheet as repeated empty cells.
    let trailing = r#"<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
    add("p-ods-trailing-repeats.ods".into(), ods_raw(&format!("{h}{l}{trailing}")), Expect::Clean(1));
    // One value repeated over 16 384 columns and 6 000 rows: 98 million cells (3 GB in
    // calamine) from a few hundred bytes.
    let bomb = r#"<table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    add("p-ods-repeat-bomb.ods".into(), ods_raw(&format!("{h}{bomb}")), Expect::Refused("import.sheet_too_large"));
    // A value a million empty rows below the data, ten columns wide: 10 million cells.
    let gap = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="10"/></table:table-row>"#;
    let far = format!("<table:table-row>{}</table:table-row>", ods_row(&["x"; 10]).concat());
    let gap_bomb = ods_raw(&format!("{h}{l}{gap}{far}"));
    add("p-ods-gap-bomb.ods".into(), gap_bomb.clone(), Expect::Refused("import.sheet_too_large"));
    // The same behind four bytes of junk: a zip is found from its end, so calamine still
    // reads it, and so must the check (libFuzzer found this one, as "PKio" and the bomb).
    add(
        "p-ods-gap-bomb-after-junk.ods".into(),
        [b"PKio".as_slice(), &gap_bomb].concat(),
        Expect::Refused("import.sheet_too_large"),
    );
    add("p-xlsx-after-junk.xlsx".into(), [b"junk".as_slice(), &with(0, s(AN.0))].concat(), Expect::Clean(1));
    cases
}

/// Staff values and their issues (row 2): Q and S within 0 < Q ≤ S ≤ 48 h (the DmfA range:
/// stricter than 60 h), every hostile number a row issue, dates between 1900 and 2199.
fn staff_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |name: String, bytes: Vec<u8>, expect: Expect| {
        cases.push(Case { name, import: Import::Staff, make: Make::Bytes(bytes), expect });
    };
    add("s-baseline.csv".into(), staff_csv().into_bytes(), Expect::Clean(1));
    let hu = "import.hours_unreadable";
    let du = "import.date_unreadable";
    let long_insz = "9".repeat(200);
    let long_category = "categorie ".repeat(100);
    type Row<'a> = (usize, &'a str, Vec<(&'static str, &'static str)>);
    let table: Vec<Row<'_>> = vec![
        (7, "800000000000000000000000000", vec![("q", hu)]),
        (8, "800000000000000000000000000", vec![("s", hu)]),
        (7, "79228162514264337593543950335", vec![("q", hu)]),
        (7, "1e400", vec![("q", hu)]),
        (8, "1e400", vec![("s", hu)]),
        (7, "-5", vec![("q", hu)]),
        (8, "-5", vec![("s", hu)]),
        (7, "NaN", vec![("q", hu)]),
        (8, "inf", vec![("s", hu)]),
        (7, "99999:00", vec![("q", hu)]),
        (7, "7:99", vec![("q", hu)]),
        (7, "4294967296", vec![("q", hu)]),
        (7, "11111111111111111111111111111111111111111111111111111111111111111111111", vec![("q", hu)]),
        // 42 949 672,95 h is 4 294 967 295 hundredths: it fits, and is far beyond 48 h.
        (7, "42949672,95", vec![("q", "fraction.q_range")]),
        (7, "0", vec![("q", "fraction.q_range")]),
        (8, "0", vec![("s", "fraction.s_range")]),
        (7, "60", vec![("q", "fraction.q_range")]),
        (8, "60", vec![("s", "fraction.s_range")]),
        (7, "48,01", vec![("q", "fraction.q_range")]),
        // Q 38,5 h > S 38 h; Q 22,8 h > S 20 h.
        (7, "38,5", vec![("q", "fraction.q_above_s")]),
        (8, "20", vec![("q", "fraction.q_above_s")]),
        (7, "2.100", vec![("q", "import.number_ambiguous")]),
        (5, "99999-01-01", vec![("start", du)]),
        (5, "31/02/2026", vec![("start", du)]),
        (5, "01/01/1899", vec![("start", du)]),
        (5, "1e400", vec![("start", du)]),
        (5, "2026-01-01T99:99", vec![("start", du)]),
        (6, "31/12/2025", vec![("end", "period.end_before_start")]),
        (6, "01/01/2200", vec![("end", du)]),
        (3, "99999-01-01", vec![("birth_date", du)]),
        (0, "1e400", vec![("insz", "insz.format")]),
        (0, "93051822362", vec![("insz", "insz.checksum")]),
        (0, long_insz.as_str(), vec![("insz", "insz.format")]),
        (4, long_category.as_str(), vec![("category", "category.unknown")]),
        (1, "", vec![("last_name", "import.value_required")]),
    ];
    for (i, (column, value, issues)) in table.into_iter().enumerate() {
        let field = STAFF_FIELDS[column];
        add(
            format!("s-value-{i:02}-{field}.csv"),
            staff_csv_with(column, value).into_bytes(),
            Expect::Issues(issues.into_iter().map(|(c, code)| (2, c, code)).collect()),
        );
    }
    // Born in 2100: after today.
    add(
        "s-birth-2100.csv".into(),
        staff_csv_with(3, "01/01/2100").into_bytes(),
        // (the person's rules stop at the first: no comparison with the INSZ's date)
        Expect::Issues(vec![(2, "birth_date", "person.birth_date_future")]),
    );
    add(
        "s-xlsx-q-div0.xlsx".into(),
        {
            let mut row = texts(&STAFF_ROW);
            row[7] = V::F("=1/0", "#DIV/0!");
            xlsx(&[("Personeel", vec![texts(&STAFF_HEADER), row])])
        },
        Expect::Issues(vec![(2, "q", "import.cell_error")]),
    );
    cases
}

/// Files that no import can read, or that must be read despite their name: each given to
/// both imports.
fn file_cases(dir: &Path) -> Vec<(String, Make, Expect)> {
    let mut out: Vec<(String, Make, Expect)> = Vec::new();
    let mut add = |name: &str, make: Make, expect: Expect| out.push((name.to_owned(), make, expect));
    let refused = Expect::Refused;
    let header_not_found = || Expect::Issues(vec![(1, "", "import.header_not_found")]);
    add("empty.csv", Make::Bytes(Vec::new()), refused("import.empty"));
    add("empty.xlsx", Make::Bytes(Vec::new()), refused("import.empty"));
    add("blank-lines.csv", Make::Bytes(b"\r\n;;\r\n \r\n".to_vec()), refused("import.empty"));
    add("bom-only.csv", Make::Bytes(b"\xEF\xBB\xBF".to_vec()), refused("import.empty"));
    add("nuls.csv", Make::Bytes(vec![0; 4096]), header_not_found());
    add("nuls.xlsx", Make::Bytes(vec![0; 4096]), refused("import.unreadable"));
    add("noise.csv", Make::Bytes(noise(4096, 1)), header_not_found());
    add("noise.xlsx", Make::Bytes(noise(4096, 2)), refused("import.unreadable"));
    add("noise.ods", Make::Bytes(noise(4096, 3)), refused("import.unreadable"));
    add("noise.xls", Make::Bytes(noise(4096, 4)), refused("import.unreadable"));
    add("folder.csv", Make::Dir, refused("import.not_a_file"));
    add("fifo.csv", Make::Fifo, refused("import.not_a_file"));
    add("zero.csv", Make::Symlink(PathBuf::from("/dev/zero")), refused("import.not_a_file"));
    add("urandom.xlsx", Make::Symlink(PathBuf::from("/dev/urandom")), refused("import.not_a_file"));
    add("dangling.csv", Make::Symlink(dir.join("nowhere.csv")), refused("import.file_not_found"));
    add("huge.csv", Make::Sparse(werkbank_import::table::MAX_FILE_BYTES + 1), refused("import.too_large"));
    add("huge.xlsx", Make::Sparse(werkbank_import::table::MAX_FILE_BYTES + 1), refused("import.too_large"));
    add("report.pdf", Make::Bytes(b"%PDF-1.4".to_vec()), refused("import.unsupported_format"));
    add("no-extension", Make::Bytes(b"a;b\n1;2\n".to_vec()), refused("import.unsupported_format"));
    add("header-only.csv", Make::Bytes(b"INSZ;Naam;Periode;Looncode\n".to_vec()), refused("import.header_only"));
    // Zips that are damaged, truncated, or lie.
    let good = raw_xlsx("A1:A1", &format!(r#"<row r="1">{}</row>"#, inline("A1", "x")));
    add("truncated-half.xlsx", Make::Bytes(good[..good.len() / 2].to_vec()), refused("import.package_invalid"));
    add("truncated-100.xlsx", Make::Bytes(good[..100].to_vec()), refused("import.package_invalid"));
    add("truncated-directory.xlsx", Make::Bytes(good[..good.len() - 30].to_vec()), refused("import.package_invalid"));
    add(
        "pk-junk.xlsx",
        Make::Bytes([b"PK\x03\x04".as_slice(), &noise(2000, 5)].concat()),
        refused("import.package_invalid"),
    );
    add(
        "pk-junk.ods",
        Make::Bytes([b"PK\x03\x04".as_slice(), &noise(2000, 6)].concat()),
        refused("import.package_invalid"),
    );
    {
        let mut bad_crc = xlsx_parts();
        let mut sheet = Entry::deflated(
            "xl/worksheets/sheet1.xml",
            format!(r#"{SHEET_HEAD}<sheetData><row r="1">{}</row></sheetData></worksheet>"#, inline("A1", "x"))
                .as_bytes(),
        );
        sheet.crc ^= 0xFFFF;
        bad_crc.push(sheet);
        add("bad-crc.xlsx", Make::Bytes(zip_of(&bad_crc)), refused("import.package_invalid"));
        let mut bzip = xlsx_parts();
        bzip.push(Entry {
            name: "xl/worksheets/sheet1.xml".into(),
            method: 12,
            data: noise(100, 9),
            crc: 0,
            declared: 100,
        });
        add("bzip2-method.xlsx", Make::Bytes(zip_of(&bzip)), refused("import.package_invalid"));
        let mut corrupt = xlsx_parts();
        corrupt.push(Entry {
            name: "xl/worksheets/sheet1.xml".into(),
            method: 8,
            data: noise(3000, 10),
            crc: 0,
            declared: 9000,
        });
        add("corrupt-deflate.xlsx", Make::Bytes(zip_of(&corrupt)), refused("import.package_invalid"));
    }
    // A zip of no spreadsheet at all (a Word-like package).
    add(
        "not-a-workbook.xlsx",
        Make::Bytes(zip_of(&[Entry::deflated("word/document.xml", b"<w:document/>")])),
        refused("import.unreadable"),
    );
    // Zip bombs: 3 GB of spaces in one cell in 3 MB (the issue's file) declaring the truth
    // (refused on the declared size, nothing unpacked); the same declaring 1 000 bytes (the
    // zip reader stops at the declared size: a damaged package); 300 MiB of spaces and
    // 100 MiB of `<v/>` declared truthfully, at a ratio of about 1 000.
    add("bomb-3gb-truthful.xlsx", Make::Bytes(bomb_xlsx(b" ", 3000, true, None)), refused("import.part_too_large"));
    add("bomb-3gb-lying.xlsx", Make::Bytes(bomb_xlsx(b" ", 3000, true, Some(1000))), refused("import.package_invalid"));
    add(
        "bomb-tags-lying.xlsx",
        Make::Bytes(bomb_xlsx(b"<v/>", 600, false, Some(1000))),
        refused("import.package_invalid"),
    );
    add("bomb-300mb-spaces.xlsx", Make::Bytes(bomb_xlsx(b" ", 300, true, None)), refused("import.compression_ratio"));
    add("bomb-100mb-tags.xlsx", Make::Bytes(bomb_xlsx(b"<v/>", 100, false, None)), refused("import.compression_ratio"));
    add("bomb-3gb.ods", Make::Bytes(bomb_xlsx(b" ", 3000, true, None)), refused("import.part_too_large"));
    add(
        "bomb-3gb-after-junk.xlsx",
        Make::Bytes([noise(100, 11).as_slice(), &bomb_xlsx(b" ", 3000, true, None)].concat()),
        refused("import.part_too_large"),
    );
    {
        // Three parts declaring 400 MiB each, at a ratio of 200: 1,2 GiB in all.
        let mut parts = xlsx_parts();
        for i in 0..3 {
            let data = noise(2 << 20, 20 + i);
            parts.push(Entry { name: format!("xl/media/image{i}.bin"), method: 0, data, crc: 0, declared: 400 << 20 });
        }
        add("parts-1.2gib.xlsx", Make::Bytes(zip_of(&parts)), refused("import.package_too_large"));
        let mut many = xlsx_parts();
        for i in 0..10_001 {
            many.push(Entry::deflated(&format!("xl/media/p{i}.xml"), b"<a/>"));
        }
        add("parts-10001.xlsx", Make::Bytes(zip_of(&many)), refused("import.package_too_many_parts"));
    }
    // A text of 5 MiB in one cell (an XML run beyond 4 MiB); one of 40 000 characters.
    let xml = format!(
        r#"{SHEET_HEAD}<sheetData><row r="1">{}</row></sheetData></worksheet>"#,
        inline("A1", &"a".repeat(5 << 20))
    );
    add(
        "xml-run-5mib.xlsx",
        Make::Bytes(xlsx_with_sheet(Entry::deflated("xl/worksheets/sheet1.xml", xml.as_bytes()))),
        refused("import.xml_run_too_long"),
    );
    add(
        "cell-40000.xlsx",
        Make::Bytes(raw_xlsx(
            "A1:C2",
            &format!(
                r#"<row r="1">{}{}</row><row r="2">{}{}{}</row>"#,
                inline("A1", "INSZ"),
                inline("B1", "Naam"),
                inline("A2", AN.0),
                inline("B2", "x"),
                inline("C2", &"é".repeat(40_000))
            ),
        )),
        refused("import.cell_too_long"),
    );
    add(
        "row-2000000.xlsx",
        Make::Bytes(raw_xlsx("A1:A2000000", &format!(r#"<row r="2000000">{}</row>"#, inline("A2000000", "x")))),
        refused("import.too_many_rows"),
    );
    add(
        "column-xfe.xlsx",
        Make::Bytes(raw_xlsx("A1:XFE1", &format!(r#"<row r="1">{}{}</row>"#, inline("A1", "x"), inline("XFE1", "y")))),
        refused("import.too_many_columns"),
    );
    {
        // One shared string of 32 000 characters on 9 000 rows: 288 MB of copies from a
        // file of a few hundred kB, beyond the sheet's 256 MiB of text.
        let mut parts = xlsx_parts();
        parts[3] = Entry::deflated(
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        );
        let sst = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{}</t></si></sst>"#,
            "z".repeat(32_000)
        );
        parts.push(Entry::deflated("xl/sharedStrings.xml", sst.as_bytes()));
        let rows: String =
            (1..=9_000).map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#)).collect();
        let sheet = format!(r#"{SHEET_HEAD}<dimension ref="A1:A9000"/><sheetData>{rows}</sheetData></worksheet>"#);
        parts.push(Entry::deflated("xl/worksheets/sheet1.xml", sheet.as_bytes()));
        add("shared-string-amplified.xlsx", Make::Bytes(zip_of(&parts)), refused("import.sheet_too_large"));
        // A merged area A2:XFD3 repeating a text of 30 000 characters in 16 384 columns.
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "INSZ").unwrap();
        ws.merge_range(1, 0, 2, 16_383, &"m".repeat(30_000), &rust_xlsxwriter::Format::new()).unwrap();
        add("merged-amplified.xlsx", Make::Bytes(wb.save_to_buffer().unwrap()), refused("import.row_too_long"));
    }
    // Compound files: an encrypted workbook, and junk behind the signature.
    add("encrypted.xlsx", Make::Bytes(compound_file(true)), refused("import.encrypted"));
    add("encrypted.xls", Make::Bytes(compound_file(true)), refused("import.encrypted"));
    add("compound-junk.xls", Make::Bytes(compound_file(false)), refused("import.unreadable"));
    // CSV beyond its limits: a cell of 40 000 characters (column B of row 2), a quote that
    // never closes (row 3, column C), a line of 2 MiB, 20 000 columns, 1 100 000 lines.
    add(
        "csv-cell-40000.csv",
        Make::Bytes(format!("a;b\n1;{}\n", "x".repeat(40_000)).into_bytes()),
        refused("import.cell_too_long"),
    );
    add(
        "csv-open-quote.csv",
        Make::Bytes(format!("a;b;c\n1;2;3\n4;5;\"6{}\n", "\n7;8;9".repeat(8_000)).into_bytes()),
        refused("import.cell_too_long"),
    );
    add(
        "csv-line-2mib.csv",
        Make::Bytes(format!("a;b\n{}\n", vec!["y".repeat(1_000); 2_100].join(";")).into_bytes()),
        refused("import.row_too_long"),
    );
    add(
        "csv-20000-columns.csv",
        Make::Bytes(format!("{}\n", ";".repeat(20_000)).into_bytes()),
        refused("import.too_many_columns"),
    );
    add("csv-1100000-lines.csv", Make::Bytes("a\n".repeat(1_100_000).into_bytes()), refused("import.too_many_rows"));
    // HTML saved as .xls, as some "Excel exports" are: read as text, no header.
    add(
        "html.xls",
        Make::Bytes(b"<html><body><table><tr><td>INSZ</td></tr></table></body></html>\n".to_vec()),
        header_not_found(),
    );
    // UTF-16 without a BOM holds NULs between its letters: read as (odd) UTF-8 text.
    add("utf16-no-bom.csv", Make::Bytes(utf16("a;b\n1;2\n", false, false)), header_not_found());
    out
}

/// The files of the formats both imports read correctly whatever their name or encoding.
fn encoding_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for import in [Import::Payroll, Import::Staff] {
        let (p, text) = match import {
            Import::Payroll => ("p", payroll_csv().replace("Peeters An", "Peeters Zoë")),
            Import::Staff => ("s", staff_csv().replace("Peeters", "Peeters-Zoë")),
        };
        let latin1: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1")).collect();
        let sheet: Vec<Vec<V>> = text.lines().map(|l| texts(&l.split(';').collect::<Vec<_>>())).collect();
        let as_xlsx = xlsx(&[("Blad1", sheet)]);
        for (name, bytes) in [
            ("utf8.csv", text.clone().into_bytes()),
            ("utf8-bom.csv", [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()),
            ("utf16le-bom.csv", utf16(&text, false, true)),
            ("utf16be-bom.csv", utf16(&text, true, true)),
            ("latin1.csv", latin1.clone()),
            ("crlf.csv", text.replace('\n', "\r\n").into_bytes()),
            ("cr-only.csv", text.replace('\n', "\r").into_bytes()),
            ("csv-named.xlsx", text.clone().into_bytes()),
            ("latin1-named.xls", latin1),
            ("xlsx-named.csv", as_xlsx.clone()),
            ("xlsx-named.ods", as_xlsx),
        ] {
            cases.push(Case {
                name: format!("{p}-enc-{name}"),
                import,
                make: Make::Bytes(bytes),
                expect: Expect::Clean(1),
            });
        }
    }
    cases
}

fn corpus(dir: &Path) -> Vec<Case> {
    let mut cases = payroll_cases();
    cases.extend(staff_cases());
    cases.extend(encoding_cases());
    for (name, make, expect) in file_cases(dir) {
        for (import, prefix) in [(Import::Payroll, "p"), (Import::Staff, "s")] {
            cases.push(Case {
                name: format!("{prefix}-file-{name}"),
                import,
                make: make.clone(),
                expect: expect.clone(),
            });
        }
    }
    cases
}

// ----- running --------------------------------------------------------------------------

fn create(dir: &Path, case: &Case) -> PathBuf {
    let path = dir.join(&case.name);
    match &case.make {
        Make::Bytes(bytes) => std::fs::write(&path, bytes).expect("write"),
        Make::Dir => std::fs::create_dir(&path).expect("folder"),
        Make::Fifo => {
            let made = std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo");
            assert!(made.success());
        }
        Make::Symlink(target) => std::os::unix::fs::symlink(target, &path).expect("symlink"),
        Make::Sparse(len) => std::fs::File::create(&path).and_then(|f| f.set_len(*len)).expect("sparse"),
    }
    path
}

/// What the import answered, in the terms of [`Expect`].
fn answer(case: &Case, path: &Path) -> (Expect, Vec<ImportIssue>, Vec<String>) {
    let shown = |mut issues: Vec<ImportIssue>, count: usize| {
        issues.sort_by(|a, b| (a.row, &a.column, &a.code).cmp(&(b.row, &b.column, &b.code)));
        let triples: Vec<(u32, &'static str, &'static str)> =
            issues.iter().map(|i| (i.row, &*i.column.clone().leak(), &*i.code.clone().leak())).collect();
        let expect = if triples.is_empty() { Expect::Clean(count) } else { Expect::Issues(triples) };
        (expect, issues)
    };
    match case.import {
        Import::Payroll => match preview_payroll(path, &PayrollOptions::default()) {
            Ok(p) => {
                let headers = p.headers.clone();
                let (e, i) = shown(p.issues, p.lines.len());
                (e, i, headers)
            }
            Err(e) => (Expect::Refused(e.code()), Vec::new(), e.params().into_values().collect()),
        },
        Import::Staff => {
            let opts = StaffImportOptions { today: d(TODAY.0, TODAY.1, TODAY.2), ..Default::default() };
            match preview_staff(path, &opts) {
                Ok(p) => {
                    let headers = p.headers.clone();
                    let (e, i) = shown(p.issues, p.rows.len());
                    (e, i, headers)
                }
                Err(e) => (Expect::Refused(e.code()), Vec::new(), e.params().into_values().collect()),
            }
        }
    }
}

fn sorted(expect: &Expect) -> Expect {
    match expect {
        Expect::Issues(v) => {
            let mut v = v.clone();
            v.sort();
            Expect::Issues(v)
        }
        other => other.clone(),
    }
}

/// Runs the corpus; returns the number of cases.
fn run_corpus() -> usize {
    let keep = std::env::var_os("HOSTILE_CORPUS_KEEP").map(PathBuf::from);
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = keep.clone().unwrap_or_else(|| temp.path().to_owned());
    std::fs::create_dir_all(&dir).expect("corpus folder");
    let cases = corpus(&dir);
    let mut failures = Vec::new();
    let mut names = std::collections::HashSet::new();
    for case in &cases {
        assert!(names.insert(case.name.clone()), "two cases named {}", case.name);
        let path = create(&dir, case);
        let started = std::time::Instant::now();
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(case, &path)));
        let Ok((got, issues, texts)) = got else {
            failures.push(format!("{}: panicked", case.name));
            continue;
        };
        if std::env::var_os("HOSTILE_TIMES").is_some() {
            eprintln!("{:>8.3} s {}", started.elapsed().as_secs_f64(), case.name);
        }
        let (got_sorted, expected) = (sorted(&got), sorted(&case.expect));
        if got_sorted != expected {
            failures.push(format!("{}: expected {expected:?}, got {got_sorted:?}", case.name));
        }
        // No message quotes more than 60 characters of a value (and `…`); a read error's
        // technical detail at most 200.
        for i in &issues {
            for t in i.value.iter().chain(i.header.iter()).chain(i.params.values()) {
                if t.chars().count() > 61 {
                    failures.push(format!("{}: row {} quotes {} characters", case.name, i.row, t.chars().count()));
                }
            }
        }
        for t in &texts {
            if t.chars().count() > 201 {
                failures.push(format!("{}: shows {} characters", case.name, t.chars().count()));
            }
        }
        if keep.is_none() {
            match &case.make {
                Make::Dir => std::fs::remove_dir(&path).ok(),
                _ => std::fs::remove_file(&path).ok(),
            };
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    cases.len()
}

/// The corpus itself; run by [`hostile_corpus_under_a_memory_limit`] in a child process
/// with a limited address space (or directly: `cargo test --test hostile -- --ignored`).
#[test]
#[ignore = "run by hostile_corpus_under_a_memory_limit, in a child with a 1 GiB address space"]
fn hostile_corpus() {
    let count = run_corpus();
    assert!(count >= 150, "a corpus of at least 150 files, not {count}");
    println!("hostile corpus: {count} files, each with its expected answer");
}

/// The address space the corpus runs in: a reader that allocates gigabytes fails.
const MEMORY_LIMIT: u64 = 1 << 30;

#[test]
fn hostile_corpus_under_a_memory_limit() {
    let exe = std::env::current_exe().expect("test binary");
    let status = std::process::Command::new("prlimit")
        .arg(format!("--as={MEMORY_LIMIT}"))
        .arg("--")
        .arg(&exe)
        .args(["hostile_corpus", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env("RUST_BACKTRACE", "0")
        .output();
    match status {
        Ok(out) => {
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stdout.contains("hostile corpus:"),
                "the corpus failed under a {MEMORY_LIMIT}-byte address space ({}):\n{stdout}\n{stderr}",
                out.status
            );
            for line in stdout.lines().filter_map(|l| l.find("hostile corpus:").map(|at| &l[at..])) {
                println!("{line}");
            }
        }
        // No prlimit (not Linux, or util-linux missing): the corpus still runs, unlimited.
        Err(e) => {
            eprintln!("prlimit unavailable ({e}): running the corpus without a memory limit");
            run_corpus();
        }
    }
}
