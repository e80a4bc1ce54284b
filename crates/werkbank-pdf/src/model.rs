//! The document model: what a caller hands to [`crate::render`]. Every text in it comes from the caller
//! (rendered from the message catalogue); the crate only lays it out.

use chrono::NaiveDateTime;

/// A document: A4 portrait, a title and header on the first page, blocks flowing over as many pages as they
/// need, and a footer on every page.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Printed large at the top of the first page and small at the top of every following page.
    pub title: String,
    /// Label/value pairs printed under the title on the first page (organisation, KBO, quarter, status, …).
    pub header: Vec<(String, String)>,
    /// The content, in order.
    pub blocks: Vec<Block>,
    pub footer: Footer,
    pub metadata: Metadata,
}

/// The footer of every page: a text on the left and the page number on the right, above a thin rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Footer {
    /// Printed left, e.g. "Document-ID 3fa2…" (shortened with "…" if it does not fit half the width).
    pub left: String,
    /// Template for the page number, printed right: `{page}` and `{pages}` are replaced by the page's number and
    /// the number of pages, e.g. "pagina {page} van {pages}".
    pub page_label: String,
}

/// The PDF's document information. Given by the caller so that the same document gives the same bytes: the
/// crate never reads the clock.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// Written as both creation and modification date (taken as UTC).
    pub creation_date: NaiveDateTime,
}

/// One piece of content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A bold section title. Kept with what follows: it moves to the next page rather than end a page alone.
    Heading(String),
    /// Running text, wrapped to the page width; may continue on the next page between lines.
    Paragraph(String),
    /// A bulleted list; each item wraps under itself and is never split across pages.
    List(Vec<String>),
    /// Label/value pairs in two columns (label left, value wrapped right); a pair is never split.
    KeyValues(Vec<(String, String)>),
    /// A table with its column headers repeated on every page it spans; rows are never split.
    Table(Table),
    /// Lines to sign on, in two columns (in reading order), kept together on one page.
    Signature(Vec<SignatureField>),
    /// Blocks that must stay on one page, e.g. a declaration with its signature: if they would cross a page
    /// boundary they start on the next page (when they are longer than a page, they simply flow on).
    KeepTogether(Vec<Block>),
    /// Continue on a new page.
    PageBreak,
    /// Vertical space in millimetres (dropped at the top of a page).
    Spacer(f32),
}

/// A table. Cell texts wrap within their column; a row taller than a page is an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Each row has exactly one cell per column (checked by [`crate::render`]).
    pub rows: Vec<Row>,
}

/// A column: its header text, its width and how its cells align.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: Width,
    pub align: Align,
}

impl Column {
    /// A column as wide as its widest cell, left-aligned (dates, codes, short texts).
    pub fn fit(title: impl Into<String>) -> Self {
        Column { title: title.into(), width: Width::Fit, align: Align::Left }
    }

    /// A column as wide as its widest cell, right-aligned (amounts and other figures).
    pub fn figure(title: impl Into<String>) -> Self {
        Column { title: title.into(), width: Width::Fit, align: Align::Right }
    }

    /// A left-aligned column that shares the remaining width by `weight` and wraps (names, notes).
    pub fn flexible(title: impl Into<String>, weight: f32) -> Self {
        Column { title: title.into(), width: Width::Weight(weight), align: Align::Left }
    }
}

/// How wide a column is. A table always takes the full text width:
/// 1. `Mm` columns get their width;
/// 2. `Fit` columns get the width of their widest cell on one line and of the header's longest word, with the
///    cell padding; if that leaves less than 20 mm per `Weight` column, all `Fit` columns shrink in proportion
///    and wrap; they widen to their whole header on one line when all of them can and the `Weight` columns
///    keep a third of the width;
/// 3. `Weight` columns share what is left in proportion to their weights (without `Weight` columns, the
///    `Fit` columns share it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Width {
    Fit,
    Mm(f32),
    Weight(f32),
}

/// Horizontal alignment within a cell. Amounts and other figures are `Right`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub style: RowStyle,
}

impl Row {
    /// A normal row.
    pub fn new<S: Into<String>>(cells: impl IntoIterator<Item = S>) -> Self {
        Row { cells: cells.into_iter().map(Into::into).collect(), style: RowStyle::Normal }
    }

    /// The same row with another style.
    pub fn styled(mut self, style: RowStyle) -> Self {
        self.style = style;
        self
    }
}

/// `Subtotal` rows are bold with a thin rule above; `Total` rows bold with a thicker rule above and below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStyle {
    Normal,
    Subtotal,
    Total,
}

/// One labelled line of a signature block: the label, then the value (e.g. a name) on a line, or an empty
/// line to write or sign on. A field whose `tall` is true gets room for a handwritten signature.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureField {
    pub label: String,
    pub value: String,
    pub tall: bool,
}

impl SignatureField {
    /// A field with a pre-filled value (name, function, place, date).
    pub fn filled(label: impl Into<String>, value: impl Into<String>) -> Self {
        SignatureField { label: label.into(), value: value.into(), tall: false }
    }

    /// An empty, tall field to sign in.
    pub fn signature(label: impl Into<String>) -> Self {
        SignatureField { label: label.into(), value: String::new(), tall: true }
    }
}
