//! Recognising columns by their header text.
//!
//! A header matches a field when, after [`normalise_key`] (lower case, accents dropped,
//! only letters and digits kept), it equals one of the field's synonyms normalised the
//! same way; a parenthesised part may be left out (`Q (uren)` matches `Q`). So
//! "Begin datum", "begindatum" and "BEGIN-DATUM" all match the synonym "Begindatum".

use crate::table::Cell;
use crate::values::parse_text;

/// A field an import knows, with the header texts that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Stable field id (`insz`, `start`, …), also used as the issue column.
    pub id: &'static str,
    /// Header texts as users write them; compared after [`normalise_key`].
    pub synonyms: &'static [&'static str],
}

/// A recognised column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMatch {
    pub field: &'static str,
    /// 0-based column index (A = 0).
    pub index: usize,
    /// The header text as in the file (trimmed).
    pub header: String,
}

/// Which column holds which field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    /// The recognised columns, left to right; each field at most once (its leftmost column).
    pub matches: Vec<ColumnMatch>,
    /// Further columns naming a field that was already matched (ignored when reading).
    pub duplicates: Vec<ColumnMatch>,
}

impl ColumnMap {
    pub fn get(&self, field: &str) -> Option<&ColumnMatch> {
        self.matches.iter().find(|m| m.field == field)
    }

    pub fn index(&self, field: &str) -> Option<usize> {
        self.get(field).map(|m| m.index)
    }

    pub fn contains(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn len(&self) -> usize {
        self.matches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.matches.is_empty()
    }
}

/// How many rows from the top [`find_header_row`] looks at.
pub const HEADER_SEARCH_ROWS: usize = 10;
/// How many known fields a row must name to be taken as the header row.
pub const HEADER_MIN_MATCHES: usize = 2;

/// Lower case, accents dropped (é → e, ß → ss, …), only letters and digits kept.
pub fn normalise_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ď' | 'đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ł' | 'ľ' | 'ĺ' => out.push('l'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ŕ' | 'ř' => out.push('r'),
            'ß' => out.push_str("ss"),
            'ś' | 'š' | 'ş' => out.push('s'),
            'ť' | 'ţ' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The keys a header is compared by: the whole text, and the text without parenthesised parts.
fn header_keys(header: &str) -> Vec<String> {
    let mut without = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => without.push(c),
            _ => {}
        }
    }
    let mut keys = vec![normalise_key(header)];
    let stripped = normalise_key(&without);
    if !stripped.is_empty() && stripped != keys[0] {
        keys.push(stripped);
    }
    keys
}

/// True when `header` names one of `synonyms` (compared as in [`find_columns`]), e.g. to
/// tell an hours column from a days column among a field's synonyms.
pub fn header_matches(header: &str, synonyms: &[&str]) -> bool {
    let keys = header_keys(header);
    synonyms.iter().any(|s| keys.contains(&normalise_key(s)))
}

/// The field a header names, if any.
fn field_for<'f>(header: &str, fields: &'f [FieldSpec]) -> Option<&'f FieldSpec> {
    let keys = header_keys(header);
    fields.iter().find(|f| f.synonyms.iter().any(|s| keys.contains(&normalise_key(s))))
}

/// Recognises the columns of a header row.
pub fn find_columns(header_row: &[Cell], fields: &[FieldSpec]) -> ColumnMap {
    let mut map = ColumnMap::default();
    for (index, cell) in header_row.iter().enumerate() {
        let Some(header) = parse_text(cell) else { continue };
        let Some(field) = field_for(&header, fields) else { continue };
        let m = ColumnMatch { field: field.id, index, header };
        if map.contains(field.id) {
            map.duplicates.push(m);
        } else {
            map.matches.push(m);
        }
    }
    map
}

/// The header row: the first of the top [`HEADER_SEARCH_ROWS`] rows that names at least
/// [`HEADER_MIN_MATCHES`] known fields, with its 0-based index and columns.
pub fn find_header_row(rows: &[Vec<Cell>], fields: &[FieldSpec]) -> Option<(usize, ColumnMap)> {
    rows.iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .map(|(i, row)| (i, find_columns(row, fields)))
        .find(|(_, map)| map.len() >= HEADER_MIN_MATCHES)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[FieldSpec] = &[
        FieldSpec { id: "start", synonyms: &["Begindatum", "Start date"] },
        FieldSpec { id: "first_name", synonyms: &["Voornaam", "Prénom"] },
        FieldSpec { id: "q", synonyms: &["Q", "Uren per week"] },
    ];

    fn row(texts: &[&str]) -> Vec<Cell> {
        texts.iter().map(|t| if t.is_empty() { Cell::Empty } else { Cell::Text((*t).to_owned()) }).collect()
    }

    #[test]
    fn normalising() {
        assert_eq!(normalise_key(" Begin-Datum "), "begindatum");
        assert_eq!(normalise_key("Prénom"), "prenom");
        assert_eq!(normalise_key("Straße Œuvre"), "strasseoeuvre");
        assert_eq!(normalise_key("Datum (dd/mm/jjjj)"), "datumddmmjjjj");
    }

    #[test]
    fn headers_match_loosely() {
        for header in
            ["Begin datum", "begindatum", "Start date", "START_DATE", "Begindatum (dd/mm/jjjj)", " Start-date: "]
        {
            let map = find_columns(&row(&[header]), FIELDS);
            assert_eq!(map.index("start"), Some(0), "{header}");
        }
        for header in ["PRENOM", "prénom", "Voor naam"] {
            assert!(find_columns(&row(&[header]), FIELDS).contains("first_name"), "{header}");
        }
        for header in ["Uren per week (Q)", "Q (uren)", "q"] {
            assert!(find_columns(&row(&[header]), FIELDS).contains("q"), "{header}");
        }
        for header in ["Begin", "Datum", "Qualiteit", "Naam"] {
            assert!(find_columns(&row(&[header]), FIELDS).is_empty(), "{header}");
        }
    }

    #[test]
    fn columns_keep_position_and_first_wins() {
        let map = find_columns(&row(&["", "Voornaam", "Opmerking", "Begindatum", "Start date"]), FIELDS);
        assert_eq!(map.len(), 2);
        assert_eq!(map.get("first_name").map(|m| (m.index, m.header.as_str())), Some((1, "Voornaam")));
        assert_eq!(map.index("start"), Some(3));
        assert_eq!(map.duplicates, [ColumnMatch { field: "start", index: 4, header: "Start date".into() }]);
    }

    #[test]
    fn header_matches_synonyms() {
        assert!(header_matches("Aantal uren (u)", &["Aantal uren"]));
        assert!(header_matches("HEURES", &["Heures"]));
        assert!(!header_matches("Aantal", &["Aantal uren", "Uren"]));
    }

    #[test]
    fn header_row_is_found_below_a_title() {
        let rows = vec![
            row(&["Personeelsregister 2026"]),
            row(&[]),
            row(&["Voornaam"]), // only one known field: not the header
            row(&["Voornaam", "Begindatum", "Q"]),
        ];
        let (index, map) = find_header_row(&rows, FIELDS).unwrap();
        assert_eq!(index, 3);
        assert_eq!(map.len(), 3);

        let mut late = vec![row(&[]); HEADER_SEARCH_ROWS];
        late.push(row(&["Voornaam", "Begindatum"]));
        assert_eq!(find_header_row(&late, FIELDS), None);
    }
}
