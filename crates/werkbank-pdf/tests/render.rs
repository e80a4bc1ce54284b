//! Renders realistic documents and checks them the way a person would read them: `pdftotext -layout` for the
//! text (page numbers, repeated headers, whole rows, special characters) and `pdftoppm` for the pictures, which
//! land in `test-artifacts/pdf/` to look at. poppler-utils is required: without it these tests fail.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use werkbank_pdf::*;

fn artifacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-artifacts/pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs a poppler tool, failing with a clear message when it is not installed.
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed to check the PDFs ({e}): install poppler-utils (bash scripts/install-deps.sh test)")
    });
    assert!(out.status.success(), "{tool} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text of each page (pdftotext separates pages with a form feed).
fn pages_text(pdf: &Path) -> Vec<String> {
    let text = poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Renders every page to `<stem>-<n>.png` at 60 dpi and returns the files.
fn to_png(pdf: &Path, stem: &str) -> Vec<PathBuf> {
    let dir = artifacts();
    for old in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = old.file_name().to_string_lossy().to_string();
        if name.starts_with(&format!("{stem}-")) && name.ends_with(".png") {
            std::fs::remove_file(old.path()).unwrap();
        }
    }
    poppler("pdftoppm", &["-r", "60", "-png", pdf.to_str().unwrap(), dir.join(stem).to_str().unwrap()]);
    let mut pngs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{stem}-")) && name.ends_with(".png")
        })
        .collect();
    pngs.sort();
    pngs
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FIRST: [&str; 8] = ["Noël", "Zoë", "François", "Łukasz", "Renée", "Anaïs", "Jérôme", "Çelik"];
const LAST: [&str; 6] = [
    "Van den Broeck",
    "De Smet-Vandenberghe",
    "Wiśniewski",
    "Vanderstraeten-Dejonghe de la Croix",
    "Peeters",
    "Müller",
];

/// Worker `i`'s full name: some long enough to wrap in the name column.
fn name(i: usize) -> String {
    let last = LAST[i % LAST.len()];
    let first = FIRST[i % FIRST.len()];
    if i.is_multiple_of(7) {
        format!("{last} {first} Maria Josephina Theodora")
    } else {
        format!("{last} {first}")
    }
}

/// Worker `i`'s wage subsidy: 1.000,00 € + i × 12,34 € (row 1: 1.012,34 €, row 120: 2.480,80 €).
fn amount(i: usize) -> Decimal {
    d("1000") + d("12.34") * Decimal::from(i as u64)
}

const ROWS: usize = 120;

