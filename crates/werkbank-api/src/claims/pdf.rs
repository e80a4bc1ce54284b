//! The printed claim ("Kwartaalafrekening subsidies — controleoverzicht", docs/domain/claims.md, "The printed claim") and the monthly
//! attendance statement of an article 60 worker (prestatiestaat), mapped onto `werkbank-pdf`'s generic
//! document model. Pure functions of their inputs: every text comes from the message catalogue (`pdf.*`),
//! values are formatted the Belgian way (1.234,56 €, 31/03/2026, decimal comma), an INSZ is masked, and
//! nothing about disability or origin is ever looked at. The same inputs give the same bytes (the print
//! date is the caller's).

use crate::dto::ClaimDto;
use crate::messages::Catalogue;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use werkbank_domain::claims::rules::Formula;
use werkbank_domain::claims::ClaimLine;
use werkbank_domain::claims::ClaimStatus;
use werkbank_domain::organisation::{format_iban, format_rsz_number};
use werkbank_domain::{NormMethod, Organisation};
use werkbank_pdf::{
    amount_in_words_nl, format_amount, format_date, format_number, mask_insz, Block, Column, Document, Footer,
    Metadata, Row, RowStyle, SignatureField, Table,
};

/// What the claim's document needs besides the claim itself (loaded by the use case).
#[derive(Debug, Clone, Default)]
pub struct ClaimPdfContext {
    pub organisation: Organisation,
    /// The recognition / dossier number of the claim's work form.
    pub recognition_number: Option<String>,
    /// INSZ per person as printed: masked but for its check digits (`werkbank_pdf::mask_insz`).
    pub insz_masked: HashMap<i64, String>,
    /// The formula kind of each stream of the rule set the claim used.
    pub formulas: HashMap<String, Formula>,
    /// The supervision norm (target FTE per supervisor) in force on the quarter's first day.
    pub norm: Option<Decimal>,
    /// The print date: the issue date of an issued claim, today for a draft.
    pub printed_on: NaiveDate,
    /// The SHA-256 printed as the document hash: the frozen canonical JSON's for an issued claim, the current
    /// result JSON's for a draft.
    pub hash: String,
    /// Signature block: name, function, place (empty lines to fill in by hand when unknown).
    pub signer: String,
    pub function: String,
    pub place: String,
    /// Add the "aangifte van schuldvordering" page.
    pub with_declaration_page: bool,
    /// An issued claim: the number of values not confirmed in the rule set that the signer
    /// declared at issue to have checked (0: none were used).
    pub unconfirmed_checked: u32,
}

fn params(list: &[(&str, String)]) -> BTreeMap<String, String> {
    list.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

struct Texts<'a>(&'a Catalogue);

