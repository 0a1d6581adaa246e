//! Counted legal data the rules read: adequacy lists, the ages of digital consent,
//! and which fideslang keys are special-category data. Each entry cites the row
//! of `shared/legal/eea-uk-california.md` it comes from.

use juris_core::jiff::civil::{Date, date};

/// Whether a fact is settled in the fact sheet or encoded conservatively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    /// VERIFIED (primary or two consistent secondary sources).
    Verified,
    /// UNVERIFIED or disputed: encoded conservatively; findings based on it
    /// are warnings.
    Uncertain,
}

/// An adequacy decision (EU) or data bridge (UK) for a country.
#[derive(Clone, Copy, Debug)]
pub struct Adequacy {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// The first day it applies, when the sheet gives it.
    pub from: Option<Date>,
    /// The last day it applies, when it expires.
    pub until: Option<Date>,
    /// Only for organisations certified to the Data Privacy Framework.
    pub certified_only: bool,
    /// A limit of scope, said in words.
    pub scope: &'static str,
    /// The decision.
    pub decision: &'static str,
}

const fn adequate(country: &'static str, decision: &'static str) -> Adequacy {
    Adequacy { country, from: None, until: None, certified_only: false, scope: "", decision }
}

/// The European Commission's adequacy decisions (GDPR Art. 45), sheet §6B.
pub static EU_ADEQUACY: &[Adequacy] = &[
    adequate("AD", "Commission adequacy decision (Andorra)"),
    adequate("AR", "Commission adequacy decision (Argentina)"),
    Adequacy {
        scope: "commercial organisations subject to PIPEDA only",
        ..adequate("CA", "Commission adequacy decision (Canada, PIPEDA)")
    },
    adequate("FO", "Commission adequacy decision (Faroe Islands)"),
    adequate("GG", "Commission adequacy decision (Guernsey)"),
    adequate("IM", "Commission adequacy decision (Isle of Man)"),
    adequate("IL", "Commission adequacy decision (Israel)"),
    Adequacy {
        scope: "data covered by the APPI and supplementary rules",
        ..adequate("JP", "Commission adequacy decision (Japan)")
    },
    adequate("JE", "Commission adequacy decision (Jersey)"),
    adequate("NZ", "Commission adequacy decision (New Zealand)"),
    Adequacy { scope: "data covered by PIPA", ..adequate("KR", "Commission adequacy decision (Republic of Korea)") },
    adequate("CH", "Commission adequacy decision (Switzerland)"),
    adequate("UY", "Commission adequacy decision (Uruguay)"),
    Adequacy {
        until: Some(date(2031, 12, 27)),
        ..adequate("GB", "Commission adequacy decisions for the United Kingdom, renewed 19 Dec 2025")
    },
    Adequacy {
        from: Some(date(2023, 7, 10)),
        certified_only: true,
        scope: "organisations certified to the EU-US Data Privacy Framework only",
        ..adequate("US", "Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)")
    },
    Adequacy {
        from: Some(date(2026, 1, 26)),
        ..adequate("BR", "Commission Implementing Decision (EU) 2026/179 (Brazil)")
    },
];

/// The UK's adequacy regulations ("data bridges"), UK GDPR Art. 45 and DPA 2018
/// Sch 21 para 5, sheet §6C U6.2. EEA states are adequate for the UK too.
pub static UK_ADEQUACY: &[Adequacy] = &[
    adequate("GI", "DPA 2018 Sch 21 para 5 (Gibraltar)"),
    adequate("CH", "DPA 2018 Sch 21 para 5 (Switzerland)"),
    Adequacy { scope: "PIPEDA only", ..adequate("CA", "DPA 2018 Sch 21 para 5 (Canada, PIPEDA)") },
    adequate("AR", "DPA 2018 Sch 21 para 5 (Argentina)"),
    adequate("GG", "DPA 2018 Sch 21 para 5 (Guernsey)"),
    adequate("IM", "DPA 2018 Sch 21 para 5 (Isle of Man)"),
    adequate("JE", "DPA 2018 Sch 21 para 5 (Jersey)"),
    adequate("AD", "DPA 2018 Sch 21 para 5 (Andorra)"),
    adequate("IL", "DPA 2018 Sch 21 para 5 (Israel)"),
    adequate("UY", "DPA 2018 Sch 21 para 5 (Uruguay)"),
    adequate("NZ", "DPA 2018 Sch 21 para 5 (New Zealand)"),
    Adequacy { scope: "APPI", ..adequate("JP", "DPA 2018 Sch 21 para 5 (Japan)") },
    Adequacy { from: Some(date(2022, 12, 19)), ..adequate("KR", "SI 2022/1213 (Republic of Korea)") },
    Adequacy {
        from: Some(date(2023, 10, 12)),
        certified_only: true,
        scope: "organisations certified to the UK Extension to the EU-US Data Privacy Framework only",
        ..adequate("US", "SI 2023/1028 (UK Extension to the EU-US Data Privacy Framework)")
    },
];

/// Which regime a flow of personal data leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Regime {
    /// The GDPR: data of people in the EEA.
    Eea,
    /// The UK GDPR: data of people in the United Kingdom.
    Uk,
}

impl Regime {
    /// The regime's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Regime::Eea => "the EEA",
            Regime::Uk => "the UK",
        }
    }

    /// Whether data may flow to `country` without any transfer mechanism: the
    /// country is inside the regime (or, for the UK, in the EEA).
    pub fn is_inside(self, country: &str) -> bool {
        let eea = juris_core::jurisdiction::Country::parse(country).is_some_and(|c| c.is_eea());
        match self {
            Regime::Eea => eea,
            Regime::Uk => eea || country == "GB",
        }
    }

    /// The adequacy decision for `country` in force on `on`, if any.
    pub fn adequacy(self, country: &str, on: Date) -> Option<&'static Adequacy> {
        let list = match self {
            Regime::Eea => EU_ADEQUACY,
            Regime::Uk => UK_ADEQUACY,
        };
        list.iter().find(|a| a.country == country && a.from.is_none_or(|f| f <= on) && a.until.is_none_or(|u| on <= u))
    }
}

