//! The lexicon folder as a user sees it: every file loads from its path, and `lexicons/README.md` tells
//! the truth about each file's entry count.

use std::collections::BTreeMap;
use std::path::Path;

fn lexicon_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons"))
}

/// The `| \`file.tsv\` | … | entries | tier |` rows of the README's Files table.
fn readme_counts() -> BTreeMap<String, usize> {
    let readme = std::fs::read_to_string(lexicon_dir().join("README.md")).unwrap();
    readme
        .lines()
        .filter(|l| l.starts_with("| `") && l.contains(".tsv` |"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let file = cells.get(1)?.trim_matches('`').to_string();
            let count = cells
                .get(cells.len().checked_sub(3)?)?
                .replace(',', "")
                .parse()
                .ok()?;
            Some((file, count))
        })
        .collect()
}

#[test]
fn every_lexicon_file_loads_and_its_readme_count_is_true() {
    let documented = readme_counts();
    let mut files = 0;
    for entry in std::fs::read_dir(lexicon_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("tsv") {
            continue;
        }
        files += 1;
        let lex = alam::Lexicon::from_path(&path).unwrap_or_else(|e| panic!("{e}"));
        let name = path.file_name().unwrap().to_str().unwrap();
        let Some(&count) = documented.get(name) else {
            panic!("{name} is not in the Files table of lexicons/README.md");
        };
        assert_eq!(
            lex.len(),
            count,
            "lexicons/README.md says {name} has {count} entries"
        );
    }
    assert!(files >= 19, "only {files} lexicon files");
}

#[test]
fn the_default_extractor_builds_from_the_bundled_files() {
    let doc = alam::Extractor::new().extract("زار الرئيس صنعاء");
    assert_eq!(doc.places()[0].country(), Some("YE"));
}

#[cfg(feature = "data-villages")]
#[test]
fn villages_are_opt_in() {
    let text = "وصلنا إلى الحذفرة";
    let default = alam::Extractor::new().extract(text);
    let with = alam::Extractor::builder()
        .tier(alam::Tier::YemenVillages, true)
        .build()
        .unwrap()
        .extract(text);
    assert!(default.places().iter().all(|p| p.name() != "الحذفرة"));
    assert!(
        with.places()
            .iter()
            .any(|p| p.name() == "الحذفرة" && p.sub_kind() == Some(alam::SubKind::Village)),
        "{:?}",
        with.mentions()
    );
}

#[cfg(not(feature = "data-villages"))]
#[test]
fn villages_need_their_feature() {
    let err = alam::Extractor::builder()
        .tier(alam::Tier::YemenVillages, true)
        .build()
        .unwrap_err();
    assert!(matches!(
        err,
        alam::Error::MissingFeature {
            feature: "data-villages",
            ..
        }
    ));
    // Leaving the bundled lexicons out leaves the tier out too: nothing is missing then.
    assert!(alam::Extractor::builder()
        .bundled(false)
        .tier(alam::Tier::YemenVillages, true)
        .build()
        .is_ok());
}

/// The `sub` column of the vocabulary table under `## Sub-kinds` in `lexicons/README.md`, in order.
fn readme_sub_kinds() -> Vec<String> {
    let readme = std::fs::read_to_string(lexicon_dir().join("README.md")).unwrap();
    let section = readme
        .split("\n## Sub-kinds\n")
        .nth(1)
        .expect("a Sub-kinds section in lexicons/README.md");
    let section = section.split("\n## ").next().unwrap();
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            l.split('|')
                .nth(1)
                .unwrap()
                .trim()
                .trim_matches('`')
                .to_string()
        })
        .collect()
}

#[test]
fn the_readme_vocabulary_is_sub_kind_all() {
    let all: Vec<&str> = alam::SubKind::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(readme_sub_kinds(), all);
}

#[test]
fn every_sub_of_a_place_or_organization_is_in_the_vocabulary() {
    use alam::{EntryKind, Kind, SubKind};
    let mut checked = 0;
    for entry in std::fs::read_dir(lexicon_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("tsv") {
            continue;
        }
        let lex = alam::Lexicon::from_path(&path).unwrap();
        for e in lex.entries() {
            let kind = match e.kind() {
                EntryKind::Place | EntryKind::PlaceNoun => Kind::Place,
                EntryKind::Organization | EntryKind::OrgHead => Kind::Organization,
                _ => continue,
            };
            let Some(sub) = e.sub() else { continue };
            let parsed: SubKind = sub.parse().unwrap();
            assert_eq!(
                parsed.kind(),
                Some(kind),
                "{}:{}: `{}` has sub={sub}, not a sub-kind of a {kind}",
                path.display(),
                e.line(),
                e.text()
            );
            checked += 1;
        }
    }
    assert!(checked > 10_000, "only {checked} entries checked");
}

#[cfg(all(feature = "data-cldr", feature = "data-geonames"))]
#[test]
fn a_users_lexicon_keeps_its_own_values_and_the_precedence() {
    use alam::SubKind;
    let lex = alam::Lexicon::parse(
        "mine",
        "سوق الملح\tplace\tsub=souk\nصنعاء\tplace\tsub=village\n",
    )
    .unwrap();
    let ex = alam::Extractor::builder().lexicon(lex).build().unwrap();
    let doc = ex.extract("من سوق الملح في صنعاء");
    let subs: Vec<_> = doc.places().iter().map(|p| p.sub_kind()).collect();
    assert_eq!(
        subs,
        [Some(SubKind::Other("souk".into())), Some(SubKind::City)]
    );
}

// The city entries of صنعاء and المكلا come from GeoNames (and صنعاء's also from ANERcorp).
#[cfg(all(feature = "data-geonames", feature = "data-anercorp"))]
#[test]
fn a_place_noun_gives_its_sub_kind_to_a_name_the_lexicon_has_with_it() {
    use alam::SubKind;
    // صنعاء reports `city` alone, `governorate` after محافظة (places_yemen.tsv has it so); سيئون is a
    // district, found after مديرية; حضرموت is no city, so مدينة leaves its sub-kind as it is.
    let doc = alam::Extractor::new()
        .extract("زار محافظة صنعاء ثم مديرية سيئون ومدينة المكلا ومدينة حضرموت ، ثم صنعاء .");
    let subs: Vec<_> = doc
        .mentions()
        .iter()
        .map(|m| (m.text().to_string(), m.sub_kind()))
        .collect();
    assert_eq!(
        subs,
        [
            ("صنعاء".to_string(), Some(SubKind::Governorate)),
            ("سيئون".to_string(), Some(SubKind::District)),
            ("المكلا".to_string(), Some(SubKind::City)),
            ("حضرموت".to_string(), Some(SubKind::Governorate)),
            ("صنعاء".to_string(), Some(SubKind::City)),
        ]
    );
}
