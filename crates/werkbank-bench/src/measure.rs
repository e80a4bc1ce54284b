//! The baselines the import is compared with, and the peak memory of a process.
//!
//! - [`bare_parse_xlsx`]: calamine opens the workbook and reads the first sheet's range
//!   (cached values), nothing else;
//! - [`bare_parse_csv`]: the file's bytes are decoded (a BOM, else UTF-8 when valid, else
//!   Windows-1252, as the importer does) and the csv crate reads every record.
//!
//! Both return the number of data rows (below the header row).

use calamine::{open_workbook, Reader, Xlsx};
use std::path::Path;

/// Opens an xlsx workbook and reads its first sheet's range; the rows below the header.
pub fn bare_parse_xlsx(path: &Path) -> Result<u64, String> {
    let mut workbook: Xlsx<_> = open_workbook(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sheet = workbook.sheet_names().first().cloned().ok_or_else(|| format!("{}: no sheet", path.display()))?;
    let range = workbook.worksheet_range(&sheet).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(range.height().saturating_sub(1) as u64)
}

/// Reads and decodes a `;`-separated CSV file and reads all its records; the records
/// below the header.
pub fn bare_parse_csv(path: &Path) -> Result<u64, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = decode(&bytes);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(b';').from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut rows: u64 = 0;
    while reader.read_record(&mut record).map_err(|e| format!("{}: {e}", path.display()))? {
        rows += 1;
    }
    Ok(rows.saturating_sub(1))
}

fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// This process's peak resident memory so far (`VmHWM` in /proc/self/status), in KiB;
/// `None` where /proc is missing (not Linux).
pub fn peak_memory_kib() -> Option<u64> {
    proc_status_kib("VmHWM:")
}

/// This process's resident memory now (`VmRSS`), in KiB.
pub fn current_memory_kib() -> Option<u64> {
    proc_status_kib("VmRSS:")
}

fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..].trim().trim_end_matches("kB").trim().parse().ok()
}

/// Resets the peak (`VmHWM`) to the current resident memory (Linux ≥ 4.0), so that a
/// later [`peak_memory_kib`] measures one step only. False when the kernel refused.
pub fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}
