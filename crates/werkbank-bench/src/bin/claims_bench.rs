//! `claims-bench`: times a quarterly claim for a large maatwerk company (docs/performance.md).
//!
//! ```text
//! cargo run --release -p werkbank-bench --bin claims-bench -- --workers 3000
//! ```
//!
//! Setup (not timed): a register (in memory, or with `--file` in a database file) with `--workers` recognised target-group
//! workers (a quarter of them part time 4/5, one in ten starting or leaving inside the
//! quarter) and 5 % as many supervisors, the maatwerk template with every amount filled
//! in, a wage percentage and guidance level per worker, and three months of payroll
//! (gross wage, employer contributions, reduction, net wage) imported from a CSV file.
//!
//! Timed: the pure computation (`werkbank_domain::claims::compute`) on the loaded input,
//! and the use cases `compute_claim` (load, compute, store draft and lines, audit) and
//! `issue_claim` (recompute, freeze, hash, render the PDF). Then the claim's PDF: an
//! amendment draft (the same 6 001 lines) rendered on demand by `claim_pdf`, with its pages,
//! seconds, pages per second and the peak memory of that step (VmHWM reset before it). The
//! fastest of `--runs` runs is reported.

use clap::Parser;
use std::io::Write;
use std::time::Instant;
use werkbank_api::dto::*;
use werkbank_api::Api;
use werkbank_bench::measure::{current_memory_kib, peak_memory_kib, reset_peak_memory};
use werkbank_domain::{Category, Insz, WorkFormKind};

#[derive(Parser)]
#[command(name = "claims-bench", about = "Times a quarterly claim for a large workplace")]
struct Args {
    #[arg(long, default_value_t = 3000)]
    workers: u32,
    #[arg(long, default_value_t = 3)]
    runs: u32,
    /// Use a database file in a temporary folder (as the app does) instead of memory
    #[arg(long)]
    file: bool,
    /// Keep the rendered claim PDF here (to look at it)
    #[arg(long, value_name = "FILE")]
    pdf_out: Option<std::path::PathBuf>,
}

