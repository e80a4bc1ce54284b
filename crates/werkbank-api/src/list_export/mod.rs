//! Every list the app shows as an Excel workbook: the staff register, FTE per category,
//! the supervision ratios, the problems, the waitlist, the agenda and the payroll
//! reconciliation.
//!
//! Each export calls the list's own use case and maps its DTO to a [`Sheet`] (headers and
//! typed cells); one writer turns any sheets into a workbook with the formats of the claim
//! workbook ([`crate::claim_export`]): a bold header row that stays in view, an autofilter,
//! dates as real dates (`dd/mm/yyyy`), FTE and amounts as numbers, and ids (category,
//! status, kind, …) as their Dutch labels. Sheet names and headers come from the catalogue
//! (`export.list.<list>.sheet`, `export.list.<list>.col.<column>`).
//!
//! The file is readable by the user only (0600 on Unix), and each export is recorded in
//! the audit trail: the list and its number of rows, never the path nor a personal value.

pub mod dto;

use crate::claims::export::{excel_date, number, save_private, Formats};
use crate::dto::*;
use crate::error::Result;
use crate::messages::Catalogue;
use crate::Api;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use serde::Serialize;
use std::path::Path;
use std::str::FromStr;

/// The conflict of a list file that cannot be written.
const WRITE_FAILED: &str = "export.file_write_failed";

/// Column widths (in characters) stay within these bounds; a header wider than its
/// column's content (and than `HEADER_WIDTH`) wraps.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 50;
const HEADER_WIDTH: usize = 24;

/// One cell of a list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    Integer(i64),
    /// A number shown with `decimals` decimals (the value itself is kept whole).
    Decimal(Decimal, u32),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// Text; an empty text is an empty cell.
    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    fn opt_text(s: Option<&str>) -> Cell {
        s.map(Cell::text).unwrap_or(Cell::Empty)
    }

    /// An ISO date of a DTO (`2026-01-31`) as a date; other text stays text.
    fn date(iso: &str) -> Cell {
        match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
            Ok(d) => Cell::Date(d),
            Err(_) => Cell::text(iso),
        }
    }

    fn opt_date(iso: Option<&str>) -> Cell {
        iso.map(Cell::date).unwrap_or(Cell::Empty)
    }

    /// A decimal of a DTO (`"3.5000"`) as a number shown with `decimals` decimals.
    fn decimal(s: &str, decimals: u32) -> Cell {
        match Decimal::from_str(s.trim()) {
            Ok(v) => Cell::Decimal(v, decimals),
            Err(_) => Cell::text(s),
        }
    }

    fn opt_decimal(s: Option<&str>, decimals: u32) -> Cell {
        s.map(|s| Cell::decimal(s, decimals)).unwrap_or(Cell::Empty)
    }

    /// FTE and ratios: four decimals, as the DTOs give them.
    fn fte(s: &str) -> Cell {
        Cell::decimal(s, 4)
    }

    fn opt_fte(s: Option<&str>) -> Cell {
        Cell::opt_decimal(s, 4)
    }

    /// An id (category, status, kind, …) as its Dutch label, `group.<id>` in the catalogue.
    fn label(cat: &Catalogue, group: &str, value: &impl Serialize) -> Cell {
        match serde_json::to_value(value).ok().as_ref().and_then(|v| v.as_str()) {
            Some(id) => Cell::Text(cat.text(&format!("{group}.{id}"))),
            None => Cell::Empty,
        }
    }

    fn yes_no(cat: &Catalogue, value: bool) -> Cell {
        Cell::Text(cat.text(if value { "tristate.yes" } else { "tristate.no" }))
    }

    fn opt_yes_no(cat: &Catalogue, value: Option<bool>) -> Cell {
        value.map(|v| Cell::yes_no(cat, v)).unwrap_or(Cell::Empty)
    }

    /// About how many characters the cell takes on screen (for the column width).
    fn width(&self) -> usize {
        match self {
            Cell::Text(s) => s.chars().count(),
            Cell::Integer(i) => i.to_string().len(),
            Cell::Decimal(v, d) => v.trunc().abs().to_string().len() + *d as usize + 2,
            Cell::Date(_) => 10,
            Cell::Empty => 0,
        }
    }
}

