//! The acceptance article: every gold mention with exact bounds, kind, title and gender; nothing else.
//!
//! The gold file is `tests/data/seed_article.gold.json`, a copy of `../shared/eval/seed_article.gold.json`.

// The example and the gold file read and write JSON: they need the `serde` feature.
#![cfg(feature = "serde")]

use serde_json::Value;

fn load() -> (String, Value) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
    let text = std::fs::read_to_string(format!("{dir}seed_article.txt")).expect("seed article");
    let gold = std::fs::read_to_string(format!("{dir}seed_article.gold.json")).expect("seed gold");
    (text, serde_json::from_str(&gold).expect("gold is JSON"))
}

fn bounds(g: &Value) -> Vec<(usize, usize)> {
    let b = |v: &Value| {
        (
            v["byte_start"].as_u64().unwrap() as usize,
            v["byte_end"].as_u64().unwrap() as usize,
        )
    };
    let mut out = vec![b(g)];
    if let Some(alts) = g["also_accepted"].as_array() {
        out.extend(alts.iter().map(b));
    }
    out
}

#[test]
fn seed_article_is_extracted_exactly() {
    let (text, gold) = load();
    let doc = alam::Extractor::new().extract(&text);
    let mut used = vec![false; doc.mentions().len()];
    let mut problems = Vec::new();
    for g in gold["mentions"].as_array().unwrap() {
        let kind = g["kind"].as_str().unwrap();
        let ok = bounds(g);
        let hit = doc.mentions().iter().enumerate().position(|(i, m)| {
            !used[i]
                && m.kind().as_str() == kind
                && ok.contains(&(m.span().start(), m.span().end()))
        });
        let Some(i) = hit else {
            problems.push(format!("missed {kind} {}", g["text"]));
            continue;
        };
        used[i] = true;
        let m = &doc.mentions()[i];
        assert_eq!(
            m.span().char_start(),
            text[..m.span().start()].chars().count()
        );
        assert_eq!(&text[m.span().range()], m.text());
        if kind == "person" {
            let want = (g["title"].as_str(), g["gender"].as_str());
            let got = (m.title(), m.gender().map(|g| g.as_str()));
            if want != got {
                problems.push(format!(
                    "{}: title/gender {got:?}, expected {want:?}",
                    m.text()
                ));
            }
        }
    }
    let optional: Vec<(String, u64, u64)> = gold["optional"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["kind"].as_str().unwrap().to_string(),
                o["byte_start"].as_u64().unwrap(),
                o["byte_end"].as_u64().unwrap(),
            )
        })
        .collect();
    let is_optional = |m: &alam::Mention| {
        optional.contains(&(
            m.kind().as_str().to_string(),
            m.span().start() as u64,
            m.span().end() as u64,
        ))
    };
    for (i, m) in doc.mentions().iter().enumerate() {
        if !used[i] && !is_optional(m) {
            problems.push(format!(
                "spurious {} {} @{}",
                m.kind(),
                m.text(),
                m.span().start()
            ));
        }
        for n in m.nested() {
            if !is_optional(n) {
                problems.push(format!(
                    "spurious nested {} {} @{}",
                    n.kind(),
                    n.text(),
                    n.span().start()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn seed_article_gathers_entities() {
    let (text, _) = load();
    let doc = alam::Extractor::new().extract(&text);
    let bahusain: Vec<_> = doc
        .persons()
        .iter()
        .filter(|p| p.name() == "أوسان محمد باحسين")
        .collect();
    assert_eq!(bahusain.len(), 1, "one person with two mentions");
    assert_eq!(bahusain[0].mentions().len(), 2);
    let conference = doc
        .organizations()
        .iter()
        .find(|o| o.name() == "مؤتمر حضرموت الجامع")
        .expect("the conference");
    assert!(conference.mentions().len() >= 3);
    let hadramaut = doc
        .places()
        .iter()
        .find(|p| p.name() == "حضرموت")
        .expect("nested place");
    assert_eq!(hadramaut.country(), Some("YE"));
    let ghadaf = doc
        .mentions()
        .iter()
        .find(|m| m.text() == "حسين غداف")
        .unwrap();
    assert_eq!(ghadaf.role(), Some("رئيس دائرة الشباب"));
    let saigh = doc
        .mentions()
        .iter()
        .find(|m| m.text() == "عبدالعزيز سعيد الصيغ")
        .unwrap();
    assert_eq!(saigh.role(), Some("الأمين العام المساعد"));
}
