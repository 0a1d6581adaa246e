//! The data map: whose data goes where, computed from the manifest alone.
//!
//! A *flow* is personal data of the people of one market going to a place
//! outside it: to a system that stores it in another country, or to a
//! recipient there. Flows are what an auditor asks about first (Chapter V
//! GDPR, LGPD Art. 33, 152-FZ Art. 12), so the map keeps one flow per
//! (market, destination), with every activity and data category behind it.
//! Storage at home is kept too, as *domestic* links, so that the picture
//! shows every system a market's data reaches.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use juris_core::jurisdiction::Group;
use juris_core::manifest::{Manifest, TransferMechanism};
use juris_core::{Jurisdiction, Severity};

use crate::ReportFinding;

/// The map of a manifest: markets with their entities, storage by country,
/// recipients by country, and the flows between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataMap {
    /// The markets whose people's data is processed, in manifest order.
    pub markets: Vec<Market>,
    /// Systems grouped by the country they store data in, sorted by country;
    /// a system stored in several countries appears in each.
    pub storage: Vec<Group_>,
    /// Recipients grouped by the country they receive data in.
    pub recipients: Vec<Group_>,
    /// Flows across borders: one per market and destination.
    pub flows: Vec<Flow>,
    /// Data kept in (or sent to) the market's own territory.
    pub domestic: Vec<Flow>,
}

/// A market and the entity its people contract with.
#[derive(Clone, Debug, PartialEq)]
pub struct Market {
    /// The market, as the manifest names it.
    pub market: Jurisdiction,
    /// The contracting entity's id, name and country, when one serves it.
    pub entity: Option<(String, String, Jurisdiction)>,
}

/// A country's share of the systems or recipients. (`Group` is the
/// jurisdiction group in juris-core; this is a group of map nodes.)
#[derive(Clone, Debug, PartialEq)]
#[allow(non_camel_case_types)]
pub struct Group_ {
    /// The country; `None` for systems whose location is not recorded.
    pub country: Option<Jurisdiction>,
    /// The ids of the systems or recipients in it, in manifest order.
    pub members: Vec<String>,
}

/// Where a flow goes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// One of the organisation's systems, in one of its locations.
    System {
        /// The system id.
        id: String,
        /// The location the data goes to.
        location: Jurisdiction,
    },
    /// A recipient, in its country.
    Recipient {
        /// The recipient id.
        id: String,
    },
}

/// Whether findings concern a flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Concern {
    /// No finding's path is under its system or recipient.
    Clear,
    /// Only waived findings are.
    Waived,
    /// Notes or warnings are, and no error.
    Warning,
    /// At least one error that is not waived is.
    Error,
}

impl Concern {
    /// The word used in the page's classes and data attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Concern::Clear => "clear",
            Concern::Waived => "waived",
            Concern::Warning => "warning",
            Concern::Error => "error",
        }
    }
}

/// Personal data of one market's people going to one destination.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// The market whose people's data it is.
    pub market: Jurisdiction,
    /// Where it goes.
    pub target: Target,
    /// The country it goes to.
    pub country: Jurisdiction,
    /// The transfer mechanism the manifest records for it, in words
    /// (`scc`, `intra-EEA`, `scc; RKN notice filed`); `None` when it records none.
    pub mechanism: Option<String>,
    /// The activities behind it, by id.
    pub activities: Vec<String>,
    /// The data categories, over all of those activities.
    pub data_categories: Vec<String>,
    /// Whether a finding concerns its system or recipient.
    pub concern: Concern,
    /// The rule ids of those findings.
    pub rules: Vec<String>,
}