/// One worksheet: its name, the column headers, the data rows and an optional totals row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sheet {
    name: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
    footer: Option<Vec<Cell>>,
}

/// Builds a [`Sheet`] of `items` column by column: each column a catalogue key and how an
/// item gives its cell.
struct Table<'a, T> {
    cat: &'a Catalogue,
    list: &'static str,
    items: &'a [T],
    sheet: Sheet,
}

impl<'a, T> Table<'a, T> {
    fn new(cat: &'a Catalogue, list: &'static str, items: &'a [T]) -> Self {
        let name = cat.text(&format!("export.list.{list}.sheet"));
        let sheet = Sheet { name, headers: Vec::new(), rows: items.iter().map(|_| Vec::new()).collect(), footer: None };
        Self { cat, list, items, sheet }
    }

    fn col(mut self, key: &str, cell: impl Fn(&T) -> Cell) -> Self {
        self.sheet.headers.push(self.cat.text(&format!("export.list.{}.col.{key}", self.list)));
        for (row, item) in self.sheet.rows.iter_mut().zip(self.items) {
            row.push(cell(item));
        }
        self
    }

    /// A totals row below the data, one cell per column (missing ones empty).
    fn footer(mut self, cells: Vec<Cell>) -> Self {
        self.sheet.footer = Some(cells);
        self
    }

    fn done(self) -> Sheet {
        self.sheet
    }
}

/// The number format of a decimal with `decimals` decimals: `0.0000` for FTE (as the
/// claim workbook), `#,##0.00` for two, else `#,##0` with that many.
fn decimal_format(f: &Formats, decimals: u32) -> Format {
    match decimals {
        2 => f.number.clone(),
        4 => f.fte.clone(),
        0 => f.integer.clone(),
        n => Format::new().set_num_format(format!("#,##0.{}", "0".repeat(n as usize))),
    }
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
    bold: bool,
) -> std::result::Result<(), XlsxError> {
    let style = |format: Format| if bold { format.set_bold() } else { format };
    match cell {
        Cell::Text(s) if bold => ws.write_string_with_format(row, col, s, &f.bold)?,
        Cell::Text(s) => ws.write_string(row, col, s)?,
        Cell::Integer(i) => ws.write_number_with_format(row, col, *i as f64, &style(f.integer.clone()))?,
        Cell::Decimal(v, d) => ws.write_number_with_format(row, col, number(*v), &style(decimal_format(f, *d)))?,
        Cell::Date(d) => ws.write_datetime_with_format(row, col, excel_date(*d), &style(f.date.clone()))?,
        Cell::Empty => return Ok(()),
    };
    Ok(())
}

/// The workbook of `sheets`: per sheet the header row (frozen), the rows with an
/// autofilter over them, the totals row, and columns as wide as their content.
fn workbook(sheets: &[Sheet]) -> std::result::Result<Workbook, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        let columns = sheet.headers.len() as u16;
        let mut widths: Vec<usize> = vec![0; sheet.headers.len()];
        for (c, header) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, header, &f.header)?;
        }
        let footer = sheet.footer.iter().map(|cells| (cells, true));
        for (r, (cells, bold)) in sheet.rows.iter().map(|cells| (cells, false)).chain(footer).enumerate() {
            for (c, cell) in cells.iter().enumerate().take(widths.len()) {
                write_cell(ws, r as u32 + 1, c as u16, cell, &f, bold)?;
                widths[c] = widths[c].max(cell.width());
            }
        }
        let mut header_lines = 1;
        for (c, header) in sheet.headers.iter().enumerate() {
            let len = header.chars().count();
            let width = widths[c].max(len.min(HEADER_WIDTH)).clamp(MIN_WIDTH, MAX_WIDTH);
            header_lines = header_lines.max(len.div_ceil(width));
            ws.set_column_width(c as u16, width as f64 + 2.0)?;
        }
        if header_lines > 1 {
            ws.set_row_height(0, 15.0 * header_lines as f64 + 2.0)?;
        }
        ws.set_freeze_panes(1, 0)?;
        if !sheet.rows.is_empty() && columns > 0 {
            ws.autofilter(0, 0, sheet.rows.len() as u32, columns - 1)?;
        }
    }
    Ok(book)
}

