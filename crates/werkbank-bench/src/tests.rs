//! A small workplace, generated into a temporary folder and read back through the
//! importer's reading layer.

use super::*;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use werkbank_domain::{EmploymentPeriod, Insz};
use werkbank_import::table::{read_table, Cell};
use werkbank_import::{preview_staff, StaffImportOptions};

fn small(dir: &Path, seed: u64) -> GenerateSummary {
    generate(GenerateOptions { workers: 20, years: 1, out: dir.to_owned(), seed, first_year: 2024 }).expect("generate")
}

fn month_of(period: &str) -> NaiveDate {
    let (m, y) = period.split_once('/').expect("mm/yyyy");
    NaiveDate::from_ymd_opt(y.parse().unwrap(), m.parse().unwrap(), 1).unwrap()
}

#[test]
fn small_workplace_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let summary = small(dir.path(), 7);
    assert_eq!(summary.people, 20);
    assert_eq!(summary.files.len(), 5);
    assert!(summary.files.iter().all(|(path, size)| path.exists() && *size > 0), "{:?}", summary.files);
    assert!(summary.payroll_lines > 20 * 3, "{} lines", summary.payroll_lines);

    // The staff register reads without any issue, one row per period.
    let staff = preview_staff(&dir.path().join(STAFF_FILE), &StaffImportOptions::default()).expect("staff csv");
    assert!(staff.issues.is_empty(), "{:#?}", staff.issues);
    assert_eq!(staff.rows.len() as u32, summary.periods);
    let mut people: BTreeMap<String, Vec<EmploymentPeriod>> = BTreeMap::new();
    let mut names: HashMap<String, (String, String, Option<NaiveDate>)> = HashMap::new();
    for row in &staff.rows {
        people.entry(row.insz.digits().to_owned()).or_default().push(row.period.clone());
        let name = (row.last_name.clone(), row.first_name.clone(), row.birth_date);
        assert_eq!(names.entry(row.insz.digits().to_owned()).or_insert_with(|| name.clone()), &name);
    }
    assert_eq!(people.len(), 20, "one INSZ per person, none shared");
    for (insz, periods) in &people {
        for (k, p) in periods.iter().enumerate() {
            assert!(p.validate().is_empty(), "{insz}: {:?}", p.validate());
            p.check_no_overlap(&periods[..k]).unwrap_or_else(|e| panic!("{insz}: {e}"));
        }
    }

    // The payroll CSV is Windows-1252: é is the byte 0xE9, Ł falls back to L.
    let bytes = std::fs::read(dir.path().join(PAYROLL_CSV)).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(find(b"Van den Broeck, D\xE9sir\xE9e"), "é as 0xE9");
    assert!(!find("é".as_bytes()), "no UTF-8 é");

    // It reads back with every line, as does the xlsx; the subsets are the whole here.
    let csv = read_table(&dir.path().join(PAYROLL_CSV), None).expect("payroll csv");
    let xlsx = read_table(&dir.path().join(PAYROLL_XLSX), None).expect("payroll xlsx");
    assert_eq!(csv.rows.len() as u64, summary.payroll_lines + 1);
    assert_eq!(xlsx.rows.len() as u64, summary.payroll_lines + 1);
    assert_eq!(csv.rows[0].iter().map(Cell::to_text).collect::<Vec<_>>(), write::PAYROLL_HEADERS);
    assert!(csv.rows.iter().any(|r| r[2].to_text() == "Van den Broeck, Désirée"));
    for (whole, part) in [(PAYROLL_CSV, SUBSET_CSV), (PAYROLL_XLSX, SUBSET_XLSX)] {
        let whole = read_table(&dir.path().join(whole), None).unwrap();
        assert_eq!(whole.rows, read_table(&dir.path().join(part), None).unwrap().rows);
    }

    // Every INSZ is valid and in the register; lines only in months of paid employment.
    let mut codes = BTreeSet::new();
    for (table, insz_col) in [(&csv, 1), (&xlsx, 1)] {
        for row in &table.rows[1..] {
            let insz = Insz::parse(&row[insz_col].to_text()).expect("valid INSZ");
            let periods = &people[insz.digits()];
            let first = month_of(&row[3].to_text());
            let last = first.checked_add_months(chrono::Months::new(1)).unwrap().pred_opt().unwrap();
            assert!(
                periods.iter().any(|p| p.category != werkbank_domain::Category::WorkCare
                    && p.start <= last
                    && p.end.is_none_or(|e| e >= first)),
                "{} has a line in {} outside their employment",
                insz,
                row[3].to_text()
            );
            codes.insert(row[4].to_text());
        }
    }
    assert!(codes.contains("1010") && codes.contains("2000") && codes.contains("3000"), "{codes:?}");

    // The xlsx holds numbers where numbers belong.
    let line = &xlsx.rows[1];
    assert!(matches!(line[0], Cell::Number(_)), "{line:?}");
    assert!(matches!(line[6], Cell::Number(_)), "{line:?}");
    assert!(matches!(line[8], Cell::Number(_)), "{line:?}");
}

