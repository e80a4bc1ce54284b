//! The organisation that runs the workplace and its work forms (docs/domain/work-forms.md, "The
//! five work forms"; its numbers: docs/domain/identifiers.md, "The organisation's other numbers").

use crate::id_enum::id_enum;
use crate::kbo::KboNumber;
use crate::stored::Stored;
use crate::violation::Violation;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

id_enum! {
    pub enum WorkFormKind {
        /// sociale werkplaats
        SocialWorkshop => "social_workshop",
        /// arbeidszorg
        WorkCare => "work_care",
        /// beschutte werkplaats / maatwerkbedrijf
        Maatwerk => "maatwerk",
        /// invoegbedrijf
        Insertion => "insertion",
        /// buurt- en nabijheidsdiensten
        LocalServices => "local_services",
    }
}

/// A kind a work form had before its present one: `kind` up to the day before `until`, the
/// first day of the next kind (half-open). The social workshops became maatwerk companies
/// on 1 January 2019: such a form is `Maatwerk` with `SocialWorkshop` until 2019-01-01.
/// docs/domain/work-forms.md
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierKind {
    pub kind: WorkFormKind,
    pub until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkForm {
    /// The present kind: since the last `until` of `earlier_kinds`, or always when it is empty.
    pub kind: WorkFormKind,
    pub recognition_number: Option<String>,
    /// The kinds before the present one, oldest first ([`WorkForm::check_kinds`]).
    #[serde(default)]
    pub earlier_kinds: Vec<EarlierKind>,
}

impl WorkForm {
    /// A work form that always had one kind.
    pub fn new(kind: WorkFormKind, recognition_number: Option<String>) -> Self {
        Self { kind, recognition_number, earlier_kinds: Vec::new() }
    }

    /// The kind on `day`: the first earlier kind whose `until` lies after `day`, else the
    /// present one.
    pub fn kind_on(&self, day: NaiveDate) -> WorkFormKind {
        self.earlier_kinds.iter().find(|e| day < e.until).map(|e| e.kind).unwrap_or(self.kind)
    }

    /// Whether the form has been of `kind` at any time.
    pub fn has_been(&self, kind: WorkFormKind) -> bool {
        self.kind == kind || self.earlier_kinds.iter().any(|e| e.kind == kind)
    }

    /// The days inside `[start, end)` on which the kind changes.
    pub fn kind_changes_in(&self, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
        self.earlier_kinds.iter().map(|e| e.until).filter(|d| start < *d && *d < end).collect()
    }

    /// The periods of each kind, oldest first: (first day or `None` = since always, kind).
    pub fn kind_periods(&self) -> Vec<(Option<NaiveDate>, WorkFormKind)> {
        let mut from = None;
        let mut out = Vec::with_capacity(self.earlier_kinds.len() + 1);
        for e in &self.earlier_kinds {
            out.push((from, e.kind));
            from = Some(e.until);
        }
        out.push((from, self.kind));
        out
    }

    /// Earlier kinds run oldest first with strictly later dates, and each differs from the
    /// kind that follows it (a change of kind is a change).
    pub fn check_kinds(&self) -> Result<(), Violation> {
        // Messages name the last day of a kind, as the director typed it.
        let last_day = |e: &EarlierKind| e.until.pred_opt().unwrap_or(e.until).format("%d/%m/%Y").to_string();
        for pair in self.earlier_kinds.windows(2) {
            if pair[1].until <= pair[0].until {
                return Err(
                    Violation::new("work_form", "organisation.kind_history_order").with("date", last_day(&pair[1]))
                );
            }
        }
        let next = self.earlier_kinds.iter().skip(1).map(|e| e.kind).chain([self.kind]);
        for (e, next) in self.earlier_kinds.iter().zip(next) {
            if e.kind == next {
                return Err(Violation::new("work_form", "organisation.kind_history_same").with("date", last_day(e)));
            }
        }
        Ok(())
    }
}

/// A work form as the organisation form gives it back: `id` names the stored form it
/// changes, `None` is a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkFormEdit {
    pub id: Option<i64>,
    #[serde(flatten)]
    pub form: WorkForm,
}

impl From<WorkForm> for WorkFormEdit {
    /// A new form.
    fn from(form: WorkForm) -> Self {
        Self { id: None, form }
    }
}

impl From<Stored<WorkForm>> for WorkFormEdit {
    /// A stored form, kept as it is or changed.
    fn from(stored: Stored<WorkForm>) -> Self {
        Self { id: Some(stored.id), form: stored.value }
    }
}

impl From<Organisation> for OrganisationEdit {
    /// The organisation as read, to be changed and saved again.
    fn from(o: Organisation) -> Self {
        o.map_forms(WorkFormEdit::from)
    }
}

/// The organisation as an edit gives it (new work forms have no id yet).
pub type OrganisationEdit = Organisation<WorkFormEdit>;

