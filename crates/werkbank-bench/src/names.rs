//! The generated workplace's names: the demo's made-up lists (`werkbank_api::demo::names`),
//! two fixed first people, and the Windows-1252 spelling of the letters it lacks.

pub use werkbank_api::demo::names::{LAST_NAMES, MEN, WOMEN};

/// The first two people of every generated workplace, so that even a small sample holds
/// names whose encodings differ (é and ë are Windows-1252, Ł and ş are not).
pub const FIXED: [(&str, &str, bool); 2] = [("Van den Broeck", "Désirée", true), ("Öztürk", "Łukasz", false)];

/// A letter's closest Windows-1252 spelling, for the few letters of [`LAST_NAMES`],
/// [`MEN`] and [`WOMEN`] that Windows-1252 lacks (what a Western European payroll system
/// prints for `Łukasz` is `Lukasz`); `None` for any other letter.
pub fn windows_1252_fallback(c: char) -> Option<char> {
    Some(match c {
        'Ł' => 'L',
        'ł' => 'l',
        'ş' | 'ś' => 's',
        'Ş' | 'Ś' => 'S',
        'ı' => 'i',
        'ğ' => 'g',
        'ć' => 'c',
        'ń' => 'n',
        'ż' | 'ź' => 'z',
        'ą' => 'a',
        'ę' => 'e',
        _ => return None,
    })
}
