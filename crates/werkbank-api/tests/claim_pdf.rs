//! The printed claim and the prestatiestaat, read back the way a person reads them:
//! `pdftotext -layout` for the text and `pdftoppm` for pictures of every page, left in
//! `test-artifacts/claims/` to look at. poppler-utils is required: without it these tests
//! fail with a message saying so.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;
use werkbank_api::dto::*;
use werkbank_api::Api;
use werkbank_domain::WorkFormKind;

async fn demo() -> Api {
    let api = Api::open_in_memory().await.unwrap().with_today(NaiveDate::from_ymd_opt(2026, 4, 2).unwrap());
    api.load_demo().await.unwrap();
    api
}

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-artifacts/claims");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed to check the PDFs ({e}): install poppler-utils (bash scripts/install-deps.sh test)")
    });
    assert!(out.status.success(), "{tool} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Writes the PDF, returns the text of each page and checks that every page renders to a PNG.
fn read(bytes: &[u8], stem: &str) -> Vec<String> {
    assert!(bytes.starts_with(b"%PDF-"), "{stem}: not a PDF");
    let dir = artifacts();
    let path = dir.join(format!("{stem}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    let text = poppler("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    for old in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = old.file_name().to_string_lossy().to_string();
        if name.starts_with(&format!("{stem}-")) && name.ends_with(".png") {
            std::fs::remove_file(old.path()).unwrap();
        }
    }
    poppler("pdftoppm", &["-r", "60", "-png", path.to_str().unwrap(), dir.join(stem).to_str().unwrap()]);
    let pngs = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| {
            let n = e.file_name().to_string_lossy().to_string();
            n.starts_with(&format!("{stem}-")) && n.ends_with(".png")
        })
        .filter(|e| e.metadata().unwrap().len() > 1000)
        .count();
    assert_eq!(pngs, pages.len(), "{stem}: one picture per page");
    pages
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that would betray special-category data (disability, limitation, origin): the
/// register's labels and the words around them. (A parameter's source URL may name
/// "arbeidsbeperking" as a topic; that is not about a person.)
const FORBIDDEN: [&str; 8] =
    ["beperking vastgesteld", "handicap", "herkomst", "nationaliteit", "afkomst", "medisch", "limitation", "disab"];

fn check_common(pages: &[String], status: &str) {
    let n = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("pagina {} van {n}", i + 1)), "page {}: no page number\n{page}", i + 1);
    }
    let first = &pages[0];
    assert!(first.contains("Kwartaalafrekening subsidies — controleoverzicht"));
    assert!(first.contains("De Werkbank vzw"), "{first}");
    assert!(first.contains("0403.019.261"), "KBO");
    assert!(first.contains("1234567-89"), "RSZ number");
    assert!(first.contains("PC 327"));
    assert!(first.contains("SW/2019/0042"), "recognition number");
    assert!(first.contains(status), "status {status}");
    let all = pages.join("\n").to_lowercase();
    // Every text comes from the catalogue: a missing key would print as itself.
    assert!(!all.contains("pdf.") && !all.contains("claims."), "a catalogue key printed as text");
    // Sources print as legal references and plain words, never research markers.
    for marker in ["[f]", "[i]", "[?]", ".md"] {
        assert!(!all.contains(marker), "research marker '{marker}' printed");
    }
    for word in FORBIDDEN {
        assert!(!all.contains(word), "'{word}' printed");
    }
}

