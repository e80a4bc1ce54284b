//! Belgium's public holidays (the ten legal *feestdagen*), computed, not stored: fixed
//! dates plus the three that follow Easter.

use chrono::{Days, NaiveDate};

/// Belgium's ten public holidays of `year`, in date order: New Year, Easter Monday,
/// Labour Day, Ascension (Easter + 39), Whit Monday (Easter + 50), the National Day,
/// Assumption, All Saints, Armistice and Christmas.
pub fn public_holidays(year: i32) -> [NaiveDate; 10] {
    let easter = easter_sunday(year);
    let after = |n: u64| easter.checked_add_days(Days::new(n)).expect("a date after Easter");
    let day = |month: u32, day: u32| NaiveDate::from_ymd_opt(year, month, day).expect("a fixed holiday");
    [day(1, 1), after(1), day(5, 1), after(39), after(50), day(7, 21), day(8, 15), day(11, 1), day(11, 11), day(12, 25)]
}

/// Whether `date` is one of Belgium's public holidays.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    use chrono::Datelike;
    public_holidays(date.year()).contains(&date)
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a date")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_sundays() {
        // Known dates, including the earliest (22 March) and latest (25 April) possible.
        for (year, month, day) in
            [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (1818, 3, 22), (2038, 4, 25)]
        {
            assert_eq!(easter_sunday(year), d(year, month, day), "{year}");
        }
    }

    #[test]
    fn holidays_of_2025_and_2026() {
        let h = public_holidays(2025);
        // Easter 20/04/2025: Monday 21/04, Ascension 29/05, Whit Monday 09/06.
        assert_eq!((h[1], h[3], h[4]), (d(2025, 4, 21), d(2025, 5, 29), d(2025, 6, 9)));
        let h = public_holidays(2026);
        // Easter 05/04/2026: Monday 06/04, Ascension 14/05, Whit Monday 25/05.
        assert_eq!((h[1], h[3], h[4]), (d(2026, 4, 6), d(2026, 5, 14), d(2026, 5, 25)));
        assert!(is_public_holiday(d(2026, 1, 1)) && is_public_holiday(d(2026, 7, 21)));
        assert!(
            !is_public_holiday(d(2026, 1, 2)) && !is_public_holiday(d(2026, 4, 5)),
            "Easter Sunday itself is a Sunday, not on the list"
        );
    }
}
