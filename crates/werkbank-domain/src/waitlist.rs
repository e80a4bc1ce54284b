//! The waitlist (docs/domain/path.md, "Before hiring: vacancy and referral" and "The waitlist"):
//! candidates referred by VDAB, ATB, an OCMW, …, their status with an explicit transition
//! table, the order of the list, and the wait-time figures per work form. "Today" is always
//! a parameter.

use crate::category::Category;
use crate::id_enum::id_enum;
use crate::person::Person;
use crate::stored::Stored;
use crate::violation::{Violation, Violations};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

id_enum! {
    /// Who referred the candidate (toeleiding).
    pub enum ReferrerKind {
        Vdab => "vdab",
        /// arbeidstrajectbegeleiding (trajectory counsellor)
        Atb => "atb",
        Ocmw => "ocmw",
        Werkwinkel => "werkwinkel",
        Spontaneous => "spontaneous",
        Other => "other",
    }
}

id_enum! {
    /// What the candidate arrived with.
    pub enum AttestKind {
        /// an ATB attest that the person cannot (yet) work under a contract (work care)
        WorkCareAttest => "work_care_attest",
        /// a VDAB attest of the target group (social workshop, insertion, local services)
        TargetGroupAttest => "target_group_attest",
        /// a social report (sociaal verslag)
        SocialReport => "social_report",
        Other => "other",
    }
}

id_enum! {
    pub enum Priority {
        High => "high",
        Normal => "normal",
        Low => "low",
    }
}

impl Priority {
    /// High first.
    pub fn rank(self) -> u8 {
        match self {
            Priority::High => 0,
            Priority::Normal => 1,
            Priority::Low => 2,
        }
    }
}

id_enum! {
    /// waiting → invited → intake → hired, or withdrawn / referred elsewhere / not eligible.
    pub enum CandidateStatus {
        Waiting => "waiting",
        Invited => "invited",
        Intake => "intake",
        Hired => "hired",
        Withdrawn => "withdrawn",
        ReferredElsewhere => "referred_elsewhere",
        NotEligible => "not_eligible",
    }
}

impl CandidateStatus {
    /// Still on the list: waiting, invited or in intake.
    pub fn is_open(self) -> bool {
        matches!(self, CandidateStatus::Waiting | CandidateStatus::Invited | CandidateStatus::Intake)
    }

    /// The statuses a candidate may move to from `self` (the transition table).
    ///
    /// | from | to |
    /// |---|---|
    /// | waiting | invited, withdrawn, referred elsewhere, not eligible |
    /// | invited | intake, waiting (did not come), withdrawn, referred elsewhere, not eligible |
    /// | intake | hired, waiting (not now), withdrawn, referred elsewhere, not eligible |
    /// | withdrawn, referred elsewhere, not eligible | waiting (back on the list) |
    /// | hired | — (final: the person is in the register) |
    pub fn next(self) -> &'static [CandidateStatus] {
        use CandidateStatus::*;
        match self {
            Waiting => &[Invited, Withdrawn, ReferredElsewhere, NotEligible],
            Invited => &[Intake, Waiting, Withdrawn, ReferredElsewhere, NotEligible],
            Intake => &[Hired, Waiting, Withdrawn, ReferredElsewhere, NotEligible],
            Withdrawn | ReferredElsewhere | NotEligible => &[Waiting],
            Hired => &[],
        }
    }
}

/// True when the transition table allows `from` → `to`.
pub fn can_transition(from: CandidateStatus, to: CandidateStatus) -> bool {
    from.next().contains(&to)
}

/// Checks a status change: the table, and a date not before the previous change.
pub fn check_transition(
    from: CandidateStatus,
    to: CandidateStatus,
    previous_date: NaiveDate,
    date: NaiveDate,
) -> Result<(), Violations> {
    let mut out = Vec::new();
    if !can_transition(from, to) {
        out.push(Violation::new("status", "candidate.transition_refused").with("from", from.id()).with("to", to.id()));
    }
    if date < previous_date {
        out.push(
            Violation::new("date", "candidate.status_date_before").with("date", date).with("previous", previous_date),
        );
    }
    Violations::check(out)
}

/// The attest or social report the candidate arrived with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attest {
    pub kind: AttestKind,
    pub date: Option<NaiveDate>,
    /// Valid through this day (inclusive); `None` = no end date known.
    pub valid_until: Option<NaiveDate>,
}

