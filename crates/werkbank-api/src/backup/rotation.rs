//! Which backups to keep: a pure function over the backups' moments and reasons.
//!
//! - the newest backup, always;
//! - **daily**: the newest backup of each of the 7 most recent days that have one;
//! - **weekly**: the newest of each of the 4 most recent ISO weeks that have one;
//! - **monthly**: the newest of each of the 12 most recent months that have one;
//! - **reason backups** (every backup not made as the daily one: before a payroll commit or
//!   undo, a claim issue, a migration or a restore, made by hand, a damaged file kept):
//!   all of those of the last 30 days, so that any of that month's steps can be undone.
//!
//! A backup kept for several rules is kept once. Days, weeks and months are those of the
//! UTC moment in the backup's name.

use chrono::{Datelike, Duration, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
    /// Reason backups younger than this many days are all kept.
    pub reason_days: i64,
}

impl Policy {
    pub const DEFAULT: Policy = Policy { daily: 7, weekly: 4, monthly: 12, reason_days: 30 };
}

/// One backup as the rotation sees it: its moment, and whether it was made for a reason
/// (not as the daily backup).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub at: NaiveDateTime,
    pub for_reason: bool,
}

/// For each backup of `items` (in any order): keep it? `now` is the moment of the rotation.
pub fn keep(items: &[Item], now: NaiveDateTime, policy: Policy) -> Vec<bool> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Newest first; equal moments by position, so that the result does not depend on sorting.
    order.sort_by(|a, b| items[*b].at.cmp(&items[*a].at).then(a.cmp(b)));
    let mut kept = vec![false; items.len()];
    if let Some(first) = order.first() {
        kept[*first] = true;
    }
    let bucket = |key: &dyn Fn(&NaiveDateTime) -> (i32, u32), count: usize, kept: &mut Vec<bool>| {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for &i in &order {
            if seen.len() == count {
                break;
            }
            let k = key(&items[i].at);
            if !seen.contains(&k) {
                seen.push(k);
                kept[i] = true;
            }
        }
    };
    bucket(&|t| (t.year(), t.ordinal()), policy.daily, &mut kept);
    bucket(&|t| (t.iso_week().year(), t.iso_week().week()), policy.weekly, &mut kept);
    bucket(&|t| (t.year(), t.month()), policy.monthly, &mut kept);
    let since = now - Duration::days(policy.reason_days);
    for (i, item) in items.iter().enumerate() {
        if item.for_reason && item.at >= since {
            kept[i] = true;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    fn daily(t: NaiveDateTime) -> Item {
        Item { at: t, for_reason: false }
    }

    fn kept_moments(items: &[Item], now: NaiveDateTime) -> Vec<NaiveDateTime> {
        let k = keep(items, now, Policy::DEFAULT);
        let mut out: Vec<NaiveDateTime> = items.iter().zip(k).filter(|(_, k)| *k).map(|(i, _)| i.at).collect();
        out.sort();
        out
    }

    #[test]
    fn nothing_to_keep_of_nothing_and_one_is_kept() {
        assert!(keep(&[], at(2026, 12, 3, 9), Policy::DEFAULT).is_empty());
        assert_eq!(keep(&[daily(at(2020, 1, 1, 9))], at(2026, 12, 3, 9), Policy::DEFAULT), vec![true]);
    }

    /// A daily backup every day for a year (2026-01-01 … 2026-12-03, 337 days, at 09:00):
    /// 7 days: 27/11 … 03/12. ISO weeks (Monday first): 03/12 is a Thursday of week 49,
    /// whose newest is 03/12 itself; the newest of weeks 48, 47, 46 are their Sundays
    /// 29/11, 22/11, 15/11. Months: the newest of each of the 12 months is its last
    /// day (December: 03/12): 31/01, 28/02, 31/03, … 30/11, and 03/12. Union: 7 days +
    /// 22/11 and 15/11 (29/11 is among the days) + the 10 month ends of January to October
    /// (30/11 and 03/12 are among the days) = 19 backups.
    #[test]
    fn a_year_of_daily_backups_keeps_7_days_4_weeks_12_months() {
        let mut items = Vec::new();
        let mut d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while d <= NaiveDate::from_ymd_opt(2026, 12, 3).unwrap() {
            items.push(daily(d.and_hms_opt(9, 0, 0).unwrap()));
            d = d.succ_opt().unwrap();
        }
        assert_eq!(items.len(), 337);
        let kept = kept_moments(&items, at(2026, 12, 3, 10));
        let mut expected: Vec<NaiveDateTime> = [
            (1, 31),
            (2, 28),
            (3, 31),
            (4, 30),
            (5, 31),
            (6, 30),
            (7, 31),
            (8, 31),
            (9, 30),
            (10, 31),
            (11, 15),
            (11, 22),
            (11, 27),
            (11, 28),
            (11, 29),
            (11, 30),
            (12, 1),
            (12, 2),
            (12, 3),
        ]
        .iter()
        .map(|(m, d)| at(2026, *m, *d, 9))
        .collect();
        expected.sort();
        assert_eq!(kept.len(), 19, "{kept:?}");
        assert_eq!(kept, expected);
    }

    /// Several backups on one day: only that day's newest counts as its daily backup.
    #[test]
    fn the_newest_of_a_day_is_its_daily_backup() {
        let items = [daily(at(2026, 12, 2, 8)), daily(at(2026, 12, 2, 17)), daily(at(2026, 12, 2, 12))];
        assert_eq!(keep(&items, at(2026, 12, 3, 9), Policy::DEFAULT), vec![false, true, false]);
    }

    /// Days without a backup do not count: 7 backups spread over two months are all kept
    /// as daily ones.
    #[test]
    fn days_without_a_backup_do_not_use_up_the_seven() {
        let days = [(10, 1), (10, 9), (10, 20), (11, 2), (11, 14), (11, 25), (12, 1)];
        let items: Vec<Item> = days.iter().map(|(m, d)| daily(at(2026, *m, *d, 9))).collect();
        assert_eq!(keep(&items, at(2026, 12, 3, 9), Policy::DEFAULT), vec![true; 7]);
    }

    /// Reason backups of the last 30 days are all kept, even several on one day; an older
    /// one only when it is the newest of a day, week or month that counts.
    #[test]
    fn reason_backups_of_the_last_30_days_are_kept() {
        let now = at(2026, 12, 3, 12);
        let items = [
            // 2026-12-03 08:00 and 10:00 before two payroll commits, 11:00 the day's daily one
            Item { at: at(2026, 12, 3, 8), for_reason: true },
            Item { at: at(2026, 12, 3, 10), for_reason: true },
            daily(at(2026, 12, 3, 11)),
            // 2026-11-03 12:00 is exactly 30 days before now: kept
            Item { at: at(2026, 11, 3, 12), for_reason: true },
            // 2026-11-03 11:00 is 30 days and an hour old, and not the newest of its day,
            // week or month: dropped
            Item { at: at(2026, 11, 3, 11), for_reason: true },
            // the newest (and only) backup of its day
            daily(at(2026, 11, 1, 9)),
        ];
        // Three days have backups (03/12, 03/11, 01/11), fewer than 7: each day's newest is
        // kept as its daily backup (11:00, 03/11 12:00, 01/11); the two of this morning as
        // reason backups; 03/11 11:00 by no rule.
        assert_eq!(keep(&items, now, Policy::DEFAULT), vec![true, true, true, true, false, true]);
    }

    /// Twelve months back and no further: a backup of each month for two years keeps the
    /// newest 12 months only (plus nothing else: the days and weeks are among them).
    #[test]
    fn monthly_backups_older_than_twelve_months_go() {
        let items: Vec<Item> = (0..24).map(|i| daily(at(2025 + i / 12, (i % 12) as u32 + 1, 15, 9))).collect();
        let k = keep(&items, at(2026, 12, 20, 9), Policy::DEFAULT);
        // 2025-01 … 2025-12 go (indexes 0..12), 2026-01 … 2026-12 stay.
        assert_eq!(k, (0..24).map(|i| i >= 12).collect::<Vec<bool>>());
    }
}
