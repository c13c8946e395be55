//! The document level: what extraction returns, and the passes that make it once the mentions of every
//! segment are found.
//!
//! This module holds the data: [`Document`] and the entities it gathers ([`Person`], [`Organization`],
//! [`Place`]), and [`Found`], a mention with the key that groups it, which the extractor hands to the
//! passes. The passes, in the order the extractor runs them:
//!
//! 1. [`find_again`](find_again::find_again) (`find_again.rs`): the names found with strong evidence are
//!    looked for again where no mention is, by their full name or their family name alone;
//! 2. [`assemble`](assemble::assemble) (`assemble.rs`): the mentions found and those added are resolved
//!    together (sorted, never overlapping) and put in text order into the [`Document`], each numbered
//!    with its entity;
//! 3. linking (`link.rs`, called by `assemble`): a family name alone, a given name after a title or an
//!    organization's name cut short joins the full name written before it, whichever rule found each,
//!    and a person's later mentions take its title and gender;
//! 4. grouping (`group.rs`, called by `assemble` for each mention): the mentions of one key become one
//!    entity, whose name, title, role and gender they fill in.

use std::borrow::Cow;
use std::fmt;
use std::hash::BuildHasher;
use std::sync::{Arc, OnceLock};

use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::mention::{Bare, Country, Gender, Mention, Side, Source, Span, SubKind, SubValue};

mod assemble;
mod find_again;
mod group;
mod link;

pub(crate) use assemble::Parts;
pub(crate) use find_again::{find_again, DefiniteWords, Read, Summaries};

/// A mention with the key that groups it with other mentions of the same entity, without its text
/// ([`Bare`]: the text is the document's bytes at its span, which [`Keys`] holds).
///
/// The key is the mention's text for most mentions (no marks, variant letters or extra spaces): only a
/// key that differs is kept, in a side table ([`Keys`]), and the mention refers to it by its number in
/// the table, held in its tag until the document is assembled and the mention numbered with its
/// entity. So a found mention takes 28 bytes (its source, title and role by number in `Keys`'s side
/// table; as a mention with an `Option<Box<str>>` for its key it took 80, and a box for its title),
/// millions of them in a long mention-dense text, all held through the document pass.
#[derive(Debug)]
pub(crate) struct Found<'t> {
    pub(crate) mention: Bare<'t>,
}

const _: () = assert!(std::mem::size_of::<Found>() == 28);

/// The grouping keys of found mentions that differ from their text ([`Found`]), one after the other in
/// one string: a key takes its bytes and the 8 of its end (as a `Box<str>` each it took 16 and an
/// allocation of 32 bytes or more, scattered among the mentions' boxes, so that freeing them gave
/// little memory back; a third of the mentions of a mention-dense text have a key of their own). With
/// them, the text the mentions were found in, whose bytes at a mention's span are its text and, for most
/// mentions, its key.
///
/// A key is kept once: the mentions of one name, written again and again through a document, share
/// its number (found by the key's hash in `ids`). Held once per mention, the keys of a 100 MB
/// mention-dense text took some 60 MB at the peak of the document pass.
#[derive(Debug)]
pub(crate) struct Keys<'t> {
    /// The text extracted.
    doc: &'t str,
    text: String,
    ends: Vec<usize>,
    /// The number of a key by its hash (the first key of that hash: a second key with the same hash is
    /// kept again, not shared).
    ids: FxHashMap<u64, u32>,
    /// The mentions' sources and extra parts.
    side: Side<'t>,
}

/// What a found mention's tag holds when its key is its text.
const OWN_TEXT: u32 = u32::MAX;

