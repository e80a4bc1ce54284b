//! Message catalogues. Texts live in `locales/<locale>/*.json`, keyed by stable codes;
//! the UI reads the same files. Placeholders are `{name}`, with an optional format:
//! `{start:date}` (ISO date → 31/01/2026), `{column:field}` (field id → column label),
//! the numbers `{x:fte}` (`15.2000` → `15,20`), `{x:amount}` (`1593.8` → `1.593,80`) and
//! `{x:number}` (`38000` → `38.000`, `0.50` → `0,5`), and `{x:group}` for any label
//! group (`{category:category}` → `category.<id>`). A number that does not parse is
//! shown as it came.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

const NL_BE: &str = include_str!("../../../locales/nl-BE/messages.json");

pub struct Catalogue {
    texts: HashMap<String, String>,
}

impl Catalogue {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        Ok(Self { texts: serde_json::from_str(json)? })
    }

    /// The nl-BE catalogue (the only locale so far; fr-BE and en will follow).
    pub fn nl_be() -> &'static Catalogue {
        static CAT: OnceLock<Catalogue> = OnceLock::new();
        CAT.get_or_init(|| Catalogue::parse(NL_BE).expect("locales/nl-BE/messages.json is valid JSON"))
    }

    pub fn has(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }

    /// The plain text of a key (labels), or the key itself when it is missing.
    pub fn text(&self, key: &str) -> String {
        self.texts.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    /// Renders `code` with `params`. A missing code renders as the code and its params,
    /// so nothing is ever silently lost.
    /// The text of `code.one` or `code.other` for `count` (with `{count}` among the
    /// parameters): "1 lijn" / "12 lijnen", never "lijn(en)".
    pub fn render_count(&self, code: &str, count: u64, params: &BTreeMap<String, String>) -> String {
        let mut params = params.clone();
        params.insert("count".to_string(), count.to_string());
        self.render(&format!("{code}.{}", if count == 1 { "one" } else { "other" }), &params)
    }

    pub fn render(&self, code: &str, params: &BTreeMap<String, String>) -> String {
        let Some(template) = self.texts.get(code) else {
            if params.is_empty() {
                return code.to_string();
            }
            let list: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
            return format!("{code} ({})", list.join(", "));
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let spec = &rest[open + 1..open + close];
            let (name, format) = spec.split_once(':').unwrap_or((spec, ""));
            let value = params.get(name).map(String::as_str).unwrap_or("");
            out.push_str(&self.format_value(value, format));
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn format_value(&self, value: &str, format: &str) -> String {
        match format {
            "date" => format_date(value),
            // A date a person fills in: empty is "not filled in", not an open end.
            "known_date" if value.is_empty() => self.text("criterion.date_missing"),
            "known_date" => format_date(value),
            "field" => self.texts.get(&format!("field.{value}")).cloned().unwrap_or_else(|| value.to_string()),
            "fte" | "amount" => number(value, Some(2)),
            "number" => number(value, None),
            "percent" => percent(value),
            "" => value.to_string(),
            // Any other format names a label group: `{level:education}` → `education.<level>`.
            group => self.texts.get(&format!("{group}.{value}")).cloned().unwrap_or_else(|| value.to_string()),
        }
    }
}

/// A decimal text in the one nl-BE number format ([`werkbank_domain::format`]); other text unchanged.
fn number(value: &str, places: Option<u32>) -> String {
    werkbank_domain::format::format_decimal_text(value, places).unwrap_or_else(|| value.to_string())
}

/// A share (`0.6525`) as a percentage (`65,25 %`); other text unchanged.
fn percent(value: &str) -> String {
    werkbank_domain::format::format_percent_text(value).unwrap_or_else(|| value.to_string())
}

/// ISO `2026-01-31` → `31/01/2026`; an empty date (open end) → `…`; other text unchanged.
pub fn format_date(iso: &str) -> String {
    if iso.is_empty() {
        return "…".to_string();
    }
    match chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => d.format("%d/%m/%Y").to_string(),
        Err(_) => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn counts_choose_one_or_other() {
        let cat = Catalogue::nl_be();
        let path = params(&[("path", "a.xlsx")]);
        assert_eq!(cat.render_count("cli.xlsx_written", 1, &path), "1 lijn geschreven naar a.xlsx.");
        assert_eq!(cat.render_count("cli.xlsx_written", 12, &path), "12 lijnen geschreven naar a.xlsx.");
        assert_eq!(cat.render_count("cli.xlsx_written", 0, &path), "0 lijnen geschreven naar a.xlsx.");
        // No catalogue text says "(en)" any more.
        for text in [NL_BE, include_str!("../../../locales/nl-BE/ui.json")] {
            assert!(!text.contains("(en)"), "a plural written as (en)");
        }
    }

    /// A key written twice in a catalogue silently loses one text (JSON keeps the last):
    /// the catalogues hold one key per line, and no key twice, across both files (the UI
    /// merges them).
    #[test]
    fn no_key_is_written_twice() {
        let ui = include_str!("../../../locales/nl-BE/ui.json");
        let mut seen = std::collections::HashMap::new();
        for (file, text) in [("messages.json", NL_BE), ("ui.json", ui)] {
            for (n, line) in text.lines().enumerate() {
                let Some(rest) = line.trim_start().strip_prefix('"') else { continue };
                let Some((key, _)) = rest.split_once("\":") else { continue };
                if let Some(first) = seen.insert(key.to_string(), format!("{file}:{}", n + 1)) {
                    panic!("'{key}' at {file}:{} and at {first}", n + 1);
                }
            }
        }
        assert!(seen.len() > 500, "{} keys read", seen.len());
    }

    #[test]
    fn numbers_render_in_the_belgian_format() {
        let cat = Catalogue {
            texts: [("k".to_string(), "{a:fte} {b:amount} {c:number} {d:number} {e:fte} {f:percent}".to_string())]
                .into(),
        };
        let msg = cat.render(
            "k",
            &params(&[
                ("a", "15.2000"),
                ("b", "1593.805"),
                ("c", "38000"),
                ("d", "0.50"),
                ("e", "n.v.t."),
                ("f", "0.6525"),
            ]),
        );
        // 1593,805 rounds half away from zero to 1.593,81; 0.50 needs one decimal.
        assert_eq!(msg, "15,20 1.593,81 38.000 0,5 n.v.t. 65,25 %");
    }

    #[test]
    fn renders_with_formats() {
        let cat = Catalogue::nl_be();
        let msg =
            cat.render("period.overlap", &params(&[("category", "article_60"), ("start", "2025-01-01"), ("end", "")]));
        assert!(msg.contains("Artikel 60 van 01/01/2025 tot …"), "{msg}");
        assert_eq!(
            cat.render("insz.checksum", &params(&[("value", "12345678901")])),
            "Het INSZ-nummer \"12345678901\" klopt niet: de controlecijfers zijn fout. Kijk het nummer na op de identiteitskaart."
        );
        assert_eq!(
            cat.render("import.column_missing", &params(&[("column", "birth_date")])),
            "De kolom \"Geboortedatum\" ontbreekt."
        );
    }

    #[test]
    fn missing_code_keeps_its_parameters() {
        let cat = Catalogue::nl_be();
        assert_eq!(cat.render("no.such.code", &params(&[("a", "1")])), "no.such.code (a=1)");
    }

    #[test]
    fn every_error_code_has_a_message() {
        let cat = Catalogue::nl_be();
        let codes = [
            // werkbank-import: reading and the staff import (see staff.rs)
            "import.file_not_found",
            "import.not_a_file",
            "import.too_large",
            "import.package_invalid",
            "import.package_too_many_parts",
            "import.part_too_large",
            "import.package_too_large",
            "import.compression_ratio",
            "import.xml_run_too_long",
            "import.encrypted",
            "import.cell_too_long",
            "import.too_many_columns",
            "import.too_many_rows",
            "import.row_too_long",
            "import.sheet_too_large",
            "import.unsupported_format",
            "import.unreadable",
            "import.empty",
            "import.sheet_not_found",
            "import.header_only",
            "import.header_not_found",
            "import.column_missing",
            "import.column_duplicate",
            "import.value_required",
            "import.cell_error",
            "import.date_unreadable",
            "import.hours_unreadable",
            "import.number_unreadable",
            "import.contract_unknown",
            "import.sex_unknown",
            "import.person_inconsistent",
            "import.person_mismatch",
            "import.period_exists",
            "import.has_issues",
            // payroll import
            "import.period_unreadable",
            "import.formula_without_value",
            "import.merged_cells",
            "payroll.worker_missing",
            "payroll.hours_negative",
            "payroll.hours_implausible",
            "payroll.amount_implausible",
            "payroll.month_hours_implausible",
            "payroll.weekly_hours_implausible",
            "payroll.duplicate_line",
            "payroll.period_outside",
            "payroll.mapping_field_unknown",
            "payroll.worker_unmatched",
            "payroll.already_imported",
            "payroll.already_undone",
            "payroll.profile_unknown",
            "payroll.profile_exists",
            "not_found.payroll_batch",
            "not_found.wage_code",
            "import.work_form_unknown",
            "import.number_ambiguous",
            // claims
            "claims.file_format",
            "claims.file_version",
            "claims.code_required",
            "claims.stream_duplicate",
            "claims.categories_empty",
            "claims.parameter_unknown",
            "claims.parameter_absent",
            "claims.parameter_duplicate_date",
            "claims.value_negative",
            "claims.percentage_range",
            "claims.valid_until_before_from",
            "claims.parameter_missing",
            "claims.parameter_unconfirmed",
            "claims.attribute_missing",
            "claims.amount_too_large",
            "claims.total_too_large",
            "claims.payroll_too_large",
            "claims.payroll_missing",
            "claims.contingent_missing",
            "claims.supervision_unknown",
            "claims.rule_set_not_in_force",
            "claims.no_rule_set",
            "claims.no_snapshot",
            "claims.work_form_kind_changes",
            "claims.period_quarter",
            "claims.template_unknown",
            "claims.rule_set_exists",
            "claims.rule_set_unknown",
            "claims.value_invalid",
            "claims.file_write_failed",
            "export.file_write_failed",
            "claims.attribute_key_unknown",
            "claims.percentage_invalid",
            "claims.level_unknown",
            "claims.signer_required",
            "claims.function_required",
            "claims.already_issued",
            "claims.incomplete",
            "claims.unconfirmed_not_checked",
            "claims.amend_not_issued",
            "claims.period_issued",
            "claims.stream_unknown",
            "claims.pdf_not_rendered",
            "claims.viewer_failed",
            "claims.viewer_missing",
            "claims.month_invalid",
            "claims.not_article_60",
            "iban.format",
            "iban.checksum",
            "bic.format",
            "rsz.format",
            "not_found.claim",
            "not_found.worker_attribute",
            // domain rules
            "insz.empty",
            "insz.format",
            "insz.checksum",
            "kbo.empty",
            "kbo.format",
            "kbo.checksum",
            "category.unknown",
            "period.format",
            "period.end_before_start",
            "period.overlap",
            "period.article_60_fields_only",
            "fraction.q_range",
            "fraction.s_range",
            "fraction.q_above_s",
            "person.last_name_required",
            "person.first_name_required",
            "person.birth_date_future",
            "person.birth_date_insz_mismatch",
            "person.date_future",
            // use cases
            "person.insz_taken",
            "date.invalid",
            "date.required",
            "hours.invalid",
            "value.required",
            "form.incomplete",
            "organisation.name_required",
            "organisation.kind_history_order",
            "organisation.kind_history_same",
            "not_found.person",
            "not_found.period",
            "demo.not_empty",
            "storage.error",
            "storage.io",
            "storage.busy",
            "storage.damaged",
            "storage.in_use",
            "backup.failed",
            "backup.no_database_file",
            "backup.not_found",
            "backup.damaged",
            "backup.newer",
            "backup.folder_invalid",
            "internal.error",
            "internal.crashed",
            "import.file_not_chosen",
            "validation.failed",
            // waitlist and the worker's path
            "candidate.transition_refused",
            "candidate.status_date_before",
            "candidate.attest_until_before_date",
            "candidate.hire_through_hire",
            "not_found.candidate",
            "not_found.work_form",
            "path.no_employment",
            "path.no_period",
            "path.meeting_not_planned",
            "path.interval_range",
        ];
        for code in codes {
            assert!(cat.has(code), "no message for {code}");
        }
    }

    #[test]
    fn every_domain_enum_has_a_label() {
        use werkbank_domain::employment::ContractType;
        use werkbank_domain::*;
        let cat = Catalogue::nl_be();
        let keys = Category::ALL
            .iter()
            .map(|c| format!("category.{}", c.id()))
            .chain(ContractType::ALL.iter().map(|c| format!("contract.{}", c.id())))
            .chain(Sex::ALL.iter().map(|c| format!("sex.{}", c.id())))
            .chain(EducationLevel::ALL.iter().map(|c| format!("education.{}", c.id())))
            .chain(WorkFormKind::ALL.iter().map(|c| format!("work_form.{}", c.id())))
            .chain(waitlist::ReferrerKind::ALL.iter().map(|c| format!("referrer.{}", c.id())))
            .chain(waitlist::AttestKind::ALL.iter().map(|c| format!("attest.{}", c.id())))
            .chain(waitlist::Priority::ALL.iter().map(|c| format!("priority.{}", c.id())))
            .chain(waitlist::CandidateStatus::ALL.iter().map(|c| format!("candidate_status.{}", c.id())))
            .chain(path::MeetingKind::ALL.iter().map(|c| format!("meeting.{}", c.id())))
            .chain(path::LeavingReason::ALL.iter().map(|c| format!("leaving_reason.{}", c.id())));
        for key in keys {
            assert!(cat.has(&key), "missing label {key}");
        }
    }
}
