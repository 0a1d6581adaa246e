//! Scans URLs and prints the evidence JSON, for manual runs:
//!
//! ```sh
//! cargo run --example scan -- https://example.com/ [--gpc] [--pages N] [--timeout SECONDS]
//!     [--browser PATH] [--screenshots DIR] [--resolver-rules RULES] [--no-reject]
//! ```
//!
//! Progress goes to stderr, the evidence to stdout.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let mut options = juris_scan::ScanOptions::default();
    let mut urls = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let result = match arg.as_str() {
            "--gpc" => {
                options.gpc = true;
                Ok(())
            }
            "--no-reject" => {
                options.reject = false;
                Ok(())
            }
            "--pages" => value("--pages")
                .and_then(|v| v.parse().map_err(|e| format!("--pages: {e}")))
                .map(|n| options.max_pages = n),
            "--timeout" => value("--timeout")
                .and_then(|v| v.parse::<f64>().map_err(|e| format!("--timeout: {e}")))
                .and_then(|s| {
                    if s.is_finite() && s >= 1.0 {
                        Ok(s)
                    } else {
                        Err("--timeout: give a number of seconds, 1 or more".to_owned())
                    }
                })
                .map(|s| options.page_timeout = Duration::from_secs_f64(s)),
            "--browser" => value("--browser").map(|p| options.browser = Some(PathBuf::from(p))),
            "--screenshots" => value("--screenshots").map(|p| options.screenshot_dir = Some(PathBuf::from(p))),
            "--resolver-rules" => value("--resolver-rules").map(|r| options.host_resolver_rules = Some(r)),
            "-h" | "--help" => {
                eprintln!(
                    "usage: scan URL... [--gpc] [--pages N] [--timeout SECONDS] [--browser PATH] [--screenshots DIR] [--resolver-rules RULES] [--no-reject]"
                );
                return ExitCode::SUCCESS;
            }
            url if !url.starts_with('-') => {
                urls.push(url.to_owned());
                Ok(())
            }
            other => Err(format!("unknown option {other}")),
        };
        if let Err(e) = result {
            eprintln!("scan: {e}");
            return ExitCode::from(2);
        }
    }
    if urls.is_empty() {
        eprintln!("scan: give at least one URL (--help for the options)");
        return ExitCode::from(2);
    }
    let start = Instant::now();
    match juris_scan::scan(&urls, &options, &|p| eprintln!("{p}")) {
        Ok(evidence) => {
            match serde_json::to_string_pretty(&evidence) {
                Ok(json) => println!("{json}"),
                Err(e) => eprintln!("scan: cannot encode the evidence: {e}"),
            }
            eprintln!("scan: done in {} ms", start.elapsed().as_millis());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("scan: {e}");
            ExitCode::FAILURE
        }
    }
}
