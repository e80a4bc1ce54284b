//! Werkbank's spreadsheet reading and import parsing.
//!
//! Architecture Invariant: this crate only reads files and turns them into a preview; it
//! does no database work and never depends on Tauri. Problems are reported as stable codes
//! with parameters (never sentences): the message catalogue renders them.
//!
//! Two layers:
//! - a generic one that any import (staff register, payroll exports) uses: [`table`] reads
//!   xlsx, xls, ods and csv into rows of [`Cell`]s (whole, or streamed row by row for large
//!   files), [`values`] parses cells into dates, decimals, hours, pay periods and text,
//!   [`columns`] recognises header rows by synonyms, and [`issue`] is the problem report
//!   every import returns;
//! - the imports: [`staff`], the staff-register import (one row per employment period,
//!   checked against the domain's rules, to a [`StaffPreview`]), and [`payroll`], payroll
//!   exports of social secretariats (one line per worker, period and wage code, to a
//!   [`PayrollPreview`]).

pub mod columns;
pub mod issue;
pub mod payroll;
pub mod staff;
pub mod table;
pub mod values;

pub use columns::{find_columns, find_header_row, ColumnMap, ColumnMatch, FieldSpec};
pub use issue::ImportIssue;
pub use payroll::{
    preview_payroll, preview_payroll_bytes, preview_payroll_bytes_tapped, preview_payroll_table,
    preview_payroll_with_progress, ColumnMapping, PayrollLine, PayrollOptions, PayrollPreview, Unit,
};
pub use staff::{preview_staff, preview_staff_table, StaffImportOptions, StaffPreview, StaffRow};
pub use table::{
    read_table, read_table_bytes, stream_table, stream_table_bytes, Cell, MergedArea, Progress, ReadError, RowSink,
    SheetInfo, Table,
};
pub use values::PayPeriod;
