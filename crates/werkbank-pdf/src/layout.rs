//! Page layout: turns a [`Document`] into pages of positioned text, rules and fills. Pure: widths come from a
//! [`Measure`], so the pagination rules are unit-tested without a font or a PDF.
//!
//! Coordinates are points (1/72 inch) from the top-left corner of an A4 page; the renderer flips them.
//! Layout runs in two passes: the content first (which fixes the number of pages), then the footer of every
//! page, whose "page x of y" needs that number.

use crate::model::{Align, Block, Document, RowStyle, SignatureField, Table, Width};
use crate::text::{ellipsize, wrap, Measure};
use crate::PdfError;

/// A4 width in points (210 mm).
pub const PAGE_WIDTH: f32 = 595.276;
/// A4 height in points (297 mm).
pub const PAGE_HEIGHT: f32 = 841.89;
const MM: f32 = 72.0 / 25.4;
const MARGIN_LEFT: f32 = 15.0 * MM;
const MARGIN_RIGHT: f32 = 15.0 * MM;
const MARGIN_TOP: f32 = 15.0 * MM;
/// Content never goes below this line; the footer lives under it.
const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 20.0 * MM;
/// Top of the content on pages after the first (under the running title).
const CONTINUED_TOP: f32 = MARGIN_TOP + 20.0;
const FOOTER_RULE: f32 = PAGE_HEIGHT - 16.0 * MM;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 12.0 * MM;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

const TITLE_SIZE: f32 = 15.0;
const HEADER_SIZE: f32 = 8.5;
const HEADING_SIZE: f32 = 11.0;
const BODY_SIZE: f32 = 9.0;
const TABLE_SIZE: f32 = 7.0;
const SMALL_SIZE: f32 = 7.5;
const LINE_FACTOR: f32 = 1.25;
/// Baseline below the top of a line box, as a share of the font size (DejaVu's ascender is 0.928 em).
const ASCENT: f32 = 0.93;
const CELL_PAD_X: f32 = 2.5;
const CELL_PAD_Y: f32 = 2.5;
/// A heading needs at least this much room under it, or it moves to the next page with its content.
const KEEP_WITH_NEXT: f32 = 40.0;

const GREY_TEXT: f32 = 0.35;
const HEADER_FILL: f32 = 0.9;
const LIGHT_RULE: f32 = 0.78;

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text with its baseline at `y`, starting at `x`; `grey` is the fill (0 black, 1 white).
    Text { x: f32, y: f32, size: f32, bold: bool, grey: f32, text: String },
    /// A straight rule from (`x1`, `y`) to (`x2`, `y`).
    Rule { x1: f32, x2: f32, y: f32, thickness: f32, grey: f32 },
    /// A filled rectangle with its top-left corner at (`x`, `y`).
    Fill { x: f32, y: f32, width: f32, height: f32, grey: f32 },
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// The texts on this page, in drawing order (for tests).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

fn line_height(size: f32) -> f32 {
    size * LINE_FACTOR
}

struct Layout<'a> {
    measure: &'a dyn Measure,
    title: &'a str,
    pages: Vec<Page>,
    /// Top of the free space on the current page.
    y: f32,
    /// Top of the content area of the current page (to know whether anything was placed yet).
    top: f32,
    /// A page break was asked for: the next content starts a new page (so a trailing break adds no page).
    break_pending: bool,
}