// ----- the lists as sheets -------------------------------------------------------------

fn staff_sheet(cat: &Catalogue, rows: &[StaffRowDto]) -> Sheet {
    Table::new(cat, "staff", rows)
        .col("last_name", |r| Cell::text(&r.last_name))
        .col("first_name", |r| Cell::text(&r.first_name))
        .col("insz", |r| Cell::opt_text(r.insz.as_deref()))
        .col("birth_date", |r| Cell::opt_date(r.birth_date.as_deref()))
        .col("category", |r| r.category.map(|c| Cell::label(cat, "category", &c)).unwrap_or(Cell::Empty))
        .col("fraction", |r| Cell::opt_fte(r.fraction.as_deref()))
        .col("start", |r| Cell::opt_date(r.start.as_deref()))
        .col("end", |r| Cell::opt_date(r.end.as_deref()))
        .col("active", |r| Cell::yes_no(cat, r.active))
        .done()
}

fn fte_sheet(cat: &Catalogue, o: &FteOverviewDto) -> Sheet {
    Table::new(cat, "fte", &o.categories)
        .col("period", |_| Cell::text(&o.period))
        .col("category", |c| Cell::label(cat, "category", &c.category))
        .col("heads", |c| Cell::Integer(c.heads.into()))
        .col("fte", |c| Cell::fte(&c.fte))
        .footer(vec![
            Cell::Text(cat.text("export.list.fte.total")),
            Cell::Empty,
            Cell::Integer(o.total_heads.into()),
            Cell::fte(&o.total_fte),
        ])
        .done()
}

fn ratio_sheets(cat: &Catalogue, r: &RatiosDto) -> Vec<Sheet> {
    let forms = Table::new(cat, "ratios", &r.work_forms)
        .col("period", |_| Cell::text(&r.period))
        .col("work_form", |w| Cell::label(cat, "work_form", &w.work_form.kind))
        .col("heads", |w| Cell::Integer(w.heads.into()))
        .col("target_fte", |w| Cell::opt_fte(w.figures.target_fte.as_deref()))
        .col("supervisor_fte", |w| Cell::opt_fte(w.figures.supervisor_fte.as_deref()))
        .col("total_fte", |w| Cell::fte(&w.figures.total_fte))
        .col("recognised_ratio", |w| Cell::opt_fte(w.figures.recognised_ratio.as_deref()))
        .col("worked_ratio", |w| Cell::opt_fte(w.figures.worked_ratio.as_deref()))
        .col("allowed", |w| Cell::opt_fte(w.figures.allowed_supervisor_fte.as_deref()))
        .col("allowed_other", |w| Cell::opt_fte(w.figures.allowed_by_other_method.as_deref()))
        .col("subsidisable", |w| Cell::opt_fte(w.figures.subsidisable_supervisor_fte.as_deref()))
        .col("headroom", |w| Cell::opt_fte(w.figures.headroom.as_deref()))
        .col("target_share", |w| Cell::opt_fte(w.figures.target_share.as_deref()))
        .col("minimum_share", |w| Cell::opt_fte(w.figures.minimum_target_share.as_deref()))
        .col("below_minimum", |w| Cell::opt_yes_no(cat, w.figures.below_minimum_share))
        .col("contingent_target_used", |w| Cell::opt_fte(w.contingent.year_to_date_target.fte.as_deref()))
        .col("contingent_target_allocated", |w| Cell::opt_fte(w.contingent.year_to_date_target.allocated.as_deref()))
        .col("contingent_supervisor_used", |w| Cell::opt_fte(w.contingent.year_to_date_supervisor.fte.as_deref()))
        .col("contingent_supervisor_allocated", |w| {
            Cell::opt_fte(w.contingent.year_to_date_supervisor.allocated.as_deref())
        })
        .done();
    let segments: Vec<(&WorkFormRatiosDto, &RatioSegmentDto)> =
        r.work_forms.iter().flat_map(|w| w.segments.iter().map(move |s| (w, s))).collect();
    let segments = Table::new(cat, "ratio_segments", &segments)
        .col("work_form", |(w, _)| Cell::label(cat, "work_form", &w.work_form.kind))
        .col("first_day", |(_, s)| Cell::date(&s.start))
        .col("last_day", |(_, s)| Cell::date(&s.end))
        .col("days", |(_, s)| Cell::Integer(s.days.into()))
        .col("target_fte", |(_, s)| Cell::opt_fte(s.figures.target_fte.as_deref()))
        .col("supervisor_fte", |(_, s)| Cell::opt_fte(s.figures.supervisor_fte.as_deref()))
        .col("total_fte", |(_, s)| Cell::fte(&s.figures.total_fte))
        .col("recognised_ratio", |(_, s)| Cell::opt_fte(s.figures.recognised_ratio.as_deref()))
        .col("worked_ratio", |(_, s)| Cell::opt_fte(s.figures.worked_ratio.as_deref()))
        .col("allowed", |(_, s)| Cell::opt_fte(s.figures.allowed_supervisor_fte.as_deref()))
        .col("subsidisable", |(_, s)| Cell::opt_fte(s.figures.subsidisable_supervisor_fte.as_deref()))
        .col("headroom", |(_, s)| Cell::opt_fte(s.figures.headroom.as_deref()))
        .done();
    vec![forms, segments]
}

