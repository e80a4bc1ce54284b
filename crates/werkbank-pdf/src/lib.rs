//! Werkbank's PDF rendering: a generic document model laid out on A4 portrait pages and written with printpdf,
//! with DejaVu Sans (regular and bold) embedded so every name prints (ë, é, ç, Ł, €, …).
//!
//! The crate knows layout, not claims, and holds no sentences: the caller renders every text (titles, labels,
//! the declaration, the footer's "pagina {page} van {pages}" template) from its message catalogue and builds a
//! [`Document`]; [`render`] returns the bytes.
//!
//! ```
//! use werkbank_pdf::*;
//! let doc = Document {
//!     title: "Kwartaalafrekening".into(),
//!     header: vec![("Kwartaal".into(), "2026/1 (01/01/2026 – 31/03/2026)".into())],
//!     blocks: vec![
//!         Block::Heading("Samenvatting".into()),
//!         Block::Table(Table {
//!             columns: vec![
//!                 Column::flexible("Stroom", 1.0),
//!                 Column::figure("Bedrag"),
//!             ],
//!             rows: vec![Row::new(["Loonpremie", "1.234,56 €"]).styled(RowStyle::Total)],
//!         }),
//!     ],
//!     footer: Footer { left: "Document-ID 3fa2".into(), page_label: "pagina {page} van {pages}".into() },
//!     metadata: Metadata {
//!         title: "Kwartaalafrekening 2026/1".into(),
//!         author: "Werkplaats".into(),
//!         subject: String::new(),
//!         creation_date: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap().and_hms_opt(10, 0, 0).unwrap(),
//!     },
//! };
//! let pdf = render(&doc).unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```
//!
//! Layout rules: the title and header on the first page, a running title on the others; tables take the full
//! text width (columns fit their content, have a fixed width or share the rest by weight), wrap their cells, repeat their column headers on every page
//! and never split a row; a table moves to the next page when not even its header and first row fit; subtotal
//! and total rows are bold with a rule; headings stay with what follows; signature blocks stay together; every
//! page has a footer with the caller's text left and the page number right.
//!
//! [`mod@format`] has the nl-BE helpers a caller needs to fill the model: amounts, numbers, dates, a masked INSZ
//! and an amount in Dutch words.

pub use werkbank_domain::format;
pub mod layout;
pub mod model;
mod render;
pub mod text;

pub use format::{amount_in_words_nl, format_amount, format_date, format_number, mask_insz, number_in_words_nl};
pub use model::{Align, Block, Column, Document, Footer, Metadata, Row, RowStyle, SignatureField, Table, Width};
pub use render::{missing_glyphs, render};

/// Why a document could not be rendered. These are programming errors of the caller (a malformed model), not
/// user errors; the renderer itself never fails on valid input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// A table has no columns, or a width is negative or not a number.
    #[error("a table needs at least one column, and widths must be positive numbers")]
    NoColumns,
    /// A row of a table does not have one cell per column.
    #[error("table row {row} has {found} cells, expected {expected}")]
    CellCount { row: usize, expected: usize, found: usize },
    /// A row (with the header above it) is taller than a page, so it cannot be kept whole.
    #[error("table row {row} is taller than a page")]
    RowTooTall { row: usize },
    /// An embedded font could not be parsed (should not happen: the fonts are compiled in).
    #[error("embedded font {0} could not be read")]
    Font(String),
    /// Writing the PDF failed.
    #[error("PDF could not be written: {0}")]
    Pdf(String),
}