#[tokio::test]
async fn the_demo_maatwerk_claim_prints_as_draft_and_issued() {
    let api = demo().await;
    let mw = api.work_form_id_of(WorkFormKind::Maatwerk).await.unwrap().unwrap();
    let draft = api.compute_claim(mw, "2026/1").await.unwrap();

    // Draft: rendered on demand, status "ontwerp", never stored.
    let bytes = api.claim_pdf(draft.id).await.unwrap();
    let pages = read(&bytes, "demo-2026-1-draft");
    check_common(&pages, "ontwerp");
    let first = &pages[0];
    assert!(first.contains("2026/1 (01/01/2026 – 31/03/2026)"), "{first}");
    // The demo workshop is a maatwerk company since 1/1/2019, and its 2026 claim says so.
    assert!(first.lines().any(|l| l.contains("Werkvorm") && l.contains("Maatwerkbedrijf")), "{first}");
    assert!(!first.contains("Sociale werkplaats"), "{first}");
    assert!(first.contains("Hash van de ontwerpberekening"));
    assert!(first.contains("ONTWERP"));
    assert!(!pages.join("\n").contains("definitief"));
    assert!(!api.claim(draft.id).await.unwrap().has_pdf, "a draft's PDF is not stored");
    let all = pages.join("\n");
    // The streams of the maatwerk template that have lines.
    for s in &draft.result.streams {
        assert!(all.contains(&format!("{} {}", s.code, s.name)), "stream {} missing", s.code);
    }
    // Peeters Jan: 40 % of 8 265,00 = 3 306,00 (tests/claims.rs), on his row with his masked INSZ.
    let line = all.lines().find(|l| l.contains("Peeters, Jan") && l.contains("3.306,00 €"));
    let line = line.unwrap_or_else(|| panic!("no S5 line for Peeters, Jan with 3.306,00 €:\n{all}"));
    assert!(line.contains("**.**.**-***."), "masked INSZ on the row: {line}");
    assert!(line.contains("40 %"), "{line}");
    // The organisation support's supplement limit reads as a sentence with its number.
    let limit = all.lines().find(|l| l.contains("Toeslag geldt voor")).unwrap_or_else(|| panic!("{all}"));
    assert!(limit.contains("de eerste 100 VTE") && !limit.contains('…'), "{limit}");
    // Parameters in words, not as identifiers; organisation support is a quarterly amount.
    assert!(all.contains("S5 Referentiebedrag per maand (GGMMI)"), "{all}");
    assert!(!all.contains("monthly_reference") && !all.contains("fixed_low"));
    assert!(all.contains("Bedrag per VTE per kwartaal"));
    // No INSZ printed in full: the demo people's numbers are 11 digits; none appears.
    let insz: Vec<String> =
        api.list_staff(Default::default()).await.unwrap().into_iter().filter_map(|r| r.insz).collect();
    assert!(insz.len() > 30);
    for i in &insz {
        let digits: String = i.chars().filter(char::is_ascii_digit).collect();
        assert!(!all.contains(i.as_str()) && !all.contains(&digits), "INSZ {i} printed in full");
    }
    // The total in Belgian format on the summary's total row.
    let total = werkbank_pdf::format_amount(draft.result.total);
    let total_line = all.lines().find(|l| l.trim_start().starts_with("Totaal") && l.contains(&total));
    let total_line = total_line.unwrap_or_else(|| panic!("total {total}"));
    // Persons: distinct workers over all streams (Peeters is in S5 and S6 but counts once).
    let persons: std::collections::BTreeSet<i64> = draft.result.lines.iter().filter_map(|l| l.person_id).collect();
    let heads: u32 = draft.result.streams.iter().map(|s| s.heads).sum();
    assert!((persons.len() as u32) < heads);
    assert_eq!(total_line.split_whitespace().nth(1), Some(persons.len().to_string().as_str()), "{total_line}");
    // The draft's hash: the SHA-256 of its current result JSON.
    let row_hash = sha256(serde_json::to_string(&draft.result).unwrap().as_bytes());
    assert!(squash(first).contains(&row_hash), "draft hash {row_hash}");

    // The demo's amounts are not confirmed in its rule sets: the draft says how many, and
    // issuing is refused until the signer says they checked them.
    let unconfirmed = draft.result.parameters.iter().filter(|p| !p.confirmed && p.value.is_some()).count();
    assert!(unconfirmed > 0);
    let warning = format!("Let op: {unconfirmed} gebruikte waarden zijn nog niet bevestigd");
    assert!(squash(first).contains(&squash(&warning)), "{first}");
    let mut input = IssueClaimInput {
        signer: "An Directeur".into(),
        function: "directeur".into(),
        place: String::new(),
        with_declaration_page: true,
        unconfirmed_checked: false,
    };
    let refused = api.issue_claim(draft.id, input.clone()).await.unwrap_err();
    let dto = api.error_dto(&refused);
    assert_eq!(dto.code, "claims.unconfirmed_not_checked");
    assert!(dto.message.contains(&format!("{unconfirmed} waarden")), "{}", dto.message);
    assert_eq!(api.claim(draft.id).await.unwrap().status.id(), "draft", "nothing frozen");

    // Issued: frozen bytes, hash of the frozen canonical JSON, status "definitief".
    input.unconfirmed_checked = true;
    let issued = api.issue_claim(draft.id, input).await.unwrap();
    assert!(issued.has_pdf);
    let a = api.claim_pdf(draft.id).await.unwrap();
    let b = api.claim_pdf(draft.id).await.unwrap();
    assert!(a == b, "the frozen bytes do not change on a second fetch");
    assert_eq!(Some(sha256(&a)), issued.pdf_sha256, "the stored pdf_sha256 is the bytes' hash");
    let pages = read(&a, "demo-2026-1-issued");
    check_common(&pages, "definitief");
    // Page 1 carries the signer's declaration about the unconfirmed values.
    let declared = format!("{unconfirmed} gebruikte waarden staan in de regelset niet als bevestigd");
    assert!(squash(&pages[0]).contains(&squash(&declared)), "{}", pages[0]);
    let all = pages.join("\n");
    assert!(!all.contains("ONTWERP"));
    assert!(!all.contains("nog niet door de gebruiker nagekeken"), "the parameters say they were checked at issue");
    let sealed = issued.sha256.clone().unwrap();
    assert!(squash(&pages[0]).contains(&sealed), "document hash {sealed} in the header");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&sealed[..16]), "page {}: hash in the footer", i + 1);
    }
    assert!(all.contains("Verklaring op eer") && all.contains("An Directeur") && all.contains("directeur"));
    // The signing place is the organisation's; the date the issue date.
    assert!(all.contains("Gent") && all.contains("02/04/2026"));
    // The last page: the declaration of debt with IBAN, amount in figures and in words.
    let last = squash(pages.last().unwrap());
    assert!(last.contains("Aangifte van schuldvordering"), "{last}");
    assert!(last.contains("BE71 0961 2345 6769 / GKCCBEBB"), "{last}");
    assert!(last.contains("Departement Werk en Sociale Economie"));
    let total = werkbank_pdf::format_amount(issued.result.total);
    assert!(last.contains(&format!("Waar en oprecht verklaard voor de som van {total}.")), "{last}");
    assert!(last.contains(&werkbank_pdf::amount_in_words_nl(issued.result.total)), "{last}");
}

