//! The consent banner's first layer: which controls it offers and how they look.
//!
//! The page side (`js/collect.js`) lists the visible clickable elements that
//! sit inside an element whose text uses consent wording, with each one's
//! accessible name, role, box and style. This side decides what each control
//! does from its name, in the languages below, so the word lists are plain
//! data with tests, and compares reject with accept.
//!
//! Names are matched after lower-casing, folding punctuation to spaces and
//! collapsing whitespace, as whole words (`ok` never matches `book`).
//! Reject wording is tried first, because "Accept only necessary" and
//! "Nur notwendige akzeptieren" reject everything optional.

use serde::Deserialize;

use crate::evidence::{Banner, Control, ControlKind, ControlStyle, LooksLike, Prominence, Rect};

/// Words that mark an element as a consent banner (any language listed; a
/// regular expression for the page side, case-insensitive).
pub const CONTEXT_PATTERN: &str = "cookie|consent|privacy|tracking|gdpr|datenschutz|einwillig|zustimm|confidentialit|vie privée|traceurs|privacidad|consentimiento|galletas|riservatezza|consenso|privacy|toestemming|privacidade|consentimento|prywatno|zgod|ciasteczk|integritet|samtycke|kakor|samtykke|privatliv|персональн|согласи|куки|конфиденциальн|evästeet|informasjonskapsler|souhlas";

/// Names that reject everything optional, as whole phrases.
const REJECT: &[&str] = &[
    // en
    "reject",
    "reject all",
    "decline",
    "decline all",
    "refuse",
    "deny",
    "disagree",
    "do not accept",
    "don t accept",
    "i do not accept",
    "do not agree",
    "i do not agree",
    "do not consent",
    "don t consent",
    "no thanks",
    "no thank you",
    "continue without accepting",
    "continue without agreeing",
    "opt out",
    // de
    "ablehnen",
    "alle ablehnen",
    "alles ablehnen",
    "verweigern",
    "nicht einverstanden",
    "nicht zustimmen",
    "ohne zustimmung fortfahren",
    "weiter ohne einwilligung",
    "nein danke",
    // fr
    "refuser",
    "tout refuser",
    "je refuse",
    "refuser tout",
    "continuer sans accepter",
    "non merci",
    // es
    "rechazar",
    "rechazar todo",
    "rechazar todas",
    "rechazarlas todas",
    "no acepto",
    "denegar",
    "no gracias",
    "continuar sin aceptar",
    // it
    "rifiuta",
    "rifiuto",
    "rifiuta tutto",
    "rifiuta tutti",
    "non accetto",
    "nega",
    "continua senza accettare",
    // nl
    "weigeren",
    "weiger",
    "alles weigeren",
    "alle weigeren",
    "afwijzen",
    "alles afwijzen",
    "niet akkoord",
    "nee bedankt",
    // pt
    "rejeitar",
    "rejeitar todos",
    "rejeitar tudo",
    "recusar",
    "recusar todos",
    "não aceito",
    "continuar sem aceitar",
    // pl
    "odrzuć",
    "odrzuć wszystkie",
    "odrzuć wszystko",
    "nie zgadzam się",
    "odmawiam",
    // sv
    "avvisa",
    "avvisa alla",
    "neka",
    "neka alla",
    "avböj",
    "avböj alla",
    // da / no
    "afvis",
    "afvis alle",
    "afslå",
    "nej tak",
    "avslå",
    "avvis",
    "avvis alle",
    // ru
    "отклонить",
    "отклонить все",
    "отказаться",
    "не согласен",
    "не принимать",
    "запретить",
    // fi, cs
    "hylkää",
    "hylkää kaikki",
    "odmítnout",
    "odmítnout vše",
];

/// Words for "necessary only" choices, which reject what is optional when the
/// name is short ("Only necessary", "Accept essential cookies").
const NECESSARY: &[&str] = &[
    "necessary",
    "essential",
    "essentials",
    "required",
    "strictly",
    "notwendige",
    "notwendigen",
    "essenzielle",
    "essenziellen",
    "erforderliche",
    "erforderlichen",
    "nécessaires",
    "essentiels",
    "strictement",
    "necesarias",
    "necesarios",
    "esenciales",
    "imprescindibles",
    "necessari",
    "necessarie",
    "essenziali",
    "noodzakelijk",
    "noodzakelijke",
    "essentiële",
    "necessários",
    "necessárias",
    "essenciais",
    "niezbędne",
    "konieczne",
    "nödvändiga",
    "nødvendige",
    "необходимые",
    "обязательные",
    "välttämättömät",
    "nezbytné",
];

