//! Counted legal data the rules read: adequacy lists, the ages of digital
//! consent, and which fideslang keys are special-category data. Each entry
//! names the public act it comes from.

use juris_core::jiff::civil::{Date, date};

/// Whether a fact is confirmed by the act cited or encoded conservatively.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    /// The act cited says so.
    Verified,
    /// The act could not be confirmed or a change is pending: encoded
    /// conservatively, the source says why; findings based on it are warnings.
    Uncertain,
}

/// An adequacy decision (EU) or adequacy regulations (UK) for a country.
#[derive(Clone, Copy, Debug)]
pub struct Adequacy {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// The first day it applies (`None`: before the GDPR applied).
    pub from: Option<Date>,
    /// The last day it applies, when it ended or expires.
    pub until: Option<Date>,
    /// Only for organisations certified to the framework it recognises.
    pub certified_only: bool,
    /// A limit of scope, said in words.
    pub scope: &'static str,
    /// The decision.
    pub decision: &'static str,
}

const fn adequate(country: &'static str, decision: &'static str) -> Adequacy {
    Adequacy { country, from: None, until: None, certified_only: false, scope: "", decision }
}

/// The day the Court of Justice invalidated the EU-US Privacy Shield
/// (judgment of 16 July 2020, C-311/18 Facebook Ireland and Schrems, "Schrems II").
pub const SCHREMS_II: Date = date(2020, 7, 16);

/// The day the EU-US Data Privacy Framework decision was adopted and applied
/// (Commission Implementing Decision (EU) 2023/1795 of 10 July 2023).
pub const EU_US_DPF_FROM: Date = date(2023, 7, 10);

/// The day the UK Extension to the DPF applied (SI 2023/1028, reg 1(2)).
pub const UK_US_BRIDGE_FROM: Date = date(2023, 10, 12);

/// The European Commission's adequacy decisions (GDPR Art. 45(1); decisions
/// under Directive 95/46/EC Art. 25(6) stay in force by GDPR Art. 45(9)),
/// as listed on the Commission's page "Adequacy decisions"
/// (https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en).
pub static EU_ADEQUACY: &[Adequacy] = &[
    adequate("AD", "Commission Decision 2010/625/EU of 19 October 2010 (Andorra)"),
    adequate("AR", "Commission Decision 2003/490/EC of 30 June 2003 (Argentina)"),
    Adequacy {
        scope: "commercial organisations subject to PIPEDA only",
        ..adequate("CA", "Commission Decision 2002/2/EC of 20 December 2001 (Canada, PIPEDA)")
    },
    adequate("FO", "Commission Decision 2010/146/EU of 5 March 2010 (Faroe Islands)"),
    adequate("GG", "Commission Decision 2003/821/EC of 21 November 2003 (Guernsey)"),
    adequate("IM", "Commission Decision 2004/411/EC of 28 April 2004 (Isle of Man)"),
    adequate("IL", "Commission Decision 2011/61/EU of 31 January 2011 (Israel)"),
    Adequacy {
        from: Some(date(2019, 1, 23)),
        scope: "data covered by the APPI and the Supplementary Rules",
        ..adequate("JP", "Commission Implementing Decision (EU) 2019/419 of 23 January 2019 (Japan)")
    },
    adequate("JE", "Commission Decision 2008/393/EC of 8 May 2008 (Jersey)"),
    adequate("NZ", "Commission Implementing Decision 2013/65/EU of 19 December 2012 (New Zealand)"),
    Adequacy {
        from: Some(date(2021, 12, 17)),
        scope: "data covered by PIPA",
        ..adequate("KR", "Commission Implementing Decision (EU) 2022/254 of 17 December 2021 (Republic of Korea)")
    },
    adequate("CH", "Commission Decision 2000/518/EC of 26 July 2000 (Switzerland)"),
    adequate("UY", "Commission Implementing Decision 2012/484/EU of 21 August 2012 (Uruguay)"),
    Adequacy {
        from: Some(date(2021, 1, 1)),
        until: Some(date(2021, 6, 27)),
        ..adequate(
            "GB",
            "EU-UK Trade and Cooperation Agreement Art. FINPROV.10A (interim: transfers to the UK not treated as transfers to a third country)",
        )
    },
    Adequacy {
        from: Some(date(2021, 6, 28)),
        until: Some(date(2031, 12, 27)),
        ..adequate(
            "GB",
            "Commission Implementing Decision (EU) 2021/1772 of 28 June 2021 (United Kingdom), renewed in December 2025 until 27 December 2031",
        )
    },
    Adequacy {
        from: Some(date(2016, 8, 1)),
        until: Some(date(2020, 7, 15)),
        certified_only: true,
        scope: "organisations certified to the EU-US Privacy Shield only",
        ..adequate(
            "US",
            "Commission Implementing Decision (EU) 2016/1250 of 12 July 2016 (EU-US Privacy Shield), invalidated by CJEU C-311/18 on 16 July 2020",
        )
    },
    Adequacy {
        from: Some(EU_US_DPF_FROM),
        certified_only: true,
        scope: "organisations certified to the EU-US Data Privacy Framework only",
        ..adequate(
            "US",
            "Commission Implementing Decision (EU) 2023/1795 of 10 July 2023 (EU-US Data Privacy Framework)",
        )
    },
    Adequacy {
        from: Some(date(2026, 1, 26)),
        ..adequate("BR", "Commission Implementing Decision (EU) 2026/179 of 26 January 2026 (Brazil)")
    },
];