fn problems_sheet(cat: &Catalogue, p: &ProblemsDto) -> Sheet {
    Table::new(cat, "problems", &p.problems)
        .col("period", |_| Cell::text(&p.period))
        .col("severity", |x| Cell::label(cat, "severity", &x.severity))
        .col("person", |x| Cell::opt_text(x.person_name.as_deref()))
        .col("problem", |x| Cell::text(&x.message))
        .done()
}

fn waitlist_sheet(cat: &Catalogue, w: &WaitlistDto) -> Sheet {
    Table::new(cat, "waitlist", &w.candidates)
        .col("rank", |c| c.rank.map(|r| Cell::Integer(r.into())).unwrap_or(Cell::Empty))
        .col("last_name", |c| Cell::text(&c.person.last_name))
        .col("first_name", |c| Cell::text(&c.person.first_name))
        .col("referral_date", |c| Cell::date(&c.referral_date))
        .col("referrer", |c| Cell::label(cat, "referrer", &c.referrer))
        .col("work_form", |c| Cell::label(cat, "work_form", &c.work_form))
        .col("category", |c| Cell::label(cat, "category", &c.category))
        .col("priority", |c| Cell::label(cat, "priority", &c.priority))
        .col("days", |c| Cell::Integer(c.waiting_days))
        .col("status", |c| Cell::label(cat, "candidate_status", &c.status))
        .col("status_since", |c| Cell::date(&c.status_since))
        .col("attest", |c| c.attest_kind.map(|a| Cell::label(cat, "attest", &a)).unwrap_or(Cell::Empty))
        .col("attest_valid_until", |c| Cell::opt_date(c.attest_valid_until.as_deref()))
        .col("attest_alert", |c| Cell::yes_no(cat, c.attest_alert))
        .col("eligibility", |c| c.eligibility.map(|e| Cell::label(cat, "criterion.status", &e)).unwrap_or(Cell::Empty))
        .done()
}

fn agenda_sheet(cat: &Catalogue, a: &AgendaDto) -> Sheet {
    Table::new(cat, "agenda", &a.items)
        .col("status", |i| Cell::label(cat, "agenda_status", &i.status))
        .col("due", |i| Cell::date(&i.due))
        .col("held", |i| Cell::opt_date(i.held_date.as_deref()))
        .col("person", |i| Cell::text(&i.person_name))
        .col("kind", |i| Cell::label(cat, "meeting", &i.kind))
        .col("seq", |i| Cell::Integer(i.seq.into()))
        .col("hire_date", |i| Cell::date(&i.hire_date))
        .col("outcome", |i| Cell::opt_text(i.outcome.as_deref()))
        .col("next_step", |i| Cell::opt_text(i.next_step.as_deref()))
        .done()
}