/// Names that open a second layer.
const SETTINGS: &[&str] = &[
    // en
    "settings",
    "cookie settings",
    "cookies settings",
    "manage",
    "manage cookies",
    "manage preferences",
    "manage options",
    "manage settings",
    "manage choices",
    "customise",
    "customize",
    "customise cookies",
    "customize cookies",
    "preferences",
    "cookie preferences",
    "options",
    "more options",
    "configure",
    "let me choose",
    "show details",
    "show purposes",
    // de
    "einstellungen",
    "cookie einstellungen",
    "anpassen",
    "verwalten",
    "mehr optionen",
    "individuelle einstellungen",
    "details anzeigen",
    "konfigurieren",
    "präferenzen",
    // fr
    "paramètres",
    "paramétrer",
    "personnaliser",
    "gérer",
    "gérer les cookies",
    "gérer mes choix",
    "préférences",
    "plus d options",
    // es
    "configuración",
    "configurar",
    "ajustes",
    "personalizar",
    "preferencias",
    "gestionar",
    "más opciones",
    "opciones",
    // it
    "impostazioni",
    "personalizza",
    "preferenze",
    "gestisci",
    "più opzioni",
    "opzioni",
    // nl
    "instellingen",
    "aanpassen",
    "voorkeuren",
    "beheren",
    "meer opties",
    // pt
    "definições",
    "configurações",
    "preferências",
    "gerir",
    "gerenciar",
    "mais opções",
    // pl
    "ustawienia",
    "dostosuj",
    "preferencje",
    "zarządzaj",
    "więcej opcji",
    // sv
    "inställningar",
    "anpassa",
    "hantera",
    "fler alternativ",
    // da / no
    "indstillinger",
    "tilpas",
    "administrer",
    "innstillinger",
    "tilpass",
    // ru
    "настройки",
    "настроить",
    "параметры",
    "управление",
    // fi, cs
    "asetukset",
    "nastavení",
];

/// Names that accept everything.
const ACCEPT: &[&str] = &[
    // en
    "accept",
    "accept all",
    "accept cookies",
    "accept all cookies",
    "i accept",
    "allow",
    "allow all",
    "allow cookies",
    "allow all cookies",
    "agree",
    "i agree",
    "agree and close",
    "agree and proceed",
    "consent",
    "ok",
    "okay",
    "got it",
    "i understand",
    "yes",
    // de
    "akzeptieren",
    "alle akzeptieren",
    "alles akzeptieren",
    "alle cookies akzeptieren",
    "akzeptieren und schließen",
    "zustimmen",
    "alle zustimmen",
    "allen zustimmen",
    "einverstanden",
    "annehmen",
    "alle annehmen",
    "erlauben",
    "alle erlauben",
    "zulassen",
    "alle zulassen",
    "verstanden",
    // fr
    "accepter",
    "tout accepter",
    "accepter tout",
    "j accepte",
    "accepter et fermer",
    "accepter et continuer",
    "autoriser",
    "tout autoriser",
    "d accord",
    "ok pour moi",
    // es
    "aceptar",
    "aceptar todo",
    "aceptar todas",
    "aceptar cookies",
    "acepto",
    "permitir",
    "permitir todas",
    "de acuerdo",
    "estoy de acuerdo",
    "entendido",
    // it
    "accetta",
    "accetto",
    "accetta tutto",
    "accetta tutti",
    "accetta e chiudi",
    "consenti",
    "consenti tutti",
    "acconsento",
    "va bene",
    "ho capito",
    // nl
    "accepteren",
    "accepteer",
    "alles accepteren",
    "alle cookies accepteren",
    "akkoord",
    "ik ga akkoord",
    "toestaan",
    "alles toestaan",
    // pt
    "aceitar",
    "aceito",
    "aceitar todos",
    "aceitar tudo",
    "concordo",
    "concordar",
    "permitir todos",
    // pl
    "akceptuję",
    "akceptuj",
    "zaakceptuj",
    "zaakceptuj wszystkie",
    "akceptuj wszystkie",
    "zgadzam się",
    "zezwól",
    "zezwól na wszystkie",
    "przejdź do serwisu",
    // sv
    "acceptera",
    "acceptera alla",
    "godkänn",
    "godkänn alla",
    "jag godkänner",
    "tillåt",
    "tillåt alla",
    // da / no
    "accepter",
    "accepter alle",
    "jeg accepterer",
    "tillad",
    "tillad alle",
    "godkend",
    "godta",
    "godta alle",
    "aksepter",
    // ru
    "принять",
    "принять все",
    "принимаю",
    "согласен",
    "согласна",
    "разрешить",
    "разрешить все",
    "понятно",
    "хорошо",
    "ок",
    // fi, cs
    "hyväksy",
    "hyväksy kaikki",
    "přijmout",
    "přijmout vše",
    "souhlasím",
];

