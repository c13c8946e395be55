//! # alam — people, organizations and places in Arabic text
//!
//! `alam` (from اسم علم, "proper noun") finds the people, organizations and places in Arabic news text
//! with gazetteers and pattern rules: no model, no downloads, pure Rust. Every mention carries its exact
//! byte and char offsets into the text you gave, whatever diacritics, tatweel, presentation forms or
//! invisible marks it contains.
//!
//! ```
//! let text = "وفي افتتاح الندوة حضر الأستاذ محمد عبدالله الحامد والأستاذة أوسان محمد باحسين";
//! let doc = alam::Extractor::new().extract(text);
//! let people: Vec<_> = doc.persons().iter().map(|p| (p.name(), p.title(), p.gender())).collect();
//! assert_eq!(people, [
//!     ("محمد عبدالله الحامد", Some("الأستاذ"), Some(alam::Gender::Male)),
//!     ("أوسان محمد باحسين", Some("الأستاذة"), Some(alam::Gender::Female)),
//! ]);
//! for m in doc.mentions() {
//!     assert_eq!(&text[m.span().range()], m.text());
//! }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod clitic;
mod custom;
mod document;
mod error;
mod extractor;
mod lexicon;
mod lookup;
mod mention;
mod normalize;
mod resolve;
mod rules;
mod tokenize;

pub use custom::Rule;
pub use document::{Document, Organization, Person, Place};
pub use error::Error;
pub use extractor::{Extractor, ExtractorBuilder};
pub use lexicon::{Entry, EntryKind, Lexicon, Tier};
pub use mention::{Gender, Kind, Mention, Source, Span};
pub use normalize::fold;
