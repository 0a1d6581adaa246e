//! `cargo xtask gen-manifest`: a deterministic synthetic manifest of any size
//! that touches every built-in module, for benchmarks and fuzz seeds.

use std::fmt::Write;

/// A small deterministic generator (xorshift64*), so the same seed always
/// writes the same manifest without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const MARKETS: &[&str] = &["*", "EEA", "GB", "US-CA", "BR", "RU", "DE", "FR"];
const LOCATIONS: &[&str] = &["US", "DE", "IE", "SG", "RU", "BR", "GB", "IN"];
const USES: &[&str] = &[
    "essential.service",
    "essential.fraud_detection",
    "marketing.advertising.third_party.targeted",
    "marketing.communications.email",
    "analytics.reporting",
    "personalize.content",
];
const CATEGORIES: &[&str] = &[
    "user.contact.email",
    "user.contact.address",
    "user.financial",
    "user.account",
    "user.device.cookie_id",
    "user.behavior.browsing_history",
    "user.health_and_medical",
    "user.biometric",
    "user.government_id",
    "user.childrens",
];
const SUBJECTS: &[&str] = &["customer", "visitor", "employee", "supplier_vendor"];
const BASES: &[&str] = &["consent", "contract", "legal_obligation", "legitimate_interests", "vital_interests"];
const ROLES: &[&str] = &["processor", "controller", "third_party", "service_provider"];
const TRANSFERS: &[&str] = &["scc", "adequacy", "dpf", "bcr", "none"];

/// Writes the manifest text.
pub fn generate(activities: usize, systems: usize, seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let systems = systems.max(1);
    let recipients = (activities / 20).clamp(4, 500);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Synthetic manifest: {activities} activities, {systems} systems, seed {seed}.");
    let _ = writeln!(w, "manifest = 1\n");
    let _ = writeln!(w, "[organization]\nname = \"Synthetic Marketplace {seed}\"\nestablished = [\"SG\"]");
    let _ =
        writeln!(w, "markets = [\"EEA\", \"GB\", \"US-CA\", \"BR\", \"RU\", \"SG\"]\nannual_revenue_usd = 90_000_000");
    let _ = writeln!(w, "subjects_per_year = {{ \"US-CA\" = 250_000, \"BR\" = 90_000, \"RU\" = 400_000 }}\n");
    let _ = writeln!(
        w,
        "[[entities]]\nid = \"global\"\nname = \"Synthetic Pte. Ltd.\"\ncountry = \"SG\"\nserves = [\"*\"]\n"
    );
    let _ = writeln!(w, "[[contacts]]\nrole = \"dpo\"\nfor = [\"EEA\"]\nname = \"DPO\"\nemail = \"dpo@example.com\"\n");
    for s in 0..systems {
        let _ = writeln!(w, "[[systems]]\nid = \"sys-{s}\"\nname = \"System {s}\"");
        let _ = writeln!(w, "locations = [\"{}\"]\nholds = [\"{}\"]\n", rng.pick(LOCATIONS), rng.pick(MARKETS));
    }
    for r in 0..recipients {
        let _ = writeln!(w, "[[recipients]]\nid = \"rcp-{r}\"\nname = \"Recipient {r}\"");
        let _ = writeln!(w, "role = \"{}\"\ncountry = \"{}\"", rng.pick(ROLES), rng.pick(LOCATIONS));
        let _ = writeln!(w, "transfer = \"{}\"\ncontract = {}\n", rng.pick(TRANSFERS), rng.chance(70));
    }
    for a in 0..activities {
        let _ = writeln!(w, "[[activities]]\nid = \"act-{a}\"\nname = \"Activity {a}\"");
        let _ = writeln!(w, "uses = [\"{}\"]", rng.pick(USES));
        let _ = writeln!(w, "data_categories = [\"{}\", \"{}\"]", rng.pick(CATEGORIES), rng.pick(CATEGORIES));
        let _ = writeln!(w, "data_subjects = [\"{}\"]", rng.pick(SUBJECTS));
        if rng.chance(85) {
            let _ = writeln!(w, "legal_basis = \"{}\"", rng.pick(BASES));
        }
        let _ = writeln!(w, "systems = [\"sys-{}\"]", rng.next() as usize % systems);
        let _ = writeln!(w, "recipients = [\"rcp-{}\"]", rng.next() as usize % recipients);
        if rng.chance(80) {
            let _ = writeln!(w, "retention = {{ period = \"P{}M\", from = \"collection\" }}", 1 + rng.next() % 72);
        }
        let _ = writeln!(w, "markets = [\"{}\"]", rng.pick(MARKETS));
        let _ = writeln!(w, "sells_or_shares = {}\n", rng.chance(10));
    }
    let _ = writeln!(w, "[[cookies]]\nname = \"_ga\"\npurpose = \"analytics\"\nlifetime = \"P2Y\"\n");
    let _ = writeln!(
        w,
        "[consent]\ndefault = {{ mode = \"opt-in\" }}\n\"US-CA\" = {{ mode = \"opt-out\", honors_gpc = true }}\n"
    );
    let _ = writeln!(
        w,
        "[rights]\nsupported = [\"access\", \"erasure\", \"opt-out-of-sale\"]\nchannels = [\"web-form\", \"email\"]\n"
    );
    let _ = writeln!(w, "[notices]\nprivacy_policy = \"https://example.com/privacy\"\nlast_updated = 2026-01-15\n");
    let _ = writeln!(w, "[filings]\nrkn_operator_registry = true\nrkn_cross_border_notice = [\"US\"]");
    out
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut activities = None;
    let mut systems = None;
    let mut seed = 1u64;
    let mut out = None;
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let mut value = || iter.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--activities" => activities = Some(value()?.parse::<usize>().map_err(|e| format!("--activities: {e}"))?),
            "--systems" => systems = Some(value()?.parse::<usize>().map_err(|e| format!("--systems: {e}"))?),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(value()?.clone()),
            other => return Err(format!("gen-manifest: unknown option {other}")),
        }
    }
    let activities = activities.ok_or("gen-manifest: --activities N is required")?;
    let systems = systems.unwrap_or((activities / 10).max(1));
    let text = generate(activities, systems, seed);
    match out {
        Some(path) => std::fs::write(&path, text).map_err(|e| format!("{path}: {e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

/// A manifest of `n` activities that all share one id: every one after the
/// first is an input error, so detecting and rendering them is what is timed.
pub fn duplicate_ids(n: usize) -> String {
    let mut out = String::from(
        "manifest = 1\n\n[organization]\nname = \"Duplicates\"\nestablished = [\"DE\"]\nmarkets = [\"DE\"]\n",
    );
    for _ in 0..n {
        out.push_str(
            "\n[[activities]]\nid = \"same\"\nname = \"Same\"\nuses = [\"essential.service\"]\ndata_categories = [\"user.contact.email\"]\ndata_subjects = [\"customer\"]\n",
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_seed_same_manifest_and_different_seed_differs() {
        assert_eq!(super::generate(50, 5, 7), super::generate(50, 5, 7));
        assert_ne!(super::generate(50, 5, 7), super::generate(50, 5, 8));
        assert_eq!(super::generate(50, 5, 7).matches("[[activities]]").count(), 50);
    }
}
