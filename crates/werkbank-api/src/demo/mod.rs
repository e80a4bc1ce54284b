//! The synthetic demo workplace: "De Werkbank vzw", a social workshop with a work-care
//! group in Gent, 40 people, most from 2019 on (four target-group workers and a supervisor
//! since 2017, so that a 2018 quarter has a claim under the sociale-werkplaats rules). Every name and number is made up; INSZ numbers
//! are valid by construction. Deterministic: the same data on every machine.

pub mod dto;
pub mod names;

use crate::dto::DemoSummaryDto;
use crate::error::{AppError, Result};
use crate::{claims, compliance, Api};
use std::collections::BTreeMap;
use werkbank_store::{organisation, people, periods};

use chrono::NaiveDate;
use werkbank_domain::{
    Category, EducationLevel, EmploymentPeriod, Fraction, Insz, KboNumber, OrganisationEdit, Person, Sex, TriState,
    WorkForm, WorkFormKind,
};

pub struct DemoWorkplace {
    pub organisation: OrganisationEdit,
    pub people: Vec<(Person, Vec<EmploymentPeriod>)>,
}

const JOBS: [&str; 8] = [
    "kringloopcentrum",
    "groenonderhoud",
    "strijkatelier",
    "schoonmaak",
    "keukenhulp",
    "klusjesdienst",
    "magazijn",
    "chauffeur",
];
/// The job of the supervisor who works in the work-care group (that work form).
pub const WORK_CARE_SUPERVISOR: &str = "begeleider arbeidszorg";
const OCMWS: [&str; 3] = ["OCMW Gent", "OCMW Merelbeke", "OCMW Destelbergen"];

/// A tiny deterministic generator (no external randomness in the demo).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid demo date")
}

fn period(category: Category, start: NaiveDate, end: Option<NaiveDate>, q: u32, s: u32, job: &str) -> EmploymentPeriod {
    EmploymentPeriod { job: Some(job.to_string()), ..EmploymentPeriod::new(category, start, end, Fraction::new(q, s)) }
}

/// The recognition decision of the demo workshop: its contingents (the rest are the
/// seeded defaults).
pub fn rule_values() -> Vec<(WorkFormKind, werkbank_domain::DatedValue)> {
    use werkbank_domain::rules::{ParameterKey, ParameterValue};
    let value = |key, fte: i64| werkbank_domain::DatedValue {
        key,
        value: ParameterValue::Decimal(rust_decimal::Decimal::from(fte)),
        effective_from: d(2019, 1, 1),
        source: Some("Erkenningsbeslissing SW/2019/0042 (demo)".into()),
    };
    vec![
        (WorkFormKind::Maatwerk, value(ParameterKey::ContingentTargetFte, 16)),
        (WorkFormKind::Maatwerk, value(ParameterKey::ContingentSupervisorFte, 4)),
    ]
}