#[tokio::test]
async fn the_demo_2018_social_workshop_claim_prints_its_supervision_calculation() {
    let api = demo().await;
    let sw = api.work_form_id_of(WorkFormKind::SocialWorkshop).await.unwrap().unwrap();
    let draft = api.compute_claim(sw, "2018/4").await.unwrap();
    let input = IssueClaimInput {
        signer: "An Directeur".into(),
        function: "directeur".into(),
        place: "Merelbeke".into(),
        with_declaration_page: false,
        unconfirmed_checked: true,
    };
    let issued = api.issue_claim(draft.id, input).await.unwrap();
    let pages = read(&api.claim_pdf(issued.id).await.unwrap(), "demo-2018-4-issued");
    check_common(&pages, "definitief");
    assert!(pages[0].contains("2018/4 (01/10/2018 – 31/12/2018)"));
    // The work form as it was in 2018; the same form is a maatwerk company since 2019.
    assert!(pages[0].lines().any(|l| l.contains("Werkvorm") && l.contains("Sociale werkplaats")), "{}", pages[0]);
    let all = pages.join("\n");
    // Four recognised workers at 2 868,86 / 2 295,09 (tests/claims.rs); supervision 0,76 VTE ×
    // 38 000 ÷ 4 = 7 220,00; total 18 121,67.
    assert_eq!(all.matches("2.868,86 €").count(), 3, "three full-time S1 lines");
    assert!(all.contains("2.295,09 €"));
    assert!(all.contains("Omkaderingsberekening"));
    let kv = |label: &str| all.lines().find(|l| l.contains(label)).unwrap_or_else(|| panic!("{label}")).to_string();
    assert!(kv("Subsidieerbare VTE omkadering").contains("0,7600"));
    assert!(kv("Bedrag van het kwartaal").contains("7.220,00 €"));
    assert!(all.lines().any(|l| l.contains("Norm") && l.contains("1 begeleider per 5 VTE")));
    // The parameters section lists the work form's norm too, with the days it covered.
    assert!(kv("S2 Norm").contains("01/10/2018 – 31/12/2018"), "{}", kv("S2 Norm"));
    assert!(all.lines().any(|l| l.trim_start().starts_with("Totaal") && l.contains("18.121,67 €")));
    // Place given at issue; no declaration of debt page asked for.
    assert!(all.contains("Merelbeke"));
    assert!(!all.contains("Aangifte van schuldvordering"));
}