impl<'t> Keys<'t> {
    /// No keys yet, of mentions found in `doc`.
    pub(crate) fn new(doc: &'t str) -> Keys<'t> {
        Keys {
            doc,
            text: String::new(),
            ends: Vec::new(),
            ids: FxHashMap::default(),
            side: Side::default(),
        }
    }

    fn add(&mut self, key: &str) -> u32 {
        use std::collections::hash_map::Entry;
        let n = u32::try_from(self.ends.len()).expect("fewer keys than bytes of text");
        assert!(n != OWN_TEXT, "fewer keys than bytes of text");
        // One lookup of the hash, for a key kept already and for a new one.
        match self.ids.entry(FxBuildHasher.hash_one(key)) {
            Entry::Occupied(e) if key_of(&self.text, &self.ends, *e.get()) == key => {
                return *e.get()
            }
            // A second key of a hash is kept again, not shared.
            Entry::Occupied(_) => {}
            Entry::Vacant(e) => {
                e.insert(n);
            }
        }
        self.text.push_str(key);
        self.ends.push(self.text.len());
        n
    }

    fn get(&self, n: u32) -> &str {
        key_of(&self.text, &self.ends, n)
    }

    /// The key of a mention of text `text` whose tag is `tag` (see [`Found`]).
    fn of<'a>(&'a self, tag: u32, text: &'a str) -> &'a str {
        match tag {
            OWN_TEXT => text,
            n => self.get(n),
        }
    }

    /// The mentions' sources and extra parts, to make a found mention bare in ([`Found::tag`]).
    pub(crate) fn side(&mut self) -> &mut Side<'t> {
        &mut self.side
    }

    /// Numbers the keys of the mentions `found` (see [`KeyNumbers`]): each mention's tag becomes its
    /// key's number there, and [`Found::key`] no longer reads it. A key kept here is numbered once,
    /// not looked up again for each of its mentions.
    pub(crate) fn number_keys<'k>(&'k self, found: &mut [Found<'t>]) -> KeyNumbers<'k> {
        const NOT_YET: u32 = u32::MAX;
        let mut numbers = KeyNumbers::default();
        let mut kept = vec![NOT_YET; self.ends.len()];
        for f in found {
            let m = &mut f.mention;
            m.tag = match m.tag {
                OWN_TEXT => numbers.number(&self.doc[m.range()]),
                n => match kept[n as usize] {
                    NOT_YET => {
                        kept[n as usize] = numbers.number(self.get(n));
                        kept[n as usize]
                    }
                    number => number,
                },
            };
        }
        numbers
    }

    /// Takes the keys, sources and extra parts of `other`, which the mentions `found` refer to: they are numbered
    /// after these.
    pub(crate) fn append(&mut self, mut other: Keys<'t>, found: &mut [Found<'t>]) {
        let offset = u32::try_from(self.ends.len()).expect("fewer keys than bytes of text");
        for f in found {
            if f.mention.tag != OWN_TEXT {
                f.mention.tag += offset;
            }
            f.mention.move_side(&mut other.side, &mut self.side);
        }
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|end| base + end));
        for (hash, n) in other.ids {
            self.ids.entry(hash).or_insert(n + offset);
        }
    }
}

/// The grouping keys of the document's mentions, each numbered once, when the document is assembled:
/// linking and grouping then keep what they know of a key in lists indexed by its number, where each
/// hashed the key's string again, once or more a mention (a third of the assembly's instructions).
/// A key's number is one for the mentions of one string, whichever held it as its text or in [`Keys`].
#[derive(Debug, Default)]
pub(crate) struct KeyNumbers<'k> {
    numbers: FxHashMap<&'k str, u32>,
    keys: Vec<&'k str>,
}

impl<'k> KeyNumbers<'k> {
    /// The number of `key`, a new one if it is new.
    fn number(&mut self, key: &'k str) -> u32 {
        // Looked up first: most keys come again, and a lookup costs less than an entry.
        if let Some(&n) = self.numbers.get(key) {
            return n;
        }
        let n = u32::try_from(self.keys.len()).expect("fewer keys than bytes of text");
        self.numbers.insert(key, n);
        self.keys.push(key);
        n
    }

    /// The number of `key`, if a mention has it.
    pub(crate) fn get(&self, key: &str) -> Option<u32> {
        self.numbers.get(key).copied()
    }

    /// Key number `n`.
    pub(crate) fn key(&self, n: u32) -> &'k str {
        self.keys[n as usize]
    }

    /// How many keys are numbered.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }
}

/// Key `n` of a [`Keys`] of `text` and `ends`.
fn key_of<'a>(text: &'a str, ends: &[usize], n: u32) -> &'a str {
    let n = n as usize;
    let start = n.checked_sub(1).map_or(0, |before| ends[before]);
    &text[start..ends[n]]
}