/// A candidate on the waitlist. `person` holds the name, INSZ and the facts the entry
/// conditions need (the same facts the register keeps, validated by the same rules); it
/// becomes the person in the register on hire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub person: Person,
    /// Phone, e-mail or address, as typed.
    pub contact: String,
    pub referrer: ReferrerKind,
    pub counsellor_name: String,
    pub counsellor_contact: String,
    pub referral_date: NaiveDate,
    /// The work form sought; `None` = the main work form.
    pub work_form_id: Option<i64>,
    pub category: Category,
    pub attest: Option<Attest>,
    pub priority: Priority,
    /// Free notes (never medical details: the form warns).
    pub notes: String,
    pub status: CandidateStatus,
    /// The person created on hire.
    pub person_id: Option<i64>,
}

impl Candidate {
    pub fn validate(&self, today: NaiveDate) -> Result<(), Violations> {
        let mut out = match self.person.validate(today) {
            Ok(()) => Vec::new(),
            Err(v) => v.0,
        };
        if self.referral_date > today {
            out.push(Violation::new("referral_date", "person.date_future").with("date", self.referral_date));
        }
        if let Some(a) = &self.attest {
            if let (Some(d), Some(u)) = (a.date, a.valid_until) {
                if u < d {
                    out.push(
                        Violation::new("attest_valid_until", "candidate.attest_until_before_date")
                            .with("date", d)
                            .with("until", u),
                    );
                }
            }
        }
        Violations::check(out)
    }

    /// The facts for the entry conditions, the work-care attest's end date included.
    pub fn facts_person(&self) -> Person {
        let mut p = self.person.clone();
        if let Some(Attest { kind: AttestKind::WorkCareAttest, valid_until: Some(u), .. }) = &self.attest {
            if p.work_care_attest_valid_until.is_none() {
                p.work_care_attest_valid_until = Some(*u);
            }
        }
        p
    }
}

/// The order of the list: referral date (oldest first), then priority (high first), then
/// the order of entry (id).
pub fn list_order(a: &Stored<Candidate>, b: &Stored<Candidate>) -> Ordering {
    a.referral_date.cmp(&b.referral_date).then(a.priority.rank().cmp(&b.priority.rank())).then(a.id.cmp(&b.id))
}

/// Days waited on `today` since the referral date.
pub fn waiting_days(referral_date: NaiveDate, today: NaiveDate) -> i64 {
    (today - referral_date).num_days().max(0)
}

/// The median of `days`: the middle value of the sorted list; for an even count the
/// average of the two middle values (so it may end in ,5). `None` for an empty list.
pub fn median(days: &[i64]) -> Option<Decimal> {
    if days.is_empty() {
        return None;
    }
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    if n % 2 == 1 {
        Some(Decimal::from(sorted[n / 2]))
    } else {
        Some(Decimal::from(sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::from(2))
    }
}

/// Wait-time figures of the candidates still on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitFigures {
    /// Open candidates (waiting, invited or intake).
    pub open: u32,
    pub waiting: u32,
    pub invited: u32,
    pub intake: u32,
    pub median_days: Option<Decimal>,
    pub longest_days: Option<i64>,
}

pub fn wait_figures<'a>(candidates: impl IntoIterator<Item = &'a Candidate>, today: NaiveDate) -> WaitFigures {
    let mut f = WaitFigures { open: 0, waiting: 0, invited: 0, intake: 0, median_days: None, longest_days: None };
    let mut days = Vec::new();
    for c in candidates.into_iter().filter(|c| c.status.is_open()) {
        f.open += 1;
        match c.status {
            CandidateStatus::Waiting => f.waiting += 1,
            CandidateStatus::Invited => f.invited += 1,
            _ => f.intake += 1,
        }
        days.push(waiting_days(c.referral_date, today));
    }
    f.median_days = median(&days);
    f.longest_days = days.iter().copied().max();
    f
}

/// Inflow (referrals) and outflow (moves to a closed status) of one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFlow {
    pub year: i32,
    pub month: u32,
    pub inflow: u32,
    pub outflow: u32,
}

/// The `months` calendar months up to and including the month of `today`, oldest first.
/// `referrals` are referral dates; `closings` the dates on which a candidate left the
/// list (hired, withdrawn, referred elsewhere, not eligible).
pub fn monthly_flow(referrals: &[NaiveDate], closings: &[NaiveDate], today: NaiveDate, months: u32) -> Vec<MonthFlow> {
    let first = crate::path::add_months(today.with_day(1).expect("day 1"), -(months as i32 - 1));
    (0..months as i32)
        .map(|i| {
            let m = crate::path::add_months(first, i);
            let same = |d: &&NaiveDate| d.year() == m.year() && d.month() == m.month();
            MonthFlow {
                year: m.year(),
                month: m.month(),
                inflow: referrals.iter().filter(same).count() as u32,
                outflow: closings.iter().filter(same).count() as u32,
            }
        })
        .collect()
}

