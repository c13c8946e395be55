//! Assembling the [`Document`]: the mentions found in the segments and those the document pass added are
//! merged in text order, and each (and each nested place) is numbered with its entity.

use rustc_hash::FxHashMap;

use super::group::{entity_of, EntityIds};
use super::link::link;
use super::{Document, Found, KeyNumbers, Keys, Nested};
use crate::mention::Mention;
use crate::resolve::merge_disjoint;

/// What the passes over a text found, to be assembled: the segments' mentions (`found`, whose keys
/// are `keys`, and the nested places of their mentions, `nested`) and the document pass's (`added`,
/// whose keys are `added_keys`).
pub(crate) struct Parts<'t> {
    pub(crate) found: Vec<Found<'t>>,
    pub(crate) keys: Keys<'t>,
    pub(crate) nested: Nested<'t>,
    pub(crate) added: Vec<Found<'t>>,
    pub(crate) added_keys: Keys<'t>,
}

impl<'t> Parts<'t> {
    /// Nothing found yet in `text`.
    pub(crate) fn new(text: &'t str) -> Parts<'t> {
        Parts {
            found: Vec::new(),
            keys: Keys::new(text),
            nested: Nested::default(),
            added: Vec::new(),
            added_keys: Keys::new(text),
        }
    }

    /// The document: its mentions in text order, each numbered with its entity.
    pub(crate) fn assemble(self) -> Document<'t> {
        let mut doc = Document::default();
        let mut mentions = Vec::new();
        self.number(&mut doc, &mut mentions);
        doc.mentions = mentions;
        debug_assert!(
            doc.mentions
                .windows(2)
                .all(|w| w[0].span.end() <= w[1].span.start()),
            "top-level mentions sorted and disjoint"
        );
        doc
    }

    /// Each mention in text order, numbered with its entity, handed to `each` and not kept.
    pub(crate) fn each(self, each: impl FnMut(Mention<'t>)) {
        self.number(&mut Document::default(), &mut Each(each));
    }

    /// Gathers mentions into entities by their keys (in `doc`), and hands each mention, numbered with
    /// its entity, to `out`, in text order, after telling it how many there are. `found` and
    /// `added` go through one resolution ([`merge_disjoint`]): whatever either holds, the document's
    /// top-level mentions are sorted and never overlap, a found mention winning over an added one. Each
    /// mention takes back its nested places (kept apart in `nested`) and its text.
    fn number(self, doc: &mut Document<'t>, out: &mut impl Sink<'t>) {
        let Parts {
            found,
            mut keys,
            nested,
            mut added,
            added_keys,
        } = self;
        let text = keys.doc;
        keys.append(added_keys, &mut added);
        let mut mentions = merge_disjoint(found, added, |f| f.mention.byte_span());
        // The sources and extra parts apart from the keys, which the numbers borrow.
        let mut side = std::mem::take(keys.side());
        let numbers = keys.number_keys(&mut mentions);
        link(&mut mentions, &numbers, &mut side);
        out.count(mentions.len());
        let mut ids = EntityIds::for_keys(numbers.len());
        let mut nested_keys = NestedKeys::default();
        let mut name_chars = Vec::new();
        let mut places = nested.into_places(text).peekable();
        let mut own = Vec::new();
        // Taken in text order from the list's end (it is reversed first), whose memory is given back
        // as it empties: the found mentions (32 bytes each) and the numbered ones (64) are not both
        // held whole.
        mentions.reverse();
        #[cfg(debug_assertions)]
        let mut last_end = 0;
        while let Some(f) = mentions.pop() {
            if mentions.capacity() - mentions.len() >= GIVE_BACK {
                mentions.shrink_to_fit();
            }
            let key = f.mention.tag;
            let mut mention = f.mention.with_text(text, &mut side);
            let span = mention.span;
            #[cfg(debug_assertions)]
            {
                debug_assert!(
                    last_end <= span.start(),
                    "top-level mentions sorted and disjoint"
                );
                last_end = span.end();
            }
            // The mention's nested places: those kept with its start (the places are in text order,
            // as the mentions are; those of a mention the merge dropped, were there one, are dropped).
            // Looked at by reference first: `next_if` moved the waiting place (a whole mention) out and
            // back for every mention, and most have none.
            let at = span.start() as u32;
            while places.peek().is_some_and(|(parent, _)| *parent <= at) {
                if let Some((parent, place)) = places.next() {
                    if parent == at {
                        own.push(place);
                    }
                }
            }
            let entity = entity_of(doc, &mut ids, &mut name_chars, key, &mention);
            mention.entity = entity_number(entity);
            if !own.is_empty() {
                // Numbered before they are its (a place is grouped under its folded text), and made
                // to its length, as `to_mention` made it (`own` keeps its room for the next).
                for place in &mut own {
                    let key = nested_keys.number(&text[place.span.range()], &numbers);
                    let entity = entity_of(doc, &mut ids, &mut name_chars, key, place);
                    place.entity = entity_number(entity);
                }
                let mut list = Vec::with_capacity(own.len());
                list.append(&mut own);
                mention.set_nested(list);
            }
            out.put(mention);
        }
        debug_assert!(
            places.next().is_none(),
            "every nested place has its mention"
        );
    }
}

/// Where [`Parts::number`] hands the numbered mentions.
trait Sink<'t> {
    /// Told how many mentions come.
    fn count(&mut self, n: usize);
    fn put(&mut self, m: Mention<'t>);
}

/// The document's list: reserved at its length.
impl<'t> Sink<'t> for Vec<Mention<'t>> {
    fn count(&mut self, n: usize) {
        self.reserve_exact(n);
    }
    fn put(&mut self, m: Mention<'t>) {
        self.push(m);
    }
}