impl<'t> Found<'t> {
    /// Mention `mention` with grouping key `key`, which is kept (in `keys`) only when it is not the
    /// mention's text. The mention's text must be the bytes of the text of `keys` at its span, as an
    /// extracted mention's is.
    pub(crate) fn new(key: &str, mention: Mention<'t>, keys: &mut Keys<'t>) -> Found<'t> {
        let tag = if key == mention.text() {
            OWN_TEXT
        } else {
            keys.add(key)
        };
        Found {
            mention: mention.into_bare(tag, &mut keys.side),
        }
    }

    /// The tag of a mention grouped under `key` (`range` is its span's bytes), as [`Found::new`]
    /// gives it, for a mention made bare at once in the table of `keys` ([`Keys::side`]).
    pub(crate) fn tag(key: &str, range: std::ops::Range<usize>, keys: &mut Keys<'t>) -> u32 {
        if key == &keys.doc[range] {
            OWN_TEXT
        } else {
            keys.add(key)
        }
    }

    /// The mention's source (`keys` is the table the mention was made with).
    pub(crate) fn source<'a>(&self, keys: &'a Keys<'_>) -> &'a Source {
        self.mention.source(&keys.side)
    }

    /// The mention's title, in canonical form.
    pub(crate) fn title<'a>(&self, keys: &'a Keys<'t>) -> Option<&'a str> {
        self.mention.title(&keys.side)
    }

    /// The mention's role.
    pub(crate) fn role<'a>(&self, keys: &'a Keys<'t>) -> Option<&'a str> {
        self.mention.role(&keys.side)
    }

    /// The mention's sub-kind, as it is held.
    pub(crate) fn sub(&self, keys: &Keys<'t>) -> SubValue {
        self.mention.sub(&keys.side)
    }

    /// The mention's text: the bytes at its span of the text of `keys`, which it was found in.
    pub(crate) fn text<'a>(&self, keys: &Keys<'a>) -> &'a str {
        &keys.doc[self.mention.range()]
    }

    /// The folded words of the mention, joined by spaces: mentions with one key are one entity. `keys`
    /// is the table the mention was made with.
    pub(crate) fn key<'a>(&self, keys: &'a Keys<'_>) -> &'a str {
        keys.of(self.mention.tag, &keys.doc[self.mention.range()])
    }
}

/// The nested places of the found mentions, kept apart from them until the document is assembled (the
/// document pass reads none): in lists of some thousands, each freed as soon as the assembly has given
/// its places to their mentions, where a box of nested places for each organization (and the `Extra` to
/// hold it) took some 144 bytes an organization all through the document pass. A place is kept without
/// its text, with its source by number ([`Bare`], 28 bytes, its parent's start byte in its tag): as a
/// mention with its parent's start beside it, it took 72.
#[derive(Debug, Default)]
pub(crate) struct Nested<'t> {
    /// Lists of places, each with its parent's start byte as its tag, in text order.
    lists: Vec<Vec<Bare<'t>>>,
    /// The places' sources and extra parts.
    side: Side<'t>,
}

/// The most places in one list of [`Nested`].
const NESTED_LIST: usize = 4096;

impl<'t> Nested<'t> {
    /// Keeps `places`, nested in the found mention that starts at byte `at`; parents are added in
    /// text order.
    pub(crate) fn add(&mut self, at: u32, places: impl Iterator<Item = Mention<'t>>) {
        for place in places {
            let place = place.into_bare(at, &mut self.side);
            self.push(place);
        }
    }

    /// Keeps `place`, made bare in [`Nested::side`], its parent's start byte as its tag; parents are
    /// added in text order.
    pub(crate) fn push(&mut self, place: Bare<'t>) {
        // A list grows as any does, up to its most: a short document's is short.
        match self.lists.last_mut() {
            Some(list) if list.len() < NESTED_LIST => list.push(place),
            _ => self.lists.push(vec![place]),
        }
    }

