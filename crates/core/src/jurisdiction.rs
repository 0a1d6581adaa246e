//! The jurisdiction vocabulary: ISO 3166-1 alpha-2 countries, ISO 3166-2
//! subdivisions (`US-CA`), and the groups `EEA`, `EU` and `*`.
//!
//! A [`Jurisdiction`] is validated when it is deserialized, so a manifest with an
//! unknown code fails to load with the code's line and column and a suggestion.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smol_str::SmolStr;

/// A place whose law can apply to a person or to data.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Jurisdiction {
    /// `*`: everywhere.
    Everywhere,
    /// A named group of countries.
    Group(Group),
    /// An ISO 3166-1 alpha-2 country code, e.g. `DE`.
    Country(Country),
    /// An ISO 3166-2 subdivision, e.g. `US-CA`.
    Subdivision(Country, SmolStr),
}

/// Groups of countries that laws refer to as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// The European Union's 27 member states.
    Eu,
    /// The European Economic Area: the EU 27 plus Iceland, Liechtenstein and Norway.
    Eea,
}

/// An ISO 3166-1 alpha-2 country code, known to be assigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country([u8; 2]);

impl Country {
    /// The two-letter code.
    pub fn code(&self) -> &str {
        // The bytes are checked ASCII letters on construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The two letters as bytes, for comparing without decoding.
    pub const fn as_bytes(&self) -> [u8; 2] {
        self.0
    }

    /// Whether this country is an EU member state.
    pub fn is_eu(&self) -> bool {
        self.in_set(&EU_SET)
    }

    /// Whether this country is in the EEA (EU 27 + IS, LI, NO).
    pub fn is_eea(&self) -> bool {
        self.in_set(&EEA_SET)
    }

    /// Rules ask this for every market of every activity: one bit lookup
    /// rather than a scan of the member list.
    fn in_set(&self, set: &CountrySet) -> bool {
        let slot = country_slot(self.0);
        set[slot / 64] >> (slot % 64) & 1 == 1
    }

    /// Parses an assigned ISO 3166-1 alpha-2 code (upper case).
    pub fn parse(code: &str) -> Option<Country> {
        let b = code.as_bytes();
        let known = b.len() == 2
            && b.iter().all(u8::is_ascii_uppercase)
            && COUNTRY_BITS[usize::from(b[0] - b'A')] & (1 << (b[1] - b'A')) != 0;
        known.then(|| Country([b[0], b[1]]))
    }
}

/// The ISO 3166-1 codes as one bit per second letter, in a row per first
/// letter: every place a manifest names is parsed in the host and in every
/// plugin, and this is one lookup where a binary search was eight.
static COUNTRY_BITS: [u32; 26] = {
    let mut bits = [0u32; 26];
    let mut i = 0;
    while i < ISO_3166_1.len() {
        let code = ISO_3166_1[i].as_bytes();
        bits[(code[0] - b'A') as usize] |= 1 << (code[1] - b'A');
        i += 1;
    }
    bits
};

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Jurisdiction {
    /// The country code, when this is a country or a subdivision.
    pub fn country(&self) -> Option<Country> {
        match self {
            Jurisdiction::Country(c) | Jurisdiction::Subdivision(c, _) => Some(*c),
            _ => None,
        }
    }

    /// Whether `self`, used as a set of places, includes every place of `other`.
    ///
    /// `*` covers everything; `EEA` covers `EU`, every EEA country and their
    /// subdivisions; a country covers its subdivisions; a subdivision covers only
    /// itself.
    pub fn covers(&self, other: &Jurisdiction) -> bool {
        use Jurisdiction::*;
        match (self, other) {
            (Everywhere, _) => true,
            (_, Everywhere) => false,
            (Group(g), Group(h)) => g == h || (*g == self::Group::Eea && *h == self::Group::Eu),
            (Group(g), Country(c)) | (Group(g), Subdivision(c, _)) => g.contains(*c),
            (Country(_), Group(_)) | (Subdivision(..), Group(_)) => false,
            (Country(a), Country(b)) => a == b,
            (Country(a), Subdivision(b, _)) => a == b,
            (Subdivision(..), Country(_)) => false,
            (Subdivision(a, s), Subdivision(b, t)) => a == b && s == t,
        }
    }

    /// Whether the two sets of places share at least one place.
    pub fn overlaps(&self, other: &Jurisdiction) -> bool {
        self.covers(other) || other.covers(self)
    }

    /// Whether any jurisdiction in `set` covers `self`.
    pub fn is_in(&self, set: &[Jurisdiction]) -> bool {
        set.iter().any(|j| j.covers(self))
    }
}

impl Group {
    /// Whether the country is a member of this group.
    pub fn contains(self, country: Country) -> bool {
        match self {
            Group::Eu => country.is_eu(),
            Group::Eea => country.is_eea(),
        }
    }
}

/// Why a string is not a jurisdiction code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownJurisdiction {
    /// The text given.
    pub given: String,
    /// A close known code, if there is one.
    pub suggestion: Option<String>,
}

