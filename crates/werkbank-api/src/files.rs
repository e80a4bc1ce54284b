//! Files Werkbank writes for the user (claims, lists, prestatiestaten, rule files): private
//! and whole.
//!
//! Architecture Invariant: a file Werkbank writes is readable by its owner only (0600, a
//! folder it creates 0700) and appears whole or not at all: the bytes go to a temporary
//! file beside the target, are flushed to disk, and the temporary file is renamed over the
//! target. A crash or a full disk leaves the old file (or none), never half a PDF.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `path`, readable by the user only, replacing `path` in one step.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = temporary_beside(path);
    let written = write_new_private(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    sync_folder(path);
    Ok(())
}

/// Creates `dir` (and its parents) with the folder itself readable by the user only (0700).
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// `.<name>.<pid>-<n>.part` in the target's folder (a rename stays on one file system).
fn temporary_beside(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.part", std::process::id()))
}

/// Creates `path` (which must not exist) as 0600 and writes and flushes `bytes`.
fn write_new_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes the folder's entry of the renamed file (best effort: not every platform can).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn replaces_a_file_whole_and_private_leaving_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("aanvraag.pdf");
        // An earlier file, readable by everyone, is replaced by one only its owner reads.
        std::fs::write(&path, b"old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        write_private(&path, b"new contents").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new contents");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("aanvraag.pdf")]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails, the folder stays, no .part remains.
        let target = dir.path().join("lijst.xlsx");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), b"kept").unwrap();
        assert!(write_private(&target, b"x").is_err());
        assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"kept");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("lijst.xlsx")]);
    }

    #[cfg(unix)]
    #[test]
    fn folders_it_creates_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("afdrukken").join("2026");
        private_dir(&folder).unwrap();
        assert_eq!(mode(&folder), 0o700);
    }
}