/// A parameter's source as printed: the legal reference and plain words, without the
/// research markers that rule sets of earlier releases carried (`[F]`, `[I]`, `[?]`) or a
/// reference to research notes (`(claims.md S1)`).
pub fn printable_source(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        let inner = &rest[open..open + close + 1];
        out.push_str(&rest[..open]);
        if !inner.contains(".md") {
            out.push_str(inner);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    for marker in ["[F]", "[I]", "[?]"] {
        out = out.replace(marker, "");
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let text = words.join(" ");
    let text = text.replace(" :", ":").replace(" ;", ";").replace(" ,", ",");
    text.trim_matches(|c: char| c == ':' || c == ';' || c == ',' || c.is_whitespace()).to_string()
}

/// A stream parameter in words (`claim_param.<id>`), its id when the catalogue has no label.
fn param_label(cat: &Catalogue, id: &str) -> String {
    let key = format!("claim_param.{id}");
    if cat.has(&key) {
        cat.text(&key)
    } else {
        id.to_string()
    }
}

impl Texts<'_> {
    fn t(&self, key: &str) -> String {
        self.0.text(&format!("pdf.{key}"))
    }
    fn r(&self, key: &str, list: &[(&str, String)]) -> String {
        self.0.render(&format!("pdf.{key}"), &params(list))
    }
}

fn fte(v: Decimal) -> String {
    format_number(v, 4)
}

/// A parameter value with the decimals it has (at least 2): `2111.89` → `2.111,89`, `40` → `40,00`.
fn value(v: Decimal) -> String {
    format_number(v, v.normalize().scale().max(2))
}

fn opt_amount(v: Option<Decimal>) -> String {
    v.map(format_amount).unwrap_or_default()
}

/// An amount inside a dense table whose column header names the unit ("Brutoloon (€)").
fn opt_plain(v: Option<Decimal>) -> String {
    v.map(|v| format_number(v, 2)).unwrap_or_default()
}

fn percent(v: Decimal) -> String {
    format!("{} %", format_number(v, v.normalize().scale()))
}

fn address(o: &Organisation) -> String {
    let place = [o.postal_code.trim(), o.city.trim()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>();
    [o.street.trim().to_string(), place.join(" ")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
}

fn name_with_form(o: &Organisation) -> String {
    if o.legal_form.trim().is_empty() || o.name.to_lowercase().ends_with(&o.legal_form.trim().to_lowercase()) {
        o.name.clone()
    } else {
        format!("{} {}", o.name, o.legal_form.trim())
    }
}

/// The per-worker table's columns for a formula kind: the layout in docs/domain/claims.md ("The printed claim") has 15 columns, which do
/// not fit A4 portrait; each kind shows the inputs its formula uses.
#[derive(Clone, Copy, PartialEq)]
enum Col {
    Nr,
    Name,
    Insz,
    Since,
    Year,
    Mu,
    Days,
    Reference,
    Cap,
    Rate,
    Level,
    Fixed,
    Variable,
    Monthly,
    Amount,
}

fn columns_for(formula: Option<&Formula>, lines: &[&ClaimLine]) -> Vec<Col> {
    use Col::*;
    let seniority = lines.iter().any(|l| l.seniority_index.is_some());
    let mut cols = vec![Nr, Name, Insz, Since];
    match formula {
        Some(Formula::WagePercentage { cap_wage: true, .. }) => {
            if seniority {
                cols.push(Year);
            }
            // Referteloon = gross wage + employer contributions − reductions: its parts would need two more
            // columns, which squeeze every figure on A4 portrait (they are in the claim's lines and export).
            cols.extend([Mu, Days, Reference, Cap, Rate]);
        }
        Some(Formula::WagePercentage { cap_wage: false, .. }) => {
            if seniority {
                cols.push(Year);
            }
            cols.extend([Mu, Days, Cap, Rate]);
        }
        Some(Formula::GuidancePremium) => cols.extend([Mu, Days, Level, Fixed, Variable]),
        Some(Formula::CappedMonthlyAllowance) => cols.extend([Mu, Days, Monthly, Cap]),
        Some(Formula::MonthlyByDaysPaid) => cols.extend([Days, Monthly]),
        _ => cols.extend([Mu, Days]),
    }
    // A line's notes print under its name (a column of their own would squeeze the figures).
    cols.push(Amount);
    cols
}

fn column(t: &Texts, c: Col) -> Column {
    let title = |k: &str| t.t(&format!("col.{k}"));
    match c {
        Col::Nr => Column::figure(title("nr")),
        Col::Name => Column::flexible(title("name"), 1.0),
        Col::Insz => Column::fit(title("insz")),
        Col::Since => Column::fit(title("since")),
        Col::Year => Column::figure(title("year")),
        Col::Mu => Column::figure(title("mu")),
        Col::Days => Column::figure(title("days")),
        Col::Reference => Column::figure(title("reference")),
        Col::Cap => Column::figure(title("cap")),
        Col::Rate => Column::figure(title("rate")),
        Col::Level => Column::fit(title("level")),
        Col::Fixed => Column::figure(title("fixed")),
        Col::Variable => Column::figure(title("variable")),
        Col::Monthly => Column::figure(title("monthly")),
        Col::Amount => Column::figure(title("amount")),
    }
}

fn cell(cat: &Catalogue, ctx: &ClaimPdfContext, nr: usize, l: &ClaimLine, c: Col) -> String {
    match c {
        Col::Nr => nr.to_string(),
        Col::Name => {
            let name = l.label.clone().unwrap_or_default();
            let notes: Vec<String> = l.notes.iter().map(|n| cat.text(&format!("claims.note.{n}"))).collect();
            if notes.is_empty() {
                name
            } else {
                format!("{name} — {}", notes.join("; "))
            }
        }
        Col::Insz => l.person_id.and_then(|p| ctx.insz_masked.get(&p)).cloned().unwrap_or_default(),
        Col::Since => l.start.map(format_date).unwrap_or_default(),
        Col::Year => l.seniority_index.map(|i| i.to_string()).unwrap_or_default(),
        Col::Mu => fte(l.fte),
        Col::Days => l.days.to_string(),
        Col::Reference => opt_plain(l.reference_wage),
        Col::Cap => opt_plain(l.cap),
        Col::Rate => match l.rate {
            Some(r) => percent(r),
            // A rate that changes inside the quarter: the segments' rates.
            None => {
                let mut rates: Vec<Decimal> = l.segments.iter().filter_map(|s| s.rate).collect();
                rates.dedup();
                rates.into_iter().map(percent).collect::<Vec<_>>().join(" / ")
            }
        },
        Col::Level => l.level.map(|v| cat.text(&format!("level.{}", v.id()))).unwrap_or_default(),
        Col::Fixed => opt_plain(l.fixed_part),
        Col::Variable => opt_plain(l.variable_part),
        Col::Monthly => opt_plain(l.rate),
        Col::Amount => opt_amount(l.amount),
    }
}

/// Whether a line's parts differ in a value they use (percentage, reference, fixed amount,
/// seniority year): then the document shows each part, not only the line's total.
fn has_changing_parts(l: &ClaimLine) -> bool {
    let key = |s: &werkbank_domain::claims::LineSegment| (s.rate, s.reference, s.fixed, s.seniority_index);
    l.segments.windows(2).any(|w| key(&w[0]) != key(&w[1]))
}

/// The parts of the lines of a stream in which a value changes inside the quarter: each
/// with its dates, days and the values used in it (numbered as the stream's lines).
fn parts_blocks(t: &Texts, stream: &str, lines: &[&ClaimLine]) -> Vec<Block> {
    let mut rows: Vec<[String; 8]> = Vec::new();
    for (i, l) in lines.iter().enumerate().filter(|(_, l)| has_changing_parts(l)) {
        for s in &l.segments {
            rows.push([
                (i + 1).to_string(),
                l.label.clone().unwrap_or_default(),
                format!("{} – {}", format_date(s.first_day), format_date(s.last_day)),
                s.days.to_string(),
                s.rate.map(percent).unwrap_or_default(),
                s.seniority_index.map(|y| y.to_string()).unwrap_or_default(),
                opt_plain(s.reference),
                opt_plain(s.fixed),
            ]);
        }
    }
    if rows.is_empty() {
        return Vec::new();
    }
    let columns = [
        Column::figure(t.t("col.nr")),
        Column::flexible(t.t("col.name"), 1.0),
        Column::fit(t.t("col.part")),
        Column::figure(t.t("col.days")),
        Column::figure(t.t("col.rate")),
        Column::figure(t.t("col.year")),
        Column::figure(t.t("col.part_reference")),
        Column::figure(t.t("col.fixed")),
    ];
    // Number, name, dates and days always; a value column only when some part uses it.
    let keep: Vec<bool> = (0..columns.len()).map(|c| c < 4 || rows.iter().any(|r| !r[c].is_empty())).collect();
    let columns = columns.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c).collect();
    let rows =
        rows.into_iter().map(|r| Row::new(r.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(v, _)| v))).collect();
    vec![Block::Paragraph(t.r("parts", &[("stream", stream.to_string())])), Block::Table(Table { columns, rows })]
}

/// The claim's PDF. Errors of the PDF crate are programming errors (a malformed model) and come back as text.
pub fn claim_document(claim: &ClaimDto, ctx: &ClaimPdfContext, cat: &Catalogue) -> Document {
    let t = Texts(cat);
    let r = &claim.result;
    let org = &ctx.organisation;
    let issued = claim.status == ClaimStatus::Issued;
    let quarter = t.r(
        "quarter_value",
        &[("period", r.period.clone()), ("first", format_date(r.first_day)), ("last", format_date(r.last_day))],
    );
    let mut header = vec![(t.t("header.organisation"), name_with_form(org))];
    let addr = address(org);
    if !addr.is_empty() {
        header.push((t.t("header.address"), addr));
    }
    header.push((t.t("header.kbo"), org.kbo.as_ref().map(|k| k.to_string()).unwrap_or_default()));
    header.push((t.t("header.rsz"), format_rsz_number(&org.rsz_number)));
    header.push((t.t("header.joint_committee"), t.t("joint_committee_value")));
    header.push((t.t("header.work_form"), cat.text(&format!("work_form.{}", claim.work_form_kind.id()))));
    header.push((t.t("header.recognition"), ctx.recognition_number.clone().unwrap_or_default()));
    header.push((t.t("header.quarter"), quarter.clone()));
    let number = match claim.amends_id {
        Some(o) => t.r("claim_number_amends", &[("id", claim.id.to_string()), ("original", o.to_string())]),
        None => t.r("claim_number_value", &[("id", claim.id.to_string())]),
    };
    header.push((t.t("header.claim_number"), number));
    header.push((t.t("header.status"), t.t(if issued { "status.issued" } else { "status.draft" })));
    header.push((
        t.t("header.rule_set"),
        t.r(
            "rule_set_value",
            &[("code", claim.rule_set_code.clone()), ("version", claim.rule_set_version.to_string())],
        ),
    ));
    header.push((t.t("header.printed"), format_date(ctx.printed_on)));
    header.push((t.t(if issued { "header.hash" } else { "header.hash_draft" }), ctx.hash.clone()));

    let mut blocks = Vec::new();
    if !issued {
        blocks.push(Block::Paragraph(t.t("draft_notice")));
    }
    // Values not confirmed in the rule set: the signer's declaration (issued), or a warning.
    let unconfirmed = crate::claims::unconfirmed_values(r);
    if issued && ctx.unconfirmed_checked > 0 {
        blocks.push(Block::Paragraph(t.r("unconfirmed_checked", &[("count", ctx.unconfirmed_checked.to_string())])));
    } else if !issued && unconfirmed > 0 {
        blocks.push(Block::Paragraph(t.r("unconfirmed_draft", &[("count", unconfirmed.to_string())])));
    }

    // Summary per stream.
    blocks.push(Block::Heading(t.t("summary")));
    let persons = r.lines.iter().filter_map(|l| l.person_id).collect::<std::collections::BTreeSet<_>>().len();
    let mut rows = Vec::new();
    let (mut settled_total, mut any_settled) = (Decimal::ZERO, false);
    for s in &r.streams {
        let settled = claim.settlements.iter().find(|x| x.stream == s.code);
        let settled_amount = settled.and_then(|x| x.settled.parse::<Decimal>().ok());
        if let Some(a) = settled_amount {
            settled_total += a;
            any_settled = true;
        }
        rows.push(Row::new([
            format!("{} {}", s.code, s.name),
            s.heads.to_string(),
            fte(s.fte),
            format_amount(s.amount),
            opt_amount(settled_amount),
            settled_amount.map(|a| format_amount(a - s.amount)).unwrap_or_default(),
        ]));
    }
    rows.push(
        Row::new([
            t.t("total"),
            // Distinct persons over all streams (a worker is in several); FTE do not add up across streams.
            persons.to_string(),
            String::new(),
            format_amount(r.total),
            if any_settled { format_amount(settled_total) } else { String::new() },
            if any_settled { format_amount(settled_total - r.total) } else { String::new() },
        ])
        .styled(RowStyle::Total),
    );
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::flexible(t.t("col.stream"), 1.0),
            Column::figure(t.t("col.persons")),
            Column::figure(t.t("col.fte")),
            Column::figure(t.t("col.claimed")),
            Column::figure(t.t("col.settled")),
            Column::figure(t.t("col.difference")),
        ],
        rows,
    }));
    blocks.push(Block::Paragraph(t.t("summary_note")));

    // Parameters used.
    blocks.push(Block::Heading(t.t("parameters")));
    let rows = r
        .parameters
        .iter()
        .map(|p| {
            let mut source =
                p.source.as_deref().map(printable_source).filter(|s| !s.is_empty()).unwrap_or_else(|| t.t("no_source"));
            if !p.confirmed {
                let mark =
                    if issued && ctx.unconfirmed_checked > 0 { "unconfirmed_checked_mark" } else { "unconfirmed" };
                source = format!("{source} {}", t.t(mark));
            }
            let shown = match &p.label {
                Some(l) => cat.text(&format!("norm_method.{l}")),
                None => p.value.map(value).unwrap_or_else(|| t.t("unknown_value")),
            };
            Row::new([
                format!("{} {}", p.stream, param_label(cat, &p.parameter)),
                shown,
                format!("{} – {}", format_date(p.first_day), format_date(p.last_day)),
                source,
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::flexible(t.t("col.parameter"), 1.0),
            Column::figure(t.t("col.value")),
            Column::fit(t.t("col.covered")),
            Column::flexible(t.t("col.source"), 1.4),
        ],
        rows,
    }));

    // One table per stream (per-worker streams), the calculation for the others.
    for s in &r.streams {
        let lines: Vec<&ClaimLine> = r.lines.iter().filter(|l| l.stream == s.code).collect();
        let formula = ctx.formulas.get(&s.code);
        match formula {
            Some(Formula::PerEligibleFte) => {
                blocks
                    .push(Block::Heading(t.r("supervision", &[("stream", s.code.clone()), ("name", s.name.clone())])));
                for l in &lines {
                    let mut kv = vec![(t.t("sup.target_fte"), l.target_fte.map(fte).unwrap_or_default())];
                    kv.push((
                        t.t("sup.norm"),
                        ctx.norm.map(|n| t.r("sup.norm_value", &[("norm", value_plain(n))])).unwrap_or_default(),
                    ));
                    let method = l.method.unwrap_or(NormMethod::ProRata);
                    kv.push((t.t("sup.method"), cat.text(&format!("norm_method.{}", method.id()))));
                    kv.push((t.t("sup.allowed_fte"), l.allowed_fte.map(fte).unwrap_or_default()));
                    kv.push((t.t("sup.supervisor_fte"), l.supervisor_fte.map(fte).unwrap_or_default()));
                    kv.push((t.t("sup.counted_fte"), fte(l.fte)));
                    if let Some(rate) = l.segments.iter().find_map(|x| x.reference) {
                        kv.push((t.t("sup.amount_per_fte"), format_amount(rate)));
                    }
                    kv.push((t.t("sup.amount"), opt_amount(l.amount)));
                    blocks.push(Block::KeyValues(kv));
                }
            }
            Some(Formula::PerFteWithSupplement) => {
                blocks.push(Block::Heading(t.r("support", &[("stream", s.code.clone()), ("name", s.name.clone())])));
                for l in &lines {
                    blocks.push(Block::KeyValues(vec![
                        (t.t("sup.fte"), fte(l.fte)),
                        (t.t("sup.amount_per_fte_quarter"), opt_amount(l.rate)),
                        (t.t("sup.base"), opt_amount(l.fixed_part)),
                        (
                            t.t("sup.supplement_limit"),
                            l.cap
                                .map(|n| t.r("sup.supplement_limit_value", &[("fte", value_plain(n))]))
                                .unwrap_or_default(),
                        ),
                        (t.t("sup.supplement"), opt_amount(l.variable_part)),
                        (t.t("sup.amount"), opt_amount(l.amount)),
                    ]));
                }
            }
            _ => {
                blocks.push(Block::Heading(t.r("detail", &[("stream", s.code.clone()), ("name", s.name.clone())])));
                if lines.is_empty() {
                    blocks.push(Block::Paragraph(t.t("no_lines")));
                    continue;
                }
                let cols = columns_for(formula, &lines);
                let mut rows: Vec<Row> = lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| Row::new(cols.iter().map(|c| cell(cat, ctx, i + 1, l, *c))))
                    .collect();
                let subtotal: Vec<String> = cols
                    .iter()
                    .map(|c| match c {
                        Col::Name => t.r("subtotal", &[("stream", s.code.clone())]),
                        Col::Mu => fte(s.fte),
                        Col::Amount => format_amount(s.amount),
                        _ => String::new(),
                    })
                    .collect();
                rows.push(Row::new(subtotal).styled(RowStyle::Subtotal));
                blocks.push(Block::Table(Table { columns: cols.iter().map(|c| column(&t, *c)).collect(), rows }));
                if cols.contains(&Col::Reference) {
                    blocks.push(Block::Paragraph(t.t("reference_note")));
                }
            }
        }
        blocks.extend(parts_blocks(&t, &s.code, &lines));
    }

    // Checks and warnings.
    blocks.push(Block::Heading(t.t("checks")));
    let names: HashMap<i64, String> =
        r.lines.iter().filter_map(|l| Some((l.person_id?, l.label.clone().unwrap_or_default()))).collect();
    let problems: Vec<String> = r
        .problems
        .iter()
        .map(|p| {
            // Figures in a problem's parameters print with a decimal comma (dates are formatted by the catalogue).
            let params: BTreeMap<String, String> = p
                .params
                .iter()
                .map(|(k, v)| match v.parse::<Decimal>() {
                    Ok(d) if k == "value" => (k.clone(), value_plain(d)),
                    _ => (k.clone(), v.clone()),
                })
                .collect();
            let mut text = cat.render(&p.code, &params);
            if let Some(name) = p.person_id.and_then(|id| names.get(&id)) {
                text = format!("{name}: {text}");
            }
            if p.blocking {
                text = format!("{} {text}", t.t("blocking"));
            }
            text
        })
        .collect();
    if problems.is_empty() {
        blocks.push(Block::Paragraph(t.t("no_problems")));
    } else {
        blocks.push(Block::List(problems));
    }

    // Declaration on honour and signature.
    let signing_date = if issued { format_date(ctx.printed_on) } else { String::new() };
    let signature = vec![
        SignatureField::filled(t.t("sign.name"), ctx.signer.clone()),
        SignatureField::filled(t.t("sign.function"), ctx.function.clone()),
        SignatureField::filled(t.t("sign.place"), ctx.place.clone()),
        SignatureField::filled(t.t("sign.date"), signing_date),
        SignatureField::signature(t.t("sign.signature")),
    ];
    blocks.push(Block::KeepTogether(vec![
        Block::Heading(t.t("declaration")),
        Block::Paragraph(t.t("declaration_text")),
        Block::Spacer(3.0),
        Block::Signature(signature.clone()),
    ]));

    if ctx.with_declaration_page {
        let kbo = org.kbo.as_ref().map(|k| k.to_string()).unwrap_or_default();
        let bank = match (org.iban.is_empty(), org.bic.is_empty()) {
            (false, false) => format!("{} / {}", format_iban(&org.iban), org.bic),
            (false, true) => format_iban(&org.iban),
            _ => String::new(),
        };
        let basis_key = format!("pdf.legal_basis.{}", claim.rule_set_code);
        let basis = if cat.has(&basis_key) {
            cat.text(&basis_key)
        } else {
            t.r("legal_basis_other", &[("code", claim.rule_set_code.clone())])
        };
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading(t.t("debt.title")));
        blocks.push(Block::KeyValues(vec![
            (t.t("debt.creditor"), [name_with_form(org), address(org)].join(", ")),
            (t.t("debt.kbo"), kbo),
            (t.t("debt.bank"), bank),
            (t.t("debt.debtor"), t.t("debt.debtor_value")),
            (t.t("debt.legal_basis"), basis),
            (t.t("debt.period"), quarter),
            (t.t("debt.claim"), t.r("claim_number_value", &[("id", claim.id.to_string())])),
            (t.t("debt.amount"), format_amount(r.total)),
            (t.t("debt.amount_words"), amount_in_words_nl(r.total)),
        ]));
        blocks.push(Block::KeepTogether(vec![
            Block::Paragraph(t.r("debt.true_and_sincere", &[("amount", format_amount(r.total))])),
            Block::Spacer(3.0),
            Block::Signature(signature),
        ]));
    }

    let short = &ctx.hash[..ctx.hash.len().min(16)];
    let footer = t.r(
        if issued { "footer.issued" } else { "footer.draft" },
        &[("hash", short.to_string()), ("id", claim.id.to_string()), ("period", r.period.clone())],
    );
    Document {
        title: t.t("title"),
        header,
        blocks,
        footer: Footer { left: footer, page_label: t.t("page") },
        metadata: Metadata {
            title: t.r("metadata_title", &[("period", r.period.clone()), ("id", claim.id.to_string())]),
            author: org.name.clone(),
            subject: ctx.hash.clone(),
            creation_date: ctx.printed_on.and_hms_opt(0, 0, 0).expect("midnight"),
        },
    }
}