/// Computes the data map. `findings` only colour the flows; pass `&[]` for
/// the manifest alone.
pub fn data_map(manifest: &Manifest, findings: &[ReportFinding]) -> DataMap {
    let mut markets: Vec<Jurisdiction> = Vec::new();
    for m in manifest.organization.markets.iter().chain(manifest.activities.iter().flat_map(|a| a.markets.iter())) {
        if !markets.contains(m) {
            markets.push(m.clone());
        }
    }
    let markets = markets
        .into_iter()
        .map(|market| {
            let entity =
                manifest.contracting_entity(&market).map(|e| (e.id.to_string(), e.name.to_string(), e.country.clone()));
            Market { market, entity }
        })
        .collect();

    let mut storage: Vec<Group_> = Vec::new();
    for system in &manifest.systems {
        if system.locations.is_empty() {
            add_member(&mut storage, None, &system.id);
        }
        for location in &system.locations {
            add_member(&mut storage, Some(location.clone()), &system.id);
        }
    }
    storage.sort_by(|a, b| a.country.cmp(&b.country));
    let mut recipients: Vec<Group_> = Vec::new();
    for r in &manifest.recipients {
        add_member(&mut recipients, Some(r.country.clone()), &r.id);
    }
    recipients.sort_by(|a, b| a.country.cmp(&b.country));

    // Flows are looked up by market and destination in a map, so that the
    // map is linear in the manifest, not in activities times flows.
    let mut flows = FlowList::default();
    let mut domestic = FlowList::default();
    for activity in &manifest.activities {
        for market in manifest.activity_markets(activity) {
            for system in activity.systems.iter().filter_map(|id| manifest.system(id)) {
                // A system only receives the people's data it holds.
                if !system.holds.iter().any(|h| h.overlaps(market)) {
                    continue;
                }
                for location in &system.locations {
                    let target = Target::System { id: system.id.to_string(), location: location.clone() };
                    let mechanism = system_mechanism(manifest, market, location);
                    let list = if market.overlaps(location) { &mut domestic } else { &mut flows };
                    list.add(market, target, location, mechanism, activity);
                }
            }
            for recipient in activity.recipients.iter().filter_map(|id| manifest.recipient(id)) {
                let target = Target::Recipient { id: recipient.id.to_string() };
                let mechanism = recipient_mechanism(manifest, market, &recipient.country, recipient.transfer);
                let list = if market.overlaps(&recipient.country) { &mut domestic } else { &mut flows };
                list.add(market, target, &recipient.country, mechanism, activity);
            }
        }
    }
    let (mut flows, mut domestic) = (flows.flows, domestic.flows);
    let concerns = Concerns::new(manifest, findings);
    for flow in flows.iter_mut().chain(domestic.iter_mut()) {
        let (concern, rules) = concerns.of(manifest, &flow.target);
        flow.concern = concern;
        flow.rules = rules;
    }
    DataMap { markets, storage, recipients, flows, domestic }
}

fn add_member(groups: &mut Vec<Group_>, country: Option<Jurisdiction>, id: &str) {
    match groups.iter_mut().find(|g| g.country == country) {
        Some(g) => {
            // A system joins a country's group once per location it has
            // there, all in a row, so it is already a member exactly when it
            // is the last one.
            if g.members.last().is_none_or(|m| m != id) {
                g.members.push(id.to_string());
            }
        }
        None => groups.push(Group_ { country, members: vec![id.to_string()] }),
    }
}

/// Flows in the order they were first seen, and where each is.
#[derive(Default)]
struct FlowList {
    flows: Vec<Flow>,
    at: HashMap<(Jurisdiction, Target), usize>,
}

impl FlowList {
    fn add(
        &mut self,
        market: &Jurisdiction,
        target: Target,
        country: &Jurisdiction,
        mechanism: Option<String>,
        activity: &juris_core::manifest::Activity,
    ) {
        let index = match self.at.entry((market.clone(), target)) {
            Entry::Occupied(at) => *at.get(),
            Entry::Vacant(at) => {
                let (market, target) = at.key().clone();
                at.insert(self.flows.len());
                self.flows.push(Flow {
                    market,
                    target,
                    country: country.clone(),
                    mechanism,
                    activities: Vec::new(),
                    data_categories: Vec::new(),
                    concern: Concern::Clear,
                    rules: Vec::new(),
                });
                self.flows.len() - 1
            }
        };
        let flow = &mut self.flows[index];
        // One activity adds all its flows before the next starts, so it is
        // already listed exactly when it is the last one listed.
        if flow.activities.last().map(String::as_str) != Some(activity.id.as_str()) {
            flow.activities.push(activity.id.to_string());
        }
        for category in &activity.data_categories {
            let category = category.as_str();
            if let Err(at) = flow.data_categories.binary_search_by(|c| c.as_str().cmp(category)) {
                flow.data_categories.insert(at, category.to_string());
            }
        }
    }
}

