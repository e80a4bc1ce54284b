//! Backups, restore and the database file under load: each test on a database file in a
//! temporary folder (the in-memory database has no file to copy).

use chrono::{TimeZone, Utc};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use werkbank_api::dto::*;
use werkbank_api::Api;
use werkbank_domain::{Category, WorkFormKind};
use werkbank_store::sqlx::{self, Connection};

/// The moment the tests pin: after any real moment the daily backup at open can have.
fn moment(h: u32, m: u32, s: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 1, 15, h, m, s).unwrap()
}

async fn open(path: &Path) -> Api {
    Api::open(path).await.unwrap().with_now(moment(17, 30, 0))
}

/// Every table's row count and every issued claim's sealed hash, read with plain SQL.
async fn fingerprint(db: &Path) -> (Vec<(String, i64)>, Vec<(i64, String)>) {
    let url = format!("sqlite://{}?mode=ro", db.display());
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    let mut counts = Vec::new();
    for t in tables {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{t}\"")).fetch_one(&mut conn).await.unwrap();
        counts.push((t, n));
    }
    let hashes: Vec<(i64, String)> = sqlx::query_as("SELECT id, sha256 FROM claim WHERE status = 'issued' ORDER BY id")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    (counts, hashes)
}

fn count(counts: &[(String, i64)], table: &str) -> i64 {
    counts.iter().find(|(t, _)| t == table).map(|(_, n)| *n).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The demo workplace with its 2026/1 maatwerk claim issued: the state every restore must
/// give back exactly.
async fn demo_with_an_issued_claim(api: &Api) -> ClaimDto {
    api.load_demo().await.unwrap();
    let mw = api.work_form_id_of(WorkFormKind::Maatwerk).await.unwrap().unwrap();
    let draft = api.compute_claim(mw, "2026/1").await.unwrap();
    api.issue_claim(draft.id, IssueClaimInput::checked("Marc Directeur", "directeur")).await.unwrap()
}

#[tokio::test]
async fn a_damaged_file_is_found_and_restored_from_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let api = open(&db).await;
    let issued = demo_with_an_issued_claim(&api).await;
    // The state the backup holds (its own audit record comes after it).
    let before = fingerprint(&db).await;
    let backup = api.create_backup().await.unwrap();
    assert_eq!(backup.reason, "manual");
    assert!(backup.name.starts_with("werkbank-2030-01-15T17-30-00-manual"), "{}", backup.name);
    // The demo: 40 people, one payroll batch, the issued claim (draft and issue are one row).
    let contents = backup.contents.clone().unwrap();
    assert_eq!((contents.people, contents.payroll_batches, contents.issued_claims), (40, 1, 1));
    assert!(contents.claims >= 1);
    api.close().await;
    assert_eq!(count(&before.0, "person"), 40);
    assert_eq!(before.1, vec![(issued.id, issued.sha256.clone().unwrap())]);

    // Damage: 16 pages of 0xFF in the middle of the file (every b-tree page there is broken).
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    let middle = bytes.len() / 2 / page * page;
    for b in &mut bytes[middle..middle + 16 * page] {
        *b = 0xFF;
    }
    std::fs::write(&db, &bytes).unwrap();

    // At start: the check finds it and says so.
    let err = match Api::open(&db).await {
        Ok(_) => panic!("a damaged file opened"),
        Err(e) => e,
    };
    let dto = err.to_dto(werkbank_api::messages::Catalogue::nl_be());
    assert_eq!((dto.kind, dto.code.as_str()), (werkbank_api::error::ErrorKind::Storage, "storage.damaged"));
    assert!(dto.message.contains("beschadigd"), "{}", dto.message);

    // The app then opens the damaged file for recovery only.
    let problems = match werkbank_api::Api::open(&db).await {
        Err(werkbank_api::error::AppError::Storage(werkbank_store::StoreError::Damaged { problems, .. })) => problems,
        _ => panic!("not damaged"),
    };
    let api = Api::open_damaged(&db, problems).with_now(moment(17, 45, 0));
    let check = api.verify_backup(None).await.unwrap();
    assert!(!check.ok && !check.problems.is_empty(), "{check:?}");
    assert_eq!(api.error_dto(&api.status().await.unwrap_err()).code, "storage.damaged");
    let offered = api.newest_good_backup().await.unwrap().unwrap();
    assert_eq!(offered.name, backup.name);
    assert!(api.verify_backup(Some(&offered.name)).await.unwrap().ok);

    let restored = api.restore_backup(&offered.name).await.unwrap();
    assert_eq!(restored.restored.name, backup.name);
    // The damaged file is kept, byte for byte, as a backup of its own.
    let previous = restored.previous.unwrap();
    assert_eq!(previous.reason, "damaged");
    let folder = PathBuf::from(api.backups().await.unwrap().folder);
    assert_eq!(std::fs::read(folder.join(&previous.name)).unwrap(), bytes);
    // The store is open again and whole.
    assert_eq!(api.status().await.unwrap().people, 40);
    assert!(api.verify_backup(None).await.unwrap().ok);
    let trail = api.audit_trail(None).await.unwrap();
    assert_eq!((trail[0].action.as_str(), trail[0].entity.as_str()), ("restore", "backup"));
    api.close().await;

    // Every table as in the backup (the audit trail has the restore's record more), every
    // issued claim's hash equal.
    let after = fingerprint(&db).await;
    for ((t, n), (t2, n2)) in before.0.iter().zip(&after.0) {
        assert_eq!(t, t2);
        let extra = if t == "audit_log" { 1 } else { 0 };
        assert_eq!(*n + extra, *n2, "{t}");
    }
    assert_eq!(before.0.len(), after.0.len());
    assert_eq!(after.1, before.1);
    // And it opens normally.
    let api = Api::open(&db).await.unwrap();
    assert_eq!(api.claim(issued.id).await.unwrap().sha256, issued.sha256);
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_its_wal_and_its_backups_are_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("werkbank.sqlite");
    let api = open(&db).await;
    api.load_demo().await.unwrap();
    let wal = db.with_file_name("werkbank.sqlite-wal");
    let shm = db.with_file_name("werkbank.sqlite-shm");
    assert!(wal.exists() && shm.exists(), "WAL mode");
    assert_eq!((mode(&db), mode(&wal), mode(&shm)), (0o600, 0o600, 0o600));
    let list = api.backups().await.unwrap();
    assert!(list.default_folder);
    let folder = PathBuf::from(&list.folder);
    assert_eq!(folder, dir.path().join("data").join("backups"));
    // The first start made the day's backup (of the empty register).
    assert_eq!(list.backups.len(), 1);
    assert_eq!(list.backups[0].reason, "daily");
    assert_eq!(list.backups[0].contents.as_ref().unwrap().people, 0);
    let b = api.create_backup().await.unwrap();
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&folder.join(&b.name)), 0o600);
    // A chosen folder: created owner-only, stored, and the next backup goes there.
    let elsewhere = dir.path().join("usb").join("werkbank");
    let set = api.set_backup_folder(Some(&elsewhere)).await.unwrap();
    assert_eq!((set.folder.as_str(), set.default_folder), (elsewhere.to_str().unwrap(), false));
    assert_eq!(mode(&elsewhere), 0o700);
    let b = api.create_backup().await.unwrap();
    assert_eq!(mode(&elsewhere.join(&b.name)), 0o600);
    assert_eq!(api.backups().await.unwrap().backups.len(), 1);
    // Back to the default folder, where the two earlier backups still are.
    assert!(api.set_backup_folder(None).await.unwrap().default_folder);
    assert_eq!(api.backups().await.unwrap().backups.len(), 2);
    // A folder that cannot be a folder is refused.
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let err = api.set_backup_folder(Some(&file)).await.unwrap_err();
    assert_eq!(api.error_dto(&err).code, "backup.folder_invalid");
}