/// A quarterly claim laid out as docs/domain/claims.md, "The printed claim", describes it, with the
/// texts a caller would render.
fn sample_claim() -> Document {
    let quarter = format!("2026/1 ({} – {})", format_date(date(2026, 1, 1)), format_date(date(2026, 3, 31)));
    let header = vec![
        ("Organisatie".into(), "Maatwerkbedrijf De Brücke vzw, Kerkstraat 12, 9000 Gent".into()),
        ("Ondernemingsnummer (KBO)".into(), "0123.456.749".into()),
        ("RSZ-nummer".into(), "123-4567890-12".into()),
        ("Erkenningsnummer".into(), "MWB-2019-0042".into()),
        ("Dossiernummer".into(), "WSE/MW/2026/00123".into()),
        ("Kwartaal".into(), quarter.clone()),
        ("Afrekeningsnummer".into(), "AF-2026-1-003".into()),
        ("Status".into(), "ontwerp".into()),
        ("Afgedrukt op".into(), format_date(date(2026, 4, 2))),
    ];
    let total: Decimal = (1..=ROWS).map(amount).sum();
    let summary = Table {
        columns: vec![
            Column::flexible("Subsidiestroom", 1.0),
            Column::figure("Personen"),
            Column::figure("VTE"),
            Column::figure("Gevraagd"),
            Column::figure("Ontvangen volgens departement"),
            Column::figure("Verschil"),
        ],
        rows: vec![
            Row::new([
                "S1 Loonpremie doelgroepwerknemers".to_string(),
                ROWS.to_string(),
                format_number(d("96.4"), 4),
                format_amount(total),
                format_amount(d("150000")),
                format_amount(total - d("150000")),
            ]),
            Row::new([
                "S2 Begeleidingspremie".to_string(),
                "14".into(),
                format_number(d("12.25"), 4),
                format_amount(d("42317.5")),
                format_amount(d("42317.5")),
                format_amount(d("0")),
            ]),
            Row::new([
                "Totaal".to_string(),
                (ROWS + 14).to_string(),
                format_number(d("108.65"), 4),
                format_amount(total + d("42317.5")),
                format_amount(d("192317.5")),
                format_amount(total - d("150000")),
            ])
            .styled(RowStyle::Total),
        ],
    };
    let parameters = Table {
        columns: vec![
            Column::flexible("Parameter", 1.0),
            Column::figure("Waarde"),
            Column::flexible("Bron", 1.5),
            Column::fit("Ingevoerd op"),
        ],
        rows: vec![
            Row::new(["GGMMI januari 2026", "2.111,89 €", "NAR cao nr. 43/17, geïndexeerd", "05/01/2026"]),
            Row::new(["GGMMI februari 2026", "2.111,89 €", "idem", "05/01/2026"]),
            Row::new([
                "GGMMI maart 2026",
                "2.154,13 €",
                "Indexering maart 2026 [?] door gebruiker te bevestigen",
                "03/03/2026",
            ]),
            Row::new([
                "Begeleidingspremie per VTE",
                "3.454,60 €",
                "Besluit Vlaamse Regering 17/02/2017, art. 12",
                "05/01/2026",
            ]),
        ],
    };
    let mut detail_rows: Vec<Row> = (1..=ROWS)
        .map(|i| {
            Row::new([
                i.to_string(),
                name(i),
                mask_insz(&format!("8{}0{}1{:04}{:02}", i % 10, 1 + i % 9, i, (i * 7) % 97)),
                if i % 5 == 0 { "omkadering".to_string() } else { "doelgroep".to_string() },
                format_date(date(2020 + (i % 6) as i32, 1 + (i % 12) as u32, 1 + (i % 28) as u32)),
                format_number(d("0.8") + Decimal::from((i % 3) as u64) * d("0.1"), 2),
                "65".to_string(),
                format_amount(d("2500") + Decimal::from(i as u64)),
                format_amount(d("2154.13")),
                "40 %".to_string(),
                format_amount(amount(i)),
                format!("R{i:03}"),
            ])
        })
        .collect();
    detail_rows.push(
        Row::new(["", "Subtotaal S1", "", "", "", "", "", "", "", "", &format_amount(total), ""])
            .styled(RowStyle::Subtotal),
    );
    let detail = Table {
        columns: vec![
            Column::figure("Nr."),
            Column::flexible("Naam + voornaam", 1.0),
            Column::fit("INSZ"),
            Column::fit("Statuut"),
            Column::fit("In dienst sinds"),
            Column::figure("µ"),
            Column::figure("Dagen"),
            Column::figure("Brutoloon"),
            Column::figure("Referteloon"),
            Column::figure("%"),
            Column::figure("Bedrag"),
            Column::fit("Opm."),
        ],
        rows: detail_rows,
    };
    let signature = vec![
        SignatureField::filled("Naam", "Anne-Sophie Vanderstraeten"),
        SignatureField::filled("Functie", "directeur"),
        SignatureField::filled("Plaats", "Gent"),
        SignatureField::filled("Datum", format_date(date(2026, 4, 2))),
        SignatureField::signature("Handtekening"),
    ];
    Document {
        title: "Kwartaalafrekening subsidies — controleoverzicht".into(),
        header,
        blocks: vec![
            Block::Heading("Samenvatting per subsidiestroom".into()),
            Block::Table(summary),
            Block::Heading("Parameters gebruikt".into()),
            Block::Table(parameters),
            Block::Heading("Detail per werknemer — S1 Loonpremie doelgroepwerknemers".into()),
            Block::Table(detail),
            Block::Heading("Omkaderingsberekening".into()),
            Block::KeyValues(vec![
                ("VTE doelgroepwerknemers".into(), format_number(d("96.4"), 4)),
                ("Verhouding".into(), "1 begeleider per 5 VTE doelgroepwerknemers (pro rata)".into()),
                ("Subsidieerbare VTE omkadering".into(), format_number(d("19.28"), 4)),
                ("Erkende VTE omkadering".into(), format_number(d("12.25"), 4)),
                ("Bedrag".into(), format_amount(d("42317.5"))),
            ]),
            Block::Heading("Controles en waarschuwingen".into()),
            Block::List(vec![
                "Cumul van premies blijft voor elke werknemer onder 100 % van de loonkost.".into(),
                "Zoë Peeters: recht op loonpremie verloopt op 31/03/2026.".into(),
                "GGMMI maart 2026: [?] door gebruiker te bevestigen.".into(),
            ]),
            Block::KeepTogether(vec![
                Block::Heading("Verklaring op eer".into()),
                Block::Paragraph(
                    "Ondergetekende verklaart op eer dat deze afrekening echt en oprecht is en in overeenstemming \
                     met de DmfA-aangiften van het betrokken kwartaal."
                        .into(),
                ),
                Block::Spacer(3.0),
                Block::Signature(signature.clone()),
            ]),
            Block::PageBreak,
            Block::Heading("Aangifte van schuldvordering".into()),
            Block::KeyValues(vec![
                ("Schuldeiser".into(), "Maatwerkbedrijf De Brücke vzw".into()),
                ("Ondernemingsnummer".into(), "0123.456.749".into()),
                ("IBAN / BIC".into(), "BE68 5390 0754 7034 / TRIOBEBB".into()),
                ("Schuldenaar".into(), "Departement Werk en Sociale Economie".into()),
                ("Rechtsgrond".into(), "Decreet van 12 juli 2013 betreffende de maatwerkbedrijven".into()),
                ("Periode".into(), quarter),
                ("Bedrag in cijfers".into(), format_amount(total)),
                ("Bedrag in letters".into(), amount_in_words_nl(total)),
            ]),
            Block::KeepTogether(vec![
                Block::Paragraph(format!("Waar en oprecht verklaard voor de som van {}.", format_amount(total))),
                Block::Spacer(3.0),
                Block::Signature(signature),
            ]),
        ],
        footer: Footer {
            left: "Document-ID 3fa2c9e1 0b7d 4e5f 9a8b 6c5d4e3f2a1b · AF-2026-1-003".into(),
            page_label: "pagina {page} van {pages}".into(),
        },
        metadata: Metadata {
            title: "Kwartaalafrekening 2026/1".into(),
            author: "Maatwerkbedrijf De Brücke vzw".into(),
            subject: "Afrekening AF-2026-1-003".into(),
            creation_date: date(2026, 4, 2).and_hms_opt(10, 15, 0).unwrap(),
        },
    }
}

