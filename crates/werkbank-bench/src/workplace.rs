//! The synthetic workplace behind the benchmark files: people with valid, unique INSZ
//! numbers and their employment periods over the years, plus what payroll needs to know
//! about them (worker number, hourly wage, sickness and holidays).
//!
//! The model, per person (each drawn from its own seeded generator):
//! - a category: doelgroep erkend 38 %, doelgroep niet erkend 18 %, artikel 60 12 %,
//!   begeleider erkend 15 %, begeleider niet erkend 3 %, arbeidszorg 9 %, overig
//!   personeel 5 %;
//! - about three in four are employed when the first year begins (hired up to twelve years
//!   earlier), the others are hired during the years; most start on the first of a month;
//! - article 60 placements start at any time (from eleven months before the first year)
//!   and last 12 to 24 months; almost half of them are hired
//!   afterwards as doelgroep niet erkend (the placement's period is closed, the next one
//!   opens the day after);
//! - 40 % of the non-recognised target-group workers and 30 % of the non-recognised
//!   supervisors move to the recognised category at the start of a month; one in ten
//!   changes hours (a new period with another Q);
//! - 10 to 25 % leave during the years (most at the end of a month), and a few of those
//!   come back later: a new period after a gap, never overlapping.
//!
//! Q is 38, 30,4, 28,5, 22,8 or 19 hours out of S = 38 (5 days of 7,6 h, 4 or 3 such days,
//! or 5 shorter days); work care (arbeidszorg) has Q of 9 to 24 hours and S left empty.

use crate::rng::Lcg;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::collections::HashSet;
use werkbank_domain::{Category, Insz};

/// One employment period as the staff register lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub category: Category,
    pub start: NaiveDate,
    /// The last day (inclusive); `None` while ongoing.
    pub end: Option<NaiveDate>,
    /// Weekly hours in hundredths (3800 = 38 h).
    pub q: u32,
    /// The reference person's weekly hours in hundredths; `None` (left empty) for work care.
    pub s: Option<u32>,
}

impl Period {
    pub fn contains(&self, day: NaiveDate) -> bool {
        day >= self.start && self.end.is_none_or(|end| day <= end)
    }

    /// Work-care participants keep their benefit and are not on the payroll.
    pub fn is_paid(&self) -> bool {
        self.category != Category::WorkCare
    }
}

/// A sickness episode, both ends inclusive. Days before `guaranteed_until` are paid by
/// the employer (gewaarborgd loon), later days by the health insurer (ziekenfonds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sickness {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub guaranteed_until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The social secretariat's number for this worker (`Werknemersnummer`).
    pub worker_number: u32,
    pub insz: Insz,
    /// Whether the staff register writes this INSZ as `93.05.18-223.61` (else 11 digits).
    pub insz_formatted_in_register: bool,
    pub last_name: &'static str,
    pub first_name: &'static str,
    pub female: bool,
    pub birth_date: NaiveDate,
    /// In date order; never overlapping.
    pub periods: Vec<Period>,
    /// Gross hourly wage in cents in the first year (indexed by 2 % a year after).
    pub hourly_cents: i64,
    pub sickness: Vec<Sickness>,
    /// Holiday weeks, both ends inclusive: a fortnight in summer, the days after Christmas
    /// and one school-holiday week a year.
    pub vacations: Vec<(NaiveDate, NaiveDate)>,
}

impl Person {
    pub fn period_on(&self, day: NaiveDate) -> Option<&Period> {
        self.periods.iter().find(|p| p.contains(day))
    }

    /// `Last, First` as a payroll export names a worker.
    pub fn payroll_name(&self) -> String {
        format!("{}, {}", self.last_name, self.first_name)
    }
}

pub struct Workplace {
    pub people: Vec<Person>,
    /// The first day of the first year.
    pub first_day: NaiveDate,
    /// The day after the last year.
    pub end: NaiveDate,
}