/// A number without trailing zeros, decimal comma: `5` → `5`, `5.5` → `5,5`.
fn value_plain(v: Decimal) -> String {
    format_number(v, v.normalize().scale())
}

/// Renders [`claim_document`] to PDF bytes.
pub fn render_claim(claim: &ClaimDto, ctx: &ClaimPdfContext, cat: &Catalogue) -> Result<Vec<u8>, String> {
    werkbank_pdf::render(&claim_document(claim, ctx, cat)).map_err(|e| e.to_string())
}

// ----- prestatiestaat -------------------------------------------------------------------

/// One day of the attendance statement: planned hours from the register (hundredths).
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceDay {
    pub date: NaiveDate,
    /// Hours planned that day (hundredths), `None` on a day outside an article 60 period, a
    /// weekend day or a public holiday.
    pub planned: Option<u32>,
    /// One of Belgium's public holidays (a paid day off: nothing planned, marked as such).
    pub holiday: bool,
}

/// Everything the prestatiestaat prints.
#[derive(Debug, Clone)]
pub struct Prestatiestaat {
    pub organisation: Organisation,
    pub worker: String,
    pub insz: Option<String>,
    pub ocmw: String,
    /// First day of the month.
    pub month: NaiveDate,
    pub days: Vec<AttendanceDay>,
    /// Weekly hours (hundredths) of the article 60 period(s) in the month, as Q/S text per period.
    pub fractions: Vec<String>,
    /// Hours worked according to the payroll (hundredths), when the payroll covers the month.
    pub payroll_hours: Option<i64>,
    pub printed_on: NaiveDate,
}