id_enum! {
    /// Where a dated document (an attest, a decision) stands on a day: the one place the
    /// list, the candidate's page and the checks read it from.
    pub enum ValidityState {
        /// valid for longer than the warning window
        Valid => "valid",
        /// still valid today, ends within the warning window
        EndsSoon => "ends_soon",
        /// its last day lies before today
        Ended => "ended",
    }
}

/// The state on `today` of something valid up to and including `valid_until`, with a
/// warning window of `days` days (today included).
pub fn validity(valid_until: NaiveDate, today: NaiveDate, days: i64) -> ValidityState {
    if valid_until < today {
        ValidityState::Ended
    } else if valid_until <= today + chrono::Duration::days(days) {
        ValidityState::EndsSoon
    } else {
        ValidityState::Valid
    }
}

/// True when an attest ends within `days` days from `today` (today included), or has
/// already ended (`valid_until < today`): [`validity`] is not `Valid`.
pub fn attest_alert(valid_until: NaiveDate, today: NaiveDate, days: i64) -> bool {
    validity(valid_until, today, days) != ValidityState::Valid
}

#[cfg(test)]
mod tests {
    use super::*;
    use CandidateStatus::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn candidate(id: i64, referral: NaiveDate, priority: Priority, status: CandidateStatus) -> Stored<Candidate> {
        let c = Candidate {
            person: Person::new("Test", "Kandidaat"),
            contact: String::new(),
            referrer: ReferrerKind::Vdab,
            counsellor_name: String::new(),
            counsellor_contact: String::new(),
            referral_date: referral,
            work_form_id: None,
            category: Category::TargetGroupRecognised,
            attest: None,
            priority,
            notes: String::new(),
            status,
            person_id: None,
        };
        Stored::new(id, c)
    }

    #[test]
    fn transitions_allowed_and_refused() {
        let allowed = [
            (Waiting, Invited),
            (Waiting, Withdrawn),
            (Waiting, ReferredElsewhere),
            (Waiting, NotEligible),
            (Invited, Intake),
            (Invited, Waiting),
            (Intake, Hired),
            (Intake, Waiting),
            (Withdrawn, Waiting),
            (NotEligible, Waiting),
            (ReferredElsewhere, Waiting),
        ];
        for (from, to) in allowed {
            assert!(can_transition(from, to), "{from:?} → {to:?} should be allowed");
        }
        let refused = [
            (Waiting, Hired),
            (Waiting, Intake),
            (Waiting, Waiting),
            (Invited, Hired),
            (Hired, Waiting),
            (Hired, Withdrawn),
            (Withdrawn, Hired),
            (Withdrawn, Invited),
            (NotEligible, Intake),
        ];
        for (from, to) in refused {
            assert!(!can_transition(from, to), "{from:?} → {to:?} should be refused");
        }
        // Every status except hired has a way forward; hired is final.
        for s in CandidateStatus::ALL {
            assert_eq!(s.next().is_empty(), s == Hired);
        }
    }