impl fmt::Display for UnknownJurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown jurisdiction `{}`: expected an ISO 3166-1 alpha-2 country (`DE`), an ISO 3166-2 subdivision (`US-CA`), `EEA`, `EU` or `*`",
            self.given
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownJurisdiction {}

impl FromStr for Jurisdiction {
    type Err = UnknownJurisdiction;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = |suggestion: Option<&str>| UnknownJurisdiction {
            given: s.to_string(),
            suggestion: suggestion.map(str::to_string),
        };
        match s {
            "*" => return Ok(Jurisdiction::Everywhere),
            "EEA" => return Ok(Jurisdiction::Group(Group::Eea)),
            "EU" => return Ok(Jurisdiction::Group(Group::Eu)),
            // "UK" is exceptionally reserved in ISO 3166-1, not assigned; the
            // United Kingdom's code is GB. Say so rather than guess.
            "UK" => return Err(unknown(Some("GB"))),
            "EL" => return Err(unknown(Some("GR"))),
            _ => {}
        }
        if let Some(country) = Country::parse(s) {
            return Ok(Jurisdiction::Country(country));
        }
        if let Some((cc, sub)) = s.split_once('-')
            && let Some(country) = Country::parse(cc)
        {
            let well_formed =
                (1..=3).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            let known = match known_subdivisions(cc) {
                Some(list) => list.contains(&sub),
                None => well_formed,
            };
            if known {
                return Ok(Jurisdiction::Subdivision(country, SmolStr::new(sub)));
            }
            let suggestion =
                known_subdivisions(cc).and_then(|list| closest(sub, list.iter().copied())).map(|s| format!("{cc}-{s}"));
            return Err(unknown(suggestion.as_deref()));
        }
        let upper = s.to_ascii_uppercase();
        if upper != s && upper.parse::<Jurisdiction>().is_ok() {
            return Err(unknown(Some(&upper)));
        }
        if let Some(code) = alpha2_for(s) {
            return Err(unknown(Some(code)));
        }
        let candidates = ISO_3166_1.iter().copied().chain(["EEA", "EU"]);
        Err(unknown(closest(s, candidates)))
    }
}

/// The alpha-2 code of a country written as its alpha-3 code (`USA`, `DEU`)
/// or its English name or a common alias (`Germany`, `United Kingdom`,
/// `Russia`), in any case and spacing.
fn alpha2_for(text: &str) -> Option<&'static str> {
    let squeezed: String = text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if squeezed.is_empty() || squeezed.len() > 64 {
        return None;
    }
    let found = if squeezed.len() == 3 { celes::Country::from_alpha3(&squeezed).ok() } else { None };
    let found = found
        .or_else(|| celes::Country::from_name(&squeezed).ok())
        .or_else(|| celes::Country::from_alias(&squeezed).ok())
        .or_else(|| squeezed.strip_prefix("the").and_then(|rest| celes::Country::from_name(rest).ok()))?;
    // The data's alpha-2 codes are ISO's; keep only codes this module assigns.
    ISO_3166_1.iter().copied().find(|c| *c == found.alpha2)
}