impl Workplace {
    pub fn periods(&self) -> usize {
        self.people.iter().map(|p| p.periods.len()).sum()
    }
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub(crate) fn add_months(d: NaiveDate, months: i64) -> NaiveDate {
    let m = Months::new(u32::try_from(months.unsigned_abs()).expect("months fit"));
    if months >= 0 { d.checked_add_months(m) } else { d.checked_sub_months(m) }.expect("date in range")
}

pub(crate) fn add_days(d: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    if days >= 0 { d.checked_add_days(n) } else { d.checked_sub_days(n) }.expect("date in range")
}

fn month_start(d: NaiveDate) -> NaiveDate {
    ymd(d.year(), d.month(), 1)
}

pub(crate) fn month_end(d: NaiveDate) -> NaiveDate {
    add_days(add_months(month_start(d), 1), -1)
}

/// A first of the month strictly after `after` and strictly before `before`, if any.
fn month_start_between(rng: &mut Lcg, after: NaiveDate, before: NaiveDate) -> Option<NaiveDate> {
    let first = add_months(month_start(after), 1);
    let mut count = 0i64;
    while add_months(first, count) < before {
        count += 1;
    }
    (count > 0).then(|| add_months(first, rng.below(count as u64) as i64))
}

/// Most people start on the first of a month, some on another day.
fn start_in_month(rng: &mut Lcg, first: NaiveDate) -> NaiveDate {
    if rng.chance(850) {
        first
    } else {
        add_days(first, 1 + rng.below(27) as i64)
    }
}

const CATEGORIES: [(Category, u64); 7] = [
    (Category::TargetGroupRecognised, 38),
    (Category::TargetGroupNonRecognised, 18),
    (Category::Article60, 12),
    (Category::SupervisorRecognised, 15),
    (Category::SupervisorNonRecognised, 3),
    (Category::WorkCare, 9),
    (Category::OtherStaff, 5),
];

fn draw_q(rng: &mut Lcg, category: Category) -> u32 {
    use Category::*;
    match category {
        TargetGroupRecognised | TargetGroupNonRecognised => {
            [3800, 3040, 2850, 2280, 1900][rng.weighted(&[50, 18, 7, 15, 10])]
        }
        Article60 => [3800, 3040][rng.weighted(&[85, 15])],
        SupervisorRecognised | SupervisorNonRecognised => [3800, 3040, 1900][rng.weighted(&[75, 15, 10])],
        OtherStaff => [3800, 3040][rng.weighted(&[70, 30])],
        WorkCare => rng.pick(&[900, 1200, 1500, 1800, 2000, 2400]),
    }
}

fn new_period(rng: &mut Lcg, category: Category, start: NaiveDate) -> Period {
    let q = draw_q(rng, category);
    Period { category, start, end: None, q, s: (category != Category::WorkCare).then_some(3800) }
}

/// Closes the last (open) period the day before `day` and opens `next` on `day`.
fn change(periods: &mut Vec<Period>, next: Period) {
    let last = periods.last_mut().expect("a period");
    last.end = Some(add_days(next.start, -1));
    periods.push(next);
}

/// Builds the workplace: `workers` people over `years` calendar years from `first_year`.
pub fn workplace(workers: u32, years: u32, first_year: i32, seed: u64) -> Workplace {
    let first_day = ymd(first_year, 1, 1);
    let end = ymd(first_year + i32::try_from(years).expect("years fit"), 1, 1);
    let mut used = HashSet::new();
    let people = (0..workers).map(|i| person(i, seed, first_day, end, &mut used)).collect();
    Workplace { people, first_day, end }
}

fn person(index: u32, seed: u64, first_day: NaiveDate, end: NaiveDate, used: &mut HashSet<String>) -> Person {
    use Category::*;
    let mut rng = Lcg::derive(seed, &[1, u64::from(index)]);
    let window_months = i64::from(end.year() - first_day.year()) * 12;
    let category = match CATEGORIES[rng.weighted(&CATEGORIES.map(|(_, w)| w))].0 {
        // The people with fixed names are on the payroll.
        WorkCare if (index as usize) < crate::names::FIXED.len() => TargetGroupRecognised,
        category => category,
    };

    // Names: the first two people always carry letters that encodings treat differently.
    let female = rng.chance(420);
    let (mut last_name, mut first_name) = (
        rng.pick(crate::names::LAST_NAMES),
        if female { rng.pick(crate::names::WOMEN) } else { rng.pick(crate::names::MEN) },
    );
    let female = match crate::names::FIXED.get(index as usize) {
        Some(&(last, first, fixed_female)) => {
            (last_name, first_name) = (last, first);
            fixed_female
        }
        None => female,
    };

    let age = match category {
        TargetGroupRecognised | TargetGroupNonRecognised | Article60 => 19 + rng.below(40),
        _ => 26 + rng.below(35),
    };
    let birth_date = add_days(add_months(first_day, -12 * age as i64), -(rng.below(365) as i64));
    let adult = add_months(birth_date, 12 * 18);

    // The first period, and the date from which changes may happen.
    let incumbent = rng.chance(760);
    let mut periods = Vec::new();
    match category {
        Article60 => {
            // Placements start all the time (so their number stays about the same), from
            // eleven months before the first year until three months before the end.
            let month = add_months(first_day, rng.below(window_months as u64 + 8) as i64 - 11);
            let start = start_in_month(&mut rng, month);
            let last = add_days(add_months(start, 12 + rng.below(13) as i64), -1);
            periods.push(Period { end: Some(last), ..new_period(&mut rng, Article60, start) });
            let next_day = add_days(last, 1);
            if next_day < add_months(end, -2) && rng.chance(450) {
                periods.push(new_period(&mut rng, TargetGroupNonRecognised, next_day));
            }
        }
        _ => {
            let month = if incumbent {
                add_months(first_day, -1 - rng.below(144) as i64).max(add_months(month_start(adult), 1))
            } else {
                add_months(first_day, rng.below(window_months as u64) as i64)
            };
            let start = start_in_month(&mut rng, month);
            periods.push(new_period(&mut rng, category, start));
        }
    }

    // Changes of the open period: promotion, other hours, leaving, coming back.
    if periods.last().is_some_and(|p| p.end.is_none()) {
        let current = periods.last().expect("a period").clone();
        let from = current.start.max(first_day);
        let leave_per_mille = match current.category {
            SupervisorRecognised | SupervisorNonRecognised => 120,
            OtherStaff => 100,
            WorkCare => 250,
            _ => 220,
        };
        let leaves = rng
            .chance(leave_per_mille)
            .then(|| month_start_between(&mut rng, add_months(from, 2), end))
            .flatten()
            .map(|month| if rng.chance(800) { add_days(month, -1) } else { add_days(month, 14) });
        let horizon = leaves.unwrap_or(end);
        let promoted = match current.category {
            TargetGroupNonRecognised if rng.chance(400) => Some(TargetGroupRecognised),
            SupervisorNonRecognised if rng.chance(300) => Some(SupervisorRecognised),
            _ => None,
        };
        if let Some(category) = promoted {
            if let Some(day) = month_start_between(&mut rng, add_months(from, 2), add_months(horizon, -1)) {
                change(&mut periods, Period { category, start: day, ..current.clone() });
            }
        }
        if current.category != WorkCare && rng.chance(100) {
            let last = periods.last().expect("a period").clone();
            let after = add_months(last.start.max(first_day), 2);
            if let Some(day) = month_start_between(&mut rng, after, add_months(horizon, -1)) {
                let q = draw_q(&mut rng, last.category);
                if q != last.q {
                    change(&mut periods, Period { start: day, q, ..last });
                }
            }
        }
        if let Some(last_day) = leaves {
            let last = periods.last_mut().expect("a period");
            last.end = Some(last_day.max(last.start));
            let again = if category == Article60 { TargetGroupNonRecognised } else { last.category };
            if rng.chance(80) {
                if let Some(day) = month_start_between(&mut rng, add_months(last_day, 3), add_months(end, -2)) {
                    periods.push(new_period(&mut rng, again, day));
                }
            }
        }
    }

    let insz = unique_insz(&mut rng, birth_date, female, used);
    let hourly_cents = match category {
        TargetGroupRecognised | TargetGroupNonRecognised | Article60 | WorkCare => 1450 + rng.below(300) as i64,
        SupervisorRecognised | SupervisorNonRecognised => 1900 + rng.below(800) as i64,
        OtherStaff => 2000 + rng.below(1200) as i64,
    };
    let mut person = Person {
        worker_number: 100_001 + index,
        insz,
        insz_formatted_in_register: rng.chance(200),
        last_name,
        first_name,
        female,
        birth_date,
        periods,
        hourly_cents,
        sickness: Vec::new(),
        vacations: Vec::new(),
    };
    person.sickness = sickness(&mut rng, &person, first_day, end);
    person.vacations = vacations(&mut rng, first_day, end);
    person
}

/// A valid INSZ for the birth date, not used before: odd serials for men, even for women.
fn unique_insz(rng: &mut Lcg, birth: NaiveDate, female: bool, used: &mut HashSet<String>) -> Insz {
    let mut serial = 1 + 2 * rng.below(400) as u16 + u16::from(female);
    loop {
        let insz = Insz::from_birth_date(birth, serial);
        if used.insert(insz.digits().to_owned()) {
            return insz;
        }
        serial = if serial + 2 > 998 { 1 + u16::from(female) } else { serial + 2 };
    }
}

/// Short sickness (a few % of months, all guaranteed wage) and now and then a long one
/// (the first 30 days guaranteed wage, then the health insurer).
fn sickness(rng: &mut Lcg, person: &Person, first_day: NaiveDate, end: NaiveDate) -> Vec<Sickness> {
    let mut list = Vec::new();
    let mut month = first_day;
    while month < end {
        let employed = person.period_on(add_days(month, 14)).is_some_and(Period::is_paid);
        if employed && rng.chance(3) {
            let start = add_days(month, rng.below(28) as i64);
            let last = add_days(start, 40 + rng.below(180) as i64);
            list.push(Sickness { start, end: last, guaranteed_until: add_days(start, 30) });
            month = add_months(month_start(last), 1);
            continue;
        }
        if employed && rng.chance(35) {
            let start = add_days(month, rng.below(24) as i64);
            let last = add_days(start, rng.below(10) as i64);
            list.push(Sickness { start, end: last, guaranteed_until: add_days(last, 1) });
        }
        month = add_months(month, 1);
    }
    list
}

/// The first `weekday` of a month.
fn first_weekday(year: i32, month: u32, weekday: Weekday) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, 1).expect("a first weekday")
}

fn vacations(rng: &mut Lcg, first_day: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut list = Vec::new();
    for year in first_day.year()..end.year() {
        let school_week = rng.pick(&[2, 4, 10, 11]);
        let start = add_days(first_weekday(year, school_week, Weekday::Mon), 7 * rng.below(2) as i64);
        list.push((start, add_days(start, 6)));
        let summer = rng.pick(&[7, 8]);
        let start = add_days(first_weekday(year, summer, Weekday::Mon), 7 * rng.below(3) as i64);
        list.push((start, add_days(start, 13)));
        list.push((ymd(year, 12, 26), ymd(year, 12, 31)));
    }
    list.sort();
    list
}