/// Words that may follow an accept or settings phrase without changing it
/// ("Accept all cookies and continue", "Cookie settings here").
const MAX_WORDS: usize = 8;

/// Lower-cases and folds everything but letters and digits to single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn contains_phrase(text: &str, phrase: &str) -> bool {
    let (t, p) = (format!(" {text} "), format!(" {} ", normalize(phrase)));
    t.contains(&p)
}

/// What a control with this accessible name does, if it is a consent control.
pub fn control_kind(name: &str) -> Option<ControlKind> {
    let text = normalize(name);
    let words = text.split(' ').filter(|w| !w.is_empty()).count();
    if words == 0 || words > MAX_WORDS {
        return None;
    }
    if REJECT.iter().any(|p| contains_phrase(&text, p)) {
        return Some(ControlKind::Reject);
    }
    if words <= 6 && NECESSARY.iter().any(|p| contains_phrase(&text, p)) {
        return Some(ControlKind::Reject);
    }
    if SETTINGS.iter().any(|p| contains_phrase(&text, p)) {
        return Some(ControlKind::Settings);
    }
    // Very short accept words only count as the whole name ("OK", not "OK, show me the settings").
    if ACCEPT.iter().any(|p| {
        let p = normalize(p);
        if p.chars().count() <= 3 { text == p } else { contains_phrase(&text, &p) }
    }) {
        return Some(ControlKind::Accept);
    }
    None
}

/// One clickable element as the page side reports it.
#[derive(Clone, Debug, Deserialize)]
pub struct Candidate {
    pub index: usize,
    pub name: String,
    pub role: String,
    pub tag: String,
    pub container: usize,
    #[serde(default)]
    pub x: f64,
    #[serde(default)]
    pub y: f64,
    #[serde(default)]
    pub width: f64,
    #[serde(default)]
    pub height: f64,
    #[serde(default)]
    pub color: String,
    #[serde(default)]
    pub own_background: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub parent_background: String,
    #[serde(default)]
    pub border: bool,
    #[serde(default)]
    pub shadow_box: bool,
    #[serde(default)]
    pub font_size: f64,
    #[serde(default)]
    pub font_weight: f64,
}

/// A control found, with where to click it.
#[derive(Clone, Debug)]
pub struct Found {
    pub control: Control,
    /// The page-side index, for clicking.
    pub index: usize,
}

/// The banner of one frame: its controls, in document order, and the container texts.
pub fn analyse(candidates: &[Candidate], containers: &[String], offset: (f64, f64)) -> (Banner, Vec<Found>) {
    let mut found = Vec::new();
    for c in candidates {
        let Some(kind) = control_kind(&c.name) else { continue };
        let own_alpha = parse_rgba(&c.own_background).map_or(0.0, |(_, _, _, a)| a);
        let filled = own_alpha > 0.05 && c.own_background != c.parent_background;
        let looks_like = if filled || c.border || c.shadow_box { LooksLike::Button } else { LooksLike::Link };
        let contrast = match (parse_rgba(&c.color), parse_rgba(&c.background)) {
            (Some(fg), Some(bg)) => Some(round2(contrast_ratio(fg, bg))),
            _ => None,
        };
        found.push((
            c.container,
            Found {
                index: c.index,
                control: Control {
                    kind,
                    text: c.name.chars().take(120).collect(),
                    role: c.role.clone(),
                    tag: c.tag.clone(),
                    rect: Rect {
                        x: round2(c.x + offset.0),
                        y: round2(c.y + offset.1),
                        width: round2(c.width),
                        height: round2(c.height),
                    },
                    looks_like,
                    style: ControlStyle {
                        color: c.color.clone(),
                        background: c.background.clone(),
                        font_size_px: c.font_size,
                        font_weight: c.font_weight,
                        contrast,
                    },
                },
            },
        ));
    }
    // The banner is the container holding an accept or reject control; the first such.
    let container = candidates
        .iter()
        .find(|c| matches!(control_kind(&c.name), Some(ControlKind::Accept | ControlKind::Reject)))
        .or_else(|| candidates.iter().find(|c| control_kind(&c.name).is_some()))
        .map(|c| c.container);
    let found: Vec<Found> = found.into_iter().filter(|(k, _)| Some(*k) == container).map(|(_, f)| f).collect();
    let mut banner = Banner {
        found: !found.is_empty(),
        text: container.and_then(|k| containers.get(k)).map(|t| t.chars().take(500).collect()),
        controls: found.iter().map(|f| f.control.clone()).collect(),
        ..Banner::default()
    };
    let first = |kind| banner.controls.iter().position(|c| c.kind == kind);
    banner.accept = first(ControlKind::Accept);
    banner.reject = first(ControlKind::Reject);
    banner.settings = first(ControlKind::Settings);
    banner.reject_on_first_layer = banner.reject.is_some();
    if let (Some(a), Some(r)) = (banner.accept, banner.reject) {
        banner.reject_prominence = Some(prominence(&banner.controls[a], &banner.controls[r]));
    }
    (banner, found)
}