fn closest<'a>(given: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    crate::suggest::closest(given, candidates, 1)
}

/// Subdivision lists the core checks strictly; other countries' subdivisions are
/// checked for form only (one to three upper-case letters or digits).
fn known_subdivisions(country: &str) -> Option<&'static [&'static str]> {
    match country {
        "US" => Some(US_SUBDIVISIONS),
        "BR" => Some(BR_SUBDIVISIONS),
        _ => None,
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Jurisdiction::Everywhere => f.write_str("*"),
            Jurisdiction::Group(Group::Eea) => f.write_str("EEA"),
            Jurisdiction::Group(Group::Eu) => f.write_str("EU"),
            Jurisdiction::Country(c) => write!(f, "{c}"),
            Jurisdiction::Subdivision(c, s) => write!(f, "{c}-{s}"),
        }
    }
}

impl Serialize for Jurisdiction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Jurisdiction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Jurisdiction {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Jurisdiction".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An ISO 3166-1 alpha-2 country (`DE`), an ISO 3166-2 subdivision (`US-CA`), `EEA`, `EU` or `*` for everywhere.",
            "pattern": "^(\\*|EEA|EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$"
        })
    }
}

/// `*`: everywhere.
pub const EVERYWHERE: Jurisdiction = Jurisdiction::Everywhere;
/// The European Economic Area.
pub const EEA: Jurisdiction = Jurisdiction::Group(Group::Eea);
/// The European Union.
pub const EU: Jurisdiction = Jurisdiction::Group(Group::Eu);

/// A country by its ISO 3166-1 alpha-2 code, checked when the program is
/// compiled if used in a constant (`const BR: Jurisdiction = country("BR");`),
/// or when called.
///
/// # Panics
/// When `code` is not an assigned alpha-2 code.
pub const fn country(code: &str) -> Jurisdiction {
    let b = code.as_bytes();
    assert!(b.len() == 2, "an ISO 3166-1 alpha-2 code has two letters");
    let mut i = 0;
    while i < ISO_3166_1.len() {
        let known = ISO_3166_1[i].as_bytes();
        if known[0] == b[0] && known[1] == b[1] {
            return Jurisdiction::Country(Country([b[0], b[1]]));
        }
        i += 1;
    }
    panic!("not an assigned ISO 3166-1 alpha-2 code")
}

/// A subdivision by its ISO 3166-2 code (`US-CA`).
///
/// # Panics
/// When `code` is not a subdivision code juris knows.
pub fn subdivision(code: &str) -> Jurisdiction {
    match code.parse() {
        Ok(j @ Jurisdiction::Subdivision(..)) => j,
        _ => panic!("`{code}` is not an ISO 3166-2 subdivision code"),
    }
}

/// A set of countries: one bit per possible pair of capital letters.
type CountrySet = [u64; 11];

/// The bit of a code in a [`CountrySet`]; the letters are A-Z, checked when a
/// `Country` is made, so the slot is below 26 * 26.
const fn country_slot(code: [u8; 2]) -> usize {
    (code[0].wrapping_sub(b'A') as usize % 26) * 26 + (code[1].wrapping_sub(b'A') as usize % 26)
}

const fn country_set(groups: &[&[&str]]) -> CountrySet {
    let mut set = [0u64; 11];
    let mut g = 0;
    while g < groups.len() {
        let mut i = 0;
        while i < groups[g].len() {
            let b = groups[g][i].as_bytes();
            let slot = country_slot([b[0], b[1]]);
            set[slot / 64] |= 1 << (slot % 64);
            i += 1;
        }
        g += 1;
    }
    set
}

const EU_SET: CountrySet = country_set(&[EU_MEMBERS]);
const EEA_SET: CountrySet = country_set(&[EU_MEMBERS, EEA_EFTA]);

/// The EU's 27 member states (ISO codes; Greece is `GR`, not the EU's `EL`).
pub const EU_MEMBERS: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
    "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The EEA's members outside the EU.
