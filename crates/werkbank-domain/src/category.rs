//! Staff categories (docs/domain/categories.md, "The seven categories"). The identifiers are part
//! of the CLI and JSON contract.

use crate::id_enum::id_enum;
use std::fmt;
use std::str::FromStr;

id_enum! {
    pub enum Category {
        TargetGroupRecognised => "target_group_recognised",
        TargetGroupNonRecognised => "target_group_non_recognised",
        Article60 => "article_60",
        SupervisorRecognised => "supervisor_recognised",
        SupervisorNonRecognised => "supervisor_non_recognised",
        WorkCare => "work_care",
        OtherStaff => "other_staff",
    }
}

impl Category {
    /// Dutch spellings that users type in spreadsheets, lower case, normalised by [`Category::parse_loose`].
    /// (Display labels live in the message catalogue, key `category.<id>`.)
    fn dutch_synonyms(self) -> &'static [&'static str] {
        match self {
            Category::TargetGroupRecognised => {
                &["doelgroep erkend", "doelgroepwerknemer erkend", "erkende doelgroepwerknemer"]
            }
            Category::TargetGroupNonRecognised => {
                &["doelgroep niet erkend", "doelgroepwerknemer niet erkend", "niet erkende doelgroepwerknemer"]
            }
            Category::Article60 => &["artikel 60", "art 60", "art. 60", "artikel 60 §7", "art. 60 §7", "article 60"],
            Category::SupervisorRecognised => &["begeleider erkend", "erkende begeleider", "omkadering erkend"],
            Category::SupervisorNonRecognised => {
                &["begeleider niet erkend", "niet erkende begeleider", "omkadering niet erkend"]
            }
            Category::WorkCare => &["arbeidszorg", "arbeidszorgmedewerker", "work care"],
            Category::OtherStaff => &["overig personeel", "overige", "ander personeel", "other staff"],
        }
    }

    /// Parses an identifier or a Dutch label, ignoring case, extra spaces, `-` and `_`.
    pub fn parse_loose(input: &str) -> Option<Category> {
        let norm = normalise(input);
        Category::ALL
            .into_iter()
            .find(|c| normalise(c.id()) == norm || c.dutch_synonyms().iter().any(|s| normalise(s) == norm))
    }

    pub fn is_target_group(self) -> bool {
        matches!(self, Category::TargetGroupRecognised | Category::TargetGroupNonRecognised | Category::Article60)
    }

    pub fn is_supervisor(self) -> bool {
        matches!(self, Category::SupervisorRecognised | Category::SupervisorNonRecognised)
    }
}

fn normalise(s: &str) -> String {
    s.trim().to_lowercase().replace(['_', '-', '.'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Category {
    type Err = crate::Violation;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::parse_loose(s)
            .ok_or_else(|| crate::Violation::new("category", "category.unknown").with("value", s.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_labels() {
        for c in Category::ALL {
            assert_eq!(Category::parse_loose(c.id()), Some(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.id()));
        }
        let table = [
            ("doelgroep erkend", Category::TargetGroupRecognised),
            ("Doelgroep niet erkend", Category::TargetGroupNonRecognised),
            ("artikel 60", Category::Article60),
            ("Art. 60", Category::Article60),
            ("begeleider erkend", Category::SupervisorRecognised),
            ("begeleider  niet erkend", Category::SupervisorNonRecognised),
            ("ARBEIDSZORG", Category::WorkCare),
            ("overig personeel", Category::OtherStaff),
            ("target-group-recognised", Category::TargetGroupRecognised),
        ];
        for (input, expected) in table {
            assert_eq!(Category::parse_loose(input), Some(expected), "{input}");
        }
        assert_eq!(Category::parse_loose("stagiair"), None);
        assert_eq!("stagiair".parse::<Category>().unwrap_err().code, "category.unknown");
    }
}