pub fn workplace() -> DemoWorkplace {
    use Category::*;
    let organisation = OrganisationEdit {
        name: "De Werkbank vzw".into(),
        kbo: Some(KboNumber::parse("0403.019.261").expect("valid demo KBO")),
        street: "Kringloopstraat 12".into(),
        postal_code: "9000".into(),
        city: "Gent".into(),
        work_forms: vec![
            // A social workshop until 31/12/2018, a maatwerk company since 1/1/2019 (as every
            // social workshop: docs/domain/work-forms.md).
            WorkForm {
                earlier_kinds: vec![werkbank_domain::EarlierKind {
                    kind: WorkFormKind::SocialWorkshop,
                    until: d(2019, 1, 1),
                }],
                ..WorkForm::new(WorkFormKind::Maatwerk, Some("SW/2019/0042".into()))
            }
            .into(),
            WorkForm::new(WorkFormKind::WorkCare, Some("AZ/2019/0017".into())).into(),
        ],
        // Synthetic: the IBAN is the well-known example number (mod 97 valid), the RSZ number made up.
        legal_form: "vzw".into(),
        rsz_number: "123456789".into(),
        iban: "BE71096123456769".into(),
        bic: "GKCCBEBB".into(),
        signing_place: "Gent".into(),
    };
    let mut rng = Lcg(20_190_101);
    let mut people = Vec::new();
    for i in 0..40usize {
        let female = rng.below(100) < 38;
        let first = if female { names::WOMEN[i % 20] } else { names::MEN[i % 20] };
        let supervisor_or_staff = matches!(i, 30..=34 | 38 | 39);
        let year = if supervisor_or_staff { 1968 + rng.below(22) as i32 } else { 1966 + rng.below(36) as i32 };
        let birth = d(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
        let serial = 1 + 2 * rng.below(400) as u16 + u16::from(female);
        let insz = Insz::from_birth_date(birth, serial);
        let job = JOBS[rng.below(JOBS.len() as u64) as usize];
        let drawn = d(2019 + rng.below(6) as i32, 1 + rng.below(12) as u32, 1);
        // The first four recognised workers were hired in 2017 (the draw is still made, so
        // everyone else's data stays the same).
        let start = if i < 4 { d(2017, 3 + 2 * i as u32, 1) } else { drawn };
        let draw = rng.below(4) as usize;
        let part = [3800, 3040, 2280, 1900][draw];
        let part_recognised = [3800, 3800, 3040, 3800][draw];
        let periods = match i {
            // Recognised target-group workers, some of whom left.
            0..=13 => {
                let end = (i % 5 == 4).then(|| d(2025, 1 + (i % 12) as u32, 28));
                vec![period(TargetGroupRecognised, start, end, part_recognised, 3800, job)]
            }
            // Hired non-recognised, took a recognised place when one freed up.
            14..=17 => {
                let switch = d(2024, 1 + (i as u32 - 14) * 3, 1);
                let first_start = start.min(d(2023, 6, 1));
                vec![
                    period(
                        TargetGroupNonRecognised,
                        first_start,
                        Some(switch.pred_opt().expect("date")),
                        3800,
                        3800,
                        job,
                    ),
                    period(TargetGroupRecognised, switch, None, 3800, 3800, job),
                ]
            }
            // Non-recognised target-group workers.
            18..=22 => vec![period(TargetGroupNonRecognised, start, None, part, 3800, job)],
            // Article 60: fixed-term placements via the OCMW; the first was hired afterwards.
            23..=26 => {
                let k = i as u32 - 23;
                let (a60_start, a60_end) = match k {
                    0 => (d(2025, 1, 1), d(2026, 6, 30)),
                    _ => (d(2025, 5 + 2 * k, 1), d(2027, 1 + 2 * k, 28)),
                };
                let mut a60 = period(Article60, a60_start, Some(a60_end), 3800, 3800, job);
                a60.ocmw = Some(OCMWS[i % 3].to_string());
                a60.placement_agreement_signed = Some(a60_start - chrono::Days::new(10 + i as u64));
                let mut list = vec![a60];
                if k == 0 {
                    list.push(period(TargetGroupNonRecognised, d(2026, 7, 1), None, 3800, 3800, job));
                }
                list
            }
            // Work-care participants: hours per week out of 30.
            27..=29 | 35..=37 => {
                let hours = [1200, 1500, 1800, 2400, 900, 2000][i % 6];
                vec![period(WorkCare, start, None, hours, 3000, "arbeidszorg atelier")]
            }
            // Supervisors: four recognised, one not.
            30 => vec![period(SupervisorRecognised, d(2017, 1, 1), None, 3800, 3800, "begeleider")],
            31 | 32 => vec![period(SupervisorRecognised, d(2019, 1, 1), None, 3800, 3800, "begeleider")],
            // The work-care group has its own supervisor.
            33 => vec![period(SupervisorRecognised, d(2019, 1, 1), None, 3800, 3800, WORK_CARE_SUPERVISOR)],
            34 => vec![period(SupervisorNonRecognised, d(2023, 9, 1), None, 1900, 3800, "begeleider")],
            // Director and administration.
            _ => vec![period(
                OtherStaff,
                d(2019, 1, 1),
                None,
                if i == 38 { 3800 } else { 3040 },
                3800,
                if i == 38 { "directeur" } else { "administratie" },
            )],
        };
        let target = periods.iter().any(|p| p.category.is_target_group());
        let person = Person {
            insz: Some(insz),
            last_name: names::LAST_NAMES[i].into(),
            first_name: first.into(),
            birth_date: Some(birth),
            sex: if female { Sex::Female } else { Sex::Male },
            education_level: if target {
                match i {
                    5 | 12 => EducationLevel::Unknown,
                    _ => [EducationLevel::Primary, EducationLevel::SecondarySecondGrade][i % 2],
                }
            } else {
                EducationLevel::Higher
            },
            vdab_registration_date: target.then(|| periods[0].start - chrono::Days::new(365 * 6)),
            inactive_since: target.then(|| periods[0].start - chrono::Days::new(365 * 5 + 40)),
            limitation: if target {
                if i == 7 {
                    TriState::Unknown
                } else {
                    TriState::Yes
                }
            } else {
                TriState::Unknown
            },
            disability_registration: TriState::Unknown,
            guidance_trajectory: if target { TriState::Yes } else { TriState::Unknown },
            insufficient_skills: TriState::Unknown,
            // Work-care participants arrive with an ATB attest (one is still missing).
            work_care_attest_valid_until: (periods[0].category == WorkCare && i != 37)
                .then(|| periods[0].start + chrono::Days::new(3 * 365)),
        };
        people.push((person, periods));
    }
    DemoWorkplace { organisation, people }
}

/// One synthetic candidate of the demo waitlist and its status history
/// (status, days after the referral, reason).
pub struct DemoCandidate {
    pub candidate: werkbank_domain::waitlist::Candidate,
    pub history: Vec<(werkbank_domain::waitlist::CandidateStatus, NaiveDate, &'static str)>,
    /// Index of the demo work form sought (0 = social workshop, 1 = work care).
    pub work_form: usize,
}

/// The demo waitlist, dated relative to `today` so that it is alive on any day: 13
/// candidates in every state, some attests ending within 30 days, some facts unknown.
pub fn candidates(today: NaiveDate) -> Vec<DemoCandidate> {
    use werkbank_domain::waitlist::{Attest, AttestKind, Candidate, CandidateStatus as S, Priority, ReferrerKind as R};
    type Row = (
        &'static str,
        &'static str,
        R,
        &'static str,
        i64,
        Category,
        Priority,
        Option<(AttestKind, i64)>,
        &'static [(S, i64, &'static str)],
    );
    // (last, first, referrer, counsellor, referred days ago, category, priority,
    //  attest (kind, valid for days from today), later statuses (status, days after referral, why))
    let rows: [Row; 13] = [
        (
            "Van Acker",
            "Sofie",
            R::Vdab,
            "Karel Bogaerts (VDAB Gent)",
            412,
            Category::TargetGroupRecognised,
            Priority::Normal,
            Some((AttestKind::TargetGroupAttest, 200)),
            &[],
        ),
        (
            "Bulut",
            "Emre",
            R::Ocmw,
            "Nele Wauters (OCMW Gent)",
            380,
            Category::Article60,
            Priority::High,
            Some((AttestKind::SocialReport, 400)),
            &[(S::Invited, 370, "uitgenodigd voor kennismaking")],
        ),
        (
            "De Wilde",
            "Hilde",
            R::Atb,
            "Tom Verbeke (ATB)",
            301,
            Category::WorkCare,
            Priority::Normal,
            Some((AttestKind::WorkCareAttest, 12)),
            &[],
        ),
        (
            "Lambrecht",
            "Dries",
            R::Vdab,
            "Karel Bogaerts (VDAB Gent)",
            260,
            Category::TargetGroupRecognised,
            Priority::Low,
            None,
            &[],
        ),
        (
            "Mahieu",
            "Ines",
            R::Werkwinkel,
            "Werkwinkel Gent-Zuid",
            233,
            Category::TargetGroupNonRecognised,
            Priority::Normal,
            Some((AttestKind::TargetGroupAttest, 25)),
            &[(S::Invited, 200, ""), (S::Intake, 225, "onthaalgesprek gepland")],
        ),
        (
            "Kowalski",
            "Piotr",
            R::Vdab,
            "An Claeys (VDAB)",
            190,
            Category::TargetGroupRecognised,
            Priority::High,
            Some((AttestKind::TargetGroupAttest, 300)),
            &[],
        ),
        (
            "Ait Said",
            "Nadia",
            R::Atb,
            "Tom Verbeke (ATB)",
            160,
            Category::WorkCare,
            Priority::High,
            Some((AttestKind::WorkCareAttest, -5)),
            &[],
        ),
        (
            "Verbeke",
            "Ruben",
            R::Spontaneous,
            "",
            120,
            Category::TargetGroupNonRecognised,
            Priority::Normal,
            None,
            &[(S::Withdrawn, 60, "vond zelf werk")],
        ),
        (
            "Goethals",
            "Mieke",
            R::Atb,
            "Tom Verbeke (ATB)",
            95,
            Category::WorkCare,
            Priority::Normal,
            Some((AttestKind::WorkCareAttest, 500)),
            &[(S::Invited, 80, "")],
        ),
        (
            "Diallo",
            "Mamadou",
            R::Ocmw,
            "Nele Wauters (OCMW Gent)",
            70,
            Category::Article60,
            Priority::Normal,
            Some((AttestKind::SocialReport, 365)),
            &[(S::ReferredElsewhere, 40, "beter geholpen in een maatwerkbedrijf")],
        ),
        (
            "Hendrickx",
            "Lien",
            R::Vdab,
            "An Claeys (VDAB)",
            45,
            Category::TargetGroupRecognised,
            Priority::Normal,
            None,
            &[(S::NotEligible, 30, "diploma hoger onderwijs")],
        ),
        (
            "Stevens",
            "Jonas",
            R::Other,
            "Jeugdhulp regio Gent",
            21,
            Category::TargetGroupRecognised,
            Priority::Normal,
            Some((AttestKind::Other, 28)),
            &[],
        ),
        (
            "Yilmaz",
            "Ayla",
            R::Atb,
            "Tom Verbeke (ATB)",
            6,
            Category::WorkCare,
            Priority::Low,
            Some((AttestKind::WorkCareAttest, 700)),
            &[],
        ),
    ];
    rows.iter()
        .enumerate()
        .map(|(i, (last, first, referrer, counsellor, ago, category, priority, attest, later))| {
            let referral = today - chrono::Days::new(*ago as u64);
            let mut person = Person::new(*last, *first);
            let birth = d(1970 + (i as i32 * 7) % 33, 1 + (i as u32 * 5) % 12, 1 + (i as u32 * 11) % 28);
            person.birth_date = Some(birth);
            if i % 3 != 1 {
                person.insz = Some(Insz::from_birth_date(birth, 101 + 2 * i as u16));
            }
            // Most candidates bring the facts; a few do not yet (eligibility unknown).
            if i % 4 != 3 {
                person.education_level = [EducationLevel::Primary, EducationLevel::SecondarySecondGrade][i % 2];
                person.limitation = TriState::Yes;
                person.guidance_trajectory = TriState::Yes;
                person.vdab_registration_date = Some(referral - chrono::Days::new(2200));
                person.inactive_since = Some(referral - chrono::Days::new(1900));
            }
            if i == 10 {
                person.education_level = EducationLevel::Higher;
            }
            let status = later.last().map(|(s, _, _)| *s).unwrap_or(S::Waiting);
            let mut history = vec![(S::Waiting, referral, "")];
            history.extend(later.iter().map(|(s, days, why)| (*s, referral + chrono::Days::new(*days as u64), *why)));
            DemoCandidate {
                candidate: Candidate {
                    person,
                    contact: format!("0470 12 34 {:02}", 10 + i),
                    referrer: *referrer,
                    counsellor_name: counsellor.to_string(),
                    counsellor_contact: if counsellor.is_empty() { String::new() } else { "09 123 45 67".into() },
                    referral_date: referral,
                    work_form_id: None,
                    category: *category,
                    attest: attest.map(|(kind, valid)| Attest {
                        kind,
                        date: Some(referral - chrono::Days::new(14)),
                        valid_until: Some(if valid >= 0 {
                            today + chrono::Days::new(valid as u64)
                        } else {
                            today - chrono::Days::new((-valid) as u64)
                        }),
                    }),
                    priority: *priority,
                    notes: String::new(),
                    status,
                    person_id: None,
                },
                history,
                work_form: usize::from(*category == Category::WorkCare),
            }
        })
        .collect()
}

