//! A small harness over fantoccini: launches tauri-driver on free ports, opens a session
//! on the app binary with a fresh database, and offers waits keyed by `data-testid`.

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

#[derive(Clone)]
pub struct By(String);

impl By {
    /// `[data-testid="…"]`
    pub fn id(test_id: &str) -> By {
        By(format!("[data-testid=\"{test_id}\"]"))
    }
    /// Any CSS selector.
    pub fn css(selector: &str) -> By {
        By(selector.to_string())
    }
    fn locator(&self) -> Locator<'_> {
        Locator::Css(&self.0)
    }
}

/// One app at a time: tests of this binary take turns (two WebKitGTK instances on a
/// 2-core machine only slow each other down).
fn turn() -> std::sync::Arc<tokio::sync::Mutex<()>> {
    static TURN: std::sync::OnceLock<std::sync::Arc<tokio::sync::Mutex<()>>> = std::sync::OnceLock::new();
    TURN.get_or_init(Default::default).clone()
}

pub struct App {
    _turn: tokio::sync::OwnedMutexGuard<()>,
    client: Client,
    driver: Child,
    artifacts: PathBuf,
    name: String,
    _db_dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace").to_path_buf()
}

pub fn first_integer(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit()).find(|s| !s.is_empty()).and_then(|s| s.parse().ok())
}

impl App {
    /// Starts tauri-driver and the app on an empty database in a temp folder.
    pub async fn launch(name: &str) -> App {
        Self::launch_with_env(name, &[]).await
    }

