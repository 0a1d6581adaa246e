//! Whether personal information is sold or shared, derived from what the
//! manifest says happens: who receives it, for what, and what the business gets
//! in return. A declared `sells_or_shares = true` adds to what is derived; it
//! never removes anything.
//!
//! - A "sale" is a disclosure to a third party for monetary or other valuable
//!   consideration (Civ. Code §1798.140(ad)(1)).
//! - "Sharing" is a disclosure to a third party for cross-context behavioural
//!   advertising, whether or not for consideration (§1798.140(ah)(1), (k)),
//!   a term the CPRA added from 2023-01-01. Before that, the Attorney General
//!   treated the same disclosures to advertising networks as sales, the
//!   business receiving analytics and targeted advertising in exchange (People
//!   v. Sephora USA, Inc., settlement of 2022-08-24:
//!   <https://oag.ca.gov/news/press-releases/attorney-general-bonta-announces-settlement-sephora-part-ongoing-enforcement>).
//! - A service provider or contractor engaged for cross-context behavioural
//!   advertising is a third party for it (§1798.140(e)(6); 11 CCR §7050(b)), and
//!   a vendor without the contract of §1798.140(ag)(1) or (j)(1) is no service
//!   provider or contractor at all.

use juris_core::Manifest;
use juris_core::jiff::civil::Date;
use juris_core::manifest::{Activity, Consideration, CookiePurpose, Recipient, RecipientRole};
use juris_core::taxonomy::DataUse;

use crate::deadlines::CPRA_OPERATIVE;

/// Data uses that are cross-context behavioural advertising (§1798.140(k)):
/// targeting ads with what is known of the consumer's activity elsewhere.
pub const CROSS_CONTEXT_USES: &[&str] = &["marketing.advertising.third_party", "marketing.advertising.profiling"];

/// Whether a use is cross-context behavioural advertising.
pub fn is_cross_context(u: &DataUse) -> bool {
    CROSS_CONTEXT_USES.iter().any(|p| u.is_within(p))
}

/// What a disclosure is in law.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A sale (§1798.140(ad)).
    Sale,
    /// Sharing for cross-context behavioural advertising (§1798.140(ah)).
    Sharing,
    /// Declared by `sells_or_shares = true`, with no facts that show which.
    Declared,
}

/// Where a sale or sharing was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// `activities[i]`.
    Activity(usize),
    /// `cookies[i]`.
    Cookie(usize),
}

/// One sale or sharing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleOrSharing {
    /// What it is.
    pub kind: Kind,
    /// Where it was found.
    pub source: Source,
    /// The recipient's index in `recipients`, if one is named.
    pub recipient: Option<usize>,
    /// Why, in words, citing the definition.
    pub reason: String,
}

impl SaleOrSharing {
    /// The manifest path of its source.
    pub fn path(&self) -> String {
        match self.source {
            Source::Activity(i) => format!("activities[{i}]"),
            Source::Cookie(i) => format!("cookies[{i}]"),
        }
    }

    /// Whether it was derived from facts rather than only declared.
    pub fn derived(&self) -> bool {
        self.kind != Kind::Declared
    }
}

/// Whether the recipient is a third party for a sale: a third party or a
/// business deciding its own purposes, or a vendor with no contract, which is
/// not a service provider or contractor in law.
fn third_party_for_sale(r: &Recipient) -> bool {
    match r.role {
        RecipientRole::ThirdParty | RecipientRole::Controller => true,
        RecipientRole::ServiceProvider | RecipientRole::Contractor | RecipientRole::Processor => {
            !r.contract && r.contract_terms.is_empty()
        }
    }
}

fn role_name(r: &Recipient) -> &'static str {
    match r.role {
        RecipientRole::ThirdParty => "third party",
        RecipientRole::Controller => "business",
        RecipientRole::ServiceProvider => "service provider",
        RecipientRole::Contractor => "contractor",
        RecipientRole::Processor => "processor",
    }
}

/// What one disclosure to `r` is, given the purposes it serves, as of `on`.
fn classify(r: &Recipient, purposes: &[&DataUse], on: Date) -> Option<(Kind, String)> {
    let cross_context = purposes.iter().find(|u| is_cross_context(u));
    let valuable = matches!(r.consideration, Some(Consideration::Monetary | Consideration::OtherValuable));
    if let Some(u) = cross_context {
        if on >= CPRA_OPERATIVE {
            return Some((
                Kind::Sharing,
                format!(
                    "{} `{}` receives it for cross-context behavioural advertising (`{u}`), which is sharing (§1798.140(ah))",
                    role_name(r),
                    r.id
                ),
            ));
        }
        // Before the CPRA, targeting was the valuable consideration (Sephora).
        if r.consideration != Some(Consideration::None) {
            return Some((
                Kind::Sale,
                format!(
                    "{} `{}` receives it for cross-context behavioural advertising (`{u}`), in exchange for advertising services, which is a sale (§1798.140(t) as in force before 2023; People v. Sephora, 2022)",
                    role_name(r),
                    r.id
                ),
            ));
        }
    }
    if valuable && third_party_for_sale(r) {
        let what =
            if r.consideration == Some(Consideration::Monetary) { "money" } else { "other valuable consideration" };
        let section = if on >= CPRA_OPERATIVE { "§1798.140(ad)" } else { "§1798.140(t) as in force before 2023" };
        return Some((
            Kind::Sale,
            format!("{} `{}` receives it for {what}, which is a sale ({section})", role_name(r), r.id),
        ));
    }
    None
}