/// The name juris's manifest uses for a mechanism (`scc`, `anpd_scc`, …).
pub fn mechanism_name(m: TransferMechanism) -> &'static str {
    match m {
        TransferMechanism::Adequacy => "adequacy",
        TransferMechanism::Scc => "scc",
        TransferMechanism::AnpdScc => "anpd_scc",
        TransferMechanism::Idta => "idta",
        TransferMechanism::UkAddendum => "uk_addendum",
        TransferMechanism::Bcr => "bcr",
        TransferMechanism::Dpf => "dpf",
        TransferMechanism::Consent => "consent",
        TransferMechanism::Derogation => "derogation",
        TransferMechanism::None => "none",
    }
}

fn in_eea(j: &Jurisdiction) -> bool {
    Jurisdiction::Group(Group::Eea).covers(j)
}

/// What the manifest records about transferring `market`'s data into
/// `country`, beyond a recipient's own `transfer`: the free flow within the
/// EEA, and Russia's cross-border notice (152-FZ Art. 12).
fn regime_notes(manifest: &Manifest, market: &Jurisdiction, country: &Jurisdiction) -> Vec<String> {
    let mut notes = Vec::new();
    if in_eea(market) && in_eea(country) {
        notes.push("intra-EEA".to_string());
    }
    let russia = juris_core::jurisdiction::country("RU");
    if market.overlaps(&russia) && !russia.covers(country) {
        let filed = country.country().is_some_and(|c| {
            manifest.filings.rkn_cross_border_notice.iter().any(|n| n.country() == Some(c) || n.covers(country))
        });
        notes.push(if filed { "RKN notice filed" } else { "no RKN notice" }.to_string());
    }
    notes
}