/// The organisation; as read from the register its work forms are stored ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation<F = Stored<WorkForm>> {
    pub name: String,
    pub kbo: Option<KboNumber>,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub work_forms: Vec<F>,
    /// Legal form as written on documents (`vzw`, `cv`); empty = not entered.
    #[serde(default)]
    pub legal_form: String,
    /// RSZ employer number, digits only ([`parse_rsz_number`]); empty = not entered.
    #[serde(default)]
    pub rsz_number: String,
    /// IBAN, compact and upper case ([`parse_iban`]); empty = not entered.
    #[serde(default)]
    pub iban: String,
    /// BIC, upper case ([`parse_bic`]); empty = not entered.
    #[serde(default)]
    pub bic: String,
    /// The place where the director signs documents (the claim's signature block).
    #[serde(default)]
    pub signing_place: String,
}

impl<F> Organisation<F> {
    /// The same organisation with each work form turned by `f`.
    pub fn map_forms<G>(self, f: impl FnMut(F) -> G) -> Organisation<G> {
        let Organisation {
            name,
            kbo,
            street,
            postal_code,
            city,
            work_forms,
            legal_form,
            rsz_number,
            iban,
            bic,
            signing_place,
        } = self;
        let work_forms = work_forms.into_iter().map(f).collect();
        Organisation {
            name,
            kbo,
            street,
            postal_code,
            city,
            work_forms,
            legal_form,
            rsz_number,
            iban,
            bic,
            signing_place,
        }
    }
}

impl<F> Default for Organisation<F> {
    fn default() -> Self {
        Self {
            name: String::new(),
            kbo: None,
            street: String::new(),
            postal_code: String::new(),
            city: String::new(),
            work_forms: Vec::new(),
            legal_form: String::new(),
            rsz_number: String::new(),
            iban: String::new(),
            bic: String::new(),
            signing_place: String::new(),
        }
    }
}

fn compact(input: &str) -> String {
    input.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '/' | '\u{a0}')).collect()
}

/// An IBAN: country code, two check digits and up to 30 letters or digits, checked with
/// ISO 7064 mod 97-10 (the letters as 10–35, the first four characters moved to the end,
/// the number mod 97 must be 1). Returns the compact upper-case form; codes `iban.format`
/// and `iban.checksum` (field `iban`).
pub fn parse_iban(input: &str) -> Result<String, Violation> {
    let trimmed = input.trim();
    let iban = compact(trimmed).to_ascii_uppercase();
    let shape = iban.len() >= 15
        && iban.len() <= 34
        && iban.chars().all(|c| c.is_ascii_alphanumeric())
        && iban[..2].chars().all(|c| c.is_ascii_alphabetic())
        && iban[2..4].chars().all(|c| c.is_ascii_digit())
        && (!iban.starts_with("BE") || iban.len() == 16);
    if !shape {
        return Err(Violation::new("iban", "iban.format").with("value", trimmed));
    }
    let mut rest: u32 = 0;
    for c in iban[4..].chars().chain(iban[..4].chars()) {
        let v = c.to_digit(36).expect("alphanumeric");
        rest = if v >= 10 { (rest * 100 + v) % 97 } else { (rest * 10 + v) % 97 };
    }
    if rest != 1 {
        return Err(Violation::new("iban", "iban.checksum").with("value", trimmed));
    }
    Ok(iban)
}

/// A compact IBAN in groups of four: `BE71 0961 2345 6769`.
pub fn format_iban(iban: &str) -> String {
    let chars: Vec<char> = iban.chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// A BIC: 4 letters (bank), 2 letters (country), 2 letters or digits (place), optionally 3
/// more (branch). Code `bic.format` (field `bic`).
pub fn parse_bic(input: &str) -> Result<String, Violation> {
    let bic = compact(input.trim()).to_ascii_uppercase();
    let ok = (bic.len() == 8 || bic.len() == 11)
        && bic[..6].chars().all(|c| c.is_ascii_alphabetic())
        && bic[6..].chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(bic)
    } else {
        Err(Violation::new("bic", "bic.format").with("value", input.trim()))
    }
}

/// The RSZ (ONSS) employer number: 9 or 10 digits, written with or without separators
/// (`1234567-89`, `123-4567890-12` is too long). Returns the digits; code `rsz.format`
/// (field `rsz_number`). Only the shape is checked: the check digits' rule is not public.
pub fn parse_rsz_number(input: &str) -> Result<String, Violation> {
    let digits = compact(input.trim());
    if (9..=10).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(Violation::new("rsz_number", "rsz.format").with("value", input.trim()))
    }
}

