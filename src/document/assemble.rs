//! Assembling the [`Document`]: the mentions found in the segments and those the document pass added are
//! merged in text order, and each (and each nested place) is numbered with its entity.

use super::group::{entity_of, EntityIds};
use super::link::link;
use super::{Document, Found, Keys, Nested};
use crate::mention::Mention;
use crate::resolve::merge_disjoint;

/// Gathers mentions into entities by their keys, and numbers each mention's entity. `found` (the
/// segments' mentions) and `added` (the document pass's) go through one resolution
/// ([`merge_disjoint`]): whatever either holds, the document's top-level mentions are sorted and never
/// overlap, a found mention winning over an added one.
///
/// `text` is the text extracted; `keys` is the table of `found`'s keys, `added_keys` that of `added`'s; `nested` holds the nested
/// places of `found`'s mentions, which each takes back here.
pub(crate) fn assemble<'t>(
    text: &'t str,
    found: Vec<Found<'t>>,
    mut keys: Keys,
    nested: Nested<'t>,
    mut added: Vec<Found<'t>>,
    added_keys: Keys,
) -> Document<'t> {
    keys.append(added_keys, &mut added);
    let mut mentions = merge_disjoint(found, added, |f| f.mention.span);
    link(&mut mentions, &mut keys);
    let mut doc = Document::default();
    let mut ids = EntityIds::default();
    let mut name_chars = Vec::new();
    // Mapped in place: the standard library collects a list into the memory of the list it consumes
    // when the items fit (a `Mention` is smaller than a `Found`), so the mentions are not held twice.
    let mut places = nested.into_places(text).peekable();
    let mut own = Vec::new();
    let numbered: Vec<Mention<'t>> = mentions
        .into_iter()
        .map(|mut f| {
            // The mention's nested places: those kept with its start (the places are in text order,
            // as the mentions are; those of a mention the merge dropped, were there one, are dropped).
            let at = f.mention.span.start() as u32;
            while let Some((parent, place)) = places.next_if(|(parent, _)| *parent <= at) {
                if parent == at {
                    own.push(place);
                }
            }
            if !own.is_empty() {
                // Made to its length, as `to_mention` made it (`own` keeps its room for the next).
                let mut list = Vec::with_capacity(own.len());
                list.append(&mut own);
                f.mention.set_nested(list);
            }
            numbered(&mut doc, &mut ids, &mut name_chars, f, &keys)
        })
        .collect();
    debug_assert!(
        places.next().is_none(),
        "every nested place has its mention"
    );
    doc.mentions = numbered;
    // Every mention is numbered: the keys are read. The entities' lists of spans are made when first
    // asked for (`Document::persons` and the others).
    drop(keys);
    debug_assert!(
        doc.mentions
            .windows(2)
            .all(|w| w[0].span.end() <= w[1].span.start()),
        "top-level mentions sorted and disjoint"
    );
    doc
}

/// Mention `f` numbered with its entity, and its nested mentions with theirs, the entities gathered in
/// `doc`.
fn numbered<'t>(
    doc: &mut Document<'t>,
    ids: &mut EntityIds,
    name_chars: &mut Vec<usize>,
    f: Found<'t>,
    keys: &Keys,
) -> Mention<'t> {
    let entity = entity_of(doc, ids, name_chars, f.key(keys), &f.mention);
    let mut mention = f.mention;
    mention.entity = entity_number(entity);
    // Taken out while `doc` numbers them, and put back: a nested list is a pointer, cheap to move. Most
    // mentions have none.
    if !mention.nested().is_empty() {
        let mut nested = mention.take_nested();
        for n in &mut nested {
            let key = crate::normalize::fold(&n.text);
            n.entity = entity_number(entity_of(doc, ids, name_chars, &key, n));
        }
        mention.set_nested(nested);
    }
    mention
}

/// An entity's index as a mention holds it: there are fewer entities than mentions, and fewer mentions
/// than bytes of text, which is at most `Span::MAX_OFFSET` bytes.
fn entity_number(n: usize) -> u32 {
    u32::try_from(n).expect("fewer entities than bytes of text")
}