fn reconciliation_sheets(cat: &Catalogue, r: &ReconciliationDto) -> Vec<Sheet> {
    let rows = Table::new(cat, "reconciliation", &r.rows)
        .col("period", |_| Cell::text(&r.period))
        .col("person", |x| Cell::text(&x.name))
        .col("register_fte", |x| Cell::fte(&x.register_fte))
        .col("paid_hours", |x| Cell::Decimal(Decimal::new(x.paid_hours, 2), 2))
        .col("payroll_fte", |x| Cell::opt_fte(x.payroll_fte.as_deref()))
        .col("difference", |x| Cell::opt_fte(x.difference.as_deref()))
        .col("missing_months", |x| Cell::text(&x.missing_months.join(", ")))
        .col("flagged", |x| Cell::yes_no(cat, x.flagged))
        .done();
    let missing = Table::new(cat, "not_in_payroll", &r.not_in_payroll)
        .col("person", |x| Cell::text(&x.name))
        .col("register_fte", |x| Cell::fte(&x.register_fte))
        .done();
    vec![rows, missing]
}

fn claims_sheet(cat: &Catalogue, claims: &[ClaimSummaryDto]) -> Sheet {
    Table::new(cat, "claims", claims)
        .col("period", |c| Cell::text(&c.period))
        .col("work_form", |c| Cell::Text(cat.text(&format!("work_form.{}", c.work_form_kind))))
        .col("status", |c| Cell::Text(cat.text(&format!("claims.status.{}", c.status.id()))))
        // An incomplete draft has no total: the word says so, as on screen.
        .col("total", |c| {
            if c.complete {
                Cell::decimal(&c.total, 2)
            } else {
                Cell::Text(cat.text("export.list.claims.incomplete"))
            }
        })
        .col("issued_at", |c| Cell::opt_date(c.issued_at.as_deref().map(|t| t.get(..10).unwrap_or(t))))
        .col("number", |c| Cell::Integer(c.id))
        .done()
}

impl Api {
    /// Writes the list `request` names, with its filter, as a workbook at `path`: the one
    /// entry point of the desktop's export button (the CLI calls the list's own export).
    pub async fn export_list_xlsx(&self, request: &ListRequest, path: &Path) -> Result<ExportDto> {
        match request {
            ListRequest::Staff { filter } => self.export_staff_xlsx(filter.clone(), path).await,
            ListRequest::Fte { period } => self.export_fte_xlsx(period, path).await,
            ListRequest::Ratios { period } => self.export_ratios_xlsx(period, path).await,
            ListRequest::Problems { period } => self.export_problems_xlsx(period.as_deref(), path).await,
            ListRequest::Waitlist { filter } => self.export_waitlist_xlsx(filter.clone(), path).await,
            ListRequest::Agenda { until } => self.export_agenda_xlsx(until.as_deref(), path).await,
            ListRequest::Reconciliation { period } => self.export_reconciliation_xlsx(period, path).await,
            ListRequest::Claims => self.export_claims_xlsx(path).await,
        }
    }

    /// The readable default name of a list's workbook: the list's sheet name, its period
    /// if it has one, else today's date ("Personeel 2026-12-03.xlsx", "VTE per categorie 2026-4.xlsx").
    pub fn list_file_name(&self, request: &ListRequest) -> String {
        let cat = self.catalogue();
        let when = match request {
            ListRequest::Fte { period } | ListRequest::Ratios { period } | ListRequest::Reconciliation { period } => {
                period.replace('/', "-")
            }
            ListRequest::Problems { period: Some(period) } => period.replace('/', "-"),
            _ => self.today().format("%Y-%m-%d").to_string(),
        };
        let words = format!("{} {when}", cat.text(&format!("export.list.{}.sheet", request.list())));
        format!("{}.xlsx", crate::claims::export::readable_file_name(&words))
    }