/// The number of page objects of a PDF (`/Type /Page`, not `/Pages`).
fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    ["/Type/Page", "/Type /Page"]
        .iter()
        .map(|needle| text.match_indices(needle).filter(|(i, _)| !text[i + needle.len()..].starts_with('s')).count())
        .sum()
}

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn best(times: &[f64]) -> f64 {
    times.iter().cloned().fold(f64::INFINITY, f64::min)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args = Args::parse();
    let dir = tempfile::tempdir().expect("temp dir");
    let setup = Instant::now();
    let api = if args.file {
        Api::open(&dir.path().join("werkbank.sqlite")).await.expect("db")
    } else {
        Api::open_in_memory().await.expect("db")
    }
    .with_today(d(2026, 11, 29));
    let org = api
        .save_organisation(OrganisationDto {
            name: "Groot Maatwerk vzw".into(),
            kbo: String::new(),
            street: String::new(),
            postal_code: String::new(),
            city: String::new(),
            work_forms: vec![WorkFormDto {
                id: None,
                kind: WorkFormKind::Maatwerk,
                recognition_number: None,
                earlier_kinds: Vec::new(),
            }],
            work_care_full_time: "30".into(),
            ..Default::default()
        })
        .await
        .expect("organisation");
    let form = org.work_forms[0].id.expect("stored");

    // Staff register and payroll as files, imported through the use cases.
    let supervisors = (args.workers / 20).max(1);
    let mut staff = String::from("INSZ;Naam;Voornaam;Geboortedatum;Categorie;Begindatum;Einddatum;Q;S\n");
    let mut payroll = String::from("INSZ;Naam;Periode;Looncode;Bedrag\n");
    let mut inszs = Vec::new();
    for i in 0..(args.workers + supervisors) {
        let birth = d(1960 + (i % 40) as i32, 1 + i % 12, 1 + i % 28);
        let insz = Insz::from_birth_date(birth, (1 + i / 840) as u16); // 840 distinct birth dates
        let digits = insz.digits().to_string();
        let supervisor = i >= args.workers;
        let category = if supervisor { "begeleider erkend" } else { "doelgroep erkend" };
        let q = if i % 4 == 0 { "30,4" } else { "38" };
        let (start, end) = match i % 10 {
            0 => ("15/02/2026".to_string(), String::new()),
            1 => ("01/01/2020".to_string(), "10/03/2026".to_string()),
            _ => (format!("01/{:02}/20{:02}", 1 + i % 12, 19 + i % 6), String::new()),
        };
        let born = birth.format("%d/%m/%Y");
        staff.push_str(&format!("{digits};Werker{i};W;{born};{category};{start};{end};{q};38\n"));
        if !supervisor {
            for m in 1..=3 {
                if i % 10 == 0 && m == 1 {
                    continue;
                }
                for (code, amount) in [("1200", "2300,00"), ("3100", "575,00"), ("3200", "120,00"), ("9100", "1656,00")]
                {
                    payroll.push_str(&format!("{digits};Werker{i};{m:02}/2026;{code};{amount}\n"));
                }
            }
        }
        inszs.push(digits);
    }
    let staff_file = dir.path().join("personeel.csv");
    std::fs::write(&staff_file, staff).expect("write");
    api.import_staff(&staff_file, StaffFileOptions::default()).await.expect("staff import");
    for (code, meaning) in
        [("1200", "gross_wage"), ("3100", "employer_contributions"), ("3200", "reduction"), ("9100", "net_wage")]
    {
        api.save_wage_code(WageCodeDto { id: None, code: code.into(), meaning: meaning.into(), description: None })
            .await
            .expect("wage code");
    }
    let payroll_file = dir.path().join("loon.csv");
    std::fs::write(&payroll_file, payroll).expect("write");
    let imported = api.import_payroll(&payroll_file, PayrollImportOptions::default(), ()).await.expect("payroll");

    // Rule set with every amount filled in (benchmark values), contingent, attributes.
    api.install_claim_template("maatwerk_2019").await.expect("template");
    for (stream, parameter, value) in [
        ("S6", "fixed_low", "450"),
        ("S6", "fixed_medium", "600"),
        ("S6", "fixed_high", "750"),
        ("S6", "variable_low", "300"),
        ("S6", "variable_medium", "450"),
        ("S6", "variable_high", "600"),
        ("S7", "amount_per_fte", "900"),
        ("S7", "supplement_per_fte", "150"),
    ] {
        let from = if parameter == "amount_per_fte" { "01/01/2023" } else { "01/01/2019" };
        api.set_claim_parameter(ClaimParameterInput {
            rule_set: "maatwerk_2019".into(),
            stream: stream.into(),
            parameter: parameter.into(),
            valid_from: from.into(),
            value: value.into(),
            source: "benchmark".into(),
            confirmed: true,
        })
        .await
        .expect("parameter");
    }
    api.save_rule_value(RuleValueInput {
        work_form_id: form,
        key: Some(werkbank_domain::ParameterKey::ContingentTargetFte),
        value: format!("{}", args.workers * 9 / 10),
        effective_from: "01/01/2019".into(),
        source: "benchmark".into(),
    })
    .await
    .expect("contingent");
    let staff = api.list_staff(StaffFilter::default()).await.expect("staff");
    for (k, row) in staff.iter().filter(|r| r.category == Some(Category::TargetGroupRecognised)).enumerate() {
        for (key, value) in [
            ("wage_percentage", ["40", "45", "50", "55", "60", "65", "70", "75"][k % 8]),
            ("guidance_level", ["low", "medium", "high"][k % 3]),
        ] {
            api.save_worker_attribute(WorkerAttributeInput {
                person_id: row.id,
                key: key.into(),
                value: value.into(),
                valid_from: "01/01/2019".into(),
                valid_until: None,
            })
            .await
            .expect("attribute");
        }
    }
    let setup_s = setup.elapsed().as_secs_f64();

    let mut compute_times = Vec::new();
    let mut claim = None;
    for _ in 0..args.runs {
        let t = Instant::now();
        let c = api.compute_claim(form, "2026/1").await.expect("compute");
        compute_times.push(t.elapsed().as_secs_f64());
        claim = Some(c);
    }
    let claim = claim.expect("one run");
    let t = Instant::now();
    let issued = api.issue_claim(claim.id, IssueClaimInput::checked("Benchmark", "directeur")).await;
    let issue_s = t.elapsed().as_secs_f64();
    let issued_ok = issued.is_ok();
    let frozen_pdf_bytes = match &issued {
        Ok(c) => api.claim_pdf(c.id).await.map(|b| b.len()).unwrap_or(0),
        Err(_) => 0,
    };

    // The PDF: an amendment draft (same lines) rendered on demand by `claim_pdf`, which
    // loads the claim, its context (organisation, INSZ, rule set) and lays out every page.
    // Peak memory of this step alone: VmHWM reset to the current RSS first.
    let amendment = api.amend_claim(claim.id).await.expect("amend");
    let peak_before_pdf_kib = peak_memory_kib();
    let rss_before_pdf_kib = current_memory_kib();
    let peak_reset = reset_peak_memory();
    let mut pdf_times = Vec::new();
    let mut pdf = Vec::new();
    for _ in 0..args.runs {
        let t = Instant::now();
        pdf = api.claim_pdf(amendment.id).await.expect("pdf");
        pdf_times.push(t.elapsed().as_secs_f64());
    }
    let pdf_peak_kib = if peak_reset { peak_memory_kib() } else { None };
    // What of that is loading: the same claim read as a DTO (result JSON parsed, differences).
    let mut load_times = Vec::new();
    for _ in 0..args.runs {
        let t = Instant::now();
        api.claim(amendment.id).await.expect("claim");
        load_times.push(t.elapsed().as_secs_f64());
    }
    let pdf_pages = pages(&pdf);
    if let Some(path) = &args.pdf_out {
        std::fs::write(path, &pdf).expect("write the PDF");
    }

    // The pure computation on the same input (rebuilt from the frozen draft).
    let mut pure_times = Vec::new();
    let draft_inputs = claim.result.lines.len();
    let input = api.claim_inputs(claim.id).await.expect("inputs");
    for _ in 0..args.runs {
        let t = Instant::now();
        let r = werkbank_domain::claims::compute(&input).expect("computable");
        pure_times.push(t.elapsed().as_secs_f64());
        assert_eq!(r.lines.len(), draft_inputs);
    }
    let out = serde_json::json!({
        "workers": args.workers,
        "database": if args.file { "file" } else { "memory" },
        "supervisors": supervisors,
        "payroll_lines": imported.lines_imported,
        "claim_lines": claim.result.lines.len(),
        "frozen_inputs_bytes": serde_json::to_string(&input).expect("json").len(),
        "frozen_result_bytes": serde_json::to_string(&claim.result).expect("json").len(),
        "total": claim.result.total.to_string(),
        "complete": claim.result.complete,
        "setup_s": format!("{setup_s:.2}"),
        "pure_compute_s": format!("{:.3}", best(&pure_times)),
        "compute_claim_s": format!("{:.3}", best(&compute_times)),
        "issue_claim_s": format!("{issue_s:.3}"),
        "issued": issued_ok,
        "frozen_pdf_bytes": frozen_pdf_bytes,
        "pdf_bytes": pdf.len(),
        "pdf_pages": pdf_pages,
        "pdf_render_s": format!("{:.3}", best(&pdf_times)),
        "pdf_claim_load_s": format!("{:.3}", best(&load_times)),
        "pdf_pages_per_s": format!("{:.1}", pdf_pages as f64 / best(&pdf_times)),
        "pdf_rss_before_mib": rss_before_pdf_kib.map(|k| k / 1024),
        "pdf_peak_mib": pdf_peak_kib.map(|k| k / 1024),
        "peak_before_pdf_mib": peak_before_pdf_kib.map(|k| k / 1024),
    });
    let _ = writeln!(std::io::stdout(), "{}", serde_json::to_string_pretty(&out).expect("json"));
}