impl<'a> Layout<'a> {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page is always open")
    }

    fn at_top(&self) -> bool {
        self.y <= self.top + 0.01
    }

    fn room(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    fn new_page(&mut self) {
        let mut page = Page::default();
        // Running title of the continuation pages.
        let title = ellipsize(self.title, CONTENT_WIDTH, false, SMALL_SIZE, self.measure);
        page.items.push(Item::Text {
            x: MARGIN_LEFT,
            y: MARGIN_TOP + SMALL_SIZE * ASCENT,
            size: SMALL_SIZE,
            bold: false,
            grey: GREY_TEXT,
            text: title,
        });
        page.items.push(Item::Rule {
            x1: MARGIN_LEFT,
            x2: PAGE_WIDTH - MARGIN_RIGHT,
            y: MARGIN_TOP + SMALL_SIZE * LINE_FACTOR + 1.5,
            thickness: 0.4,
            grey: LIGHT_RULE,
        });
        self.pages.push(page);
        self.y = CONTINUED_TOP;
        self.top = CONTINUED_TOP;
    }

    /// Starts a new page unless `height` fits under the cursor (or the page is still empty).
    fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, top: f32, size: f32, bold: bool, grey: f32, text: String) {
        self.page().items.push(Item::Text { x, y: top + size * ASCENT, size, bold, grey, text });
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, grey: f32) {
        self.page().items.push(Item::Rule { x1, x2, y, thickness, grey });
    }

    fn first_page(&mut self, doc: &Document) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
        self.top = MARGIN_TOP;
        for line in wrap(&doc.title, CONTENT_WIDTH, true, TITLE_SIZE, self.measure) {
            self.text(MARGIN_LEFT, self.y, TITLE_SIZE, true, 0.0, line);
            self.y += line_height(TITLE_SIZE);
        }
        self.y += 4.0;
        if !doc.header.is_empty() {
            self.key_values(&doc.header, HEADER_SIZE, 0.32);
            self.y += 2.0;
            self.rule(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, self.y, 0.8, 0.0);
            self.y += 8.0;
        }
        // The header is part of the first page; content starts under it.
        self.top = self.y;
    }

    fn block(&mut self, block: &Block) -> Result<(), PdfError> {
        if self.break_pending && !matches!(block, Block::PageBreak | Block::Spacer(_)) {
            self.break_pending = false;
            if !self.at_top() {
                self.new_page();
            }
        }
        match block {
            Block::Heading(text) => self.heading(text),
            Block::Paragraph(text) => self.paragraph(text),
            Block::List(items) => self.list(items),
            Block::KeyValues(pairs) => {
                self.key_values(pairs, BODY_SIZE, 0.4);
                self.y += 4.0;
            }
            Block::Table(table) => self.table(table)?,
            Block::Signature(fields) => self.signature(fields),
            Block::KeepTogether(blocks) => self.keep_together(blocks)?,
            Block::PageBreak => self.break_pending = true,
            Block::Spacer(mm) => {
                if !self.at_top() && !self.break_pending {
                    self.y = (self.y + mm.max(0.0) * MM).min(CONTENT_BOTTOM);
                }
            }
        }
        Ok(())
    }

    fn heading(&mut self, text: &str) {
        let lines = wrap(text, CONTENT_WIDTH, true, HEADING_SIZE, self.measure);
        let space_before = if self.at_top() { 0.0 } else { 8.0 };
        let height = lines.len() as f32 * line_height(HEADING_SIZE) + 4.0;
        if space_before + height + KEEP_WITH_NEXT > self.room() && !self.at_top() {
            self.new_page();
        } else {
            self.y += space_before;
        }
        for line in lines {
            self.text(MARGIN_LEFT, self.y, HEADING_SIZE, true, 0.0, line);
            self.y += line_height(HEADING_SIZE);
        }
        self.y += 4.0;
    }

    fn paragraph(&mut self, text: &str) {
        for line in wrap(text, CONTENT_WIDTH, false, BODY_SIZE, self.measure) {
            self.ensure(line_height(BODY_SIZE));
            self.text(MARGIN_LEFT, self.y, BODY_SIZE, false, 0.0, line);
            self.y += line_height(BODY_SIZE);
        }
        self.y += 4.0;
    }

    fn list(&mut self, items: &[String]) {
        let indent = 10.0;
        for item in items {
            let lines = wrap(item, CONTENT_WIDTH - indent, false, BODY_SIZE, self.measure);
            self.ensure(lines.len() as f32 * line_height(BODY_SIZE) + 1.5);
            self.text(MARGIN_LEFT + 2.0, self.y, BODY_SIZE, false, 0.0, "•".to_string());
            for line in lines {
                self.text(MARGIN_LEFT + indent, self.y, BODY_SIZE, false, 0.0, line);
                self.y += line_height(BODY_SIZE);
            }
            self.y += 1.5;
        }
        self.y += 2.5;
    }

    /// Label/value pairs: labels grey in the first `label_share` of the width, values wrapped beside them.
    fn key_values(&mut self, pairs: &[(String, String)], size: f32, label_share: f32) {
        let label_width = CONTENT_WIDTH * label_share;
        let gap = 6.0;
        let value_width = CONTENT_WIDTH - label_width - gap;
        for (label, value) in pairs {
            let labels = wrap(label, label_width, false, size, self.measure);
            let values = wrap(value, value_width, false, size, self.measure);
            let rows = labels.len().max(values.len());
            self.ensure(rows as f32 * line_height(size) + 1.0);
            let top = self.y;
            for (i, line) in labels.into_iter().enumerate() {
                self.text(MARGIN_LEFT, top + i as f32 * line_height(size), size, false, GREY_TEXT, line);
            }
            for (i, line) in values.into_iter().enumerate() {
                let x = MARGIN_LEFT + label_width + gap;
                self.text(x, top + i as f32 * line_height(size), size, false, 0.0, line);
            }
            self.y = top + rows as f32 * line_height(size) + 1.0;
        }
    }

    fn table(&mut self, table: &Table) -> Result<(), PdfError> {
        let t = MeasuredTable::new(table, self.measure)?;
        let available = CONTENT_BOTTOM - CONTINUED_TOP;
        for (index, row) in t.rows.iter().enumerate() {
            if t.header_height + row.height > available {
                return Err(PdfError::RowTooTall { row: index });
            }
        }
        // Start on a new page unless the header and the first row fit here.
        let first = t.rows.first().map_or(0.0, |r| r.height);
        self.ensure(t.header_height + first);
        self.table_header(&t);
        for row in &t.rows {
            if row.height > self.room() {
                self.new_page();
                self.table_header(&t);
            }
            self.table_row(&t, row);
        }
        self.y += 8.0;
        Ok(())
    }

    fn table_header(&mut self, t: &MeasuredTable) {
        let top = self.y;
        self.page().items.push(Item::Fill {
            x: MARGIN_LEFT,
            y: top,
            width: CONTENT_WIDTH,
            height: t.header_height,
            grey: HEADER_FILL,
        });
        for (c, lines) in t.header.iter().enumerate() {
            self.cell(t, c, top, lines, true);
        }
        self.y = top + t.header_height;
        self.rule(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, self.y, 0.6, 0.0);
    }

    fn table_row(&mut self, t: &MeasuredTable, row: &MeasuredRow) {
        let top = self.y;
        let bold = row.style != RowStyle::Normal;
        match row.style {
            RowStyle::Normal => {}
            RowStyle::Subtotal => self.rule(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, top, 0.8, 0.0),
            RowStyle::Total => self.rule(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, top, 1.4, 0.0),
        }
        for (c, lines) in row.cells.iter().enumerate() {
            self.cell(t, c, top, lines, bold);
        }
        self.y = top + row.height;
        match row.style {
            RowStyle::Total => self.rule(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, self.y, 1.4, 0.0),
            _ => self.rule(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, self.y, 0.3, LIGHT_RULE),
        }
    }

    fn cell(&mut self, t: &MeasuredTable, column: usize, top: f32, lines: &[String], bold: bool) {
        let (x, width, align) = (t.x[column], t.widths[column], t.align[column]);
        for (i, line) in lines.iter().enumerate() {
            let w = self.measure.width(line, bold, TABLE_SIZE);
            let lx = match align {
                Align::Left => x + CELL_PAD_X,
                Align::Right => x + width - CELL_PAD_X - w,
                Align::Center => x + (width - w) / 2.0,
            };
            let line_top = top + CELL_PAD_Y + i as f32 * line_height(TABLE_SIZE);
            self.text(lx, line_top, TABLE_SIZE, bold, 0.0, line.clone());
        }
    }

    /// Signature fields in a grid of two columns, in reading order; the whole block on one page.
    fn signature(&mut self, fields: &[SignatureField]) {
        let gap = 8.0 * MM;
        let width = (CONTENT_WIDTH - gap) / 2.0;
        let label_h = line_height(SMALL_SIZE);
        let field_h = |f: &SignatureField| label_h + if f.tall { 42.0 } else { 16.0 } + 6.0;
        let rows: Vec<&[SignatureField]> = fields.chunks(2).collect();
        let heights: Vec<f32> = rows.iter().map(|r| r.iter().map(field_h).fold(0.0, f32::max)).collect();
        self.ensure(heights.iter().sum());
        for (row, h) in rows.into_iter().zip(heights) {
            let top = self.y;
            for (i, field) in row.iter().enumerate() {
                let x = MARGIN_LEFT + i as f32 * (width + gap);
                let label = ellipsize(&field.label, width, false, SMALL_SIZE, self.measure);
                self.text(x, top, SMALL_SIZE, false, GREY_TEXT, label);
                let line_y = top + field_h(field) - 6.0;
                if !field.value.is_empty() {
                    let value = ellipsize(&field.value, width, false, BODY_SIZE, self.measure);
                    self.text(x, line_y - line_height(BODY_SIZE) - 1.0, BODY_SIZE, false, 0.0, value);
                }
                self.rule(x, x + width, line_y, 0.5, 0.0);
            }
            self.y = top + h;
        }
        self.y += 4.0;
    }

    /// Lays out `blocks` so that they end on the page they start on: when they would cross a page boundary,
    /// they start on a new page instead (unless they do not fit on a whole page either).
    fn keep_together(&mut self, blocks: &[Block]) -> Result<(), PdfError> {
        // A pending page break was resolved by `block` before it called this.
        let (pages, items, y, top, started_at_top) =
            (self.pages.len(), self.page().items.len(), self.y, self.top, self.at_top());
        for block in blocks {
            self.block(block)?;
        }
        if self.pages.len() > pages && !started_at_top {
            // Crossed a page: undo, and lay the blocks out again from the top of a new page.
            self.pages.truncate(pages);
            self.page().items.truncate(items);
            self.y = y;
            self.top = top;
            self.break_pending = false;
            self.new_page();
            for block in blocks {
                self.block(block)?;
            }
        }
        Ok(())
    }

    /// Second pass: the footer of every page, now that the number of pages is known.
    fn footers(&mut self, left: &str, page_label: &str) {
        let pages = self.pages.len();
        let measure = self.measure;
        for (i, page) in self.pages.iter_mut().enumerate() {
            let label = page_label.replace("{page}", &(i + 1).to_string()).replace("{pages}", &pages.to_string());
            let label_width = measure.width(&label, false, SMALL_SIZE);
            let left_text = ellipsize(left, CONTENT_WIDTH - label_width - 12.0, false, SMALL_SIZE, measure);
            page.items.push(Item::Rule {
                x1: MARGIN_LEFT,
                x2: PAGE_WIDTH - MARGIN_RIGHT,
                y: FOOTER_RULE,
                thickness: 0.4,
                grey: LIGHT_RULE,
            });
            page.items.push(Item::Text {
                x: MARGIN_LEFT,
                y: FOOTER_BASELINE,
                size: SMALL_SIZE,
                bold: false,
                grey: GREY_TEXT,
                text: left_text,
            });
            page.items.push(Item::Text {
                x: PAGE_WIDTH - MARGIN_RIGHT - label_width,
                y: FOOTER_BASELINE,
                size: SMALL_SIZE,
                bold: false,
                grey: GREY_TEXT,
                text: label,
            });
        }
    }
}

