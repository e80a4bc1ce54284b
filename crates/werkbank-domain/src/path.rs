//! The worker's path (docs/domain/path.md, "The path after hiring" and "Leaving"): the
//! meetings planned from the hire date, leaving and its reasons, and the turnover figures.
//! Month arithmetic clamps to the end of the month (31 January + 3 months = 30 April;
//! 29 February + 1 year = 28 February).

use crate::category::Category;
use crate::employment::EmploymentPeriod;
use crate::id_enum::id_enum;
use crate::stored::Stored;
use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// `day` plus `months` months (negative: earlier); the last day of the month when the day
/// does not exist there.
pub fn add_months(day: NaiveDate, months: i32) -> NaiveDate {
    let m = Months::new(months.unsigned_abs());
    if months >= 0 { day.checked_add_months(m) } else { day.checked_sub_months(m) }.expect("date in range")
}

id_enum! {
    /// The meetings of a worker's path.
    pub enum MeetingKind {
        /// onthaalgesprek
        Intake => "intake",
        /// individueel begeleidingsplan (IBP) opgesteld
        GuidancePlan => "guidance_plan",
        /// opvolgingsgesprek na de eerste maanden
        FollowUp => "follow_up",
        /// jaarlijks overleg begeleider–werkgever
        YearlyConsultation => "yearly_consultation",
        /// opvolging over doorstroming (vanaf het derde jaar)
        TransitionFollowUp => "transition_follow_up",
        /// nabespreking bij het einde
        Debrief => "debrief",
    }
}

/// The intervals of the path, counted from the hire date (debrief: from the last day).
/// Stored as organisation settings (seeded by the migration), never constants in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathSettings {
    /// Intake meeting: days after the hire date (0 = on the first day).
    pub intake_days: u32,
    /// Guidance plan (IBP): months after the hire date.
    pub plan_months: u32,
    /// First follow-up: months after the hire date.
    pub follow_up_months: u32,
    /// Yearly consultation: every this many months (0 = none).
    pub yearly_months: u32,
    /// Transition follow-ups start this many months after hire (24 = the 3rd year).
    pub transition_from_months: u32,
    /// … and recur every this many months (0 = once).
    pub transition_every_months: u32,
    /// Debrief: days after the last day.
    pub debrief_days: u32,
}

impl PathSettings {
    /// The defaults the migration seeds.
    pub const DEFAULT: PathSettings = PathSettings {
        intake_days: 0,
        plan_months: 1,
        follow_up_months: 3,
        yearly_months: 12,
        transition_from_months: 24,
        transition_every_months: 6,
        debrief_days: 14,
    };

    /// Setting keys and values, in a fixed order.
    pub fn entries(&self) -> [(&'static str, u32); 7] {
        [
            ("path.intake_days", self.intake_days),
            ("path.plan_months", self.plan_months),
            ("path.follow_up_months", self.follow_up_months),
            ("path.yearly_months", self.yearly_months),
            ("path.transition_from_months", self.transition_from_months),
            ("path.transition_every_months", self.transition_every_months),
            ("path.debrief_days", self.debrief_days),
        ]
    }

    /// Sets the value of a key from [`Self::entries`]; false for an unknown key.
    pub fn set(&mut self, key: &str, value: u32) -> bool {
        let slot = match key {
            "path.intake_days" => &mut self.intake_days,
            "path.plan_months" => &mut self.plan_months,
            "path.follow_up_months" => &mut self.follow_up_months,
            "path.yearly_months" => &mut self.yearly_months,
            "path.transition_from_months" => &mut self.transition_from_months,
            "path.transition_every_months" => &mut self.transition_every_months,
            "path.debrief_days" => &mut self.debrief_days,
            _ => return false,
        };
        *slot = value;
        true
    }
}

/// Categories whose workers follow a path: target-group workers (recognised or not,
/// article 60) and work-care participants.
pub fn has_path(category: Category) -> bool {
    category.is_target_group() || category == Category::WorkCare
}

/// One uninterrupted employment: consecutive periods without a gap (a change of category
/// closes one period and opens the next the day after), of which at least one has a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employment {
    pub hire_date: NaiveDate,
    /// Last day (inclusive); `None` = ongoing.
    pub end: Option<NaiveDate>,
    /// The last period's storage id (a leaving record belongs to it).
    pub last_period_id: i64,
    pub last_category: Category,
}

