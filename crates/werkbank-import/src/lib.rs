//! Werkbank's spreadsheet reading and import parsing.
//!
//! Architecture Invariant: this crate only reads files and turns them into a preview; it
//! does no database work and never depends on Tauri. Problems are reported as stable codes
//! with parameters (never sentences): the message catalogue renders them.
//!
//! Two layers:
//! - a generic one that any import (staff register, payroll exports) uses: [`table`] reads
//!   xlsx, xls, ods and csv into rows of [`Cell`]s, [`values`] parses cells into dates,
//!   decimals, hours and text, and [`columns`] recognises header rows by synonyms;
//! - [`staff`], the staff-register import: one row per employment period, checked against
//!   the domain's rules, to a [`StaffPreview`].

pub mod columns;
pub mod staff;
pub mod table;
pub mod values;

pub use columns::{find_columns, find_header_row, ColumnMap, ColumnMatch, FieldSpec};
pub use staff::{preview_staff, preview_staff_table, ImportIssue, StaffImportOptions, StaffPreview, StaffRow};
pub use table::{read_table, read_table_bytes, Cell, ReadError, Table};
