//! The problem report shared by every import: an [`ImportIssue`] at a row and column, with
//! a stable code and parameters (never a sentence), and the codes more than one import uses.

use serde::Serialize;
use std::collections::BTreeMap;

/// A required column is absent. Params: `column` (the field id).
pub const COLUMN_MISSING: &str = "import.column_missing";
/// A second column names a field that an earlier column names; it is ignored.
/// Params: `first_header`.
pub const COLUMN_DUPLICATE: &str = "import.column_duplicate";
/// A header row but no data row below it. No params.
pub const HEADER_ONLY: &str = "import.header_only";
/// The cell holds a formula error. Params: `error` (`#N/A`, …).
pub const CELL_ERROR: &str = "import.cell_error";
/// No header row was recognised. No params.
pub const HEADER_NOT_FOUND: &str = "import.header_not_found";
/// A formula cell saved without its computed value: the value is unknown.
/// Params: `formula` (its text without `=`, empty when unknown).
pub const FORMULA_WITHOUT_VALUE: &str = "import.formula_without_value";
/// The cell is part of merged cells whose value is not repeated. Params: `range` (`E3:E5`).
pub const MERGED_CELLS: &str = "import.merged_cells";

/// One problem, at a row and column of the file. No sentences: `code` and `params` key the
/// message catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportIssue {
    /// 1-based spreadsheet row (the header row for column-level issues).
    pub row: u32,
    /// Field id (`insz`, `start`, …).
    pub column: String,
    /// The column's header text as in the file, when the column exists.
    pub header: Option<String>,
    /// The cell's text as in the file, when not empty.
    pub value: Option<String>,
    pub code: String,
    pub params: BTreeMap<String, String>,
}

impl ImportIssue {
    /// Shortens the value, the header and every parameter to what a message quotes
    /// ([`crate::table::shorten`]: 60 characters and `…`), so no message echoes a whole
    /// 30 000-character cell.
    pub fn shorten_values(&mut self) {
        use crate::table::shorten;
        if let Some(v) = self.value.as_mut() {
            *v = shorten(v);
        }
        if let Some(h) = self.header.as_mut() {
            *h = shorten(h);
        }
        for v in self.params.values_mut() {
            *v = shorten(v);
        }
    }
}