    /// Every claim as the claims screen lists it ([`Api::claims`]).
    pub async fn export_claims_xlsx(&self, path: &Path) -> Result<ExportDto> {
        let claims = self.claims().await?;
        self.write_list("claims", vec![claims_sheet(self.catalogue(), &claims)], path).await
    }

    /// Writes `sheets` as a private workbook at `path` and records the export of `list`
    /// (its name and the rows of the first sheet, the list itself; a further sheet only
    /// when it has rows).
    async fn write_list(&self, list: &str, sheets: Vec<Sheet>, path: &Path) -> Result<ExportDto> {
        let rows = sheets.first().map(|s| s.rows.len()).unwrap_or_default();
        let sheets: Vec<Sheet> =
            sheets.into_iter().enumerate().filter(|(i, s)| *i == 0 || !s.rows.is_empty()).map(|(_, s)| s).collect();
        let failed = |e: XlsxError| crate::claims::export::file_write_failed(WRITE_FAILED, path, e);
        let bytes = workbook(&sheets).map_err(failed)?.save_to_buffer().map_err(failed)?;
        save_private(WRITE_FAILED, path, &bytes)?;
        self.audit_list_export(list, rows).await?;
        Ok(ExportDto { path: path.display().to_string(), bytes: bytes.len() as u64, lines: rows as u32 })
    }