/// The employments with a path of one person. `periods` need not be sorted.
pub fn employments(periods: &[Stored<EmploymentPeriod>]) -> Vec<Employment> {
    let mut sorted: Vec<&Stored<EmploymentPeriod>> = periods.iter().collect();
    sorted.sort_by_key(|p| p.start);
    let mut runs: Vec<(Employment, bool)> = Vec::new();
    for p in sorted {
        let continues = runs.last().is_some_and(|(e, _)| e.end.and_then(|end| end.succ_opt()) == Some(p.start));
        if continues {
            let (e, path) = runs.last_mut().expect("checked");
            e.end = p.end;
            e.last_period_id = p.id;
            e.last_category = p.category;
            *path |= has_path(p.category);
        } else {
            runs.push((
                Employment { hire_date: p.start, end: p.end, last_period_id: p.id, last_category: p.category },
                has_path(p.category),
            ));
        }
    }
    runs.into_iter().filter(|(_, path)| *path).map(|(e, _)| e).collect()
}

/// A meeting planned by the path: its kind, its number among meetings of that kind
/// (1, 2, …) and its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedMeeting {
    pub kind: MeetingKind,
    pub seq: u32,
    pub due: NaiveDate,
}

/// The meetings of an employment due on or before `until`, in date order. Every date is
/// counted from the hire date itself (hire + n months), so month ends never drift.
/// Meetings after the last day are not planned, except the debrief.
pub fn plan(employment: &Employment, settings: &PathSettings, until: NaiveDate) -> Vec<PlannedMeeting> {
    let hire = employment.hire_date;
    let last = employment.end.map_or(until, |e| e.min(until));
    let mut out = Vec::new();
    let mut push = |kind, seq, due: NaiveDate| {
        if due <= last {
            out.push(PlannedMeeting { kind, seq, due });
        }
    };
    push(MeetingKind::Intake, 1, hire + chrono::Duration::days(i64::from(settings.intake_days)));
    push(MeetingKind::GuidancePlan, 1, add_months(hire, settings.plan_months as i32));
    push(MeetingKind::FollowUp, 1, add_months(hire, settings.follow_up_months as i32));
    if settings.yearly_months > 0 {
        let mut k = 1;
        while add_months(hire, (k * settings.yearly_months) as i32) <= last {
            push(MeetingKind::YearlyConsultation, k, add_months(hire, (k * settings.yearly_months) as i32));
            k += 1;
        }
    }
    let mut k = 0;
    loop {
        let months = settings.transition_from_months + k * settings.transition_every_months;
        let due = add_months(hire, months as i32);
        if due > last {
            break;
        }
        push(MeetingKind::TransitionFollowUp, k + 1, due);
        if settings.transition_every_months == 0 {
            break;
        }
        k += 1;
    }
    if let Some(end) = employment.end {
        let due = end + chrono::Duration::days(i64::from(settings.debrief_days));
        if due <= until {
            out.push(PlannedMeeting { kind: MeetingKind::Debrief, seq: 1, due });
        }
    }
    out.sort_by_key(|m| (m.due, m.kind));
    out
}

/// Where a planned meeting stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AgendaStatus {
    /// Held (recorded).
    Done,
    /// Not held and its due date has passed.
    Overdue,
    /// Not held, due today or later.
    Due,
}

pub fn agenda_status(due: NaiveDate, held: bool, today: NaiveDate) -> AgendaStatus {
    if held {
        AgendaStatus::Done
    } else if due < today {
        AgendaStatus::Overdue
    } else {
        AgendaStatus::Due
    }
}

id_enum! {
    /// Why a worker left.
    pub enum LeavingReason {
        /// a job in the regular economy (doorstroming)
        RegularJob => "regular_job",
        /// another social-economy job
        OtherSocialEconomy => "other_social_economy",
        /// training or education
        Training => "training",
        Dismissal => "dismissal",
        OwnChoice => "own_choice",
        Illness => "illness",
        /// end of a fixed term (e.g. article 60)
        EndOfTerm => "end_of_term",
        Retirement => "retirement",
        Death => "death",
        Other => "other",
    }
}

/// One person leaving: the last day and why (`None` = no reason recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leaver {
    pub end: NaiveDate,
    pub reason: Option<LeavingReason>,
}

/// Outflow and turnover of one calendar year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearTurnover {
    pub year: i32,
    /// Employments with a path running on 1 January.
    pub heads_at_start: u32,
    /// Employments that started in the year.
    pub hires: u32,
    /// Employments whose last day falls in the year.
    pub leavers: u32,
    /// Leavers per reason (`None` = no reason recorded), in [`LeavingReason::ALL`] order,
    /// unknown last; reasons without leavers are left out.
    pub by_reason: Vec<(Option<LeavingReason>, u32)>,
    /// leavers ÷ heads on 1 January × 100, 1 decimal; `None` when nobody was employed then.
    pub turnover_percent: Option<Decimal>,
    /// leavers to a regular job ÷ leavers × 100, 1 decimal; `None` without leavers.
    pub regular_job_percent: Option<Decimal>,
}

fn percent(part: u32, whole: u32) -> Option<Decimal> {
    (whole > 0).then(|| {
        (Decimal::from(part) * Decimal::from(100) / Decimal::from(whole))
            .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    })
}