/// The held meetings of a demo worker: every planned meeting due more than 40 days ago
/// was held a few days after its due date, except for one worker in seven (an overdue
/// backlog to catch up on); the recent ones are left to do.
pub fn held_meetings(
    index: usize,
    person_id: i64,
    periods: &[werkbank_domain::Stored<EmploymentPeriod>],
    settings: &werkbank_domain::path::PathSettings,
    today: NaiveDate,
) -> Vec<werkbank_store::path::HeldMeeting> {
    use werkbank_domain::path::{employments, plan, MeetingKind};
    let cutoff = today - chrono::Days::new(40);
    let mut out = Vec::new();
    for e in employments(periods) {
        for m in plan(&e, settings, cutoff) {
            // The last meetings of every seventh worker are still to be held.
            if index % 7 == 3 && m.due > today - chrono::Days::new(400) {
                continue;
            }
            let held = (m.due + chrono::Days::new(2 + (index % 5) as u64)).min(today);
            let (outcome, next_step) = match m.kind {
                MeetingKind::Intake => ("Kennismaking, afspraken over taken en uren", "IBP opstellen met de consulent"),
                MeetingKind::GuidancePlan => ("IBP opgesteld en ondertekend", "Opvolging na 3 maanden"),
                MeetingKind::FollowUp => ("Werkt zelfstandiger, stiptheid verbeterd", "Jaarlijks overleg"),
                MeetingKind::YearlyConsultation => ("Doelen van vorig jaar besproken", "Nieuwe leerdoelen"),
                MeetingKind::TransitionFollowUp => {
                    ("Doorstroming besproken", "Stage bij een reguliere werkgever verkennen")
                }
                MeetingKind::Debrief => ("Einde besproken met werknemer en consulent", "Dossier afsluiten"),
            };
            out.push(werkbank_store::path::HeldMeeting {
                id: None,
                person_id,
                hire_date: e.hire_date,
                kind: m.kind,
                seq: m.seq,
                due_date: m.due,
                held_date: held,
                participants: "werknemer, consulent, werkleider".into(),
                outcome: outcome.into(),
                next_step: next_step.into(),
            });
        }
    }
    out
}