/// Compares reject with accept. The thresholds leave room for layout noise
/// (two buttons of the same style differ by a few pixels of text width).
pub fn prominence(accept: &Control, reject: &Control) -> Prominence {
    let (aa, ra) = (accept.rect.area(), reject.rect.area());
    let area_ratio = if aa > 0.0 { round2(ra / aa) } else { 1.0 };
    let mut reasons = Vec::new();
    if area_ratio < 0.8 {
        reasons.push("smaller_area".to_owned());
    }
    if accept.looks_like == LooksLike::Button && reject.looks_like == LooksLike::Link {
        reasons.push("styled_as_link".to_owned());
    }
    if let (Some(ac), Some(rc)) = (accept.style.contrast, reject.style.contrast)
        && rc < ac * 0.7
    {
        reasons.push("lower_contrast".to_owned());
    }
    if accept.style.font_size_px > 0.0 && reject.style.font_size_px < accept.style.font_size_px * 0.85 {
        reasons.push("smaller_font".to_owned());
    }
    Prominence { weaker: !reasons.is_empty(), reasons, area_ratio }
}

/// `rgb(1, 2, 3)` / `rgba(1, 2, 3, 0.5)` / `rgb(1 2 3 / 50%)` as 0-255 channels and alpha.
pub fn parse_rgba(css: &str) -> Option<(f64, f64, f64, f64)> {
    let css = css.trim();
    if css == "transparent" {
        return Some((0.0, 0.0, 0.0, 0.0));
    }
    let inner = css.strip_prefix("rgba(").or_else(|| css.strip_prefix("rgb("))?.strip_suffix(')')?;
    let parts: Vec<&str> = inner.split([',', ' ', '/']).filter(|p| !p.is_empty()).collect();
    let num = |s: &str| -> Option<f64> {
        match s.strip_suffix('%') {
            Some(p) => p.parse::<f64>().ok().map(|v| v / 100.0),
            None => s.parse::<f64>().ok(),
        }
    };
    let (r, g, b) = (num(parts.first()?)?, num(parts.get(1)?)?, num(parts.get(2)?)?);
    let a = match parts.get(3) {
        Some(a) => num(a)?,
        None => 1.0,
    };
    Some((r, g, b, a.clamp(0.0, 1.0)))
}

