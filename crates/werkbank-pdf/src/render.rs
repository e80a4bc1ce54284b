//! From laid-out pages to PDF bytes with printpdf 0.12 (op-based API), DejaVu Sans embedded and subset.

use std::sync::OnceLock;

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem,
};
use sha2::{Digest, Sha256};

use crate::layout::{layout, Item, Page, PAGE_HEIGHT, PAGE_WIDTH};
use crate::model::{Block, Document};
use crate::text::Measure;
use crate::PdfError;

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
/// Fixed font resource ids (printpdf would draw random ones); their first six letters become the subset tag.
const REGULAR_ID: &str = "WBDJVR";
const BOLD_ID: &str = "WBDJVB";

/// The two embedded faces, parsed once per process.
pub(crate) struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

fn parse(bytes: &[u8], name: &str) -> Result<ParsedFont, PdfError> {
    let mut warnings = Vec::new();
    ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or_else(|| PdfError::Font(name.to_string()))
}

pub(crate) fn fonts() -> Result<&'static Fonts, PdfError> {
    static FONTS: OnceLock<Result<Fonts, PdfError>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Ok(Fonts { regular: parse(REGULAR_TTF, "DejaVuSans")?, bold: parse(BOLD_TTF, "DejaVuSans-Bold")? })
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Measure for Fonts {
    fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let units_per_em = f32::from(font.font_metrics.units_per_em.max(1));
        let units: u32 = text
            .chars()
            .map(|c| u32::from(font.get_horizontal_advance(font.lookup_glyph_index(c as u32).unwrap_or(0))))
            .sum();
        units as f32 * size / units_per_em
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

fn point(x: f32, y_from_top: f32) -> Point {
    Point { x: Pt(x), y: Pt(PAGE_HEIGHT - y_from_top) }
}

fn page_ops(page: &Page) -> Vec<Op> {
    let regular = PdfFontHandle::External(FontId(REGULAR_ID.to_string()));
    let bold = PdfFontHandle::External(FontId(BOLD_ID.to_string()));
    let mut ops = Vec::with_capacity(page.items.len() * 6);
    for item in &page.items {
        match item {
            Item::Fill { x, y, width, height, grey: g } => {
                ops.push(Op::SetFillColor { col: grey(*g) });
                let mut rect = Rect::from_xywh(Pt(*x), Pt(PAGE_HEIGHT - y - height), Pt(*width), Pt(*height));
                rect.mode = Some(PaintMode::Fill);
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
            Item::Rule { x1, x2, y, thickness, grey: g } => {
                ops.push(Op::SetOutlineColor { col: grey(*g) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*thickness) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint { p: point(*x1, *y), bezier: false },
                            LinePoint { p: point(*x2, *y), bezier: false },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Text { x, y, size, bold: b, grey: g, text } => {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor { col: grey(*g) });
                ops.push(Op::SetFont { font: if *b { bold.clone() } else { regular.clone() }, size: Pt(*size) });
                ops.push(Op::SetTextCursor { pos: point(*x, *y) });
                ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                ops.push(Op::EndTextSection);
            }
        }
    }
    ops
}

/// Renders `doc` to PDF bytes: A4 portrait, DejaVu Sans (regular and bold) embedded as subsets, a footer with
/// "page x of y" on every page. Deterministic: the same document gives the same bytes (the creation date
/// comes from [`crate::Metadata`], the font ids are fixed and the file identifier is derived from the content).
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let pages = layout(doc, fonts)?;

    let mut pdf = PdfDocument::new(&doc.metadata.title);
    let created = printpdf::OffsetDateTime::from_unix_timestamp(doc.metadata.creation_date.and_utc().timestamp())
        .map_err(|e| PdfError::Pdf(e.to_string()))?;
    let info = &mut pdf.metadata.info;
    info.document_title = doc.metadata.title.clone();
    info.author = doc.metadata.author.clone();
    info.subject = doc.metadata.subject.clone();
    info.creator = "Werkbank".to_string();
    info.producer = "Werkbank (printpdf)".to_string();
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    pdf.resources.fonts.map.insert(FontId(REGULAR_ID.to_string()), PdfFont::new(fonts.regular.clone()));
    pdf.resources.fonts.map.insert(FontId(BOLD_ID.to_string()), PdfFont::new(fonts.bold.clone()));
    pdf.with_pages(pages.iter().map(|p| PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), page_ops(p))).collect());
    debug_assert!((PAGE_WIDTH - printpdf::Pt::from(printpdf::Mm(210.0)).0).abs() < 0.01);

    let opts = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    // printpdf writes a pseudo-random /ID pair; use one derived from the content instead.
    let digest = Sha256::digest(format!("{doc:?}").as_bytes());
    let id: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone().into_bytes(), lopdf::StringFormat::Literal),
            lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Literal),
        ]),
    );
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| PdfError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// The characters of `doc` that the embedded fonts cannot print (they would show as an empty box), sorted and
/// without duplicates. DejaVu Sans covers Latin, Greek and Cyrillic; a caller can warn about the rest before
/// printing.
pub fn missing_glyphs(doc: &Document) -> Result<Vec<char>, PdfError> {
    fn collect<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
        for block in blocks {
            match block {
                Block::Heading(t) | Block::Paragraph(t) => out.push(t),
                Block::List(items) => out.extend(items.iter().map(String::as_str)),
                Block::KeyValues(pairs) => pairs.iter().for_each(|(k, v)| out.extend([k.as_str(), v.as_str()])),
                Block::Table(t) => {
                    out.extend(t.columns.iter().map(|c| c.title.as_str()));
                    t.rows.iter().for_each(|r| out.extend(r.cells.iter().map(String::as_str)));
                }
                Block::Signature(fields) => {
                    fields.iter().for_each(|f| out.extend([f.label.as_str(), f.value.as_str()]))
                }
                Block::KeepTogether(inner) => collect(inner, out),
                Block::PageBreak | Block::Spacer(_) => {}
            }
        }
    }
    let fonts = fonts()?;
    let mut texts: Vec<&str> = vec![&doc.title, &doc.footer.left, &doc.footer.page_label];
    doc.header.iter().for_each(|(k, v)| texts.extend([k.as_str(), v.as_str()]));
    collect(&doc.blocks, &mut texts);
    let mut missing: Vec<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !matches!(c, '\n' | '\t' | '\r'))
        .filter(|c| {
            let cp = *c as u32;
            fonts.regular.lookup_glyph_index(cp).is_none() || fonts.bold.lookup_glyph_index(cp).is_none()
        })
        .collect();
    missing.sort_unstable();
    missing.dedup();
    Ok(missing)
}