/// The guidance plan agreed at a held "IBP" meeting, so that the demo's path and plan agree
/// (a held plan meeting beside "no plan yet" contradicted itself). Synthetic agreements.
pub fn plan_of(m: &werkbank_store::path::HeldMeeting) -> Option<werkbank_store::path::GuidancePlan> {
    (m.kind == werkbank_domain::path::MeetingKind::GuidancePlan).then(|| werkbank_store::path::GuidancePlan {
        id: None,
        person_id: m.person_id,
        hire_date: m.hire_date,
        agreed_on: Some(m.held_date),
        counsellor: "Sarah De Smet (jobcoach)".into(),
        agreements: "Vaste werkpost en uurrooster; leerdoelen: zelfstandig werken en stiptheid.".into(),
        tasks: vec![
            ("Werkpost en begeleiding afspreken".into(), "werkleider".into()),
            ("Leerdoelen opvolgen".into(), "jobcoach".into()),
        ],
        revision_dates: vec![m.held_date + chrono::Months::new(6)],
    })
}

/// Why the demo workers who left did so (by the index of the person), with a return right.
pub fn leaving_reason(index: usize) -> (werkbank_domain::path::LeavingReason, bool) {
    use werkbank_domain::path::LeavingReason as L;
    match index % 4 {
        0 => (L::RegularJob, true),
        1 => (L::OwnChoice, false),
        2 => (L::OtherSocialEconomy, false),
        _ => (L::Dismissal, false),
    }
}