    /// The places' sources and extra parts, to make a place bare in ([`Nested::push`]).
    pub(crate) fn side(&mut self) -> &mut Side<'t> {
        &mut self.side
    }

    /// The places in text order, each with its parent's start byte, made mentions again of `text` (the
    /// text they were found in), each list freed once read.
    pub(crate) fn into_places(self, text: &'t str) -> impl Iterator<Item = (u32, Mention<'t>)> {
        let mut side = self.side;
        self.lists
            .into_iter()
            .flatten()
            .map(move |place| (place.tag, place.with_text(text, &mut side)))
    }
}

/// A person: every mention of one name in the document.
///
/// ```
/// let doc = alam::Extractor::new().extract("الأستاذة أوسان محمد باحسين ... للأستاذة أوسان محمد باحسين");
/// let p = &doc.persons()[0];
/// assert_eq!(p.name(), "أوسان محمد باحسين");
/// assert_eq!(p.title(), Some("الأستاذة"));
/// assert_eq!(p.mentions().len(), 2);
/// ```
///
/// A family name alone, or a given name after a title, joins the full name written before it, whichever
/// rule found each mention, and takes the person's title and gender:
///
/// ```
/// let text = "قال المهندس عبدالله أحمد باوزير إن المشروع جاهز . وأضاف باوزير أن العمل بدأ";
/// let doc = alam::Extractor::new().extract(text);
/// assert_eq!(doc.persons().len(), 1);
/// assert_eq!(doc.persons()[0].mentions().len(), 2);
/// assert_eq!(doc.mentions()[1].title(), Some("المهندس"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Person<'t> {
    name: Cow<'t, str>,
    title: Option<Arc<str>>,
    role: Option<Cow<'t, str>>,
    gender: Option<Gender>,
    mentions: Spans,
}

impl Person<'_> {
    /// The fullest form of the name found.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله العمودي قال إن العمودي");
    /// assert_eq!(doc.persons()[0].name(), "محمد عبدالله العمودي");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The first title found with the name, in canonical form.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("قال الدكتور عبدالعزيز سعيد الصيغ");
    /// assert_eq!(doc.persons()[0].title(), Some("الدكتور"));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    /// The first role found with the name, as written (the article back where ل + ال is written لل, as
    /// [`crate::Mention::role`]).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("والأمين العام المساعد الدكتور عبدالعزيز سعيد الصيغ");
    /// assert_eq!(doc.persons()[0].role(), Some("الأمين العام المساعد"));
    /// ```
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }
    /// The gender, from a title, role or given name.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("والأستاذة أوسان محمد باحسين");
    /// assert_eq!(doc.persons()[0].gender(), Some(alam::Gender::Female));
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// The person with its own copy of its name and role (see [`Document::into_owned`]).
    ///
    /// ```
    /// let text = String::from("قال الدكتور عبدالعزيز سعيد الصيغ");
    /// let p: alam::Person<'static> = alam::Extractor::new().extract(&text).persons()[0].clone().into_owned();
    /// drop(text);
    /// assert_eq!(p.name(), "عبدالعزيز سعيد الصيغ");
    /// ```
    pub fn into_owned(self) -> Person<'static> {
        Person {
            name: Cow::Owned(self.name.into_owned()),
            title: self.title,
            role: self.role.map(|r| Cow::Owned(r.into_owned())),
            gender: self.gender,
            mentions: self.mentions,
        }
    }
    /// Where the person is mentioned, in text order.
    ///
    /// ```
    /// let text = "الأستاذ محمد عبدالله العمودي قال إن العمودي";
    /// let doc = alam::Extractor::new().extract(text);
    /// let spans = doc.persons()[0].mentions();
    /// assert_eq!(&text[spans[1].range()], "العمودي");
    /// ```
    pub fn mentions(&self) -> &[Span] {
        self.mentions.get()
    }
}

/// An organization: every mention of one name in the document.
///
/// ```
/// let doc = alam::Extractor::new().extract("برامج الصندوق الاجتماعي للتنمية");
/// assert_eq!(doc.organizations()[0].name(), "الصندوق الاجتماعي للتنمية");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Organization<'t> {
    name: Cow<'t, str>,
    sub_kind: Option<SubKind>,
    mentions: Spans,
}