#[test]
fn a_multi_page_claim_prints_every_row_whole_with_headers_page_numbers_and_special_characters() {
    let doc = sample_claim();
    let bytes = render(&doc).unwrap();
    let path = artifacts().join("sample-claim.pdf");
    std::fs::write(&path, &bytes).unwrap();

    let pages = pages_text(&path);
    let n = pages.len();
    assert!(n >= 4, "a 120-row table spans several pages, got {n}");
    for (i, page) in pages.iter().enumerate() {
        let label = format!("pagina {} van {n}", i + 1);
        assert!(page.contains(&label), "page {}: footer '{label}' missing:\n{page}", i + 1);
        assert!(page.contains("Document-ID 3fa2c9e1"), "page {}: footer text missing", i + 1);
    }
    // Header and first page.
    assert!(pages[0].contains("Kwartaalafrekening subsidies — controleoverzicht"));
    assert!(pages[0].contains("0123.456.749"));
    assert!(pages[0].contains("2026/1 (01/01/2026 – 31/03/2026)"));
    assert!(pages[0].contains("ontwerp"));
    // € and diacritics print as themselves (no '?' or missing glyphs).
    let all = pages.join("\n");
    for needle in ["€", "Noël", "Zoë", "François", "Łukasz", "Renée", "Jérôme", "Çelik", "Wiśniewski", "µ", "Brücke"]
    {
        assert!(all.contains(needle), "{needle} not printed");
    }
    assert!(!all.contains('?') || all.matches('?').count() == 2, "only the two '[?]' markers may have a '?'");
    // The detail table: its header is on every page that has one of its rows; every row is whole on one page
    // (row number, masked INSZ and amount on one line, its marker on the same page).
    let mut detail_pages = Vec::new();
    for i in 1..=ROWS {
        let marker = format!("R{i:03}");
        let on: Vec<usize> = (0..n).filter(|p| pages[*p].contains(&marker)).collect();
        assert_eq!(on.len(), 1, "row {i} on pages {on:?}");
        let page = &pages[on[0]];
        let amount = format_amount(amount(i));
        let line =
            page.lines().find(|l| l.contains(&marker)).unwrap_or_else(|| panic!("row {i}: no line with its marker"));
        assert!(line.trim_start().starts_with(&format!("{i} ")), "row {i}: number not on the row's line: {line}");
        assert!(line.contains(&amount), "row {i}: amount {amount} not on the row's line: {line}");
        assert!(line.contains("**.**.**-***."), "row {i}: masked INSZ missing: {line}");
        // The name's last word is on the same page (long names wrap onto a second line of the row).
        let last_word = name(i).rsplit(' ').next().unwrap().to_string();
        assert!(page.contains(&last_word), "row {i}: name split from its row");
        detail_pages.push(on[0]);
    }
    detail_pages.dedup();
    assert!(detail_pages.len() >= 3, "the detail table spans pages {detail_pages:?}");
    for p in &detail_pages {
        assert!(pages[*p].contains("Referteloon"), "page {}: detail header not repeated", p + 1);
        assert!(pages[*p].contains("Naam + voornaam"), "page {}: detail header not repeated", p + 1);
    }
    // A long name wraps inside its cell: row 7 ("De Smet-Vandenberghe Çelik Maria Josephina Theodora") starts on
    // the row's line and ends on a following line, before row 8.
    let page = &pages[detail_pages[0]];
    let lines: Vec<&str> = page.lines().collect();
    let row7 = lines.iter().position(|l| l.contains("R007")).unwrap();
    let row8 = lines.iter().position(|l| l.contains("R008")).unwrap();
    assert!(lines[row7].contains(" 7 De") && !lines[row7].contains("Theodora"), "{}", lines[row7]);
    assert!(lines[row7 + 1..row8].iter().any(|l| l.contains("Theodora")), "{:?}", &lines[row7..=row8]);
    // Subtotal, signature, declaration of debt with the amount in words.
    let total: Decimal = (1..=ROWS).map(amount).sum();
    assert_eq!(amount_in_words_nl(total), "tweehonderdnegenduizend vijfhonderdachtentachtig euro veertig cent");
    // Σ (1000 + 12.34 i) for i = 1..120 = 120 000 + 12.34 × 7 260 = 209 588,40.
    assert_eq!(total, d("209588.40"));
    assert!(all.contains("Subtotaal S1"));
    assert!(all.contains("209.588,40 €"));
    let last = pages.last().unwrap();
    assert!(last.contains("Aangifte van schuldvordering"));
    assert!(last.contains("BE68 5390 0754 7034"));
    assert!(
        // (It may wrap: compare with the whitespace collapsed.)
        last.split_whitespace().collect::<Vec<_>>().join(" ").contains(&amount_in_words_nl(total)),
        "amount in words:\n{last}"
    );
    assert!(last.contains("Handtekening"));
    // The declaration on honour and its signature are on one page.
    let declaration = pages.iter().position(|p| p.contains("Ondergetekende verklaart op eer")).unwrap();
    assert!(pages[declaration].contains("Verklaring op eer"));
    assert!(pages[declaration].contains("Handtekening"));
    assert!(all.contains("Anne-Sophie Vanderstraeten"));

    // Fonts are embedded (as subsets) and the file stays small.
    let fonts = poppler("pdffonts", &[path.to_str().unwrap()]);
    let embedded: Vec<&str> = fonts.lines().filter(|l| l.contains("DejaVuSans")).collect();
    assert_eq!(embedded.len(), 2, "{fonts}");
    for l in embedded {
        assert!(l.contains(" yes "), "font not embedded: {l}");
    }
    assert!(bytes.len() < 250_000, "subset fonts keep the file small, got {} bytes", bytes.len());

    // Every page renders to a picture.
    let pngs = to_png(&path, "sample-claim");
    assert_eq!(pngs.len(), n);
    for png in pngs {
        assert!(std::fs::metadata(&png).unwrap().len() > 1000, "{png:?} is empty");
    }
}