/// The UK's adequacy regulations (UK GDPR Art. 45; DPA 2018 s.17A), with the
/// EU decisions in force on 31 December 2020 that DPA 2018 Sch 21 paras 4-5
/// keep as UK adequacy regulations; EEA states and Gibraltar are covered by
/// Sch 21 para 4 (see the ICO's guidance on international transfers,
/// https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/).
pub static UK_ADEQUACY: &[Adequacy] = &[
    adequate("GI", "DPA 2018 Sch 21 para 4 (Gibraltar)"),
    adequate("CH", "DPA 2018 Sch 21 para 5, keeping Decision 2000/518/EC (Switzerland)"),
    Adequacy {
        scope: "PIPEDA only",
        ..adequate("CA", "DPA 2018 Sch 21 para 5, keeping Decision 2002/2/EC (Canada, PIPEDA)")
    },
    adequate("AR", "DPA 2018 Sch 21 para 5, keeping Decision 2003/490/EC (Argentina)"),
    adequate("FO", "DPA 2018 Sch 21 para 5, keeping Decision 2010/146/EU (Faroe Islands)"),
    adequate("GG", "DPA 2018 Sch 21 para 5, keeping Decision 2003/821/EC (Guernsey)"),
    adequate("IM", "DPA 2018 Sch 21 para 5, keeping Decision 2004/411/EC (Isle of Man)"),
    adequate("JE", "DPA 2018 Sch 21 para 5, keeping Decision 2008/393/EC (Jersey)"),
    adequate("AD", "DPA 2018 Sch 21 para 5, keeping Decision 2010/625/EU (Andorra)"),
    adequate("IL", "DPA 2018 Sch 21 para 5, keeping Decision 2011/61/EU (Israel)"),
    adequate("UY", "DPA 2018 Sch 21 para 5, keeping Decision 2012/484/EU (Uruguay)"),
    adequate("NZ", "DPA 2018 Sch 21 para 5, keeping Decision 2013/65/EU (New Zealand)"),
    Adequacy { scope: "APPI", ..adequate("JP", "DPA 2018 Sch 21 para 5, keeping Decision (EU) 2019/419 (Japan)") },
    Adequacy {
        from: Some(date(2022, 12, 19)),
        ..adequate("KR", "The Data Protection (Adequacy) (Republic of Korea) Regulations 2022, SI 2022/1213")
    },
    Adequacy {
        from: Some(UK_US_BRIDGE_FROM),
        certified_only: true,
        scope: "organisations certified to the UK Extension to the EU-US Data Privacy Framework only",
        ..adequate("US", "The Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028")
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

    /// Whether data may flow to `country` on `on` without any transfer
    /// mechanism: the country is inside the regime (GB inside the EU until
    /// 2020-12-31), or, for the UK, in the EEA (DPA 2018 Sch 21 para 4).
    pub fn is_inside(self, country: &str, on: Date) -> bool {
        let eea = juris_core::jurisdiction::Country::parse(country).is_some_and(|c| c.is_eea());
        match self {
            Regime::Eea => eea || (country == "GB" && on < crate::applicability::UK_GDPR_FROM),
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
    /// Whether the national provision is confirmed.
    pub certainty: Certainty,
    /// The national law and, where uncertain, why.
    pub source: &'static str,
}

const fn age(country: &'static str, age: u8, source: &'static str) -> ConsentAge {
    ConsentAge { country, age, from: None, certainty: Certainty::Verified, source }
}

const fn uncertain(country: &'static str, age: u8, source: &'static str) -> ConsentAge {
    ConsentAge { country, age, from: None, certainty: Certainty::Uncertain, source }
}

/// Ages of digital consent by country. The EU-27 figures agree with the
/// Commission's table in SWD(2020) 115 final of 24 June 2020 (p. 17), which
/// accompanies its first GDPR evaluation, COM(2020) 264; later national
/// changes are dated. Where a provision could not be confirmed the entry is
/// uncertain and findings that rest on it are warnings. Later entries for a country supersede earlier ones from their
/// `from` date.
pub static CONSENT_AGES: &[ConsentAge] = &[
    age("AT", 14, "Datenschutzgesetz (DSG) §4(4)"),
    age("BE", 13, "Law of 30 July 2018 on the protection of natural persons, Art. 7"),
    age("BG", 14, "Personal Data Protection Act, Art. 25c"),
    age("HR", 16, "Act on the Implementation of the GDPR (NN 42/2018), Art. 19"),
    age("CY", 14, "Law 125(I)/2018, s.8"),
    age("CZ", 15, "Act No. 110/2019 Coll. on personal data processing, §7"),
    age("DK", 13, "Databeskyttelsesloven (Act No. 502 of 23 May 2018), §6(2)"),
    ConsentAge {
        from: Some(date(2024, 1, 1)),
        ..age("DK", 15, "Databeskyttelsesloven §6(2) as amended by Act L 79 (2023-24), from 1 January 2024")
    },
    age("EE", 13, "Isikuandmete kaitse seadus (Personal Data Protection Act 2018), §8"),
    age("FI", 13, "Tietosuojalaki (Data Protection Act 1050/2018), §5"),
    age("FR", 15, "Loi n° 78-17 du 6 janvier 1978, Art. 45"),
    age("DE", 16, "no national derogation (BDSG): GDPR Art. 8(1) default"),
    age("GR", 15, "Law 4624/2019, Art. 21"),
    age("HU", 16, "no national derogation (Infotv.): GDPR Art. 8(1) default"),
    age("IE", 16, "Data Protection Act 2018, s.31"),
    age("IT", 14, "Codice in materia di protezione dei dati personali, art. 2-quinquies"),
    age("LV", 13, "Personal Data Processing Law, s.33"),
    age("LT", 14, "Law on Legal Protection of Personal Data, Art. 6"),
    age("LU", 16, "no national derogation (Law of 1 August 2018): GDPR Art. 8(1) default"),
    age("MT", 13, "Data Protection Act (Cap. 586), as reported in Commission SWD(2020) 115"),
    age("NL", 16, "Uitvoeringswet AVG, art. 5"),
    age("PL", 16, "no national derogation: GDPR Art. 8(1) default"),
    age("PT", 13, "Lei n.º 58/2019, art. 16"),
    age("RO", 16, "no national derogation (Law 190/2018): GDPR Art. 8(1) default"),
    age("SK", 16, "Act No. 18/2018 Coll., §15"),
    age("SI", 16, "no national derogation before ZVOP-2: GDPR Art. 8(1) default"),
    ConsentAge {
        from: Some(date(2023, 1, 26)),
        ..age(
            "SI",
            15,
            "Zakon o varstvu osebnih podatkov (ZVOP-2, Uradni list RS 163/2022), Art. 8, from 26 January 2023",
        )
    },
    age("ES", 14, "Ley Orgánica 3/2018 (LOPDGDD), Art. 7(1)"),
    age("SE", 13, "Lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning, ch. 2 §4"),
    uncertain(
        "IS",
        13,
        "Act No. 90/2018 on Data Protection: 13 in secondary summaries, the article was not confirmed against the act",
    ),
    uncertain(
        "LI",
        16,
        "Datenschutzgesetz (DSG, LGBl. 2018 Nr. 272): no derogation found, so the GDPR Art. 8(1) default is kept",
    ),
    uncertain(
        "NO",
        13,
        "Personopplysningsloven §5; a government bill (consultation of October 2025) would raise it to 15, not enacted as of 2026-12-01",
    ),
    uncertain(
        "GB",
        13,
        "UK GDPR Art. 8(1) as amended by DPA 2018 s.9; the Children's Wellbeing and Schools Act 2026 s.72 lets the Secretary of State change it by regulations, none made as of 2026-12-01",
    ),
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