struct MeasuredRow {
    cells: Vec<Vec<String>>,
    height: f32,
    style: RowStyle,
}

/// A table with its column positions fixed and every cell wrapped.
struct MeasuredTable {
    x: Vec<f32>,
    widths: Vec<f32>,
    align: Vec<Align>,
    header: Vec<Vec<String>>,
    header_height: f32,
    rows: Vec<MeasuredRow>,
}

impl MeasuredTable {
    fn new(table: &Table, measure: &dyn Measure) -> Result<Self, PdfError> {
        let widths = column_widths(table, measure)?;
        let mut x = Vec::with_capacity(widths.len());
        let mut at = MARGIN_LEFT;
        for w in &widths {
            x.push(at);
            at += w;
        }
        let inner = |c: usize| (widths[c] - 2.0 * CELL_PAD_X).max(1.0);
        let height = |cells: &[Vec<String>]| {
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            lines as f32 * line_height(TABLE_SIZE) + 2.0 * CELL_PAD_Y
        };
        let header: Vec<Vec<String>> = table
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| wrap(&col.title, inner(c), true, TABLE_SIZE, measure))
            .collect();
        let header_height = height(&header);
        let mut rows = Vec::with_capacity(table.rows.len());
        for (index, row) in table.rows.iter().enumerate() {
            if row.cells.len() != table.columns.len() {
                return Err(PdfError::CellCount { row: index, expected: table.columns.len(), found: row.cells.len() });
            }
            let bold = row.style != RowStyle::Normal;
            let cells: Vec<Vec<String>> =
                row.cells.iter().enumerate().map(|(c, text)| wrap(text, inner(c), bold, TABLE_SIZE, measure)).collect();
            rows.push(MeasuredRow { height: height(&cells), cells, style: row.style });
        }
        Ok(MeasuredTable {
            x,
            widths,
            align: table.columns.iter().map(|c| c.align).collect(),
            header,
            header_height,
            rows,
        })
    }
}