#[test]
fn every_character_of_the_sample_has_a_glyph_and_missing_ones_are_reported() {
    assert_eq!(missing_glyphs(&sample_claim()).unwrap(), Vec::<char>::new());
    let mut doc = prestatiestaat();
    // CJK and emoji are not in DejaVu Sans; ĳ, Ł, ş and € are.
    doc.header.push(("Naam".into(), "王 Ĳsbrand Łoś Şahin € 🙂 王".into()));
    assert_eq!(missing_glyphs(&doc).unwrap(), vec!['王', '🙂']);
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = sample_claim();
    let a = render(&doc).unwrap();
    let b = render(&doc).unwrap();
    assert!(a == b, "two renders of one document differ");
    // Another document (one amount changed) gives another file, with another /ID.
    let mut other = doc.clone();
    other.footer.left.push('x');
    let c = render(&other).unwrap();
    assert!(a != c);
    let id = |bytes: &[u8]| {
        let s = String::from_utf8_lossy(bytes);
        let at = s.rfind("/ID").expect("trailer /ID");
        s[at..at + 40].to_string()
    };
    assert_ne!(id(&a), id(&c));
    // The creation date is the caller's.
    assert!(String::from_utf8_lossy(&a).contains("D:20260402101500"));
}

/// A monthly attendance statement (prestatiestaat) of an article 60 worker for the OCMW: one page.
fn prestatiestaat() -> Document {
    let weekdays = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    let mut rows = Vec::new();
    let mut worked = Decimal::ZERO;
    for day in 1..=31u32 {
        let dt = date(2026, 3, day);
        let wd = chrono::Datelike::weekday(&dt).num_days_from_monday() as usize;
        let (planned, done, absence) = match (wd, day) {
            (5 | 6, _) => ("", "", ""),
            (_, 17) => ("7,60", "0,00", "ziekte"),
            _ => ("7,60", "7,60", ""),
        };
        if !done.is_empty() {
            worked += d(&done.replace(',', "."));
        }
        rows.push(Row::new([
            format_date(dt),
            weekdays[wd].to_string(),
            planned.into(),
            done.into(),
            absence.into(),
            String::new(),
        ]));
    }
    // March 2026 has 22 weekdays; one sick day: 21 × 7,60 = 159,60 hours.
    assert_eq!(worked, d("159.60"));
    rows.push(Row::new(["Totaal", "", "167,20", &format_number(worked, 2), "1 dag", ""]).styled(RowStyle::Total));
    Document {
        title: "Prestatiestaat artikel 60 — maart 2026".into(),
        header: vec![
            ("OCMW".into(), "OCMW Gent, Onderbergen 86, 9000 Gent".into()),
            ("Werkgever".into(), "Maatwerkbedrijf De Brücke vzw".into()),
            ("Werknemer".into(), "Łukasz Wiśniewski".into()),
            ("INSZ".into(), mask_insz("85073003328")),
            ("Maand".into(), "03/2026".into()),
        ],
        blocks: vec![
            Block::Table(Table {
                columns: vec![
                    Column::fit("Datum"),
                    Column::fit("Dag"),
                    Column::figure("Gepland (u)"),
                    Column::figure("Gepresteerd (u)"),
                    Column::fit("Afwezigheid"),
                    Column::flexible("Opmerking", 1.0),
                ],
                rows,
            }),
            Block::Signature(vec![
                SignatureField::filled("Voor de werkgever", "Anne-Sophie Vanderstraeten, directeur"),
                SignatureField::signature("Handtekening"),
            ]),
        ],
        footer: Footer { left: "Document-ID 77c1e0d2".into(), page_label: "pagina {page} van {pages}".into() },
        metadata: Metadata {
            title: "Prestatiestaat maart 2026".into(),
            author: "Maatwerkbedrijf De Brücke vzw".into(),
            subject: String::new(),
            creation_date: date(2026, 4, 1).and_hms_opt(8, 0, 0).unwrap(),
        },
    }
}

#[test]
fn a_monthly_attendance_statement_fits_one_page() {
    let bytes = render(&prestatiestaat()).unwrap();
    let path = artifacts().join("prestatiestaat.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let pages = pages_text(&path);
    assert_eq!(pages.len(), 1, "{pages:?}");
    let page = &pages[0];
    assert!(page.contains("pagina 1 van 1"));
    assert!(page.contains("Łukasz Wiśniewski"));
    assert!(page.contains("**.**.**-***.28"));
    assert!(!page.contains("85073003328") && !page.contains("033.28"));
    assert!(page.contains("31/03/2026"));
    assert!(page.contains("159,60"));
    let total_line = page.lines().find(|l| l.contains("Totaal")).unwrap();
    assert!(total_line.contains("167,20") && total_line.contains("159,60"), "{total_line}");
    assert_eq!(to_png(&path, "prestatiestaat").len(), 1);
}