/// An age of digital consent (GDPR Art. 8(1)) in force from a date.
#[derive(Clone, Copy, Debug)]
pub struct ConsentAge {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// The age.
    pub age: u8,
    /// The first day it applies (`None`: since the GDPR applied).
    pub from: Option<Date>,
    /// How sure the sheet is.
    pub certainty: Certainty,
    /// The law and, where uncertain, why.
    pub source: &'static str,
}

const fn age(country: &'static str, age: u8, source: &'static str) -> ConsentAge {
    ConsentAge { country, age, from: None, certainty: Certainty::Verified, source }
}

const fn disputed(country: &'static str, age: u8, source: &'static str) -> ConsentAge {
    ConsentAge { country, age, from: None, certainty: Certainty::Uncertain, source }
}

/// Ages of digital consent by country, sheet §5. Where the sheet's sources
/// conflict, the higher age is kept (the reading that protects more children)
/// and the entry is marked uncertain. Later entries for a country supersede
/// earlier ones from their `from` date.
pub static CONSENT_AGES: &[ConsentAge] = &[
    age("AT", 14, "DSG §4(4)"),
    age("BE", 13, "Act of 30 July 2018, Art. 7"),
    age("BG", 14, "national implementing act"),
    age("HR", 16, "national implementing act"),
    age("CY", 14, "Law 125(I)/2018 s.8"),
    age("CZ", 15, "national data protection act §7"),
    age("DK", 13, "Databeskyttelsesloven §6(2)"),
    ConsentAge {
        from: Some(date(2024, 1, 1)),
        ..age("DK", 15, "Databeskyttelsesloven §6(2) as amended by L 79 (2023-24)")
    },
    disputed("EE", 13, "national implementing act (single source)"),
    age("FI", 13, "Data Protection Act (FI)"),
    age("FR", 15, "Loi 78-17, Art. 7-1"),
    age("DE", 16, "GDPR Art. 8(1) default"),
    age("GR", 15, "Law 4624/2019 Art. 21"),
    age("HU", 16, "GDPR Art. 8(1) default"),
    age("IE", 16, "Data Protection Act 2018 s.31"),
    age("IT", 14, "Codice art. 2-quinquies"),
    disputed("LV", 13, "national implementing act (single source)"),
    disputed("LT", 16, "national implementing act (sources say 14 and 16; 16 kept)"),
    age("LU", 16, "GDPR Art. 8(1) default"),
    disputed("MT", 13, "national implementing act (single source)"),
    age("NL", 16, "Dutch GDPR implementation act"),
    age("PL", 16, "GDPR Art. 8(1) default"),
    disputed("PT", 16, "Lei 58/2019 (sources say 13 and 16, and a bill would raise it to 16; 16 kept)"),
    age("RO", 16, "GDPR Art. 8(1) default"),
    age("SK", 16, "national implementing act"),
    disputed("SI", 16, "ZVOP-2 (sources say 15 and 16; 16 kept)"),
    disputed("ES", 14, "LOPDGDD Art. 7 (a bill would raise it to 16; enactment not confirmed)"),
    age("SE", 13, "Data Protection Act (SE)"),
    disputed("IS", 13, "not found in the sheet's sources"),
    disputed("LI", 16, "GDPR Art. 8(1) default assumed; not found"),
    disputed("NO", 13, "Personopplysningsloven (a proposal would raise it to 15)"),
    disputed("GB", 13, "UK GDPR Art. 8(1), DPA 2018 s.9 (CWSA 2026 s.72 lets the Secretary of State change it)"),
];

/// The age of digital consent in `country` on `on`.
pub fn consent_age(country: &str, on: Date) -> Option<&'static ConsentAge> {
    CONSENT_AGES.iter().rfind(|a| a.country == country && a.from.is_none_or(|f| f <= on))
}

/// Fideslang data categories that are special-category data (GDPR Art. 9(1)),
/// with what they reveal. Trade-union membership has no fideslang key.
pub static SPECIAL_CATEGORIES: &[(&str, &str)] = &[
    ("user.biometric", "biometric data"),
    ("user.authorization.biometric", "biometric data"),
    ("user.health_and_medical", "health or genetic data"),
    ("user.demographic.race_ethnicity", "racial or ethnic origin"),
    ("user.demographic.political_opinion", "political opinions"),
    ("user.demographic.religious_belief", "religious or philosophical beliefs"),
    ("user.demographic.sexual_orientation", "sex life or sexual orientation"),
];

/// What a data category reveals, when it is special-category data.
pub fn special_category(key: &str) -> Option<&'static str> {
    SPECIAL_CATEGORIES.iter().find(|(prefix, _)| juris_core::taxonomy::is_within(key, prefix)).map(|(_, what)| *what)
}

/// The EEA's 30 countries, for expanding a market entry such as `EEA`.
pub fn eea_countries() -> impl Iterator<Item = &'static str> {
    juris_core::jurisdiction::EU_MEMBERS.iter().chain(juris_core::jurisdiction::EEA_EFTA.iter()).copied()
}

/// The regimes in any of the lists, each once, EEA first.
pub fn union(lists: impl Iterator<Item = Vec<Regime>>) -> Vec<Regime> {
    let all: Vec<Regime> = lists.flatten().collect();
    [Regime::Eea, Regime::Uk].into_iter().filter(|r| all.contains(r)).collect()
}