/// Turnover per year from `first_year` through `last_year`. `employments` are all
/// employments with a path; `leavers` those with an end date and their reason.
pub fn turnover(employments: &[Employment], leavers: &[Leaver], first_year: i32, last_year: i32) -> Vec<YearTurnover> {
    (first_year..=last_year)
        .map(|year| {
            let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).expect("date");
            let heads_at_start =
                employments.iter().filter(|e| e.hire_date <= jan1 && e.end.is_none_or(|end| end >= jan1)).count()
                    as u32;
            let hires = employments.iter().filter(|e| e.hire_date.year() == year).count() as u32;
            let in_year: Vec<&Leaver> = leavers.iter().filter(|l| l.end.year() == year).collect();
            let leavers_n = in_year.len() as u32;
            let reasons = LeavingReason::ALL.iter().map(|r| Some(*r)).chain(std::iter::once(None));
            let by_reason = reasons
                .map(|r| (r, in_year.iter().filter(|l| l.reason == r).count() as u32))
                .filter(|(_, n)| *n > 0)
                .collect::<Vec<_>>();
            let regular = in_year.iter().filter(|l| l.reason == Some(LeavingReason::RegularJob)).count() as u32;
            YearTurnover {
                year,
                heads_at_start,
                hires,
                leavers: leavers_n,
                by_reason,
                turnover_percent: percent(leavers_n, heads_at_start),
                regular_job_percent: percent(regular, leavers_n),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::{ContractType, Fraction};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn period(id: i64, category: Category, start: NaiveDate, end: Option<NaiveDate>) -> Stored<EmploymentPeriod> {
        Stored::new(
            id,
            EmploymentPeriod {
                category,
                start,
                end,
                fraction: Fraction::new(3800, 3800),
                contract_type: ContractType::OpenEnded,
                job: None,
                ocmw: None,
                placement_agreement_signed: None,
                work_form_id: None,
            },
        )
    }

    fn employment(hire: NaiveDate, end: Option<NaiveDate>) -> Employment {
        Employment { hire_date: hire, end, last_period_id: 1, last_category: Category::TargetGroupRecognised }
    }

    #[test]
    fn month_arithmetic_clamps_to_the_month_end() {
        assert_eq!(add_months(d(2026, 1, 31), 3), d(2026, 4, 30));
        assert_eq!(add_months(d(2026, 1, 31), 1), d(2026, 2, 28));
        assert_eq!(add_months(d(2028, 1, 31), 1), d(2028, 2, 29));
        assert_eq!(add_months(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(add_months(d(2024, 2, 29), 48), d(2028, 2, 29));
        assert_eq!(add_months(d(2026, 3, 31), -1), d(2026, 2, 28));
        assert_eq!(add_months(d(2026, 1, 15), -12), d(2025, 1, 15));
    }

    #[test]
    fn a_hire_on_31_january_is_followed_up_on_30_april() {
        let e = employment(d(2026, 1, 31), None);
        let got = plan(&e, &PathSettings::DEFAULT, d(2026, 6, 30));
        let want = [
            PlannedMeeting { kind: MeetingKind::Intake, seq: 1, due: d(2026, 1, 31) },
            // 31 January + 1 month = 28 February (2026 is no leap year)
            PlannedMeeting { kind: MeetingKind::GuidancePlan, seq: 1, due: d(2026, 2, 28) },
            // 31 January + 3 months = 30 April
            PlannedMeeting { kind: MeetingKind::FollowUp, seq: 1, due: d(2026, 4, 30) },
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn yearly_and_transition_meetings_across_leap_years() {
        // Hired on 29 February 2024 (a leap day).
        let e = employment(d(2024, 2, 29), None);
        let got = plan(&e, &PathSettings::DEFAULT, d(2027, 3, 1));
        let of = |k: MeetingKind| got.iter().filter(|m| m.kind == k).map(|m| m.due).collect::<Vec<_>>();
        // + 1 month = 29 March 2024; + 3 months = 29 May 2024
        assert_eq!(of(MeetingKind::GuidancePlan), [d(2024, 3, 29)]);
        assert_eq!(of(MeetingKind::FollowUp), [d(2024, 5, 29)]);
        // + 12 = 28 February 2025, + 24 = 28 February 2026, + 36 = 28 February 2027
        assert_eq!(of(MeetingKind::YearlyConsultation), [d(2025, 2, 28), d(2026, 2, 28), d(2027, 2, 28)]);
        // From the 3rd year (+24 months) every 6 months: 28/02/2026, 29/08/2026, 28/02/2027
        assert_eq!(of(MeetingKind::TransitionFollowUp), [d(2026, 2, 28), d(2026, 8, 29), d(2027, 2, 28)]);
        let seqs: Vec<u32> = got.iter().filter(|m| m.kind == MeetingKind::TransitionFollowUp).map(|m| m.seq).collect();
        assert_eq!(seqs, [1, 2, 3]);
        // In date order.
        assert!(got.windows(2).all(|w| w[0].due <= w[1].due));
    }

    #[test]
    fn nothing_is_planned_after_the_last_day_except_the_debrief() {
        // Hired 1 March 2026, left 31 May 2026: intake, plan (1 April), follow-up (1 June) is too late.
        let e = employment(d(2026, 3, 1), Some(d(2026, 5, 31)));
        let got = plan(&e, &PathSettings::DEFAULT, d(2027, 1, 1));
        let kinds: Vec<(MeetingKind, NaiveDate)> = got.iter().map(|m| (m.kind, m.due)).collect();
        assert_eq!(
            kinds,
            [
                (MeetingKind::Intake, d(2026, 3, 1)),
                (MeetingKind::GuidancePlan, d(2026, 4, 1)),
                // 31 May + 14 days = 14 June
                (MeetingKind::Debrief, d(2026, 6, 14)),
            ]
        );
    }

    #[test]
    fn settings_change_the_plan() {
        let mut s = PathSettings::DEFAULT;
        assert!(s.set("path.follow_up_months", 6));
        assert!(!s.set("path.unknown", 1));
        let e = employment(d(2026, 1, 31), None);
        let got = plan(&e, &s, d(2026, 12, 31));
        assert!(got.contains(&PlannedMeeting { kind: MeetingKind::FollowUp, seq: 1, due: d(2026, 7, 31) }));
    }

    #[test]
    fn agenda_statuses() {
        let today = d(2026, 4, 30);
        assert_eq!(agenda_status(d(2026, 4, 29), false, today), AgendaStatus::Overdue);
        assert_eq!(agenda_status(d(2026, 4, 30), false, today), AgendaStatus::Due);
        assert_eq!(agenda_status(d(2026, 4, 1), true, today), AgendaStatus::Done);
    }

    #[test]
    fn employments_join_consecutive_periods_and_skip_staff_without_a_path() {
        let periods = [
            // non-recognised, then recognised the next day: one employment since 2025-03-01
            period(2, Category::TargetGroupRecognised, d(2026, 2, 16), Some(d(2026, 6, 30))),
            period(1, Category::TargetGroupNonRecognised, d(2025, 3, 1), Some(d(2026, 2, 15))),
            // a gap, then back as work care
            period(3, Category::WorkCare, d(2026, 9, 1), None),
        ];
        let got = employments(&periods);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].hire_date, got[0].end, got[0].last_period_id), (d(2025, 3, 1), Some(d(2026, 6, 30)), 2));
        assert_eq!((got[1].hire_date, got[1].end), (d(2026, 9, 1), None));
        let staff = [period(4, Category::SupervisorRecognised, d(2020, 1, 1), None)];
        assert!(employments(&staff).is_empty());
    }

    #[test]
    fn turnover_per_year_and_reason() {
        // A workshop of 3 on 1 January 2026; 1 hired in 2026; 2 leave in 2026.
        let emps = [
            employment(d(2020, 1, 1), None),
            employment(d(2024, 5, 1), Some(d(2026, 3, 31))),
            employment(d(2025, 12, 1), Some(d(2026, 8, 15))),
            employment(d(2026, 2, 1), None),
            // left before 2026: not counted on 1 January 2026
            employment(d(2019, 1, 1), Some(d(2025, 12, 31))),
        ];
        let leavers = [
            Leaver { end: d(2026, 3, 31), reason: Some(LeavingReason::RegularJob) },
            Leaver { end: d(2026, 8, 15), reason: None },
            Leaver { end: d(2025, 12, 31), reason: Some(LeavingReason::Illness) },
        ];
        let got = turnover(&emps, &leavers, 2025, 2026);
        let y2026 = &got[1];
        assert_eq!((y2026.heads_at_start, y2026.hires, y2026.leavers), (3, 1, 2));
        // 2 / 3 × 100 = 66,66… → 66,7 %
        assert_eq!(y2026.turnover_percent, Some(Decimal::new(667, 1)));
        // 1 of 2 to a regular job = 50,0 %
        assert_eq!(y2026.regular_job_percent, Some(Decimal::new(500, 1)));
        assert_eq!(y2026.by_reason, [(Some(LeavingReason::RegularJob), 1), (None, 1)]);
        let y2025 = &got[0];
        // On 1 January 2025: hired 2020 and 2019 (2024-05 too) = 3; leavers 1 (illness) → 33,3 %
        assert_eq!(y2025.heads_at_start, 3);
        assert_eq!(y2025.turnover_percent, Some(Decimal::new(333, 1)));
        assert_eq!(y2025.regular_job_percent, Some(Decimal::ZERO));
    }
}