/// A payroll file of `lines` lines for Peeters (INSZ 93.05.18-223.61), January 2026, each
/// with its own amount; the first line's name is `name`.
fn payroll_file(dir: &Path, lines: usize, name: &str) -> PathBuf {
    let mut text = String::from("Werknemersnummer;INSZ;Naam;Periode;Looncode;Omschrijving;Aantal;Eenheid;Bedrag\n");
    for i in 0..lines {
        let who = if i == 0 { name } else { "Peeters X" };
        text.push_str(&format!(
            "101;93.05.18-223.61;{who};01/2026;2000;Brutoloon;;;{},{:02}\n",
            1000 + i / 100,
            i % 100
        ));
    }
    let path = dir.join(format!("loon-{lines}.csv"));
    std::fs::write(&path, text).unwrap();
    path
}

async fn peeters(api: &Api) -> i64 {
    let input = PersonInput {
        insz: "93051822361".into(),
        last_name: "Peeters".into(),
        first_name: "X".into(),
        ..Default::default()
    };
    let id = api.create_person(input).await.unwrap().person.id;
    let period = PeriodInput {
        category: Some(Category::TargetGroupRecognised),
        start: "01/01/2025".into(),
        q: "38".into(),
        s: "38".into(),
        ..Default::default()
    };
    api.add_period(id, period).await.unwrap();
    id
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// After an undo, the undone lines' values are gone from the database file itself, not
/// only from its tables (`secure_delete` overwrites them; the checkpoint empties the WAL).
/// The backup made before the undo still has them: that is what it is for.
#[tokio::test]
async fn undone_payroll_lines_do_not_linger_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let api = open(&db).await;
    peeters(&api).await;
    let marker = "Zzyzxwortelboom Q";
    let file = payroll_file(dir.path(), 3000, marker);
    let result = api.import_payroll(&file, PayrollImportOptions::default(), ()).await.unwrap();
    let batch = result.batch_id.unwrap();
    let raw = |p: &Path| std::fs::read(p).unwrap_or_default();
    let wal = db.with_file_name("werkbank.sqlite-wal");
    // After the import's checkpoint the marker is in the database file.
    assert!(contains(&raw(&db), marker.as_bytes()));
    api.undo_payroll_batch(batch).await.unwrap();
    assert!(!contains(&raw(&db), marker.as_bytes()), "the undone name is still in the file");
    assert!(!contains(&raw(&wal), marker.as_bytes()), "the undone name is still in the WAL");
    // One of the amounts, as stored ("1029.99" for line 2999), is gone too.
    assert!(!contains(&raw(&db), b"1029.99"));
    // The backups before the commit (without the lines) and before the undo (with them).
    let list = api.backups().await.unwrap();
    let reasons: Vec<&str> = list.backups.iter().map(|b| b.reason.as_str()).collect();
    assert!(reasons.contains(&"payroll-commit") && reasons.contains(&"payroll-undo"), "{reasons:?}");
    let undo = list.backups.iter().find(|b| b.reason == "payroll-undo").unwrap();
    assert!(contains(&raw(&PathBuf::from(&list.folder).join(&undo.name)), marker.as_bytes()));
}