#[test]
fn deterministic_for_a_seed() {
    let (a, b, c) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (sa, sb, sc) = (small(a.path(), 42), small(b.path(), 42), small(c.path(), 43));
    assert_eq!(sa.payroll_lines, sb.payroll_lines);
    for name in [STAFF_FILE, PAYROLL_CSV, PAYROLL_XLSX, SUBSET_CSV, SUBSET_XLSX] {
        let read = |dir: &tempfile::TempDir| std::fs::read(dir.path().join(name)).unwrap();
        assert!(read(&a) == read(&b), "{name} differs for the same seed");
        assert!(read(&a) != read(&c), "{name} is the same for another seed");
    }
    let _ = sc;
}

#[test]
fn options_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    for (workers, years) in [(0, 1), (10, 0), (10, 51)] {
        let err = generate(GenerateOptions { workers, years, ..GenerateOptions::new(1, 1, dir.path()) });
        assert!(matches!(err, Err(GenerateError::InvalidOptions(_))), "{workers} × {years}");
    }
}

/// The model over a larger workplace, without writing files.
#[test]
fn a_plausible_workplace() {
    let place = workplace::workplace(600, 3, 2022, 1);
    let mut categories = BTreeMap::new();
    let (mut changes, mut leavers, mut hires, mut rehired) = (0, 0, 0, 0);
    let mut inszs = BTreeSet::new();
    for p in &place.people {
        assert!(inszs.insert(p.insz.digits().to_owned()), "unique INSZ");
        assert_eq!(Insz::parse(p.insz.digits()).as_ref(), Ok(&p.insz));
        *categories.entry(p.periods[0].category).or_insert(0) += 1;
        for w in p.periods.windows(2) {
            let end = w[0].end.expect("only the last period is open");
            assert!(end < w[1].start, "in order, no overlap");
            if end.succ_opt() == Some(w[1].start) {
                changes += 1;
            } else {
                rehired += 1;
            }
        }
        let last = p.periods.last().unwrap();
        leavers += usize::from(last.end.is_some_and(|e| e < place.end));
        hires += usize::from(p.periods[0].start >= place.first_day);
        assert!(
            p.birth_date.year() >= 1955
                && p.periods[0].start >= p.birth_date.with_year(p.birth_date.year() + 18).unwrap()
        );
    }
    let share = |c| categories.get(&c).copied().unwrap_or(0) * 100 / place.people.len();
    assert!((10..=20).contains(&share(Category::SupervisorRecognised)), "{categories:?}");
    assert!(share(Category::WorkCare) > 3 && share(Category::OtherStaff) > 1, "{categories:?}");
    assert!(changes > 30 && rehired > 0 && leavers > 60 && hires > 60, "{changes} {rehired} {leavers} {hires}");

    // Lines: about four per worker-month; sickness in a few % of months.
    let mut lines = Vec::new();
    let (mut months, mut total, mut sick, mut holiday, mut unpaid) = (0u64, 0u64, 0u64, 0u64, 0u64);
    for year in 2022..2025 {
        let holidays = payroll::public_holidays(year);
        for month in 1..=12 {
            for p in &place.people {
                payroll::month_lines(p, 2022, year, month, &holidays, &mut lines);
                if lines.is_empty() {
                    continue;
                }
                months += 1;
                total += lines.len() as u64;
                let has = |code: u16| lines.iter().any(|l| l.code.code == code);
                sick += u64::from(has(1050) || has(1060));
                holiday += u64::from(has(1030));
                unpaid += u64::from(has(1060));
                let gross = lines.iter().find(|l| l.code == payroll::GROSS).and_then(|l| l.cents);
                let paid: i64 =
                    lines.iter().filter(|l| l.code.unit == payroll::Unit::Hours).filter_map(|l| l.cents).sum();
                assert_eq!(gross.unwrap_or(0), paid, "Brutoloon is the sum of the paid hours");
            }
        }
    }
    let per_month = total as f64 / months as f64;
    assert!((3.5..5.0).contains(&per_month), "{per_month} lines per worker-month");
    let sick_share = sick as f64 / months as f64;
    assert!((0.02..0.10).contains(&sick_share), "{sick_share} of months with sickness");
    assert!(unpaid > 0 && holiday * 5 > months, "{unpaid} unpaid, {holiday} holiday of {months}");
}