impl Organization<'_> {
    /// The name as first written.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("مقر وزارة الصحة العامة والسكان في صنعاء");
    /// assert_eq!(doc.organizations()[0].name(), "وزارة الصحة العامة والسكان");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The [`SubKind`] (ministry, company…) from the head noun or lexicon, where known.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("مقر وزارة الصحة العامة والسكان في صنعاء");
    /// assert_eq!(doc.organizations()[0].sub_kind(), Some(alam::SubKind::Ministry));
    /// ```
    pub fn sub_kind(&self) -> Option<SubKind> {
        self.sub_kind.clone()
    }
    /// The organization with its own copy of its name (see [`Document::into_owned`]).
    ///
    /// ```
    /// let text = String::from("برامج الصندوق الاجتماعي للتنمية");
    /// let o = alam::Extractor::new().extract(&text).organizations()[0].clone().into_owned();
    /// drop(text);
    /// assert_eq!(o.name(), "الصندوق الاجتماعي للتنمية");
    /// ```
    pub fn into_owned(self) -> Organization<'static> {
        Organization {
            name: Cow::Owned(self.name.into_owned()),
            sub_kind: self.sub_kind,
            mentions: self.mentions,
        }
    }
    /// Where the organization is mentioned, in text order.
    ///
    /// ```
    /// let text = "مقر وزارة الصحة العامة والسكان في صنعاء";
    /// let doc = alam::Extractor::new().extract(text);
    /// assert_eq!(&text[doc.organizations()[0].mentions()[0].range()], "وزارة الصحة العامة والسكان");
    /// ```
    pub fn mentions(&self) -> &[Span] {
        self.mentions.get()
    }
}

/// A place: every mention of one name in the document, nested ones included.
///
/// ```
/// let doc = alam::Extractor::new().extract("في مدينة المكلا");
/// assert_eq!(doc.places()[0].name(), "المكلا");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Place<'t> {
    name: Cow<'t, str>,
    sub_kind: Option<SubKind>,
    country: Option<Country>,
    mentions: Spans,
}

impl Place<'_> {
    /// The name as first written.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("زار الرئيس عدن");
    /// assert_eq!(doc.places()[0].name(), "عدن");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The [`SubKind`] (city, country, governorate…), where known.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في محافظة حضرموت");
    /// assert_eq!(doc.places()[0].sub_kind(), Some(alam::SubKind::Governorate));
    /// ```
    pub fn sub_kind(&self) -> Option<SubKind> {
        self.sub_kind.clone()
    }
    /// The ISO 3166-1 alpha-2 code of its country, where known.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في محافظة حضرموت");
    /// assert_eq!(doc.places()[0].country(), Some("YE"));
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.country.as_ref().map(Country::as_str)
    }
    /// The place with its own copy of its name (see [`Document::into_owned`]).
    ///
    /// ```
    /// let text = String::from("في محافظة حضرموت");
    /// let p = alam::Extractor::new().extract(&text).places()[0].clone().into_owned();
    /// drop(text);
    /// assert_eq!(p.name(), "حضرموت");
    /// ```
    pub fn into_owned(self) -> Place<'static> {
        Place {
            name: Cow::Owned(self.name.into_owned()),
            sub_kind: self.sub_kind,
            country: self.country,
            mentions: self.mentions,
        }
    }
    /// Where the place is mentioned, in text order.
    ///
    /// ```
    /// let text = "من عدن إلى المكلا ثم إلى عدن";
    /// let doc = alam::Extractor::new().extract(text);
    /// let aden = doc.places().iter().find(|p| p.name() == "عدن").unwrap();
    /// assert_eq!(aden.mentions().len(), 2);
    /// ```
    pub fn mentions(&self) -> &[Span] {
        self.mentions.get()
    }
}