/// Every sale and sharing of Californians' personal information the manifest
/// shows, as of `on`: derived from activities and cookies, and declared.
pub fn find(m: &Manifest, on: Date) -> Vec<SaleOrSharing> {
    let ca = crate::us_ca();
    let mut out = Vec::new();
    for (i, a) in m.activities.iter().enumerate() {
        if !m.activity_touches(a, &ca) {
            continue;
        }
        let mut derived = false;
        for r in a.recipients.iter().filter_map(|id| m.recipient(id)) {
            let purposes = purposes_of(r, a);
            if let Some((kind, why)) = classify(r, &purposes, on) {
                derived = true;
                out.push(SaleOrSharing {
                    kind,
                    source: Source::Activity(i),
                    recipient: recipient_index(m, r),
                    reason: format!("activity `{}` discloses personal information and {why}", a.id),
                });
            }
        }
        if a.sells_or_shares && !derived {
            out.push(SaleOrSharing {
                kind: Kind::Declared,
                source: Source::Activity(i),
                recipient: None,
                reason: format!("activity `{}` declares `sells_or_shares = true`", a.id),
            });
        }
    }
    if crate::applicability::in_california(m) {
        for (i, c) in m.cookies.iter().enumerate() {
            for r in c.recipients.iter().filter_map(|id| m.recipient(id)) {
                let advertising = DataUse::parse("marketing.advertising.third_party.targeted").ok();
                let mut purposes: Vec<&DataUse> = r.purposes.iter().collect();
                if c.purpose == CookiePurpose::Advertising
                    && let Some(u) = advertising.as_ref()
                {
                    // An advertising cookie is, by its definition in the
                    // manifest, advertising and tracking across sites.
                    purposes.push(u);
                }
                if let Some((kind, why)) = classify(r, &purposes, on) {
                    out.push(SaleOrSharing {
                        kind,
                        source: Source::Cookie(i),
                        recipient: recipient_index(m, r),
                        reason: format!("cookie `{}` discloses an online identifier and {why}", c.name),
                    });
                }
            }
        }
    }
    out
}

/// The purposes a recipient receives an activity's data for: its own, when
/// the manifest states them, else the activity's.
fn purposes_of<'a>(r: &'a Recipient, a: &'a Activity) -> Vec<&'a DataUse> {
    if r.purposes.is_empty() { a.uses.iter().collect() } else { r.purposes.iter().collect() }
}

fn recipient_index(m: &Manifest, r: &Recipient) -> Option<usize> {
    m.recipient_index(&r.id)
}

/// The activities that sell or share, by index, so that asking about each of
/// many activities does not scan every sale each time (that made two rules
/// quadratic in the number of activities).
#[derive(Debug)]
pub struct SellingActivities(Vec<bool>);

impl SellingActivities {
    pub fn of(found: &[SaleOrSharing], activities: usize) -> Self {
        let mut selling = vec![false; activities];
        for sale in found {
            if let Source::Activity(i) = sale.source
                && let Some(slot) = selling.get_mut(i)
            {
                *slot = true;
            }
        }
        SellingActivities(selling)
    }

    /// Whether activity `index` sells or shares.
    pub fn contains(&self, index: usize) -> bool {
        self.0.get(index).copied().unwrap_or(false)
    }
}

/// The sources in words, for a message: "activity `ads`, cookie `_fbp`".
pub fn sources(m: &Manifest, found: &[SaleOrSharing]) -> String {
    let mut names: Vec<String> = Vec::new();
    for s in found {
        let name = match s.source {
            Source::Activity(i) => m.activities.get(i).map(|a| format!("activity `{}`", a.id)),
            Source::Cookie(i) => m.cookies.get(i).map(|c| format!("cookie `{}`", c.name)),
        };
        if let Some(name) = name
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    names.join(", ")
}

/// The reasons, joined for a message.
pub fn reasons(found: &[SaleOrSharing]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for s in found {
        if !out.contains(&s.reason.as_str()) {
            out.push(&s.reason);
        }
    }
    out.join("; ")
}

#[cfg(test)]
mod selling_activities_tests {
    use super::*;

    fn sale(source: Source) -> SaleOrSharing {
        SaleOrSharing { kind: Kind::Sale, source, recipient: None, reason: String::new() }
    }

    #[test]
    fn marks_the_activities_found_selling_and_nothing_else() {
        let found =
            [sale(Source::Activity(2)), sale(Source::Cookie(0)), sale(Source::Activity(0)), sale(Source::Activity(9))];
        let selling = SellingActivities::of(&found, 4);
        let marked: Vec<usize> = (0..6).filter(|&i| selling.contains(i)).collect();
        // The cookie's index is not an activity's, and 9 is past the last activity.
        assert_eq!(marked, [0, 2]);
    }
}
