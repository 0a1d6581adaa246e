//! Reading notices: HTML main content and line mapping, Markdown sections,
//! regional sections, and robustness on hostile or huge input.

mod common;

use juris_core::jiff::civil::date;
use juris_notice::{BlockKind, Format, ModuleItems, Notice, Status, evaluate};

fn corpus(file: &str) -> (String, Notice) {
    let text = std::fs::read_to_string(common::root().join("tests/corpus").join(file)).unwrap();
    let notice = Notice::parse(&text, Format::detect(file, &text));
    (text, notice)
}

fn modules() -> Vec<ModuleItems> {
    common::all_items().into_iter().map(ModuleItems::new).collect()
}

#[test]
fn html_page_keeps_the_content_and_its_lines() {
    let (source, n) = corpus("zotero-privacy-2019.html");
    let content: Vec<&str> = n.blocks().iter().filter(|b| !b.chrome).map(|b| b.text.as_str()).collect();
    // The site menu, the table of contents and the script are gone.
    assert!(!content.iter().any(|t| t.contains("Table of Contents")));
    assert!(!content.contains(&"Forums"));
    assert!(!n.text().contains("function("));
    // The footer is kept apart, as chrome.
    assert!(n.blocks().iter().any(|b| b.chrome && b.text.contains("Corporation for Digital Scholarship")));
    // Every block's line holds the start of its text in the source.
    let lines: Vec<&str> = source.lines().collect();
    for b in n.blocks().iter().filter(|b| b.text.len() > 20) {
        let first_word: String = b.text.chars().take_while(|c| c.is_alphanumeric()).collect();
        if first_word.len() < 4 {
            continue;
        }
        let line = lines[b.line as usize - 1];
        assert!(line.contains(&first_word), "line {} does not hold {first_word:?}: {line}", b.line);
    }
    let heading = n.sections().iter().find(|s| s.title == "Data We Collect").unwrap();
    assert_eq!(heading.line, 132);
}

#[test]
fn html_in_a_content_column_is_not_mistaken_for_a_header() {
    let (_, n) = corpus("ebanx-privacy-policy-2019.html");
    let b = n.blocks().iter().find(|b| b.text.starts_with("By accessing our website")).unwrap();
    assert!(!b.chrome);
    assert_eq!(b.line, 234);
    // The footer's sitemap is furniture.
    assert!(n.blocks().iter().filter(|b| b.text.contains("top products and services")).all(|b| b.chrome));
}

#[test]
fn markdown_sections_and_lines() {
    let (_, n) = corpus("github-privacy-statement.md");
    let s = n.sections().iter().find(|s| s.title.starts_with("Lawful Bases")).unwrap();
    assert_eq!((s.line, s.level), (121, 2));
    let ca = n.sections().iter().find(|s| s.title == "California").unwrap();
    let parent = &n.sections()[ca.parent.unwrap()];
    assert_eq!((parent.title.as_str(), parent.line), ("US State Specific Information", 274));
    assert!(n.blocks().iter().any(|b| b.kind == BlockKind::Heading(4) && b.text == "Mandatory Disclosures"));
    let b = n
        .blocks()
        .iter()
        .find(|b| b.text.starts_with("We may share Personal Data with the following recipients"))
        .unwrap();
    assert_eq!(b.line, 92);
}

#[test]
fn regional_sections_scope_what_they_say() {
    let text = "# Privacy\n\nAcme Inc. runs this site.\n\n## Visitors from the EEA or UK\n\nOur legal bases are contract, legitimate interests and consent.\n\n## If you are based in Brazil\n\nO encarregado é Ana Lima, dpo@acme.example.\n\n## Nevada\n\nYou may request that we delete your data.\n";
    let n = Notice::parse(text, Format::Markdown);
    let reports = evaluate(&n, &modules(), date(2026, 12, 1));
    let get = |m: &str, i: &str| {
        let r = reports.iter().find(|r| r.module == m).unwrap();
        (r.section.clone(), r.items.iter().find(|x| x.id == i).unwrap().status)
    };
    let (eea_section, eea_basis) = get("eea-uk", "legal-basis");
    assert_eq!(eea_section.unwrap().line, 5);
    assert_eq!(eea_basis, Status::Present);
    // The EEA section's legal bases do not count for Brazil, nor Brazil's encarregado for the EEA.
    assert_eq!(get("brazil", "legal-basis").1, Status::Missing);
    assert_eq!(get("brazil", "encarregado").1, Status::Present);
    assert_eq!(get("brazil", "encarregado").0.unwrap().title, "If you are based in Brazil");
    assert_eq!(get("eea-uk", "dpo-contact").1, Status::Missing);
    // A section for a place no module covers counts for none.
    assert_eq!(get("eea-uk", "right-erasure").1, Status::Missing);
    assert_eq!(get("russia", "operator-identity").1, Status::Present);
    assert!(get("russia", "operator-identity").0.is_none());
}

#[test]
fn a_paragraph_can_open_with_its_region() {
    let text = "Privacy notice\n\nIf you live in the UK or the EEA, you can also contact our Data Protection Officer at dpo@acme.example.\n\nAcme Ltd, 1 Main Street, is the controller.\n";
    let n = Notice::parse(text, Format::Text);
    let reports = evaluate(&n, &modules(), date(2026, 12, 1));
    let status = |m: &str, i: &str| {
        reports.iter().find(|r| r.module == m).unwrap().items.iter().find(|x| x.id == i).unwrap().status
    };
    assert_eq!(status("eea-uk", "dpo-contact"), Status::Present);
    assert_eq!(status("brazil", "encarregado"), Status::Missing);
}