/// WCAG 2 contrast ratio; a translucent foreground is blended onto the background.
pub fn contrast_ratio(fg: (f64, f64, f64, f64), bg: (f64, f64, f64, f64)) -> f64 {
    let blend = |f: f64, b: f64| f * fg.3 + b * (1.0 - fg.3);
    let fg = (blend(fg.0, bg.0), blend(fg.1, bg.1), blend(fg.2, bg.2));
    let lum = |(r, g, b): (f64, f64, f64)| {
        let ch = |c: f64| {
            let c = (c / 255.0).clamp(0.0, 1.0);
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    };
    let (l1, l2) = (lum(fg), lum((bg.0, bg.1, bg.2)));
    let (hi, lo) = if l1 > l2 { (l1, l2) } else { (l2, l1) };
    (hi + 0.05) / (lo + 0.05)
}

fn round2(v: f64) -> f64 {
    if v.is_finite() { (v * 100.0).round() / 100.0 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_many_languages() {
        use ControlKind::*;
        let cases = [
            ("Accept all cookies", Some(Accept)),
            ("Alle akzeptieren", Some(Accept)),
            ("Tout accepter", Some(Accept)),
            ("J'accepte", Some(Accept)),
            ("Aceptar todo", Some(Accept)),
            ("Accetta tutti", Some(Accept)),
            ("Alles accepteren", Some(Accept)),
            ("Aceitar todos", Some(Accept)),
            ("Zaakceptuj wszystkie", Some(Accept)),
            ("Acceptera alla", Some(Accept)),
            ("Accepter alle", Some(Accept)),
            ("Принять все", Some(Accept)),
            ("OK", Some(Accept)),
            ("Reject all", Some(Reject)),
            ("Alle ablehnen", Some(Reject)),
            ("Tout refuser", Some(Reject)),
            ("Continuer sans accepter →", Some(Reject)),
            ("Rechazar todas", Some(Reject)),
            ("Rifiuta tutto", Some(Reject)),
            ("Alles weigeren", Some(Reject)),
            ("Rejeitar todos", Some(Reject)),
            ("Odrzuć wszystkie", Some(Reject)),
            ("Avvisa alla", Some(Reject)),
            ("Afvis alle", Some(Reject)),
            ("Отклонить все", Some(Reject)),
            ("Only necessary", Some(Reject)),
            ("Accept only necessary cookies", Some(Reject)),
            ("Nur notwendige akzeptieren", Some(Reject)),
            ("Do not consent", Some(Reject)),
            ("Manage preferences", Some(Settings)),
            ("Cookie-Einstellungen", Some(Settings)),
            ("Personnaliser", Some(Settings)),
            ("Configuración", Some(Settings)),
            ("Impostazioni", Some(Settings)),
            ("Instellingen", Some(Settings)),
            ("Ustawienia", Some(Settings)),
            ("Настройки", Some(Settings)),
            ("Book a table", None),
            ("Read our privacy policy", None),
            ("Add to basket", None),
            ("", None),
            ("We use cookies to improve your experience and to show you ads; accept or reject them", None),
        ];
        for (name, kind) in cases {
            assert_eq!(control_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn colours_and_contrast() {
        assert_eq!(parse_rgba("rgb(255, 0, 10)"), Some((255.0, 0.0, 10.0, 1.0)));
        assert_eq!(parse_rgba("rgba(0, 0, 0, 0)"), Some((0.0, 0.0, 0.0, 0.0)));
        assert_eq!(parse_rgba("rgb(0 0 0 / 50%)"), Some((0.0, 0.0, 0.0, 0.5)));
        assert_eq!(parse_rgba("color(srgb 1 0 0)"), None);
        let black = (0.0, 0.0, 0.0, 1.0);
        let white = (255.0, 255.0, 255.0, 1.0);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 0.01);
    }

    fn candidate(index: usize, name: &str, width: f64, button: bool) -> Candidate {
        Candidate {
            index,
            name: name.to_owned(),
            role: if button { "button" } else { "link" }.to_owned(),
            tag: if button { "button" } else { "a" }.to_owned(),
            container: 0,
            x: 10.0,
            y: 500.0,
            width,
            height: 40.0,
            color: "rgb(255, 255, 255)".to_owned(),
            own_background: if button { "rgb(0, 100, 0)" } else { "rgba(0, 0, 0, 0)" }.to_owned(),
            background: if button { "rgb(0, 100, 0)" } else { "rgb(250, 250, 250)" }.to_owned(),
            parent_background: "rgb(250, 250, 250)".to_owned(),
            border: false,
            shadow_box: false,
            font_size: if button { 16.0 } else { 12.0 },
            font_weight: 400.0,
        }
    }

    #[test]
    fn weaker_reject() {
        let cands = [
            candidate(0, "Accept all", 200.0, true),
            candidate(1, "Reject", 60.0, false),
            candidate(2, "Shop now", 90.0, true),
        ];
        let (banner, found) = analyse(&cands, &["We use cookies".to_owned()], (0.0, 0.0));
        assert!(banner.found && banner.reject_on_first_layer);
        assert_eq!(found.len(), 2);
        assert_eq!((banner.accept, banner.reject, banner.settings), (Some(0), Some(1), None));
        let p = banner.reject_prominence.expect("both offered");
        assert!(p.weaker);
        assert_eq!(p.reasons, ["smaller_area", "styled_as_link", "lower_contrast", "smaller_font"]);
        let equal = analyse(
            &[candidate(0, "Accept all", 200.0, true), candidate(1, "Reject all", 190.0, true)],
            &[],
            (0.0, 0.0),
        )
        .0;
        assert!(!equal.reject_prominence.expect("both").weaker);
    }
}
