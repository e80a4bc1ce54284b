//! Measuring and wrapping text. Widths come from the embedded font's glyph advances (`hmtx`), the same widths
//! the PDF viewer uses, since the renderer places glyphs one after the other without kerning.

/// Something that knows how wide a text is. The real one reads the embedded font; tests use a fixed width.
pub trait Measure {
    /// Width in points of `text` set in the regular (`bold == false`) or bold face at `size` points.
    fn width(&self, text: &str, bold: bool, size: f32) -> f32;
}

/// Wraps `text` into lines no wider than `max_width` points: explicit newlines are kept, lines break between
/// words (at spaces) or after a hyphen inside a word ("Smet-" / "Vandenberghe"), and a piece wider than a whole
/// line is cut between characters. Returns at least one line (an empty text gives one empty line, so a row
/// keeps its height).
pub fn wrap(text: &str, max_width: f32, bold: bool, size: f32, measure: &dyn Measure) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        // Tabs and carriage returns have no glyph: they count as spaces.
        for word in paragraph.split([' ', '\t', '\r']).filter(|w| !w.is_empty()) {
            for (i, piece) in word.split_inclusive('-').enumerate() {
                // The first piece of a word follows a space; the others follow their hyphen directly.
                let joint = if line.is_empty() || i > 0 { "" } else { " " };
                let candidate = format!("{line}{joint}{piece}");
                if measure.width(&candidate, bold, size) <= max_width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if measure.width(piece, bold, size) <= max_width {
                    line = piece.to_string();
                } else {
                    // Cut the piece: as many characters per line as fit (at least one, so this always ends).
                    for ch in piece.chars() {
                        line.push(ch);
                        if line.chars().count() > 1 && measure.width(&line, bold, size) > max_width {
                            line.pop();
                            lines.push(std::mem::take(&mut line));
                            line.push(ch);
                        }
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Shortens `text` with a trailing "…" until it fits `max_width` (for single-line places like the footer).
pub fn ellipsize(text: &str, max_width: f32, bold: bool, size: f32, measure: &dyn Measure) -> String {
    if measure.width(text, bold, size) <= max_width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if measure.width(&candidate, bold, size) <= max_width {
            return candidate;
        }
    }
    "…".to_string()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every character is `size / 2` wide, bold ones `size * 0.6`: easy to compute by hand.
    pub(crate) struct Fixed;
    impl Measure for Fixed {
        fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
            let per = if bold { size * 0.6 } else { size * 0.5 };
            text.chars().count() as f32 * per
        }
    }

    #[test]
    fn wraps_between_words() {
        // size 10 → 5 pt per char; 50 pt → 10 chars per line.
        let lines = wrap("Jan Janssens van de Velde", 50.0, false, 10.0, &Fixed);
        // "Jan" (3), "Jan Janssens" is 12 > 10 → new line; "Janssens" (8), "Janssens van" 12 → new line;
        // "van de" (6), "van de Velde" 12 → new line; "Velde".
        assert_eq!(lines, vec!["Jan", "Janssens", "van de", "Velde"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        let lines = wrap("Wolfeschlegelsteinhausen x", 50.0, false, 10.0, &Fixed);
        assert_eq!(lines, vec!["Wolfeschle", "gelsteinha", "usen x"]);
        for l in &lines {
            assert!(Fixed.width(l, false, 10.0) <= 50.0);
        }
    }

    #[test]
    fn a_hyphenated_name_breaks_after_its_hyphen() {
        // 10 chars per line: "De Smet-Vandenberghe" → "De Smet-" (8) then "Vandenberg"/"he" is cut only because
        // "Vandenberghe" (12) is wider than a line.
        assert_eq!(wrap("De Smet-Vandenberghe", 50.0, false, 10.0, &Fixed), vec!["De Smet-", "Vandenberg", "he"]);
        assert_eq!(wrap("Anne-Sophie Peeters", 40.0, false, 10.0, &Fixed), vec!["Anne-", "Sophie", "Peeters"]);
        // A hyphen that fits stays on the line; no space is added around it.
        assert_eq!(wrap("Anne-Sophie", 100.0, false, 10.0, &Fixed), vec!["Anne-Sophie"]);
        // A lone dash between spaces stays a word.
        assert_eq!(wrap("a - b", 100.0, false, 10.0, &Fixed), vec!["a - b"]);
    }

    #[test]
    fn newlines_are_kept_and_empty_text_is_one_line() {
        assert_eq!(wrap("a\nb c", 100.0, false, 10.0, &Fixed), vec!["a", "b c"]);
        assert_eq!(wrap("", 100.0, false, 10.0, &Fixed), vec![""]);
        // Multiple spaces collapse; tabs and carriage returns are spaces.
        assert_eq!(wrap("a   b", 100.0, false, 10.0, &Fixed), vec!["a b"]);
        assert_eq!(wrap("a\tb\r\nc", 100.0, false, 10.0, &Fixed), vec!["a b", "c"]);
    }

    #[test]
    fn bold_is_measured_wider() {
        // Bold 6 pt per char: "abcd efgh" (9 chars = 54 pt) does not fit 50 pt, regular (45 pt) does.
        assert_eq!(wrap("abcd efgh", 50.0, false, 10.0, &Fixed), vec!["abcd efgh"]);
        assert_eq!(wrap("abcd efgh", 50.0, true, 10.0, &Fixed), vec!["abcd", "efgh"]);
    }

    #[test]
    fn ellipsize_shortens_to_fit() {
        assert_eq!(ellipsize("kort", 100.0, false, 10.0, &Fixed), "kort");
        // 30 pt → 6 chars including the ellipsis.
        assert_eq!(ellipsize("Document-ID 3fa2", 30.0, false, 10.0, &Fixed), "Docum…");
    }
}