// ----- claims -------------------------------------------------------------------------

/// The source of the demo's values for claim parameters the templates leave unknown.
pub const DEMO_SOURCE: &str = "Demowaarde, geen officieel bedrag";

/// Demo values for the unknown claim parameters: (rule set, stream, parameter, from, value).
pub fn claim_parameters() -> Vec<(&'static str, &'static str, &'static str, NaiveDate, &'static str)> {
    let mw = d(2019, 1, 1);
    let sw = d(1998, 1, 1);
    vec![
        ("maatwerk_2019", "S6", "fixed_low", mw, "450"),
        ("maatwerk_2019", "S6", "fixed_medium", mw, "600"),
        ("maatwerk_2019", "S6", "fixed_high", mw, "750"),
        ("maatwerk_2019", "S6", "variable_low", mw, "300"),
        ("maatwerk_2019", "S6", "variable_medium", mw, "450"),
        ("maatwerk_2019", "S6", "variable_high", mw, "600"),
        ("maatwerk_2019", "S7", "amount_per_fte", mw, "600"),
        ("maatwerk_2019", "S7", "amount_per_fte", d(2023, 1, 1), "900"),
        ("maatwerk_2019", "S7", "supplement_per_fte", mw, "150"),
        ("sw_1998", "S1", "step_1", sw, "75"),
        ("sw_1998", "S1", "step_2", sw, "60"),
        ("sw_1998", "S1", "step_3", sw, "50"),
        ("sw_1998", "S1", "step_4", sw, "40"),
        ("sw_1998", "S1", "step_5", sw, "30"),
        ("sw_1998", "S2", "amount_per_fte_year", sw, "38000"),
        ("sw_1998", "S3", "amount_per_fte_year", d(2001, 11, 1), "30000"),
        ("sw_1998", "S9", "amount_per_month", d(1999, 5, 3), "500"),
        ("sw_1998", "S9", "cap_per_month", d(1999, 5, 3), "500"),
        ("sw_1998", "S10", "amount_per_month", sw, "1100"),
    ]
}