pub const EEA_EFTA: &[&str] = &["IS", "LI", "NO"];

/// US states, the District of Columbia and the outlying areas with ISO 3166-2 codes.
const US_SUBDIVISIONS: &[&str] = &[
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL", "IN", "KS",
    "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY",
    "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UM", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
];

/// Brazil's 26 states and the Federal District.
const BR_SUBDIVISIONS: &[&str] = &[
    "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI", "PR", "RJ",
    "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
];

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted.
const ISO_3166_1: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

#[cfg(test)]
mod tests {

    #[test]
    fn exactly_the_iso_3166_1_codes_are_countries() {
        for first in b'A'..=b'Z' {
            for second in b'A'..=b'Z' {
                let code = String::from_utf8(vec![first, second]).unwrap();
                let listed = super::ISO_3166_1.contains(&code.as_str());
                assert_eq!(super::Country::parse(&code).is_some(), listed, "{code}");
            }
        }
        for odd in ["", "D", "de", "DEU", "D1", "\u{e9}E"] {
            assert!(super::Country::parse(odd).is_none(), "{odd:?}");
        }
    }

    #[test]
    fn membership_bits_agree_with_the_member_lists_for_every_code() {
        for code in ISO_3166_1 {
            let country = Country::parse(code).expect("an assigned code");
            assert_eq!(country.is_eu(), EU_MEMBERS.contains(code), "{code}");
            assert_eq!(country.is_eea(), EU_MEMBERS.contains(code) || EEA_EFTA.contains(code), "{code}");
        }
        assert_eq!(ISO_3166_1.iter().filter(|c| Country::parse(c).is_some_and(|c| c.is_eea())).count(), 30);
    }

    use super::*;

    fn j(s: &str) -> Jurisdiction {
        s.parse().unwrap()
    }

    #[test]
    fn iso_list_is_sorted_and_complete() {
        assert_eq!(ISO_3166_1.len(), 249);
        assert!(ISO_3166_1.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(EU_MEMBERS.len(), 27);
    }

    #[test]
    fn groups_cover_their_members() {
        assert!(j("EEA").covers(&j("NO")));
        assert!(!j("EU").covers(&j("NO")));
        assert!(j("EU").covers(&j("DE")));
        assert!(j("EEA").covers(&j("EU")));
        assert!(!j("EEA").covers(&j("GB")));
        assert!(j("*").covers(&j("US-CA")));
        assert!(j("US").covers(&j("US-CA")));
        assert!(!j("US-CA").covers(&j("US")));
        assert!(j("US-CA").overlaps(&j("US")));
    }

    #[test]
    fn unknown_codes_suggest_a_known_one() {
        let err = "UK".parse::<Jurisdiction>().unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("GB"));
        let err = "de".parse::<Jurisdiction>().unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("DE"));
        for (given, code) in [("USA", "US"), ("DEU", "DE"), ("gbr", "GB"), ("Germany", "DE"), ("United Kingdom", "GB")]
        {
            let err = given.parse::<Jurisdiction>().unwrap_err();
            assert_eq!(err.suggestion.as_deref(), Some(code), "{given}");
        }
        let err = "Russia".parse::<Jurisdiction>().unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("RU"));
        let err = "US-CX".parse::<Jurisdiction>().unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("US-CA"));
        assert!("XX".parse::<Jurisdiction>().is_err());
        assert!("EEA ".parse::<Jurisdiction>().is_err());
    }

    #[test]
    fn constants_are_the_parsed_codes() {
        const BR: Jurisdiction = country("BR");
        assert_eq!(BR, j("BR"));
        assert_eq!(EEA, j("EEA"));
        assert_eq!(subdivision("US-CA"), j("US-CA"));
        assert!(std::panic::catch_unwind(|| country("XX")).is_err());
    }

    #[test]
    fn round_trips_through_display() {
        for s in ["*", "EEA", "EU", "DE", "US-CA", "BR-SP", "GB-ENG"] {
            assert_eq!(j(s).to_string(), s);
        }
    }
}