/// While a long payroll import holds the write lock in one connection, another (a second
/// window, the CLI) keeps reading: every query succeeds and sees the register as it was
/// before the import. The durations are printed, not asserted.
#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn a_reader_keeps_working_while_an_import_commits() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let writer = Arc::new(open(&db).await);
    peeters(&writer).await;
    let file = payroll_file(dir.path(), 60_000, "Peeters X");
    let reader = Api::open(&db).await.unwrap();

    let started = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicBool::new(false));
    let reads_during = Arc::new(AtomicUsize::new(0));
    let import = {
        let (writer, started, done) = (writer.clone(), started.clone(), done.clone());
        tokio::spawn(async move {
            let t = std::time::Instant::now();
            let progress = move |_p: werkbank_api::Progress| started.store(true, Ordering::SeqCst);
            let r = writer.import_payroll(&file, PayrollImportOptions::default(), progress).await;
            done.store(true, Ordering::SeqCst);
            (r, t.elapsed())
        })
    };
    let mut slowest = std::time::Duration::ZERO;
    while !done.load(Ordering::SeqCst) {
        if !started.load(Ordering::SeqCst) {
            tokio::task::yield_now().await;
            continue;
        }
        let t = std::time::Instant::now();
        let status = reader.status().await.expect("a read during the import");
        let batches = reader.payroll_batches().await.expect("a read during the import");
        slowest = slowest.max(t.elapsed());
        assert_eq!(status.people, 1);
        if !done.load(Ordering::SeqCst) {
            // The import's batch is not visible before its commit.
            assert!(batches.iter().all(|b| b.lines > 0), "{batches:?}");
            reads_during.fetch_add(1, Ordering::SeqCst);
        }
    }
    let (result, took) = import.await.unwrap();
    let result = result.unwrap();
    assert_eq!(result.lines_imported, 60_000);
    let reads = reads_during.load(Ordering::SeqCst);
    println!("import of 60 000 lines: {took:?}; {reads} reads during it, the slowest {slowest:?}");
    assert!(reads > 0, "no read happened during the import");
    // After the commit the reader sees the batch.
    assert_eq!(reader.payroll_batches().await.unwrap()[0].lines, 60_000);
}