    #[test]
    fn a_refused_transition_names_both_statuses_and_an_early_date_is_refused() {
        let e = check_transition(Waiting, Hired, d(2026, 3, 1), d(2026, 3, 2)).unwrap_err();
        assert_eq!(e.0[0].code, "candidate.transition_refused");
        assert_eq!(e.0[0].params["from"], "waiting");
        assert_eq!(e.0[0].params["to"], "hired");
        let e = check_transition(Waiting, Invited, d(2026, 3, 1), d(2026, 2, 28)).unwrap_err();
        assert_eq!(e.0[0].code, "candidate.status_date_before");
        assert!(check_transition(Waiting, Invited, d(2026, 3, 1), d(2026, 3, 1)).is_ok());
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7]), Some(Decimal::from(7)));
        // sorted 10, 20, 40 → 20
        assert_eq!(median(&[40, 10, 20]), Some(Decimal::from(20)));
        // sorted 10, 20, 25, 40 → (20 + 25) / 2 = 22,5
        assert_eq!(median(&[40, 25, 10, 20]), Some(Decimal::new(225, 1)));
    }

    #[test]
    fn wait_figures_count_only_open_candidates() {
        let today = d(2026, 3, 31);
        let list = [
            // 2026-01-01 → 2026-03-31: 31 + 28 + 30 = 89 days
            candidate(1, d(2026, 1, 1), Priority::Normal, Waiting),
            // 2025-12-31 → 2026-03-31: 90 days
            candidate(2, d(2025, 12, 31), Priority::Normal, Invited),
            // 2026-03-01 → 2026-03-31: 30 days
            candidate(3, d(2026, 3, 1), Priority::High, Intake),
            // 2024-02-29 → 2025-02-28: 365; → 2026-02-28: 365; → 2026-03-31: 31; = 761 days
            candidate(4, d(2024, 2, 29), Priority::Low, Waiting),
            // closed: not counted
            candidate(5, d(2020, 1, 1), Priority::Normal, Hired),
            candidate(6, d(2020, 1, 1), Priority::Normal, Withdrawn),
        ];
        let f = wait_figures(list.iter().map(|c| &c.value), today);
        assert_eq!((f.open, f.waiting, f.invited, f.intake), (4, 2, 1, 1));
        // sorted 30, 89, 90, 761 → (89 + 90) / 2 = 89,5
        assert_eq!(f.median_days, Some(Decimal::new(895, 1)));
        assert_eq!(f.longest_days, Some(761));
        assert_eq!(waiting_days(d(2024, 2, 29), today), 761);
    }

    #[test]
    fn the_list_is_ordered_by_referral_date_then_priority() {
        let mut list = [
            candidate(1, d(2026, 2, 1), Priority::Low, Waiting),
            candidate(2, d(2026, 1, 15), Priority::Low, Waiting),
            candidate(3, d(2026, 2, 1), Priority::High, Waiting),
            candidate(4, d(2026, 2, 1), Priority::Low, Waiting),
        ];
        list.sort_by(list_order);
        let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
        assert_eq!(ids, [2, 3, 1, 4]);
    }

    #[test]
    fn monthly_flow_over_the_last_months() {
        let today = d(2026, 3, 15);
        let referrals = [d(2026, 1, 31), d(2026, 3, 1), d(2026, 3, 15), d(2025, 12, 31)];
        let closings = [d(2026, 2, 28), d(2026, 3, 10)];
        let flow = monthly_flow(&referrals, &closings, today, 3);
        let got: Vec<(i32, u32, u32, u32)> = flow.iter().map(|m| (m.year, m.month, m.inflow, m.outflow)).collect();
        assert_eq!(got, [(2026, 1, 1, 0), (2026, 2, 0, 1), (2026, 3, 2, 1)]);
        // Across a year boundary: 12 months up to March 2026 start in April 2025.
        let flow = monthly_flow(&referrals, &closings, today, 12);
        assert_eq!((flow[0].year, flow[0].month), (2025, 4));
        assert_eq!(flow[8].inflow, 1); // December 2025
    }

    #[test]
    fn validity_is_ended_before_today_and_ends_soon_within_the_window() {
        let today = d(2026, 12, 2);
        // 27/11 lies before today: ended, not "ends soon" (the state the list showed wrongly).
        assert_eq!(validity(d(2026, 11, 27), today, 30), ValidityState::Ended);
        assert_eq!(validity(d(2026, 12, 1), today, 30), ValidityState::Ended);
        // Today is still a valid day; today + 30 the last day of the window.
        assert_eq!(validity(d(2026, 12, 2), today, 30), ValidityState::EndsSoon);
        assert_eq!(validity(d(2027, 1, 1), today, 30), ValidityState::EndsSoon);
        assert_eq!(validity(d(2027, 1, 2), today, 30), ValidityState::Valid);
    }

    #[test]
    fn attest_alerts_within_30_days_and_after_expiry() {
        let today = d(2026, 1, 31);
        // today + 30 days = 2 March 2026
        assert!(attest_alert(d(2026, 3, 2), today, 30));
        assert!(!attest_alert(d(2026, 3, 3), today, 30));
        assert!(attest_alert(d(2026, 1, 31), today, 30));
        assert!(attest_alert(d(2025, 12, 1), today, 30));
    }

    #[test]
    fn the_work_care_attest_feeds_the_entry_conditions() {
        let mut c = candidate(1, d(2026, 1, 1), Priority::Normal, Waiting);
        c.attest = Some(Attest {
            kind: AttestKind::WorkCareAttest,
            date: Some(d(2026, 1, 1)),
            valid_until: Some(d(2026, 12, 31)),
        });
        assert_eq!(c.facts_person().work_care_attest_valid_until, Some(d(2026, 12, 31)));
        c.attest.as_mut().unwrap().valid_until = Some(d(2025, 12, 31));
        let e = c.validate(d(2026, 2, 1)).unwrap_err();
        assert_eq!(e.0[0].code, "candidate.attest_until_before_date");
    }
}