/// What extraction found in one text: the mentions in text order, and the entities they gather into.
///
/// ```
/// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله الحامد في مدينة المكلا");
/// assert_eq!(doc.mentions().len(), 2);
/// assert_eq!(doc.persons().len(), 1);
/// assert_eq!(doc.places().len(), 1);
/// # #[cfg(feature = "serde")] {
/// // With the `serde` feature (on by default) it serializes, and reads back as it was.
/// let json = serde_json::to_string(&doc).unwrap();
/// assert!(json.contains("\"kind\":\"person\""));
/// let back: alam::Document = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, doc);
/// # }
/// ```
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
pub struct Document<'t> {
    mentions: Vec<Mention<'t>>,
    persons: Vec<Person<'t>>,
    organizations: Vec<Organization<'t>>,
    places: Vec<Place<'t>>,
    /// Whether the entities have their lists of spans ([`Spans`]), made when the entities are first
    /// asked for. A read document has them.
    #[cfg_attr(feature = "serde", serde(skip, default = "gathered"))]
    gathered: OnceLock<()>,
}

/// A `gathered` that says the entities have their lists (a read document's).
#[cfg(feature = "serde")]
fn gathered() -> OnceLock<()> {
    OnceLock::from(())
}

/// The spans of an entity's mentions, made with every entity's when the document's entities are first
/// asked for (`Document::gather`): 16 bytes a mention, which a caller that reads the mentions alone
/// (the `extract` example's jsonl) never needs, and which made the peak of memory of a long document
/// (58 MB of a 100 MB mention-dense text). A lock with no lifetime in it, so that a document stays
/// covariant in its text's.
#[derive(Clone, Default, PartialEq, Eq)]
struct Spans(OnceLock<Vec<Span>>);

impl Spans {
    fn get(&self) -> &[Span] {
        self.0.get().map_or(&[], Vec::as_slice)
    }
}

impl fmt::Debug for Spans {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.get(), f)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Spans {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Spans {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Span>::deserialize(d).map(|spans| Spans(OnceLock::from(spans)))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Document", 4)?;
        st.serialize_field("mentions", &self.mentions)?;
        st.serialize_field("persons", self.persons())?;
        st.serialize_field("organizations", self.organizations())?;
        st.serialize_field("places", self.places())?;
        st.end()
    }
}

impl PartialEq for Document<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.mentions == other.mentions
            && self.persons() == other.persons()
            && self.organizations() == other.organizations()
            && self.places() == other.places()
    }
}

impl Eq for Document<'_> {}

impl fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document")
            .field("mentions", &self.mentions)
            .field("persons", &self.persons())
            .field("organizations", &self.organizations())
            .field("places", &self.places())
            .finish()
    }
}

impl<'t> Document<'t> {
    /// The top-level mentions, sorted by position and never overlapping.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله الحامد في مدينة المكلا");
    /// let texts: Vec<_> = doc.mentions().iter().map(|m| m.text()).collect();
    /// assert_eq!(texts, ["محمد عبدالله الحامد", "المكلا"]);
    /// ```
    pub fn mentions(&self) -> &[Mention<'t>] {
        &self.mentions
    }
    /// Every mention, nested ones right after their parent.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته");
    /// let texts: Vec<_> = doc.all_mentions().map(|m| m.text()).collect();
    /// assert_eq!(texts, ["مؤتمر حضرموت الجامع", "حضرموت"]);
    /// ```
    pub fn all_mentions(&self) -> impl Iterator<Item = &Mention<'t>> {
        self.mentions
            .iter()
            .flat_map(|m| std::iter::once(m).chain(m.nested().iter()))
    }
    /// The people, in order of first mention.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله الحامد والأستاذة أوسان محمد باحسين");
    /// let names: Vec<_> = doc.persons().iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["محمد عبدالله الحامد", "أوسان محمد باحسين"]);
    /// ```
    pub fn persons(&self) -> &[Person<'t>] {
        self.gather();
        &self.persons
    }
    /// The organizations, in order of first mention.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("برامج الصندوق الاجتماعي للتنمية");
    /// assert_eq!(doc.organizations()[0].name(), "الصندوق الاجتماعي للتنمية");
    /// ```
    pub fn organizations(&self) -> &[Organization<'t>] {
        self.gather();
        &self.organizations
    }
    /// The places, in order of first mention (nested mentions included).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته في المكلا");
    /// let names: Vec<_> = doc.places().iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["حضرموت", "المكلا"]);
    /// ```
    pub fn places(&self) -> &[Place<'t>] {
        self.gather();
        &self.places
    }
    /// Consumes the document, giving its top-level mentions.
    ///
    /// ```
    /// let mentions = alam::Extractor::new().extract("في مدينة المكلا").into_mentions();
    /// assert_eq!(mentions[0].text(), "المكلا");
    /// ```
    pub fn into_mentions(self) -> Vec<Mention<'t>> {
        self.mentions
    }
    /// The document with its own copies of the texts it borrows (each mention's text and role, each
    /// entity's name and role), free of the text it was extracted from: to keep it after that text is
    /// gone, or send it where the text cannot go. What [`Extractor::extract_stream`] hands out.
    ///
    /// [`Extractor::extract_stream`]: crate::Extractor::extract_stream
    ///
    /// ```
    /// fn extract_owned(text: String) -> alam::Document<'static> {
    ///     alam::Extractor::new().extract(&text).into_owned()
    /// }
    /// let doc = extract_owned("في مدينة المكلا".to_string());
    /// assert_eq!(doc.places()[0].name(), "المكلا");
    /// ```
    pub fn into_owned(self) -> Document<'static> {
        Document {
            mentions: self.mentions.into_iter().map(Mention::into_owned).collect(),
            persons: self.persons.into_iter().map(Person::into_owned).collect(),
            organizations: self
                .organizations
                .into_iter()
                .map(Organization::into_owned)
                .collect(),
            places: self.places.into_iter().map(Place::into_owned).collect(),
            gathered: self.gathered,
        }
    }

    /// Gives the entities their lists of spans, the first time only.
    fn gather(&self) {
        self.gathered.get_or_init(|| group::gather_mentions(self));
    }
}