/// Dated claim attributes of demo person `index` (0-based) whose first period starts on
/// `start`: (key, value, from, until). Recognised target-group workers get a wage-premium
/// percentage, a guidance level and their seniority; two non-recognised workers a SINE
/// attest.
pub fn claim_attributes(index: usize, start: NaiveDate) -> Vec<(&'static str, String, NaiveDate, Option<NaiveDate>)> {
    const PERCENTAGES: [&str; 8] = ["40", "45", "50", "55", "60", "65", "70", "75"];
    const LEVELS: [&str; 3] = ["low", "medium", "high"];
    match index {
        0..=17 => vec![
            ("wage_percentage", PERCENTAGES[index % 8].to_string(), start, None),
            ("guidance_level", LEVELS[index % 3].to_string(), start, None),
            ("seniority_start", String::new(), start, None),
        ],
        18 | 19 => vec![("sine_attest", String::new(), start, Some(d(2027, 6, 30)))],
        _ => Vec::new(),
    }
}

/// The demo's wage codes: (code, meaning, description).
pub const WAGE_CODES: [(&str, &str, &str); 5] = [
    ("1010", "worked_hours", "Gewerkte uren"),
    ("1200", "gross_wage", "Brutoloon"),
    ("3100", "employer_contributions", "Werkgeversbijdragen"),
    ("3200", "reduction", "Doelgroepvermindering"),
    ("9100", "net_wage", "Nettoloon"),
];

/// Worked hours (hundredths) of one demo month for a worker with weekly hours `q`
/// (hundredths) employed `days` days of it: Q × days ÷ 7, rounded half-up, so that the
/// reconciliation finds the register's FTE back (168,29 h for 38 h over 31 days).
pub fn monthly_hours(q: u32, days: i64) -> i64 {
    (i64::from(q) * days * 2 + 7) / 14
}

/// Payroll of one demo month for a worker employed `fraction` × `days`/`month_days`:
/// gross 2 300 € full time, employer contributions 25 %, a reduction of 120 € full time
/// and a net wage of 72 % of gross, each rounded to the cent. (code, amount) pairs.
pub fn monthly_pay(
    fraction: rust_decimal::Decimal,
    days: i64,
    month_days: i64,
) -> Vec<(&'static str, rust_decimal::Decimal)> {
    use rust_decimal::Decimal;
    let share = fraction * Decimal::from(days) / Decimal::from(month_days);
    let cent = |x: Decimal| werkbank_domain::claims::round_cent(x);
    let gross = cent(Decimal::from(2300) * share);
    vec![
        ("1200", gross),
        ("3100", cent(gross * Decimal::new(25, 2))),
        ("3200", cent(Decimal::from(120) * share)),
        ("9100", cent(gross * Decimal::new(72, 2))),
    ]
}

// ----- use cases ------------------------------------------------------------