#[tokio::test]
async fn a_restore_keeps_the_current_state_and_refuses_what_it_cannot_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let api = open(&db).await;
    let first = api.create_backup().await.unwrap();
    peeters(&api).await;
    // Restoring the empty register: the register with Peeters is backed up first.
    let r = api.restore_backup(&first.name).await.unwrap();
    let previous = r.previous.unwrap();
    assert_eq!(previous.reason, "restore");
    assert_eq!(previous.contents.unwrap().people, 1);
    assert_eq!(api.status().await.unwrap().people, 0);
    // And back again.
    api.restore_backup(&previous.name).await.unwrap();
    assert_eq!(api.status().await.unwrap().people, 1);

    // Names that are not backups of this folder.
    for name in ["../werkbank.sqlite", "werkbank.sqlite", "werkbank-2026-12-03T17-30-00-manual-9.sqlite"] {
        let err = api.restore_backup(name).await.unwrap_err();
        assert_eq!(api.error_dto(&err).code, "backup.not_found", "{name}");
    }
    let folder = PathBuf::from(api.backups().await.unwrap().folder);
    // A damaged backup fails its check and is not restored.
    let broken = "werkbank-2026-12-01T09-00-00-manual.sqlite";
    let mut bytes = std::fs::read(folder.join(&first.name)).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 8)] {
        *b = 0xA5;
    }
    std::fs::write(folder.join(broken), &bytes).unwrap();
    let check = api.verify_backup(Some(broken)).await.unwrap();
    assert!(!check.ok && !check.problems.is_empty());
    assert_eq!(api.error_dto(&api.restore_backup(broken).await.unwrap_err()).code, "backup.damaged");
    // A backup made by a newer Werkbank (a migration this build does not know).
    let newer = "werkbank-2026-12-01T10-00-00-manual.sqlite";
    std::fs::copy(folder.join(&first.name), folder.join(newer)).unwrap();
    let mut conn =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}", folder.join(newer).display())).await.unwrap();
    sqlx::query("INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (29991231000001, 'future', 1, x'00', 0)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let check = api.verify_backup(Some(newer)).await.unwrap();
    assert_eq!(check.unknown_migrations, vec![29991231000001]);
    assert_eq!(api.error_dto(&api.restore_backup(newer).await.unwrap_err()).code, "backup.newer");
    // Nothing of that changed the register.
    assert_eq!(api.status().await.unwrap().people, 1);
}

/// A backup is taken before each payroll commit and undo and each claim issue; one per
/// reason and moment, rotated.
#[tokio::test]
async fn backups_are_taken_before_the_steps_that_matter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("werkbank.sqlite");
    let api = open(&db).await;
    demo_with_an_issued_claim(&api).await;
    let reasons: Vec<String> = api.backups().await.unwrap().backups.into_iter().map(|b| b.reason).collect();
    // The demo loads a payroll batch through its own transaction (no import), so: the
    // daily backup at open, then the claim issue's.
    assert!(reasons.contains(&"daily".to_string()), "{reasons:?}");
    assert!(reasons.contains(&"claim-issue".to_string()), "{reasons:?}");
    let issue = api.backups().await.unwrap().backups.into_iter().find(|b| b.reason == "claim-issue").unwrap();
    // Taken before the issue: the claim there is still a draft.
    assert_eq!(issue.contents.unwrap().issued_claims, 0);
}