#[cfg(test)]
mod tests {
    use super::{Found, Keys};
    use crate::mention::{Kind, Mention, Source, Span};

    /// The mentions of the parts of `doc` between `|`s, each at its span in `doc`.
    fn mentions(doc: &str) -> Vec<Mention<'_>> {
        let (mut at, mut chars) = (0, 0);
        doc.split('|')
            .map(|part| {
                let n = part.chars().count();
                let span = Span::new(at, at + part.len(), chars, chars + n);
                (at, chars) = (at + part.len() + 1, chars + n + 1);
                Mention::new(Kind::Person, span, part, Source::Document)
            })
            .collect()
    }

    #[test]
    fn entities_get_their_spans_when_first_asked_for() {
        let text = "قال المهندس عبدالله أحمد باوزير في عدن إن المشروع جاهز . وأضاف باوزير في عدن";
        let doc = crate::Extractor::new().extract(text);
        // Made lazily, whichever asks first: serializing, comparing, a clone, or the entities.
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_value(doc.clone()).unwrap();
            assert_eq!(json["persons"][0]["mentions"].as_array().unwrap().len(), 2);
            assert_eq!(json["places"][0]["mentions"].as_array().unwrap().len(), 2);
        }
        let copy = doc.clone();
        assert!(copy.gathered.get().is_none());
        assert_eq!(copy, doc);
        assert_eq!(doc.persons()[0].mentions().len(), 2);
        assert_eq!(doc.places()[0].mentions().len(), 2);
        let owned = copy.into_owned();
        assert_eq!(owned.places()[0].mentions(), doc.places()[0].mentions());
    }

    /// A document of a longer-lived text stands for one of a shorter-lived text (it stayed covariant
    /// with its lists of spans made lazily).
    #[allow(dead_code)]
    fn covariant<'a>(doc: super::Document<'static>) -> super::Document<'a> {
        doc
    }

    #[test]
    fn a_key_written_again_is_kept_once() {
        let doc = "أحمد|وأحمد|مَروان|أحمدَ|x";
        let mut m = mentions(doc).into_iter();
        let mut keys = Keys::new(doc);
        let a = Found::new("احمد", m.next().unwrap(), &mut keys);
        let b = Found::new("احمد", m.next().unwrap(), &mut keys);
        let c = Found::new("مروان", m.next().unwrap(), &mut keys);
        assert_eq!(a.mention.tag, b.mention.tag);
        assert_eq!(keys.ends.len(), 2);
        let mut added_keys = Keys::new(doc);
        let mut added = vec![Found::new("احمد", m.next().unwrap(), &mut added_keys)];
        keys.append(added_keys, &mut added);
        let d = Found::new("مروان", m.next().unwrap(), &mut keys);
        assert_eq!(d.mention.tag, c.mention.tag);
        assert_eq!(added[0].key(&keys), "احمد");
        assert_eq!(
            [a.key(&keys), b.key(&keys), c.key(&keys)],
            ["احمد", "احمد", "مروان"]
        );
        assert_eq!([b.text(&keys), added[0].text(&keys)], ["وأحمد", "أحمدَ"]);
    }

    #[test]
    fn keys_that_differ_from_the_text_are_kept_apart_and_follow_their_mentions() {
        let doc = "مروان دوفال|أحمد|x|دوفال|الكندورى";
        let mut m = mentions(doc).into_iter();
        let mut keys = Keys::new(doc);
        let mut found = vec![
            Found::new("مروان دوفال", m.next().unwrap(), &mut keys),
            Found::new("احمد", m.next().unwrap(), &mut keys),
            Found::new("", m.next().unwrap(), &mut keys),
        ];
        assert_eq!(
            keys.ends.len(),
            2,
            "only the keys that differ from the text"
        );
        let mut added_keys = Keys::new(doc);
        let mut added = vec![
            Found::new("دوفال", m.next().unwrap(), &mut added_keys),
            Found::new("الكندوري", m.next().unwrap(), &mut added_keys),
        ];
        keys.append(added_keys, &mut added);
        found.extend(added);
        // Moved around, as the merge does: each keeps its own key.
        found.reverse();
        let got: Vec<&str> = found.iter().map(|f| f.key(&keys)).collect();
        assert_eq!(got, ["الكندوري", "دوفال", "", "احمد", "مروان دوفال"]);
    }

    #[test]
    fn every_key_is_numbered_once_whichever_holds_it() {
        let doc = "اوسان|أوسان|باحسين|اوسان|x";
        let keyed = ["اوسان", "اوسان", "باحسين", "اوسان", "باحسين"];
        let mut keys = Keys::new(doc);
        let mut found: Vec<Found> = mentions(doc)
            .into_iter()
            .zip(keyed)
            .map(|(m, key)| Found::new(key, m, &mut keys))
            .collect();
        assert_eq!(keys.ends.len(), 2, "two keys kept apart from the text");
        let numbers = keys.number_keys(&mut found);
        let tags: Vec<u32> = found.iter().map(|f| f.mention.tag).collect();
        assert_eq!(tags, [0, 0, 1, 0, 1]);
        assert_eq!([numbers.key(0), numbers.key(1)], ["اوسان", "باحسين"]);
        assert_eq!(
            (numbers.len(), numbers.get("باحسين"), numbers.get("x")),
            (2, Some(1), None)
        );
    }

    #[test]
    fn sources_are_kept_once_and_follow_their_mentions() {
        let doc = "أحمد|علي|سعيد|مروان";
        let rule = Source::Rule("title-name".into());
        let lexicon = |line| Source::Lexicon {
            name: "persons.tsv".into(),
            line,
        };
        let sources = [rule.clone(), lexicon(3), rule.clone(), lexicon(4)];
        let mut m = mentions(doc)
            .into_iter()
            .zip(sources.iter().cloned())
            .map(|(mut m, s)| {
                m.source = s;
                m
            });
        let mut keys = Keys::new(doc);
        let mut found: Vec<Found> = m
            .by_ref()
            .take(3)
            .map(|m| Found::new("", m, &mut keys))
            .collect();
        assert_eq!(keys.side.len(), 2, "one rule, one lexicon line");
        let mut added_keys = Keys::new(doc);
        let mut added: Vec<Found> = m.map(|m| Found::new("", m, &mut added_keys)).collect();
        keys.append(added_keys, &mut added);
        found.extend(added);
        let got: Vec<&Source> = found.iter().map(|f| f.source(&keys)).collect();
        assert_eq!(got, sources.iter().collect::<Vec<_>>());
        let again: Vec<Source> = found
            .into_iter()
            .map(|f| f.mention.with_text(doc, &mut keys.side).source)
            .collect();
        assert_eq!(again, sources);
    }
}