/// RSZ number digits as printed: all but the last two, a dash, the last two (`1234567-89`).
pub fn format_rsz_number(digits: &str) -> String {
    if digits.len() < 3 || !digits.is_ascii() {
        return digits.to_string();
    }
    let (a, b) = digits.split_at(digits.len() - 2);
    format!("{a}-{b}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_social_workshop_that_became_a_maatwerk_company() {
        let form = WorkForm {
            earlier_kinds: vec![EarlierKind { kind: WorkFormKind::SocialWorkshop, until: day(2019, 1, 1) }],
            ..WorkForm::new(WorkFormKind::Maatwerk, None)
        };
        form.check_kinds().unwrap();
        // Half-open: 31/12/2018 is the last day as a social workshop.
        assert_eq!(form.kind_on(day(1999, 3, 1)), WorkFormKind::SocialWorkshop);
        assert_eq!(form.kind_on(day(2018, 12, 31)), WorkFormKind::SocialWorkshop);
        assert_eq!(form.kind_on(day(2019, 1, 1)), WorkFormKind::Maatwerk);
        assert_eq!(form.kind_on(day(2026, 10, 1)), WorkFormKind::Maatwerk);
        assert!(form.has_been(WorkFormKind::SocialWorkshop) && !form.has_been(WorkFormKind::WorkCare));
        assert_eq!(form.kind_changes_in(day(2018, 10, 1), day(2019, 1, 1)), Vec::<NaiveDate>::new());
        assert_eq!(form.kind_changes_in(day(2018, 12, 1), day(2019, 2, 1)), vec![day(2019, 1, 1)]);
        assert_eq!(
            form.kind_periods(),
            vec![(None, WorkFormKind::SocialWorkshop), (Some(day(2019, 1, 1)), WorkFormKind::Maatwerk)]
        );
        assert_eq!(WorkForm::new(WorkFormKind::WorkCare, None).kind_on(day(2000, 1, 1)), WorkFormKind::WorkCare);
    }

    #[test]
    fn a_kind_history_runs_forward_and_changes_each_time() {
        let earlier = |list: &[(WorkFormKind, NaiveDate)]| WorkForm {
            earlier_kinds: list.iter().map(|(kind, until)| EarlierKind { kind: *kind, until: *until }).collect(),
            ..WorkForm::new(WorkFormKind::Maatwerk, None)
        };
        use WorkFormKind::*;
        let backwards = earlier(&[(Insertion, day(2010, 1, 1)), (SocialWorkshop, day(2009, 1, 1))]);
        assert_eq!(backwards.check_kinds().unwrap_err().code, "organisation.kind_history_order");
        let same_day = earlier(&[(Insertion, day(2010, 1, 1)), (SocialWorkshop, day(2010, 1, 1))]);
        assert_eq!(same_day.check_kinds().unwrap_err().code, "organisation.kind_history_order");
        let no_change = earlier(&[(Maatwerk, day(2019, 1, 1))]);
        let err = no_change.check_kinds().unwrap_err();
        assert_eq!((err.code.as_str(), err.field.as_str()), ("organisation.kind_history_same", "work_form"));
        let twice = earlier(&[(SocialWorkshop, day(2005, 1, 1)), (SocialWorkshop, day(2019, 1, 1))]);
        assert_eq!(twice.check_kinds().unwrap_err().code, "organisation.kind_history_same");
        earlier(&[(Insertion, day(2005, 1, 1)), (SocialWorkshop, day(2019, 1, 1))]).check_kinds().unwrap();
    }

    #[test]
    fn iban_mod_97() {
        // BE71 0961 2345 6769: 096123456769 + "BE71" → 096123456769111471; mod 97 = 1.
        assert_eq!(parse_iban("be71 0961 2345 6769").unwrap(), "BE71096123456769");
        assert_eq!(format_iban("BE71096123456769"), "BE71 0961 2345 6769");
        assert_eq!(parse_iban("BE68 5390 0754 7034").unwrap(), "BE68539007547034");
        assert_eq!(parse_iban("NL91ABNA0417164300").unwrap(), "NL91ABNA0417164300");
        // One digit changed: the check fails.
        assert_eq!(parse_iban("BE71 0961 2345 6768").unwrap_err().code, "iban.checksum");
        assert_eq!(parse_iban("BE71 0961 2345").unwrap_err().code, "iban.format");
        assert_eq!(parse_iban("1234567890123456").unwrap_err().code, "iban.format");
    }

    #[test]
    fn bic_and_rsz_shape() {
        assert_eq!(parse_bic("gkcc be bb").unwrap(), "GKCCBEBB");
        assert_eq!(parse_bic("GEBABEBB036").unwrap(), "GEBABEBB036");
        assert_eq!(parse_bic("GKCC1EBB").unwrap_err().code, "bic.format");
        assert_eq!(parse_rsz_number("1234567-89").unwrap(), "123456789");
        assert_eq!(format_rsz_number("123456789"), "1234567-89");
        assert_eq!(parse_rsz_number("0123456789").unwrap(), "0123456789");
        assert_eq!(parse_rsz_number("123-4567890-12").unwrap_err().code, "rsz.format");
        assert_eq!(parse_rsz_number("12345678a").unwrap_err().code, "rsz.format");
    }
}