#[test]
fn results_point_at_lines_and_quote_briefly() {
    let (_, n) = corpus("energosbyt-plus-policy.html");
    let reports = evaluate(&n, &modules(), date(2026, 12, 1));
    let ru = reports.iter().find(|r| r.module == "russia").unwrap();
    let subjects = ru.items.iter().find(|i| i.id == "subjects").unwrap();
    assert_eq!(subjects.status, Status::Present);
    for r in &reports {
        for i in &r.items {
            if let Some(q) = &i.quote {
                assert!(q.chars().count() <= 120, "{q}");
                assert!(i.line.is_some());
            }
        }
    }
    let json = serde_json::to_value(&reports).unwrap();
    assert_eq!(json[3]["module"], "russia");
    assert!(json[3]["items"][0]["status"].is_string());
}

#[test]
fn hostile_input_never_panics() {
    // Random bytes, as text of every format.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let ms = modules();
    for round in 0..40 {
        let len = (next() % 4000) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                // Mix markup, text and arbitrary bytes.
                match r % 8 {
                    0 => b'<',
                    1 => b'>',
                    2 => b'#',
                    3 => b'\n',
                    _ => (r >> 8) as u8,
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        for format in [Format::Html, Format::Markdown, Format::Text] {
            let n = Notice::parse(&text, format);
            let _ = evaluate(&n, &ms, date(2026, 12, 1));
            let _ = juris_notice::last_updated(&n);
        }
        let _ = round;
    }
    // Deep nesting, misnested formatting, unclosed tags, one huge line.
    let deep = "<div>".repeat(20_000) + "We keep logs for 30 days." + &"</div>".repeat(20_000);
    let n = Notice::parse(&deep, Format::Html);
    assert!(n.text().contains("We keep logs for 30 days."));
    let bold = "<b><i><a>".repeat(3_000) + "text";
    let _ = Notice::parse(&bold, Format::Html);
    let unclosed = "<p>Access".repeat(5_000);
    let _ = evaluate(&Notice::parse(&unclosed, Format::Html), &ms, date(2026, 12, 1));
    let long_line = "x".repeat(200_000) + ". Our servers are in the United States.";
    let n = Notice::parse(&long_line, Format::Text);
    let _ = evaluate(&n, &ms, date(2026, 12, 1));
    let _ = Notice::parse("", Format::Html);
    let _ = Notice::parse("\u{feff}\u{0}\r\n\r\n", Format::Markdown);
}

#[test]
fn a_twenty_thousand_word_policy_is_evaluated() {
    // Paragraphs from the corpus, repeated until 20,000 words: the size a
    // long real policy has. No time is asserted (see `cargo xtask bench`);
    // it must simply finish, and find what it found in the short one.
    let (source, _) = corpus("github-privacy-statement.md");
    let mut text = String::new();
    let mut n = 0;
    while n < 20_000 {
        text.push_str(&source);
        text.push('\n');
        n += source.split_whitespace().count();
    }
    let notice = Notice::parse(&text, Format::Markdown);
    assert!(notice.words() >= 18_000, "{}", notice.words());
    let reports = evaluate(&notice, &modules(), date(2026, 12, 1));
    let eea = reports.iter().find(|r| r.module == "eea-uk").unwrap();
    assert_eq!(eea.items.iter().find(|i| i.id == "right-access").unwrap().status, Status::Present);
}

/// The engine features the items format offers for several signals at once:
/// `distinct` within one sentence, and `outside` section titles.
#[test]
fn signals_together_in_a_sentence_and_sections_left_out() {
    let file = juris_notice::ItemsFile::from_toml(
        r#"
module = "m"
languages = ["en"]
[[item]]
id = "kinds"
title = "Kinds of data"
citation = "Art. 1"
add = "List them."
distinct.min = 2
distinct.scope = "sentence"
distinct.patterns.en = ['\bip address', '\bcookies?\b', '\bbrowser\b']
[[item]]
id = "transfer"
title = "Transfer abroad"
citation = "Art. 2"
add = "Say where."
patterns.en = ['\btransfer\w* .{0,40}\babroad\b']
outside.en = ['\bdefinitions?\b']
"#,
    )
    .unwrap();
    let m = || vec![ModuleItems::new(file.clone())];
    let status = |text: &str, id: &str| {
        let n = Notice::parse(text, Format::Markdown);
        let r = evaluate(&n, &m(), date(2026, 12, 1));
        r[0].items.iter().find(|i| i.id == id).unwrap().status
    };
    use juris_notice::Status::{Missing, Present};
    // Two kinds in one sentence; the same two in different sentences are not a list.
    assert_eq!(status("# P\n\nWe log your IP address and browser type.\n", "kinds"), Present);
    assert_eq!(status("# P\n\nWe log your IP address. Your browser is old.\n", "kinds"), Missing);
    // A definition is not a statement that a transfer takes place.
    let defined = "# P\n\n## Definitions\n\nA transfer means sending data abroad.\n\n## Use\n\nWe use data.\n";
    assert_eq!(status(defined, "transfer"), Missing);
    assert_eq!(status("# P\n\n## Transfers\n\nWe transfer data abroad.\n", "transfer"), Present);
}