fn hours(h: i64) -> String {
    format_number(Decimal::new(h, 2), 2)
}

pub fn prestatiestaat_document(p: &Prestatiestaat, cat: &Catalogue) -> Document {
    let t = Texts(cat);
    let month = format!("{:02}/{}", p.month.month(), p.month.year());
    let mut rows = Vec::new();
    let mut total: i64 = 0;
    let mut worked_days = 0;
    for d in &p.days {
        let wd = d.date.weekday().num_days_from_monday();
        if let Some(h) = d.planned {
            total += i64::from(h);
            worked_days += 1;
        }
        rows.push(Row::new([
            format_date(d.date),
            t.t(&format!("weekday.{wd}")),
            d.planned.map(|h| hours(i64::from(h))).unwrap_or_default(),
            String::new(),
            if d.holiday { t.t("presta.holiday") } else { String::new() },
        ]));
    }
    rows.push(
        Row::new([
            t.t("total"),
            t.r("presta.days_value", &[("days", worked_days.to_string())]),
            hours(total),
            String::new(),
            String::new(),
        ])
        .styled(RowStyle::Total),
    );
    let org = &p.organisation;
    let payroll = match p.payroll_hours {
        Some(h) => t.r("presta.hours_value", &[("hours", hours(h))]),
        None => t.t("presta.payroll_none"),
    };
    let blocks = vec![
        Block::Table(Table {
            columns: vec![
                Column::fit(t.t("presta.col.date")),
                Column::fit(t.t("presta.col.day")),
                Column::figure(t.t("presta.col.planned")),
                Column::figure(t.t("presta.col.worked")),
                Column::flexible(t.t("presta.col.absence"), 1.0),
            ],
            rows,
        }),
        Block::Paragraph(t.t("presta.note")),
        // One row of two tall fields (name printed, room to date and sign), so a month of 31 days and its
        // signatures fit one page.
        Block::Signature(vec![
            SignatureField { label: t.t("presta.sign_workplace"), value: name_with_form(org), tall: true },
            SignatureField { label: t.t("presta.sign_ocmw"), value: p.ocmw.clone(), tall: true },
        ]),
    ];
    let workplace = [name_with_form(org), address(org)].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
    Document {
        title: t.r("presta.title", &[("month", month.clone())]),
        header: vec![
            (t.t("presta.worker"), p.worker.clone()),
            (t.t("presta.insz"), p.insz.as_deref().map(mask_insz).unwrap_or_default()),
            (t.t("presta.ocmw"), p.ocmw.clone()),
            (t.t("presta.workplace"), workplace.join(", ")),
            (t.t("presta.month"), month.clone()),
            (t.t("presta.fraction"), p.fractions.join("; ")),
            (t.t("presta.planned_total"), t.r("presta.hours_value", &[("hours", hours(total))])),
            (t.t("presta.payroll_hours"), payroll),
            (t.t("header.printed"), format_date(p.printed_on)),
        ],
        blocks,
        footer: Footer { left: t.r("presta.footer", &[("month", month.clone())]), page_label: t.t("page") },
        metadata: Metadata {
            title: t.r("presta.title", &[("month", month)]),
            author: org.name.clone(),
            subject: String::new(),
            creation_date: p.printed_on.and_hms_opt(0, 0, 0).expect("midnight"),
        },
    }
}

pub fn render_prestatiestaat(p: &Prestatiestaat, cat: &Catalogue) -> Result<Vec<u8>, String> {
    werkbank_pdf::render(&prestatiestaat_document(p, cat)).map_err(|e| e.to_string())
}

#[cfg(test)]
mod source_tests {
    use super::printable_source;

    #[test]
    fn research_markers_never_print() {
        assert_eq!(printable_source("GGMMI (CAO nr. 43): wordscope.be [F]"), "GGMMI (CAO nr. 43): wordscope.be");
        assert_eq!(printable_source("Basis = GGMMI × 12 per jaar (claims.md S1) [I]"), "Basis = GGMMI × 12 per jaar");
        assert_eq!(
            printable_source("KB 3 mei 1999 [?]: oudere bedragen niet gekend"),
            "KB 3 mei 1999: oudere bedragen niet gekend"
        );
        assert_eq!(printable_source("[?]"), "");
    }
}