#[tokio::test]
async fn organisation_bank_and_rsz_numbers_are_checked() {
    let api = demo().await;
    let org = api.organisation().await.unwrap().unwrap();
    assert_eq!((org.iban.as_str(), org.rsz_number.as_str()), ("BE71 0961 2345 6769", "1234567-89"));
    let bad = OrganisationDto { iban: "BE71 0961 2345 6768".into(), rsz_number: "12-34".into(), ..org.clone() };
    let err = api.save_organisation(bad).await.unwrap_err();
    let dto = api.error_dto(&err);
    let text = serde_json::to_string(&dto).unwrap();
    assert!(text.contains("iban.checksum") && text.contains("rsz.format"), "{text}");
    assert!(text.contains("controlecijfers van de IBAN zijn fout"), "{text}");
    let saved = api.save_organisation(OrganisationDto { iban: "nl91abna0417164300".into(), ..org }).await.unwrap();
    assert_eq!(saved.iban, "NL91 ABNA 0417 1643 00");
}

#[tokio::test]
async fn a_prestatiestaat_for_an_article_60_worker() {
    let api = demo().await;
    let staff = api.list_staff(Default::default()).await.unwrap();
    // Demo person 23: article 60 from 01/01/2025 to 30/06/2026, 38/38, placed by an OCMW.
    let row = staff
        .iter()
        .find(|r| {
            r.category == Some(werkbank_domain::Category::Article60)
                && r.start.as_deref().is_some_and(|s| s.contains("2025-01-01") || s.contains("01/01/2025"))
        })
        .expect("the demo's first article 60 worker");
    let bytes = api.prestatiestaat_pdf(row.id, "2026-01").await.unwrap();
    let pages = read(&bytes, "prestatiestaat-2026-01");
    assert_eq!(pages.len(), 1, "one month fits one page");
    let page = &pages[0];
    assert!(page.contains("Prestatiestaat artikel 60 §7 — 01/2026"), "{page}");
    assert!(page.contains(&format!("{} {}", row.first_name, row.last_name)));
    assert!(page.contains("**.**.**-***."), "masked INSZ");
    let digits: String = row.insz.clone().unwrap().chars().filter(char::is_ascii_digit).collect();
    assert!(!page.contains(&digits));
    assert!(page.contains("OCMW ") && page.contains("De Werkbank vzw"));
    assert!(page.contains("pagina 1 van 1"));
    assert!(!page.contains("pdf."), "a catalogue key printed as text");
    // January 2026 starts on a Thursday: 22 weekdays, less New Year's Day (a public
    // holiday) = 21 × 38 h ÷ 5 = 21 × 7,60 = 159,60 hours.
    let new_year = page.lines().find(|l| l.contains("01/01/2026")).unwrap();
    assert!(new_year.contains("Wettelijke feestdag") && !new_year.contains("7,60"), "{new_year}");
    assert!(page.lines().any(|l| l.contains("02/01/2026") && l.contains("vr") && l.contains("7,60")), "{page}");
    assert!(page.lines().any(|l| l.contains("03/01/2026") && l.contains("za") && !l.contains("7,60")));
    let total = page.lines().find(|l| l.trim_start().starts_with("Totaal")).unwrap();
    assert!(total.contains("21 dagen") && total.contains("159,60"), "{total}");
    // The demo payroll leaves article 60 workers out.
    assert!(page.contains("geen loongegevens voor deze maand"));
    assert!(page.contains("Voor de werkplaats") && page.contains("Voor het OCMW"));

    // Not an article 60 worker that month; not a month.
    let other = staff.iter().find(|r| r.category == Some(werkbank_domain::Category::TargetGroupRecognised)).unwrap();
    let err = api.prestatiestaat_pdf(other.id, "2026-01").await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "claims.not_article_60");
    let err = api.prestatiestaat_pdf(row.id, "2026/1").await.unwrap_err();
    assert!(serde_json::to_string(&api.error_dto(&err)).unwrap().contains("claims.month_invalid"));
}