    /// Records that a list left the app as a file: which list and how many rows, never
    /// the path (a folder or file name may carry a name) nor any value of the list.
    async fn audit_list_export(&self, list: &str, rows: usize) -> Result<()> {
        let mut tx = self.store.begin().await?;
        let details = serde_json::json!({ "list": list, "format": "xlsx", "purpose": "save", "rows": rows });
        self.audit(&mut tx, "export", "list", None, details).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The staff register as [`Api::list_staff`] gives it for `filter`, one row a person.
    pub async fn export_staff_xlsx(&self, filter: StaffFilter, path: &Path) -> Result<ExportDto> {
        let rows = self.list_staff(filter).await?;
        self.write_list("staff", vec![staff_sheet(self.catalogue(), &rows)], path).await
    }

    /// Heads and FTE per category over `period` ([`Api::fte_overview`]), with the totals.
    pub async fn export_fte_xlsx(&self, period: &str, path: &Path) -> Result<ExportDto> {
        let overview = self.fte_overview(period).await?;
        self.write_list("fte", vec![fte_sheet(self.catalogue(), &overview)], path).await
    }

    /// The supervision ratios and contingent use over `period` ([`Api::ratios`]): one row
    /// a work form, and a second sheet with the parts of the period between parameter
    /// changes (one a work form when nothing changed).
    pub async fn export_ratios_xlsx(&self, period: &str, path: &Path) -> Result<ExportDto> {
        let ratios = self.ratios(period).await?;
        self.write_list("ratios", ratio_sheets(self.catalogue(), &ratios), path).await
    }

    /// The problems of `period` (default: the current quarter; [`Api::problems`]).
    pub async fn export_problems_xlsx(&self, period: Option<&str>, path: &Path) -> Result<ExportDto> {
        let problems = self.problems(period).await?;
        self.write_list("problems", vec![problems_sheet(self.catalogue(), &problems)], path).await
    }

    /// The waitlist in list order ([`Api::waitlist`]), one row a candidate.
    pub async fn export_waitlist_xlsx(&self, filter: WaitlistFilter, path: &Path) -> Result<ExportDto> {
        let waitlist = self.waitlist(filter).await?;
        self.write_list("waitlist", vec![waitlist_sheet(self.catalogue(), &waitlist)], path).await
    }

    /// The meetings of the agenda up to `until` ([`Api::agenda`]), one row a meeting.
    pub async fn export_agenda_xlsx(&self, until: Option<&str>, path: &Path) -> Result<ExportDto> {
        let agenda = self.agenda(until).await?;
        self.write_list("agenda", vec![agenda_sheet(self.catalogue(), &agenda)], path).await
    }

    /// Paid hours against register FTE per person over `period` ([`Api::reconciliation`]),
    /// and a second sheet with the people employed but on no payroll line, if any.
    pub async fn export_reconciliation_xlsx(&self, period: &str, path: &Path) -> Result<ExportDto> {
        let reconciliation = self.reconciliation(period).await?;
        self.write_list("reconciliation", reconciliation_sheets(self.catalogue(), &reconciliation), path).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dto_text_becomes_typed_cells() {
        assert_eq!(Cell::date("2026-01-31"), Cell::Date(NaiveDate::from_ymd_opt(2026, 1, 31).unwrap()));
        assert_eq!(Cell::date("31/01/2026"), Cell::Text("31/01/2026".into()));
        assert_eq!(Cell::opt_date(None), Cell::Empty);
        assert_eq!(Cell::fte("3.5000"), Cell::Decimal(Decimal::new(35000, 4), 4));
        assert_eq!(Cell::fte("-0.1250"), Cell::Decimal(Decimal::new(-1250, 4), 4));
        assert_eq!(Cell::text(""), Cell::Empty);
        let cat = Catalogue::nl_be();
        assert_eq!(Cell::label(cat, "category", &crate::Category::Article60), Cell::Text("Artikel 60".into()));
        assert_eq!(Cell::label(cat, "severity", &Severity::Warning), Cell::Text("let op".into()));
    }

    #[test]
    fn every_list_has_its_sheet_name_and_headers_in_the_catalogue() {
        let cat = Catalogue::nl_be();
        let staff = staff_sheet(cat, &[]);
        let ratios = ratio_sheets(
            cat,
            &RatiosDto { period: "2026/1".into(), start: String::new(), end: String::new(), work_forms: vec![] },
        );
        let problems = problems_sheet(
            cat,
            &ProblemsDto { period: "2026/1".into(), start: String::new(), end: String::new(), problems: vec![] },
        );
        let waitlist = waitlist_sheet(cat, &WaitlistDto { today: String::new(), candidates: vec![] });
        let agenda = agenda_sheet(cat, &AgendaDto { today: String::new(), until: String::new(), items: vec![] });
        let fte = fte_sheet(
            cat,
            &FteOverviewDto {
                period: "2026/1".into(),
                start: String::new(),
                end: String::new(),
                categories: vec![],
                total_heads: 0,
                total_fte: "0.0000".into(),
            },
        );
        let reconciliation = reconciliation_sheets(
            cat,
            &ReconciliationDto {
                period: "2026/1".into(),
                start: String::new(),
                end: String::new(),
                tolerance: String::new(),
                months: vec![],
                covered_months: vec![],
                batches: vec![],
                rows: vec![],
                not_in_payroll: vec![],
                unmapped_codes: vec![],
            },
        );
        let claims = claims_sheet(cat, &[]);
        for sheet in [staff, problems, waitlist, agenda, fte, claims].iter().chain(&ratios).chain(&reconciliation) {
            assert!(!sheet.name.starts_with("export."), "{}", sheet.name);
            // Excel's limit on a sheet name.
            assert!(sheet.name.chars().count() <= 31, "{}", sheet.name);
            for h in &sheet.headers {
                assert!(!h.starts_with("export."), "no text for {h}");
            }
        }
        assert!(cat.has("export.file_write_failed"));
    }

    #[test]
    fn an_incomplete_draft_exports_the_word_not_a_total() {
        let cat = Catalogue::nl_be();
        let claim = |complete| ClaimSummaryDto {
            id: 7,
            work_form_id: 1,
            work_form_kind: "maatwerk".into(),
            period: "2026/4".into(),
            status: werkbank_domain::claims::ClaimStatus::Draft,
            amends_id: None,
            rule_set_code: "x".into(),
            rule_set_version: 1,
            total: "48401.61".into(),
            complete,
            issued_at: None,
        };
        let sheet = claims_sheet(cat, &[claim(true), claim(false)]);
        assert_eq!(sheet.rows[0][3], Cell::Decimal(Decimal::new(4840161, 2), 2));
        assert_eq!(sheet.rows[1][3], Cell::Text("onvolledig".into()));
        assert_eq!(sheet.rows[0][1], Cell::Text("Maatwerkbedrijf".into()));
        assert_eq!(sheet.rows[0][2], Cell::Text("ontwerp".into()));
    }
}