/// Minimum width of a `Weight` column before `Fit` columns are made to shrink.
const MIN_WEIGHT_COLUMN: f32 = 20.0 * MM;

/// The width in points of every column of `table` (see [`Width`]); they add up to the text width.
fn column_widths(table: &Table, measure: &dyn Measure) -> Result<Vec<f32>, PdfError> {
    let bad = |v: f32| !v.is_finite() || v < 0.0;
    if table.columns.is_empty()
        || table.columns.iter().any(|c| matches!(c.width, Width::Mm(v) | Width::Weight(v) if bad(v)))
    {
        return Err(PdfError::NoColumns);
    }
    // Width of each Fit column: the widest cell on one line and the header's longest word (`narrow`), or the
    // whole header on one line (`wide`), with padding.
    let fit_width = |c: usize, whole_header: bool| {
        let title = &table.columns[c].title;
        let header = if whole_header {
            measure.width(title, true, TABLE_SIZE)
        } else {
            title.split_whitespace().map(|w| measure.width(w, true, TABLE_SIZE)).fold(0.0, f32::max)
        };
        let cells = table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(c).map(|t| (t, r.style != RowStyle::Normal)))
            .flat_map(|(t, bold)| t.split('\n').map(move |line| measure.width(line, bold, TABLE_SIZE)))
            .fold(0.0, f32::max);
        header.max(cells) + 2.0 * CELL_PAD_X + 0.5
    };
    let is_fit = |c: usize| table.columns[c].width == Width::Fit;
    let mut widths: Vec<f32> = table
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| match col.width {
            Width::Mm(mm) => mm * MM,
            Width::Fit => fit_width(c, false),
            Width::Weight(_) => 0.0,
        })
        .collect();
    let fixed: f32 =
        table.columns.iter().zip(&widths).filter(|(c, _)| matches!(c.width, Width::Mm(_))).map(|(_, w)| w).sum();
    let fit: f32 = (0..widths.len()).filter(|c| is_fit(*c)).map(|c| widths[c]).sum();
    let weights: f32 =
        table.columns.iter().filter_map(|c| if let Width::Weight(w) = c.width { Some(w) } else { None }).sum();
    let weight_columns = table.columns.iter().filter(|c| matches!(c.width, Width::Weight(_))).count();
    let for_fit = (CONTENT_WIDTH - fixed - weight_columns as f32 * MIN_WEIGHT_COLUMN).max(0.0);
    if fit > for_fit {
        // Shrink the Fit columns when they leave too little for the Weight columns (or overflow the page).
        let scale = for_fit / fit;
        for c in (0..widths.len()).filter(|c| is_fit(*c)) {
            widths[c] *= scale;
        }
    } else {
        // Let the headers stand on one line when all of them can and the Weight columns keep a third of the
        // width (wrapped names are worse than wrapped headers).
        let keep =
            if weight_columns > 0 { (CONTENT_WIDTH / 3.0).max(weight_columns as f32 * MIN_WEIGHT_COLUMN) } else { 0.0 };
        let wide: f32 = (0..widths.len()).filter(|c| is_fit(*c)).map(|c| fit_width(c, true)).sum();
        if wide <= CONTENT_WIDTH - fixed - keep {
            for c in (0..widths.len()).filter(|c| is_fit(*c)) {
                widths[c] = fit_width(c, true);
            }
        }
    }
    let used: f32 = widths.iter().sum();
    let rest = (CONTENT_WIDTH - used).max(0.0);
    if weights > 0.0 {
        for (c, w) in table.columns.iter().zip(widths.iter_mut()) {
            if let Width::Weight(weight) = c.width {
                *w = rest * weight / weights;
            }
        }
    } else if rest > 0.0 {
        // No Weight column: the Fit columns (else all columns) share the rest in proportion to their widths.
        let grow: f32 = if fit > 0.0 {
            widths.iter().zip(&table.columns).filter(|(_, c)| c.width == Width::Fit).map(|(w, _)| w).sum()
        } else {
            used
        };
        for (c, w) in table.columns.iter().zip(widths.iter_mut()) {
            if grow > 0.0 && (fit == 0.0 || c.width == Width::Fit) {
                *w += rest * *w / grow;
            }
        }
    }
    // Too many fixed widths: scale everything to the page.
    let total: f32 = widths.iter().sum();
    if total <= 0.0 {
        return Err(PdfError::NoColumns);
    }
    if total > CONTENT_WIDTH {
        for w in widths.iter_mut() {
            *w *= CONTENT_WIDTH / total;
        }
    }
    Ok(widths)
}

