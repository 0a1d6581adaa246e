//! `juris scan URL...`: visit pages in headless Chromium (juris-scan) and write
//! what they did, before and after the consent choice and under GPC, as the
//! evidence JSON of `docs/evidence.md`, for `juris check --evidence`.
//!
//! Exit codes: 0 the evidence was written (a partial visit is a note in it,
//! and on stderr); 2 bad input (a URL that is not http(s), no browser at the
//! path given) or a browser that would not start or crashed before the first
//! page, named in the message.

use std::time::Duration;

use juris_scan::{ScanError, ScanOptions};

use crate::Outcome;
use crate::args::ScanArgs;
use crate::{output, sanitize};

pub fn run(args: &ScanArgs) -> Outcome {
    for url in &args.urls {
        if let Err(message) = check_url(url) {
            eprintln!("error: {}", sanitize::line(&message));
            return Outcome::InputError;
        }
    }
    if let Some(browser) = &args.browser
        && let Err(message) = check_browser(browser)
    {
        eprintln!("error: {}", sanitize::line(&message));
        return Outcome::InputError;
    }
    let options = ScanOptions {
        browser: args.browser.clone(),
        max_pages: usize::from(args.pages),
        gpc: args.gpc,
        reject: !args.no_reject,
        page_timeout: Duration::from_secs(args.timeout),
        total_timeout: Duration::from_secs(args.total_timeout),
        host_resolver_rules: args.host_resolver_rules.clone(),
        screenshot_dir: args.screenshots.clone(),
        ..ScanOptions::default()
    };
    let quiet = crate::quiet();
    let progress = move |p: &juris_scan::Progress| {
        if !quiet {
            eprintln!("{}", sanitize::line(&p.to_string()));
        }
    };
    // juris-scan runs its own single-threaded runtime; nothing else here is async.
    let evidence = match juris_scan::scan(&args.urls, &options, &progress) {
        Ok(evidence) => evidence,
        Err(error) => {
            let message = match &error {
                ScanError::Launch(_) => {
                    let browser = juris_scan::find_browser(options.browser.as_deref())
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|_| "the browser".to_string());
                    format!("{error} (browser {browser})")
                }
                _ => error.to_string(),
            };
            eprintln!("error: {}", sanitize::line(&message));
            return Outcome::InputError;
        }
    };
    let mut json = match serde_json::to_vec_pretty(&evidence) {
        Ok(json) => json,
        Err(error) => {
            eprintln!("error: cannot encode the evidence: {error}");
            return Outcome::InputError;
        }
    };
    json.push(b'\n');
    match &args.out {
        Some(path) => {
            if let Err(error) = std::fs::write(path, &json) {
                eprintln!("error: cannot write {}: {error}", sanitize::line(&path.display().to_string()));
                return Outcome::InputError;
            }
            if !quiet {
                eprintln!(
                    "scan: wrote {} ({} page(s){})",
                    sanitize::line(&path.display().to_string()),
                    evidence.pages.len(),
                    if evidence.complete { "" } else { ", partial: see its notes" }
                );
            }
        }
        None => output::write_bytes(&json),
    }
    Outcome::Clean
}

/// An http(s) URL with a host.
fn check_url(url: &str) -> Result<(), String> {
    // The same parser juris-scan uses; checked here too so that no browser starts for bad input.
    let parsed = juris_scan::url::Url::parse(url).map_err(|e| format!("`{url}` is not a URL: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
        return Err(format!("`{url}`: only http and https URLs with a host can be scanned"));
    }
    Ok(())
}

/// A regular file that its owner, group or others may execute.
fn check_browser(path: &std::path::Path) -> Result<(), String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("--browser {shown}: {e}; {}", juris_scan::INSTALL_HINT))?;
    if !meta.is_file() {
        return Err(format!("--browser {shown}: not a file; {}", juris_scan::INSTALL_HINT));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o111 == 0 {
            return Err(format!("--browser {shown}: not executable"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(check_url("https://shop.example/").is_ok());
        assert!(check_url("http://127.0.0.1:8080/a").is_ok());
        assert!(check_url("file:///etc/passwd").unwrap_err().contains("only http and https"));
        assert!(check_url("shop.example").unwrap_err().contains("is not a URL"));
        assert!(check_url("javascript:alert(1)").is_err());
    }
}