/// A caller's function, given each mention.
struct Each<F>(F);

impl<'t, F: FnMut(Mention<'t>)> Sink<'t> for Each<F> {
    fn count(&mut self, _: usize) {}
    fn put(&mut self, m: Mention<'t>) {
        (self.0)(m);
    }
}

/// How many found mentions' room is given back at a time while they are numbered (3 MiB).
const GIVE_BACK: usize = 1 << 16;

/// The numbers of the nested places' grouping keys (their folded texts), by their texts: a place named
/// again and again (in the names of many organizations) is folded once. A key that no top-level
/// mention has is numbered after those of [`KeyNumbers`].
#[derive(Default)]
struct NestedKeys<'t> {
    by_text: FxHashMap<&'t str, u32>,
    others: FxHashMap<String, u32>,
}

impl<'t> NestedKeys<'t> {
    /// The number of the key of a nested place of text `text`; `numbers` are the top-level mentions'.
    fn number(&mut self, text: &'t str, numbers: &KeyNumbers<'_>) -> u32 {
        if let Some(&n) = self.by_text.get(text) {
            return n;
        }
        let key = crate::normalize::fold(text);
        let n = numbers.get(&key).unwrap_or_else(|| {
            let next = numbers.len() + self.others.len();
            let next = u32::try_from(next).expect("fewer keys than bytes of text");
            *self.others.entry(key).or_insert(next)
        });
        self.by_text.insert(text, n);
        n
    }
}

/// An entity's index as a mention holds it: there are fewer entities than mentions, and fewer mentions
/// than bytes of text, which is at most `Span::MAX_OFFSET` bytes.
fn entity_number(n: usize) -> u32 {
    u32::try_from(n).expect("fewer entities than bytes of text")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nested_place_is_numbered_by_its_folded_text() {
        let (mut numbers, mut nested) = (KeyNumbers::default(), NestedKeys::default());
        let top = numbers.number("المكلا");
        // Written with a mark, folded to a top-level key; written twice, folded once.
        assert_eq!(nested.number("المكلاَ", &numbers), top);
        assert_eq!(nested.number("المكلاَ", &numbers), top);
        // A key no top-level mention has is numbered after theirs, once for its folded text.
        let other = nested.number("تريم", &numbers);
        assert_eq!(other, 1);
        assert_eq!(nested.number("تريمَ", &numbers), other);
        assert_eq!(nested.number("شبام", &numbers), 2);
    }
}
