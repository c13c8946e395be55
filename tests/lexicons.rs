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
            .any(|p| p.name() == "الحذفرة" && p.sub_kind() == Some("village")),
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