#[tokio::test]
async fn a_prestatiestaat_saved_as_a_file_is_named_and_audited() {
    let api = demo().await;
    let staff = api.list_staff(Default::default()).await.unwrap();
    let row =
        staff.iter().find(|r| r.category == Some(werkbank_domain::Category::Article60)).expect("an article 60 worker");
    // The default name: last and first name made file-safe, then the month as 2026-01.
    let name = api.prestatiestaat_file_name(row.id, "2026-01").await.unwrap();
    let expected = werkbank_api::claims::export::prestatiestaat_file_name(
        api.catalogue(),
        &format!("{} {}", row.last_name, row.first_name),
        &werkbank_domain::ReportingPeriod::parse("2026-01").unwrap(),
    );
    assert_eq!(name, expected);
    assert!(name.starts_with("Prestatiestaat ") && name.ends_with(" 2026-01.pdf"), "{name}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(&name);
    let saved = api.save_prestatiestaat(row.id, "2026-01", &path).await.unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(saved.bytes, bytes.len() as u64);
    // Audited on the person: document, format, purpose and month; no path, no name.
    let trail = api.audit_trail(Some(("person", row.id))).await.unwrap();
    let entry = trail.iter().find(|e| e.action == "export").expect("an export entry");
    assert_eq!(
        entry.details,
        serde_json::json!({ "document": "prestatiestaat", "format": "pdf", "purpose": "save", "month": "2026-01" })
    );
    assert!(!entry.details.to_string().contains(&row.last_name));
    // A person without an article 60 period that month: refused, nothing written, nothing audited.
    let other = staff.iter().find(|r| r.category == Some(werkbank_domain::Category::TargetGroupRecognised)).unwrap();
    let other_path = dir.path().join("other.pdf");
    let err = api.save_prestatiestaat(other.id, "2026-01", &other_path).await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "claims.not_article_60");
    assert!(!other_path.exists());
    assert!(api.audit_trail(Some(("person", other.id))).await.unwrap().iter().all(|e| e.action != "export"));
}

#[tokio::test]
async fn a_value_that_changes_inside_the_quarter_prints_each_part() {
    let api = demo().await;
    let mw = api.work_form_id_of(WorkFormKind::Maatwerk).await.unwrap().unwrap();
    let filter = StaffFilter { search: Some("Peeters".into()), ..Default::default() };
    let peeters = api.list_staff(filter).await.unwrap().into_iter().find(|p| p.first_name == "Jan").unwrap().id;
    // 45 % from 1 February 2026 instead of 40 %.
    api.save_worker_attribute(WorkerAttributeInput {
        person_id: peeters,
        key: "wage_percentage".into(),
        value: "45".into(),
        valid_from: "01/02/2026".into(),
        valid_until: None,
    })
    .await
    .unwrap();
    let draft = api.compute_claim(mw, "2026/1").await.unwrap();
    let pages = read(&api.claim_pdf(draft.id).await.unwrap(), "demo-2026-1-parts");
    check_common(&pages, "ontwerp");
    let all = pages.join("\n");
    // Demo payroll 2 300 + 575 − 120 = 2 755 a month, under the cap 2 × 2 029,88 = 4 059,76:
    // January 40 % × 2 755 = 1 102,00; February and March 45 % × 5 510 = 2 479,50;
    // the line 3 581,50.
    let line = all.lines().find(|l| l.contains("Peeters, Jan") && l.contains("3.581,50 €"));
    assert!(line.is_some(), "no S5 line of 3.581,50 € for Peeters, Jan:\n{all}");
    assert!(all.contains("Deelperiodes van S5"), "{all}");
    let part = |dates: &str| {
        all.lines()
            .find(|l| l.contains("Peeters, Jan") && l.contains(dates))
            .unwrap_or_else(|| panic!("no part {dates}:\n{all}"))
            .to_string()
    };
    let january = part("01/01/2026 – 31/01/2026");
    assert!(january.contains("40 %") && january.contains("2.029,88"), "{january}");
    // The wage premium is computed per month: February and March are parts of their own.
    for month in ["01/02/2026 – 28/02/2026", "01/03/2026 – 31/03/2026"] {
        let rest = part(month);
        assert!(rest.contains("45 %") && rest.contains("2.029,88"), "{rest}");
    }
    // A line whose values do not change inside the quarter prints no parts.
    assert!(!all.lines().any(|l| l.contains("Janssens") && l.contains("01/01/2026 – 31/01/2026")));
}
