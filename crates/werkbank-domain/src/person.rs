//! A person in the register and the facts the entry conditions need (docs/domain/entry-conditions.md,
//! "The facts the register keeps").

use crate::id_enum::id_enum;
use crate::insz::Insz;
use crate::violation::{Violation, Violations};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

id_enum! {
    /// Yes, no, or not known. Unknown is a value of its own: it is never read as "no".
    #[derive(Default)]
    pub enum TriState {
        Yes => "yes",
        No => "no",
        #[default]
        Unknown => "unknown",
    }
}

id_enum! {
    #[derive(Default)]
    pub enum Sex {
        Male => "male",
        Female => "female",
        X => "x",
        #[default]
        Unknown => "unknown",
    }
}

id_enum! {
    /// Highest education completed, in the steps the entry conditions use.
    #[derive(Default)]
    pub enum EducationLevel {
        #[default]
        Unknown => "unknown",
        /// geen diploma / lager onderwijs
        Primary => "primary",
        /// tot en met de tweede graad secundair onderwijs
        SecondarySecondGrade => "secondary_second_grade",
        /// deeltijds beroepssecundair onderwijs (DBSO)
        PartTimeVocational => "part_time_vocational",
        /// derde graad secundair onderwijs (diploma secundair)
        SecondaryThirdGrade => "secondary_third_grade",
        /// hoger onderwijs
        Higher => "higher",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Optional: a new worker's number may not be known yet (shown as a problem later).
    pub insz: Option<Insz>,
    pub last_name: String,
    pub first_name: String,
    pub birth_date: Option<NaiveDate>,
    pub sex: Sex,
    pub education_level: EducationLevel,
    /// Registered with VDAB as a non-working jobseeker since.
    pub vdab_registration_date: Option<NaiveDate>,
    /// Uninterruptedly inactive since.
    pub inactive_since: Option<NaiveDate>,
    /// A physical, psychological or social limitation is recorded.
    pub limitation: TriState,
    /// A disability registration (VDAB/VAPH) is recorded.
    pub disability_registration: TriState,
    /// Follows a guidance trajectory of VDAB, a recognised third party or a public body
    /// with a VDAB agreement (social workshop criterion 3).
    pub guidance_trajectory: TriState,
    /// VDAB's basic services found insufficient skills or qualifications (insertion).
    pub insufficient_skills: TriState,
    /// Work care: the counsellor's (ATB) attest is valid until this day (inclusive).
    pub work_care_attest_valid_until: Option<NaiveDate>,
}

impl Person {
    /// A new (unstored) person of whom only the name is known: every other fact unknown.
    pub fn new(last_name: impl Into<String>, first_name: impl Into<String>) -> Self {
        Self {
            insz: None,
            last_name: last_name.into(),
            first_name: first_name.into(),
            birth_date: None,
            sex: Sex::Unknown,
            education_level: EducationLevel::Unknown,
            vdab_registration_date: None,
            inactive_since: None,
            limitation: TriState::Unknown,
            disability_registration: TriState::Unknown,
            guidance_trajectory: TriState::Unknown,
            insufficient_skills: TriState::Unknown,
            work_care_attest_valid_until: None,
        }
    }

    /// "Achternaam, Voornaam".
    pub fn display_name(&self) -> String {
        format!("{}, {}", self.last_name, self.first_name)
    }

    /// A birth date left empty becomes the one the INSZ encodes (docs/domain/identifiers.md,
    /// "Birth date and sex in the number": the century from the check digits, a BIS number's
    /// month less 20 or 40). A number without
    /// a complete date (`00000100166`: month 00, as for refugees and others whose date is
    /// not known) leaves it unknown. A birth date that is given is kept as it is:
    /// [`Person::validate`] reports one that contradicts the INSZ.
    pub fn fill_birth_date_from_insz(&mut self) {
        if self.birth_date.is_none() {
            self.birth_date = self.insz.as_ref().and_then(Insz::birth_date);
        }
    }

    /// Rules of a person on their own; `today` bounds dates that cannot lie in the future.
    pub fn validate(&self, today: NaiveDate) -> Result<(), Violations> {
        let mut out = Vec::new();
        if self.last_name.trim().is_empty() {
            out.push(Violation::new("last_name", "person.last_name_required"));
        }
        if self.first_name.trim().is_empty() {
            out.push(Violation::new("first_name", "person.first_name_required"));
        }
        if let Some(b) = self.birth_date {
            if b > today {
                out.push(Violation::new("birth_date", "person.birth_date_future").with("date", b));
            } else if let (Some(insz), true) = (&self.insz, true) {
                if let Some(encoded) = insz.birth_date() {
                    if encoded != b {
                        out.push(
                            Violation::new("birth_date", "person.birth_date_insz_mismatch")
                                .with("date", b)
                                .with("insz_date", encoded),
                        );
                    }
                }
            }
        }
        for (field, date) in
            [("vdab_registration_date", self.vdab_registration_date), ("inactive_since", self.inactive_since)]
        {
            if let Some(d) = date {
                if d > today {
                    out.push(Violation::new(field, "person.date_future").with("date", d));
                }
            }
        }
        Violations::check(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person() -> Person {
        Person {
            insz: Some(Insz::parse("93051822361").unwrap()),
            last_name: "Peeters".into(),
            first_name: "An".into(),
            birth_date: NaiveDate::from_ymd_opt(1993, 5, 18),
            sex: Sex::Female,
            education_level: EducationLevel::Unknown,
            vdab_registration_date: None,
            inactive_since: None,
            limitation: TriState::Unknown,
            disability_registration: TriState::Unknown,
            guidance_trajectory: TriState::Unknown,
            insufficient_skills: TriState::Unknown,
            work_care_attest_valid_until: None,
        }
    }

    #[test]
    fn valid_person() {
        assert!(person().validate(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).is_ok());
        assert_eq!(person().display_name(), "Peeters, An");
        assert_eq!(TriState::default(), TriState::Unknown);
    }

    #[test]
    fn every_problem_is_reported() {
        let mut p = person();
        p.last_name = " ".into();
        p.first_name = String::new();
        p.birth_date = NaiveDate::from_ymd_opt(1993, 5, 19);
        let err = p.validate(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap_err();
        let codes: Vec<_> = err.0.iter().map(|v| v.code.as_str()).collect();
        assert_eq!(
            codes,
            ["person.last_name_required", "person.first_name_required", "person.birth_date_insz_mismatch"]
        );
    }

    /// `(INSZ, the birth date it encodes)`, each worked out by hand.
    fn insz_vectors() -> [(&'static str, Option<NaiveDate>); 6] {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        [
            // 930518 223 61: 930518223 mod 97 = 36, 97 − 36 = 61 → before 2000: 18/05/1993.
            ("93051822361", d(1993, 5, 18)),
            // 030714 123 83: 030714123 mod 97 = 43, 97 − 43 = 54 ≠ 83 (no 1900 number);
            // 2030714123 = 97 × 20935197 + 14, 97 − 14 = 83 → 2000 or later: 14/07/2003.
            ("03071412383", d(2003, 7, 14)),
            // BIS, sex known (month + 40): 934518223 = 97 × 9634208 + 47, 97 − 47 = 50 →
            // month 45 − 40 = 05: 18/05/1993.
            ("93451822350", d(1993, 5, 18)),
            // BIS, sex unknown (month + 20): 932518224 = 97 × 9613589 + 91, 97 − 91 = 6 →
            // month 25 − 20 = 05: 18/05/1993.
            ("93251822406", d(1993, 5, 18)),
            // BIS of 2000+, month + 40: 2104203456 = 97 × 21692819 + 13, 97 − 13 = 84 →
            // month 42 − 40 = 02: 03/02/2010.
            ("10420345684", d(2010, 2, 3)),
            // 000001 001 66: 000001001 = 1001 = 97 × 10 + 31, 97 − 31 = 66: a valid number
            // whose month is 00 (date not known, "00/00/1900"): no birth date.
            ("00000100166", None),
        ]
    }

    #[test]
    fn an_empty_birth_date_is_the_one_the_insz_encodes() {
        for (insz, expected) in insz_vectors() {
            let mut p = Person { insz: Some(Insz::parse(insz).unwrap()), ..Person::new("Peeters", "An") };
            p.fill_birth_date_from_insz();
            assert_eq!(p.birth_date, expected, "{insz}");
            // What is filled in never contradicts the number, and an unknown date is no problem.
            assert!(p.validate(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).is_ok(), "{insz}");
        }
        // Without an INSZ the birth date stays unknown.
        let mut p = Person::new("Peeters", "An");
        p.fill_birth_date_from_insz();
        assert_eq!(p.birth_date, None);
    }

    #[test]
    fn a_given_birth_date_is_kept_and_checked_against_the_insz() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut p = person();
        p.birth_date = NaiveDate::from_ymd_opt(1993, 5, 19);
        p.fill_birth_date_from_insz();
        assert_eq!(p.birth_date, NaiveDate::from_ymd_opt(1993, 5, 19), "not overwritten");
        let err = p.validate(today).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(
            (err.0[0].field.as_str(), err.0[0].code.as_str()),
            ("birth_date", "person.birth_date_insz_mismatch")
        );
        assert_eq!(err.0[0].params["date"], "1993-05-19");
        assert_eq!(err.0[0].params["insz_date"], "1993-05-18");
        // A number without a date accepts any birth date.
        p.insz = Some(Insz::parse("00000100166").unwrap());
        assert!(p.validate(today).is_ok());
    }

    #[test]
    fn future_dates_are_refused() {
        let mut p = person();
        p.insz = None;
        p.birth_date = NaiveDate::from_ymd_opt(2027, 1, 1);
        p.inactive_since = NaiveDate::from_ymd_opt(2027, 1, 1);
        let err = p.validate(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap_err();
        assert_eq!(err.0.len(), 2);
    }
}