impl Api {
    /// Loads the synthetic demo workplace into an empty register.
    pub async fn load_demo(&self) -> Result<DemoSummaryDto> {
        let mut tx = self.store.begin().await?;
        if people::count(&mut tx).await? > 0 {
            return Err(AppError::Conflict { code: "demo.not_empty", params: BTreeMap::new() });
        }
        let workplace = workplace();
        organisation::save(&mut tx, &workplace.organisation).await?;
        compliance::seed_missing(&mut tx).await?;
        let forms = organisation::get(&mut tx).await?.expect("just saved").work_forms;
        for (kind, value) in rule_values() {
            if let Some(id) = forms.iter().find(|f| f.has_been(kind)).map(|f| f.id) {
                werkbank_store::rules::upsert(&mut tx, &compliance::rule_row(id, &value)).await?;
            }
        }
        let mut n_periods = 0;
        let work_care = forms.iter().find(|f| f.kind == werkbank_domain::WorkFormKind::WorkCare).map(|f| f.id);
        let today = self.today();
        let path_settings = werkbank_store::path::path_settings(&mut tx).await?;
        let mut demo_people = Vec::new();
        for (index, (person, ps)) in workplace.people.iter().enumerate() {
            let id = people::insert(&mut tx, person).await?;
            let mut stored = Vec::new();
            for p in ps {
                let in_work_care =
                    p.category == werkbank_domain::Category::WorkCare || p.job.as_deref() == Some(WORK_CARE_SUPERVISOR);
                let p = EmploymentPeriod { work_form_id: if in_work_care { work_care } else { None }, ..p.clone() };
                let period_id = periods::insert(&mut tx, id, &p).await?;
                stored.push(werkbank_domain::Stored::new(period_id, p));
                n_periods += 1;
            }
            // The path: held meetings, and why those who left did so.
            for m in held_meetings(index, id, &stored, &path_settings, today) {
                werkbank_store::path::upsert_meeting(&mut tx, &m).await?;
                if let Some(plan) = plan_of(&m) {
                    werkbank_store::path::save_plan(&mut tx, &plan).await?;
                }
            }
            for e in werkbank_domain::path::employments(&stored) {
                if let (Some(end), period_id) = (e.end, e.last_period_id) {
                    if end <= today {
                        let (reason, return_right) = leaving_reason(index);
                        let note = String::new();
                        let leaving =
                            werkbank_store::path::Leaving { person_id: id, period_id, reason, return_right, note };
                        werkbank_store::path::save_leaving(&mut tx, &leaving).await?;
                    }
                }
            }
            demo_people.push(claims::DemoPerson {
                id,
                index,
                periods: stored.into_iter().map(werkbank_domain::Stored::into_value).collect(),
                insz: person.insz.as_ref().map(|i| i.digits().to_string()),
                name: person.display_name(),
            });
        }
        // The waitlist, dated relative to today.
        let now = self.now();
        for c in candidates(today) {
            let candidate = werkbank_domain::waitlist::Candidate {
                work_form_id: forms.get(c.work_form).map(|f| f.id),
                ..c.candidate
            };
            let cid = werkbank_store::waitlist::insert(&mut tx, &candidate).await?;
            for (status, date, reason) in c.history {
                werkbank_store::waitlist::add_status(&mut tx, cid, status, date, reason, &self.actor, &now).await?;
            }
        }
        claims::load_demo_claims(&mut tx, &self.actor, &now, &demo_people).await?;
        let summary = DemoSummaryDto { people: workplace.people.len() as u32, periods: n_periods };
        self.audit(&mut tx, "load_demo", "register", None, serde_json::to_value(&summary).expect("json")).await?;
        tx.commit().await?;
        Ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_valid_and_varied() {
        let w = workplace();
        assert_eq!(w.people.len(), 40);
        let today = d(2026, 11, 29);
        let mut categories = std::collections::BTreeSet::new();
        for (person, periods) in &w.people {
            person.validate(today).unwrap_or_else(|e| panic!("{}: {e}", person.display_name()));
            for (k, p) in periods.iter().enumerate() {
                assert!(p.validate().is_empty(), "{}: {:?}", person.display_name(), p.validate());
                p.check_no_overlap(&periods[..k]).unwrap_or_else(|e| panic!("{}: {e}", person.display_name()));
                categories.insert(p.category);
            }
        }
        assert_eq!(categories.len(), Category::ALL.len(), "every category appears");
        let inszs: std::collections::BTreeSet<_> = w.people.iter().map(|(p, _)| p.insz.clone()).collect();
        assert_eq!(inszs.len(), 40, "INSZ numbers are unique");
    }
}