/// Lays out a whole document: first page with title and header, the blocks, then the footers.
pub fn layout(doc: &Document, measure: &dyn Measure) -> Result<Vec<Page>, PdfError> {
    let mut l = Layout { measure, title: &doc.title, pages: Vec::new(), y: 0.0, top: 0.0, break_pending: false };
    l.first_page(doc);
    for block in &doc.blocks {
        l.block(block)?;
    }
    l.footers(&doc.footer.left, &doc.footer.page_label);
    Ok(l.pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Column, Footer, Metadata, Row};
    use crate::text::tests::Fixed;

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            title: "Titel".into(),
            header: vec![("Organisatie".into(), "Werkplaats".into())],
            blocks,
            footer: Footer { left: "ID abc".into(), page_label: "p {page}/{pages}".into() },
            metadata: Metadata {
                title: "Titel".into(),
                author: "A".into(),
                subject: "S".into(),
                creation_date: chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap().and_hms_opt(9, 0, 0).unwrap(),
            },
        }
    }

    fn table(rows: usize) -> Table {
        Table {
            columns: vec![
                Column { title: "Nr".into(), width: Width::Weight(1.0), align: Align::Right },
                Column { title: "Naam".into(), width: Width::Weight(4.0), align: Align::Left },
                Column { title: "Bedrag".into(), width: Width::Weight(2.0), align: Align::Right },
            ],
            rows: (1..=rows).map(|i| Row::new([i.to_string(), format!("Naam {i}"), format!("{i},00")])).collect(),
        }
    }

    /// (page index, baseline y) of the text equal to `needle`.
    fn find(pages: &[Page], needle: &str) -> Vec<(usize, f32)> {
        let mut out = Vec::new();
        for (p, page) in pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Text { y, text, .. } = item {
                    if text == needle {
                        out.push((p, *y));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page_and_rows_stay_whole() {
        let pages = layout(&doc(vec![Block::Table(table(150))]), &Fixed).unwrap();
        // One-line rows (and the header) are 7 * 1.25 + 2 * 2.5 = 13.75 pt. The first page's content starts at
        // 86.9 pt: (779.2 - 86.9) / 13.75 = 50.3 → header + 49 rows; a continuation page starts at 56.5 pt:
        // (779.2 - 56.5) / 13.75 = 52.6 → header + 51 rows. 49 + 51 + 50: 150 rows on 3 pages.
        assert_eq!(pages.len(), 3);
        let headers = find(&pages, "Naam");
        assert_eq!(headers.iter().map(|(p, _)| *p).collect::<Vec<_>>(), vec![0, 1, 2]);
        assert_eq!(find(&pages, "Naam 49")[0].0, 0);
        assert_eq!(find(&pages, "Naam 50")[0].0, 1);
        assert_eq!(find(&pages, "Naam 100")[0].0, 1);
        assert_eq!(find(&pages, "Naam 101")[0].0, 2);
        for row in 1..=150 {
            let hits = find(&pages, &format!("Naam {row}"));
            assert_eq!(hits.len(), 1, "row {row} printed once");
            let (p, y) = hits[0];
            // The whole row (baseline + descent + padding) is above the content bottom.
            assert!(y + 2.5 + 7.5 * 0.3 <= CONTENT_BOTTOM, "row {row} on page {p} at {y}");
            // And under that page's header.
            let header_y = headers.iter().find(|(hp, _)| *hp == p).unwrap().1;
            assert!(y > header_y);
        }
        // Footer with the number of pages known.
        assert_eq!(find(&pages, "p 1/3").len(), 1);
        assert_eq!(find(&pages, "p 3/3").len(), 1);
    }

    #[test]
    fn a_table_that_starts_near_the_bottom_moves_to_the_next_page() {
        // Where content starts on page 1 (under title and header).
        let probe = layout(&doc(vec![Block::Paragraph("x".into())]), &Fixed).unwrap();
        let top = find(&probe, "x")[0].1 - BODY_SIZE * ASCENT;
        let row = line_height(TABLE_SIZE) + 2.0 * CELL_PAD_Y; // 13.75 pt, header and row alike
                                                              // A filler of n lines (11.25 pt each, plus 4 pt after the paragraph) leaving `room` pt.
        let with_room = |min_room: f32| {
            let n = ((CONTENT_BOTTOM - top - 4.0 - min_room) / line_height(BODY_SIZE)).floor() as usize;
            let room = CONTENT_BOTTOM - top - 4.0 - n as f32 * line_height(BODY_SIZE);
            let pages =
                layout(&doc(vec![Block::Paragraph(vec!["x"; n].join("\n")), Block::Table(table(3))]), &Fixed).unwrap();
            (room, find(&pages, "Naam")[0].0, find(&pages, "Naam 1")[0].0)
        };
        // Room for one row but not for header + row: header and first row move together to page 2.
        let (room, header_page, first_row_page) = with_room(row);
        assert!(room >= row && room < 2.0 * row, "{room}");
        assert_eq!((header_page, first_row_page), (1, 1));
        // Room for header + row: the table starts on page 1.
        let (room, header_page, first_row_page) = with_room(2.0 * row);
        assert!(room >= 2.0 * row, "{room}");
        assert_eq!((header_page, first_row_page), (0, 0));
    }

    #[test]
    fn wrapped_cells_make_the_row_taller_and_right_aligned_cells_end_at_the_column_edge() {
        let mut t = table(0);
        t.rows.push(Row::new(["1", "Een heel lange naam die zeker niet op één regel past in deze kolom", "12,00"]));
        t.rows.push(Row::new(["2", "Kort", "1.234,56"]));
        let pages = layout(&doc(vec![Block::Table(t)]), &Fixed).unwrap();
        // Name column: 4/7 of the content width minus padding ≈ 286 pt; 3.5 pt per char → 81 chars per line:
        // the 66-char name fits one line, so row 2 is one row (13.75 pt) lower.
        let one = find(&pages, "1")[0].1;
        let two = find(&pages, "2")[0].1;
        assert!((two - one - 13.75).abs() < 0.01, "{one} {two}");
        // Right alignment: the amount ends at the table's right edge minus the padding.
        let amount = pages[0]
            .items
            .iter()
            .find_map(|i| match i {
                Item::Text { x, text, .. } if text == "1.234,56" => Some(*x),
                _ => None,
            })
            .unwrap();
        let end = amount + Fixed.width("1.234,56", false, TABLE_SIZE);
        assert!((end - (PAGE_WIDTH - MARGIN_RIGHT - CELL_PAD_X)).abs() < 0.01);
    }

    #[test]
    fn a_long_name_wraps_inside_its_cell() {
        let t = Table {
            columns: vec![
                Column { title: "Naam".into(), width: Width::Weight(1.0), align: Align::Left },
                Column { title: "Bedrag".into(), width: Width::Weight(1.0), align: Align::Right },
            ],
            // Each column ≈ 255 pt, 250 inside; 3.5 pt per char → 71 chars per line. 100 chars → 2 lines.
            rows: vec![Row::new([&"Ł".repeat(50), "x"]), Row::new(["volgende", "y"])],
        };
        let name = format!("{} {}", "a".repeat(60), "b".repeat(39));
        let mut t2 = t.clone();
        t2.rows[0].cells[0] = name;
        let pages = layout(&doc(vec![Block::Table(t2)]), &Fixed).unwrap();
        let a = find(&pages, &"a".repeat(60));
        let b = find(&pages, &"b".repeat(39));
        assert_eq!(a.len(), 1);
        assert_eq!(b.len(), 1);
        assert!((b[0].1 - a[0].1 - line_height(TABLE_SIZE)).abs() < 0.01);
        // The next row starts under both lines: 2 lines + padding = 2 * 8.75 + 5 = 22.5 pt below row 1.
        let next = find(&pages, "volgende")[0].1;
        assert!((next - a[0].1 - 22.5).abs() < 0.01, "{}", next - a[0].1);
    }

    #[test]
    fn rows_with_the_wrong_number_of_cells_and_rows_taller_than_a_page_are_errors() {
        let mut t = table(1);
        t.rows[0].cells.pop();
        assert_eq!(
            layout(&doc(vec![Block::Table(t)]), &Fixed),
            Err(PdfError::CellCount { row: 0, expected: 3, found: 2 })
        );
        let mut t = table(2);
        t.rows[1].cells[1] = vec!["x"; 100].join("\n");
        assert_eq!(layout(&doc(vec![Block::Table(t)]), &Fixed), Err(PdfError::RowTooTall { row: 1 }));
    }

    #[test]
    fn a_heading_is_not_left_alone_at_the_bottom_of_a_page() {
        let lines = ((CONTENT_BOTTOM - 110.0) / line_height(BODY_SIZE)) as usize;
        let filler = vec!["x"; lines].join("\n");
        let pages = layout(
            &doc(vec![Block::Paragraph(filler), Block::Heading("Kop".into()), Block::Paragraph("y".into())]),
            &Fixed,
        )
        .unwrap();
        assert_eq!(find(&pages, "Kop")[0].0, 1);
        assert_eq!(find(&pages, "y")[0].0, 1);
    }

    #[test]
    fn a_signature_block_stays_together_and_page_breaks_do_not_make_empty_pages() {
        let fields = vec![
            SignatureField::filled("Naam", "An Peeters"),
            SignatureField::filled("Functie", "directeur"),
            SignatureField::signature("Handtekening"),
        ];
        let lines = ((CONTENT_BOTTOM - 140.0) / line_height(BODY_SIZE)) as usize;
        let filler = vec!["x"; lines].join("\n");
        let pages = layout(
            &doc(vec![
                Block::Paragraph(filler),
                Block::Signature(fields),
                Block::PageBreak,
                Block::PageBreak,
                Block::Paragraph("na".into()),
                Block::PageBreak,
            ]),
            &Fixed,
        )
        .unwrap();
        let pages_of = |t: &str| find(&pages, t)[0].0;
        assert_eq!(pages_of("Naam"), 1, "the block did not fit under the filler");
        assert_eq!(pages_of("Naam"), pages_of("Handtekening"));
        // Two page breaks give one new page; a trailing break adds none.
        assert_eq!(pages_of("na"), 2);
        assert_eq!(pages.len(), 3);
    }

    fn sum(widths: &[f32]) -> f32 {
        widths.iter().sum()
    }

    #[test]
    fn fit_columns_take_their_widest_cell_and_weight_columns_share_the_rest() {
        let t = Table {
            columns: vec![
                Column { title: "Nr".into(), width: Width::Fit, align: Align::Right },
                Column { title: "Naam".into(), width: Width::Weight(1.0), align: Align::Left },
                Column { title: "Vast".into(), width: Width::Mm(20.0), align: Align::Left },
            ],
            rows: vec![Row::new(["1", "a", "b"]), Row::new(["100", "a", "b"]).styled(RowStyle::Total)],
        };
        let w = column_widths(&t, &Fixed).unwrap();
        // Bold header "Nr" 2 × 4.2 = 8.4 pt vs bold "100" 3 × 4.2 = 12.6 pt (total rows are bold):
        // 12.6 + 2 × 2.5 padding + 0.5 = 18.1 pt.
        assert!((w[0] - 18.1).abs() < 0.01, "{w:?}");
        assert!((w[2] - 20.0 * MM).abs() < 0.01);
        assert!((w[1] - (CONTENT_WIDTH - 18.1 - 20.0 * MM)).abs() < 0.01);
        assert!((sum(&w) - CONTENT_WIDTH).abs() < 0.01);
    }

    #[test]
    fn fit_columns_shrink_when_they_would_crowd_out_the_weight_columns() {
        let long = "x".repeat(80); // 80 × 3.5 = 280 pt each
        let t = Table {
            columns: vec![
                Column { title: "A".into(), width: Width::Fit, align: Align::Left },
                Column { title: "B".into(), width: Width::Fit, align: Align::Left },
                Column { title: "Naam".into(), width: Width::Weight(1.0), align: Align::Left },
            ],
            rows: vec![Row::new([long.as_str(), long.as_str(), "n"])],
        };
        let w = column_widths(&t, &Fixed).unwrap();
        // 2 × 285.5 pt does not fit: the name keeps its 20 mm minimum, A and B split the rest evenly.
        assert!((w[2] - MIN_WEIGHT_COLUMN).abs() < 0.01, "{w:?}");
        assert!((w[0] - w[1]).abs() < 0.01);
        assert!((sum(&w) - CONTENT_WIDTH).abs() < 0.01);
    }

    #[test]
    fn without_weight_columns_fit_columns_grow_to_the_full_width() {
        let t = Table {
            columns: vec![
                Column { title: "A".into(), width: Width::Fit, align: Align::Left },
                Column { title: "B".into(), width: Width::Mm(30.0), align: Align::Left },
            ],
            rows: vec![Row::new(["abcd", "x"])],
        };
        let w = column_widths(&t, &Fixed).unwrap();
        assert!((w[1] - 30.0 * MM).abs() < 0.01);
        assert!((sum(&w) - CONTENT_WIDTH).abs() < 0.01, "{w:?}");
        let bad = Table {
            columns: vec![Column { title: "A".into(), width: Width::Weight(-1.0), align: Align::Left }],
            rows: vec![],
        };
        assert_eq!(column_widths(&bad, &Fixed), Err(PdfError::NoColumns));
        assert_eq!(column_widths(&Table { columns: vec![], rows: vec![] }, &Fixed), Err(PdfError::NoColumns));
    }

    #[test]
    fn blocks_kept_together_move_to_the_next_page_as_a_whole() {
        let lines = ((CONTENT_BOTTOM - 165.0) / line_height(BODY_SIZE)) as usize;
        let filler = vec!["x"; lines].join("\n");
        let kept = Block::KeepTogether(vec![
            Block::Heading("Verklaring".into()),
            Block::Paragraph("Ondergetekende verklaart".into()),
            Block::Signature(vec![SignatureField::filled("Naam", "An"), SignatureField::signature("Handtekening")]),
        ]);
        let pages = layout(&doc(vec![Block::Paragraph(filler.clone()), kept.clone()]), &Fixed).unwrap();
        // About 80 pt are left on page 1: enough for the heading and paragraph (about 41 pt with the 40 pt kept
        // for what follows a heading), not for the signature too (57 pt).
        assert_eq!(pages.len(), 2);
        for t in ["Verklaring", "Ondergetekende verklaart", "Naam", "Handtekening"] {
            assert_eq!(find(&pages, t), vec![(1, find(&pages, t)[0].1)], "{t}");
        }
        // Nothing of the group stayed behind on page 1.
        assert!(pages[0].texts().all(|t| t == "x" || !t.contains("Verklaring")));
        // Without the group, the heading stays on page 1 and the signature moves alone.
        let Block::KeepTogether(loose) = kept else { unreachable!() };
        let mut blocks = vec![Block::Paragraph(filler)];
        blocks.extend(loose);
        let pages = layout(&doc(blocks), &Fixed).unwrap();
        assert_eq!(find(&pages, "Ondergetekende verklaart")[0].0, 0);
        assert_eq!(find(&pages, "Handtekening")[0].0, 1);
    }

    #[test]
    fn fit_headers_stand_on_one_line_when_there_is_room() {
        let t = Table {
            columns: vec![
                Column { title: "Gepland (u)".into(), width: Width::Fit, align: Align::Right },
                Column { title: "Opmerking".into(), width: Width::Weight(1.0), align: Align::Left },
            ],
            rows: vec![Row::new(["7,60", ""])],
        };
        let w = column_widths(&t, &Fixed).unwrap();
        // Whole header in bold: 11 × 4.2 = 46.2 pt + 5 + 0.5 = 51.7 pt (its longest word alone would give 40.3).
        assert!((w[0] - 51.7).abs() < 0.01, "{w:?}");
        let pages = layout(&doc(vec![Block::Table(t)]), &Fixed).unwrap();
        assert_eq!(find(&pages, "Gepland (u)").len(), 1);
    }
}