    /// The same, with extra environment variables for the app (e.g. `WERKBANK_PICK_FILE`,
    /// which answers for the native file chooser).
    pub async fn launch_with_env(name: &str, env: &[(&str, &str)]) -> App {
        let turn = turn().lock_owned().await;
        let artifacts = workspace_root().join("test-artifacts").join("e2e");
        std::fs::create_dir_all(&artifacts).expect("artifact folder");
        let db_dir = tempfile::tempdir().expect("temp dir");
        let db = db_dir.path().join("werkbank.sqlite");
        let app_bin = env!("CARGO_BIN_EXE_werkbank-desktop");
        let (port, native_port) = (free_port(), free_port());
        let log = std::fs::File::create(artifacts.join(format!("{name}-tauri-driver.log"))).expect("log file");
        let driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("WERKBANK_DB", &db)
            .envs(env.iter().copied())
            .stdout(Stdio::from(log.try_clone().expect("log")))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("tauri-driver must be installed (scripts/install-deps.sh test installs it)");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < WAIT, "tauri-driver did not listen on port {port}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_bin, "args": ["--db", db.to_str().expect("utf-8 path")] }),
        );
        caps.insert("browserName".into(), serde_json::json!("wry"));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut builder = ClientBuilder::new(connector);
        builder.capabilities(caps);
        let url = format!("http://127.0.0.1:{port}");
        // tauri-driver listens before its WebKitWebDriver child does: on a busy machine the
        // first session request can find nobody behind it ("did not respond"). Nothing was
        // launched then, so asking again (bounded) is safe.
        let mut attempt = 0;
        let connected = loop {
            attempt += 1;
            let result = tokio::time::timeout(Duration::from_secs(60), builder.connect(&url)).await;
            match result {
                Ok(Err(e)) if attempt < 5 && e.to_string().contains("did not respond") => {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                other => break other,
            }
        };
        let client = match connected {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                stop(driver);
                panic!("could not open a WebDriver session on the app: {e}");
            }
            Err(_) => {
                stop(driver);
                panic!("timed out opening a WebDriver session on the app");
            }
        };
        // Errors of the page (uncaught, rejected promises, console.error) are kept so that a
        // failing scenario can say what broke in the webview.
        let _ = client
            .execute(
                "window.__werkbankErrors = [];
                 const keep = (m) => window.__werkbankErrors.push(String(m));
                 addEventListener('error', (e) => keep(e.message + ' ' + (e.error && e.error.stack || '')));
                 addEventListener('unhandledrejection', (e) => keep(e.reason && (e.reason.stack || e.reason.message) || e.reason));
                 const original = console.error;
                 console.error = (...a) => { keep(a.map(String).join(' ')); original(...a); };",
                vec![],
            )
            .await;
        App { _turn: turn, client, driver, artifacts, name: name.to_string(), _db_dir: db_dir }
    }

    /// What went wrong in the page since launch (see `launch_with_env`).
    pub async fn page_errors(&self) -> Vec<String> {
        let value = self.client.execute("return window.__werkbankErrors || [];", vec![]).await;
        value
            .ok()
            .and_then(|v| v.as_array().cloned())
            .map(|a| a.iter().map(|e| e.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default()
    }

    pub async fn quit(self) {
        let _ = self.client.close().await;
        stop(self.driver);
    }

    pub async fn screenshot(&self, step: &str) {
        if step == "failure" {
            for e in self.page_errors().await {
                eprintln!("{}: error in the page: {e}", self.name);
            }
        }
        match self.client.screenshot().await {
            Ok(png) => {
                let path = self.artifacts.join(format!("{}-{step}.png", self.name));
                std::fs::write(&path, png).expect("write screenshot");
            }
            Err(e) => eprintln!("screenshot {step} failed: {e}"),
        }
    }

    /// Scrolls the first element matching `by` into view (before a screenshot).
    pub async fn scroll_to(&self, by: By) -> Result<(), String> {
        self.wait_visible(By(by.0.clone())).await?;
        let el = self.client.find(by.locator()).await.map_err(|e| format!("{}: {e}", by.0))?;
        let arg = serde_json::to_value(&el).map_err(|e| e.to_string())?;
        self.client
            .execute("arguments[0].scrollIntoView({block: 'start'});", vec![arg])
            .await
            .map_err(|e| format!("scroll to {}: {e}", by.0))?;
        Ok(())
    }

    pub async fn wait_visible(&self, by: By) -> Result<(), String> {
        let start = Instant::now();
        loop {
            if let Ok(el) = self.client.find(by.locator()).await {
                if el.is_displayed().await.unwrap_or(false) {
                    return Ok(());
                }
            }
            if start.elapsed() > WAIT {
                return Err(format!("{} not visible after {WAIT:?}", by.0));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, by: By) -> Result<(), String> {
        self.wait_visible(By(by.0.clone())).await?;
        let el = self.client.find(by.locator()).await.map_err(|e| format!("{}: {e}", by.0))?;
        // WebKitWebDriver clicks the middle of the element even when only its top edge is in
        // view (the click then lands outside the window): bring it to the middle first.
        let arg = serde_json::to_value(&el).map_err(|e| e.to_string())?;
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", vec![arg])
            .await
            .map_err(|e| format!("scroll to {}: {e}", by.0))?;
        el.click().await.map_err(|e| format!("click {}: {e}", by.0))
    }

    /// Sends `keys` (WebDriver key codes such as `\u{E015}`, arrow down) to the element
    /// that has the focus, as a person at the keyboard would.
    pub async fn press(&self, keys: &str) -> Result<(), String> {
        let el = self.client.active_element().await.map_err(|e| format!("focused element: {e}"))?;
        el.send_keys(keys).await.map_err(|e| format!("press {keys:?}: {e}"))
    }

    /// Clears an input and types `text` (a trailing `\n` presses Enter).
    pub async fn fill(&self, by: By, text: &str) -> Result<(), String> {
        self.wait_visible(By(by.0.clone())).await?;
        let el = self.client.find(by.locator()).await.map_err(|e| format!("{}: {e}", by.0))?;
        el.clear().await.map_err(|e| format!("clear {}: {e}", by.0))?;
        let (body, enter) = match text.strip_suffix('\n') {
            Some(b) => (b, true),
            None => (text, false),
        };
        // (WebKitWebDriver refuses to type an empty text: clearing is enough then)
        if !body.is_empty() {
            el.send_keys(body).await.map_err(|e| format!("type into {}: {e}", by.0))?;
        }
        if enter {
            el.send_keys("\u{E007}").await.map_err(|e| format!("enter in {}: {e}", by.0))?;
        }
        Ok(())
    }

    /// Picks the option with `value` in a `<select>`.
    pub async fn select(&self, by: By, value: &str) -> Result<(), String> {
        self.wait_visible(By(by.0.clone())).await?;
        let el = self.client.find(by.locator()).await.map_err(|e| format!("{}: {e}", by.0))?;
        el.select_by_value(value).await.map_err(|e| format!("select {value} in {}: {e}", by.0))
    }

    /// Whether the first element matching `by` is enabled (a button that can be pressed).
    pub async fn enabled(&self, by: By) -> Result<bool, String> {
        self.wait_visible(By(by.0.clone())).await?;
        let el = self.client.find(by.locator()).await.map_err(|e| format!("{}: {e}", by.0))?;
        el.is_enabled().await.map_err(|e| format!("enabled {}: {e}", by.0))
    }

    pub async fn text(&self, by: By) -> Result<String, String> {
        self.wait_visible(By(by.0.clone())).await?;
        let el = self.client.find(by.locator()).await.map_err(|e| format!("{}: {e}", by.0))?;
        el.text().await.map_err(|e| format!("text of {}: {e}", by.0))
    }

    /// Waits until some element matching `by` has a text containing `needle`.
    pub async fn wait_text(&self, by: By, needle: &str) -> Result<(), String> {
        self.wait_until(by, |t| t.contains(needle), needle).await
    }

    pub async fn wait_until(&self, by: By, ok: impl Fn(&str) -> bool, what: &str) -> Result<(), String> {
        let start = Instant::now();
        let mut last = Vec::new();
        loop {
            if let Ok(els) = self.client.find_all(by.locator()).await {
                last.clear();
                for el in els {
                    let t = el.text().await.unwrap_or_default();
                    if ok(&t) {
                        return Ok(());
                    }
                    last.push(t);
                }
            }
            if start.elapsed() > WAIT {
                return Err(format!("{}: no element with {what:?} after {WAIT:?}; saw {last:?}", by.0));
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Goes to a route of the app (`/staff`, `/claim/3`), as a link would.
    pub async fn goto(&self, route: &str) -> Result<(), String> {
        self.client
            .execute("location.hash = arguments[0];", vec![serde_json::json!(format!("#{route}"))])
            .await
            .map(|_| ())
            .map_err(|e| format!("goto {route}: {e}"))
    }

    /// The value a script returns in the page.
    pub async fn js(&self, script: &str) -> Result<serde_json::Value, String> {
        self.client.execute(script, vec![]).await.map_err(|e| format!("script: {e}"))
    }

    /// The text a person sees in the page's main area (what `innerText` renders).
    pub async fn main_text(&self) -> Result<String, String> {
        let v = self
            .client
            .execute("const m = document.querySelector('main') || document.body; return m.innerText;", vec![])
            .await
            .map_err(|e| format!("main text: {e}"))?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Waits until the page has loaded what it shows: nothing busy, no "Laden…", and the
    /// same text on two polls in a row.
    pub async fn settle(&self) -> Result<String, String> {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            tokio::time::sleep(Duration::from_millis(200)).await;
            let busy = self.count(By::css("[aria-busy=\"true\"]")).await.unwrap_or(0);
            let text = self.main_text().await?;
            if busy == 0 && !text.contains("Laden…") && text == last && !text.is_empty() {
                return Ok(text);
            }
            if start.elapsed() > WAIT {
                return Err(format!("the page did not settle; it shows {text:?}"));
            }
            last = text;
        }
    }

    /// The attribute `name` of the first element matching `by`.
    pub async fn attr(&self, by: By, name: &str) -> Result<String, String> {
        self.wait_visible(By(by.0.clone())).await?;
        let el = self.client.find(by.locator()).await.map_err(|e| format!("{}: {e}", by.0))?;
        el.attr(name).await.map_err(|e| e.to_string())?.ok_or_else(|| format!("{}: no {name}", by.0))
    }

    /// How many elements match now.
    pub async fn count(&self, by: By) -> Result<usize, String> {
        self.client.find_all(by.locator()).await.map(|v| v.len()).map_err(|e| format!("{}: {e}", by.0))
    }

    pub async fn wait_count(&self, by: By, n: usize) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let count = self.client.find_all(by.locator()).await.map(|v| v.len()).unwrap_or(0);
            if count == n {
                return Ok(());
            }
            if start.elapsed() > WAIT {
                return Err(format!("{}: expected {n} elements, found {count}", by.0));
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }
}

/// SIGTERM, not SIGKILL: only SIGTERM makes tauri-driver stop its WebKitWebDriver child.
fn stop(mut driver: Child) {
    let _ = Command::new("kill").args(["-TERM", &driver.id().to_string()]).status();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if let Ok(Some(_)) = driver.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = driver.kill();
    let _ = driver.wait();
}