fn system_mechanism(manifest: &Manifest, market: &Jurisdiction, location: &Jurisdiction) -> Option<String> {
    let mut parts = Vec::new();
    // The organisation's own systems abroad: the eea-uk module's
    // `system_transfers` table is where a manifest records their safeguard.
    let gb = juris_core::jurisdiction::country("GB");
    if (market.overlaps(&Jurisdiction::Group(Group::Eea)) || market.overlaps(&gb)) && !in_eea(location) {
        let key = location.to_string();
        if let Some(m) = manifest
            .modules
            .get("eea-uk")
            .and_then(|t| t.get("system_transfers"))
            .and_then(|t| t.get(key.as_str()))
            .and_then(|v| v.as_str())
        {
            parts.push(m.to_string());
        }
    }
    parts.extend(regime_notes(manifest, market, location));
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn recipient_mechanism(
    manifest: &Manifest,
    market: &Jurisdiction,
    country: &Jurisdiction,
    transfer: Option<TransferMechanism>,
) -> Option<String> {
    let mut parts: Vec<String> = transfer.map(|t| mechanism_name(t).to_string()).into_iter().collect();
    parts.extend(regime_notes(manifest, market, country));
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Whether `path` is `prefix` or below it (`systems[1]` covers
/// `systems[1].locations[0]`, not `systems[10]`).
pub fn path_within(path: &str, prefix: &str) -> bool {
    path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// How findings concern a destination: those whose path is under its system
/// (`systems[i]`, or `systems[i].locations[k]` for that location only) or
/// its recipient (`recipients[j]`); waiver-style `systems.<id>` paths count
/// too. Findings are sorted to their destination once, so that each flow
/// reads only its own.
struct Concerns<'a> {
    /// `(is a system, index in its table)` to the findings under it, in
    /// report order, with the location index a finding names.
    under: HashMap<(bool, usize), Vec<Under<'a>>>,
}

/// A finding under a system or recipient, and the location index it names.
type Under<'a> = (&'a ReportFinding, Option<usize>);

impl<'a> Concerns<'a> {
    fn new(manifest: &Manifest, findings: &'a [ReportFinding]) -> Concerns<'a> {
        use juris_core::path::{ManifestPath, Segment};
        let mut under: HashMap<(bool, usize), Vec<_>> = HashMap::new();
        for f in findings {
            let Some(path) = f.path.as_deref().and_then(ManifestPath::parse) else { continue };
            let segments = path.0.as_slice();
            let system = match segments.first() {
                Some(Segment::Key(table)) if table == "systems" => true,
                Some(Segment::Key(table)) if table == "recipients" => false,
                _ => continue,
            };
            let index = match segments.get(1) {
                Some(Segment::Index(i)) => Some(*i),
                Some(Segment::Key(id)) if system => manifest.system_index(id),
                Some(Segment::Key(id)) => manifest.recipient_index(id),
                None => None,
            };
            let Some(index) = index else { continue };
            let location = match (system, segments.get(2), segments.get(3)) {
                (true, Some(Segment::Key(key)), Some(Segment::Index(k))) if key == "locations" => Some(*k),
                _ => None,
            };
            under.entry((system, index)).or_default().push((f, location));
        }
        Concerns { under }
    }

    fn of(&self, manifest: &Manifest, target: &Target) -> (Concern, Vec<String>) {
        let key = match target {
            Target::System { id, .. } => manifest.system_index(id).map(|i| (true, i)),
            Target::Recipient { id } => manifest.recipient_index(id).map(|i| (false, i)),
        };
        let mut worst = Concern::Clear;
        let mut rules: Vec<String> = Vec::new();
        for &(f, location) in key.and_then(|k| self.under.get(&k)).into_iter().flatten() {
            // A finding about one location of a system concerns only the
            // flows to that location.
            if let (Target::System { id, location: to }, Some(k)) = (target, location)
                && let Some(system) = manifest.system(id)
                && system.locations.get(k) != Some(to)
            {
                continue;
            }
            let level = if f.waived {
                Concern::Waived
            } else if f.severity == Severity::Error {
                Concern::Error
            } else {
                Concern::Warning
            };
            worst = worst.max(level);
            if !rules.contains(&f.rule) {
                rules.push(f.rule.clone());
            }
        }
        (worst, rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
manifest = 1
[organization]
name = "Acme"
markets = ["EEA", "RU", "US-CA"]
[[entities]]
id = "eu"
name = "Acme B.V."
country = "NL"
serves = ["EEA"]
[[systems]]
id = "crm"
name = "CRM"
locations = ["DE", "US"]
holds = ["*"]
[[systems]]
id = "ru"
name = "RU store"
locations = ["RU"]
holds = ["RU"]
[[activities]]
id = "orders"
name = "Orders"
uses = ["essential.service"]
data_categories = ["user.contact.email"]
data_subjects = ["customer"]
systems = ["crm", "ru"]
recipients = ["mailer"]
[[activities]]
id = "ads"
name = "Ads"
uses = ["marketing.advertising"]
data_categories = ["user.device.cookie_id"]
data_subjects = ["customer"]
markets = ["EEA"]
systems = ["crm"]
[[recipients]]
id = "mailer"
name = "Mailer"
role = "processor"
country = "US"
transfer = "scc"
[filings]
rkn_cross_border_notice = ["DE"]
[modules.eea-uk]
system_transfers = { US = "scc" }
"#;

    #[test]
    fn a_map_too_large_for_the_layered_layout_still_draws_every_flow() {
        // 500 recipients abroad, each reached from three markets: 1,500 flows.
        let mut text = String::from(
            "manifest = 1\n[organization]\nname = \"Acme\"\nmarkets = [\"EEA\", \"GB\", \"BR\"]\n[[activities]]\nid = \"a\"\nname = \"A\"\nuses = [\"essential.service\"]\ndata_categories = [\"user.contact.email\"]\ndata_subjects = [\"customer\"]\nrecipients = [",
        );
        let ids: Vec<String> = (0..500).map(|i| format!("\"r{i}\"")).collect();
        text.push_str(&ids.join(", "));
        text.push_str("]\n");
        for i in 0..500 {
            let country = ["US", "IN", "JP", "CN"][i % 4];
            text.push_str(&format!(
                "[[recipients]]\nid = \"r{i}\"\nname = \"R{i}\"\nrole = \"processor\"\ncountry = \"{country}\"\ntransfer = \"scc\"\n"
            ));
        }
        let parsed = juris_core::manifest::parse(&text).expect("the manifest parses");
        let map = data_map(&parsed.manifest, &[finding("recipients.r7", Severity::Error, false)]);
        assert_eq!(map.flows.len(), 1500);
        let concerned: Vec<&Flow> = map.flows.iter().filter(|f| f.concern == Concern::Error).collect();
        assert_eq!(concerned.len(), 3, "the finding on r7 concerns its three flows, and only those");
        assert!(concerned.iter().all(|f| f.target == Target::Recipient { id: "r7".into() }));
        let svg = crate::svg::render(&parsed.manifest, &map);
        assert_eq!(svg.matches("data-kind=\"flow\"").count(), 1500, "every flow is drawn, in columns");
    }

    fn finding(path: &str, severity: Severity, waived: bool) -> ReportFinding {
        ReportFinding {
            rule: "x/y".into(),
            module: "x".into(),
            severity,
            message: "m".into(),
            citation: String::new(),
            path: Some(path.into()),
            line: None,
            docs: None,
            waived,
        }
    }

    #[test]
    fn flows_cross_borders_once_per_market_and_destination() {
        let parsed = juris_core::manifest::parse(MANIFEST).unwrap();
        let map = data_map(&parsed.manifest, &[finding("systems[0].locations[1]", Severity::Error, false)]);
        let names: Vec<String> = map
            .flows
            .iter()
            .map(|f| {
                let to = match &f.target {
                    Target::System { id, location } => format!("{id}@{location}"),
                    Target::Recipient { id } => id.clone(),
                };
                format!("{}>{to}:{}", f.market, f.mechanism.clone().unwrap_or_default())
            })
            .collect();
        assert_eq!(
            names,
            [
                "EEA>crm@US:scc",
                "EEA>mailer:scc",
                "RU>crm@DE:RKN notice filed",
                "RU>crm@US:no RKN notice",
                "RU>mailer:scc; no RKN notice",
                "US-CA>crm@DE:",
            ]
        );
        // Two activities, one flow: the categories are merged.
        let eea_us = &map.flows[0];
        assert_eq!(eea_us.activities, ["orders", "ads"]);
        assert_eq!(eea_us.data_categories, ["user.contact.email", "user.device.cookie_id"]);
        // The finding is about the US location only.
        assert_eq!(eea_us.concern, Concern::Error);
        assert_eq!(map.flows[2].concern, Concern::Clear);
        assert_eq!(map.flows[5].mechanism, None);
        assert_eq!(map.storage.iter().map(|g| g.members.len()).sum::<usize>(), 3);
        assert_eq!(map.markets[0].entity.as_ref().map(|e| e.0.as_str()), Some("eu"));
        assert!(map.domestic.iter().any(|f| f.market.to_string() == "RU"));
    }

    #[test]
    fn waived_and_prefix_boundaries() {
        assert!(path_within("systems[1].x", "systems[1]"));
        assert!(!path_within("systems[10]", "systems[1]"));
        let parsed = juris_core::manifest::parse(MANIFEST).unwrap();
        let map = data_map(&parsed.manifest, &[finding("recipients.mailer", Severity::Error, true)]);
        let mailer = map.flows.iter().find(|f| matches!(&f.target, Target::Recipient { .. })).unwrap();
        assert_eq!(mailer.concern, Concern::Waived);
    }
}
