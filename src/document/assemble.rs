//! Assembling the [`Document`]: the mentions found in the segments and those the document pass added are
//! merged in text order, and each (and each nested place) is numbered with its entity.

use super::group::{entity_of, EntityIds};
use super::{Document, Found};

/// Gathers mentions into entities by their keys, and numbers each mention's entity. `found` and `added`
/// are both in text order and never overlap: they are merged in text order (a found mention first at
/// one start), each mention moved once into the document (peeking iterators of large mentions copy them
/// several times over).
pub(crate) fn assemble(found: Vec<Found>, added: Vec<Found>) -> Document {
    let mut doc = Document {
        mentions: Vec::with_capacity(found.len() + added.len()),
        ..Document::default()
    };
    let mut ids = EntityIds::default();
    let mut name_chars = Vec::new();
    let mut added = added.into_iter();
    let mut next_added = added.next();
    for f in found {
        while let Some(a) = next_added.take_if(|a| a.mention.span.start() < f.mention.span.start())
        {
            add_mention(&mut doc, &mut ids, &mut name_chars, a);
            next_added = added.next();
        }
        add_mention(&mut doc, &mut ids, &mut name_chars, f);
    }
    for a in next_added.into_iter().chain(added) {
        add_mention(&mut doc, &mut ids, &mut name_chars, a);
    }
    doc
}

/// Adds mention `f` to `doc`, numbering its entity and its nested mentions' entities.
fn add_mention(doc: &mut Document, ids: &mut EntityIds, name_chars: &mut Vec<usize>, f: Found) {
    let entity = entity_of(doc, ids, name_chars, f.key(), &f.mention);
    doc.mentions.push(f.mention);
    let last = doc.mentions.len() - 1;
    doc.mentions[last].entity = entity;
    // Taken out while `doc` numbers them, and put back: a nested list is a pointer, cheap to move.
    let mut nested = std::mem::take(&mut doc.mentions[last].nested);
    for n in &mut nested {
        let key = crate::normalize::fold(&n.text);
        n.entity = entity_of(doc, ids, name_chars, &key, n);
    }
    doc.mentions[last].nested = nested;
}
