//! Where the application keeps its database.

use std::path::PathBuf;

/// The environment variable that points the app and the CLI at another database file.
pub const DB_ENV: &str = "WERKBANK_DB";

/// The database the desktop app and the CLI share by default:
/// `$WERKBANK_DB`, else the platform's data directory
/// (Linux `~/.local/share/werkbank/werkbank.sqlite`,
/// Windows `%APPDATA%\Werkbank\Werkbank\data\werkbank.sqlite`,
/// macOS `~/Library/Application Support/be.Werkbank.Werkbank/werkbank.sqlite`).
pub fn default_database_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("be", "Werkbank", "Werkbank")
        .map(|d| d.data_dir().join("werkbank.sqlite"))
        .unwrap_or_else(|| PathBuf::from("werkbank.sqlite"))
}

/// The private folder (0700) where a claim's PDF is written to be opened in the system
/// viewer: `afdrukken` in the platform's data directory (Linux
/// `$XDG_DATA_HOME/werkbank/afdrukken`, by default `~/.local/share/werkbank/afdrukken`).
pub fn print_folder() -> PathBuf {
    directories::ProjectDirs::from("be", "Werkbank", "Werkbank")
        .map(|d| d.data_dir().join("afdrukken"))
        .unwrap_or_else(|| std::env::temp_dir().join("werkbank-afdrukken"))
}
