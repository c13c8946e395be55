//! Extends the bundled lexicons with your own entries and a rule of your own, then shows where every
//! mention came from.
//!
//! ```text
//! cargo run --example custom_lexicon                       # the inline lexicon below, a sample text
//! cargo run --example custom_lexicon -- my.tsv             # your lexicon file, the sample text
//! cargo run --example custom_lexicon -- my.tsv article.txt # your lexicon file and your text
//! ```
//!
//! The lexicon format (one `TEXT<TAB>KIND<TAB>key=value…` entry a line) is described in
//! `lexicons/README.md`. A bad line is reported with its file, line number and reason.

use std::process::ExitCode;

use alam::{Extractor, Kind, Lexicon, Rule, Tier};

/// Entries a newsroom in Aden might add: a neighbourhood, a local organization, and a title.
const INLINE: &str = "\
# name\tkind\tattributes
القلوعة\tplace\tsub=town\tcountry=YE\tparent=التواهي
جمعية الإصلاح الخيرية\torganization\tsub=association
الحكم الدولي\ttitle\tgender=male\tcat=professional
";

const SAMPLE: &str = "\
افتُتح ملعب جديد في القلوعة بدعم من جمعية الإصلاح الخيرية،
وأدار المباراة الأولى الحكم الدولي عمر السقاف، وسجّل هدفها الوحيد المهاجم وليد الجيلاني أمام جمهور مدينة عدن.";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("custom_lexicon: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let lexicon = match args.next() {
        Some(path) => Lexicon::from_path(&path)?,
        None => Lexicon::parse("inline", INLINE)?,
    };
    let text = match args.next() {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => SAMPLE.to_string(),
    };

    // A player named after his position: the two words after المهاجم (striker). The named group
    // `mention` is what is reported; the rest of the match is context.
    let striker = Rule::new("striker", Kind::Person, r"المهاجم (?P<mention>\w+ \w+)")?;

    let extractor = Extractor::builder()
        .lexicon(lexicon)
        .rule(striker)
        // Yemeni uzlas and villages: off by default because many are also common words.
        .tier(Tier::YemenVillages, false)
        .build()?;

    let doc = extractor.extract(&text);
    for m in doc.all_mentions() {
        let title = m
            .title()
            .map(|t| format!(" (title {t})"))
            .unwrap_or_default();
        println!(
            "{:<12} {:<28} bytes {:>4}..{:<4} from {}{title}",
            m.kind().as_str(),
            m.text(),
            m.span().start(),
            m.span().end(),
            m.source(),
        );
    }
    Ok(())
}
