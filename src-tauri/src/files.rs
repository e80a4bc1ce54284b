//! Files the user picked, kept on the Rust side: the webview gets an opaque token for each
//! and hands the token back, never a path. A compromised page can therefore only read the
//! files the user chose in the native dialog, not any file it can name.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

/// The files picked in this run of the app, by token.
#[derive(Default)]
pub struct PickedFiles(Mutex<HashMap<String, PathBuf>>);

impl PickedFiles {
    /// Keeps `path` and returns its token: 128 random bits as hex.
    pub fn keep(&self, path: PathBuf) -> Result<String, getrandom::Error> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)?;
        let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(token.clone(), path);
        Ok(token)
    }

    /// The file kept under `token`, if this run of the app gave it out.
    pub fn get(&self, token: &str) -> Option<PathBuf> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).get(token).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_names_only_the_file_it_was_given_for() {
        let files = PickedFiles::default();
        let a = files.keep("/home/an/personeel.xlsx".into()).unwrap();
        let b = files.keep("/home/an/loon.csv".into()).unwrap();
        assert_eq!((a.len(), a.chars().all(|c| c.is_ascii_hexdigit())), (32, true));
        assert_ne!(a, b);
        assert_eq!(files.get(&a), Some(PathBuf::from("/home/an/personeel.xlsx")));
        assert_eq!(files.get(&b), Some(PathBuf::from("/home/an/loon.csv")));
        // A path, or a token this run never gave out, names nothing.
        assert_eq!(files.get("/home/an/personeel.xlsx"), None);
        assert_eq!(files.get(&"0".repeat(32)), None);
    }
}
