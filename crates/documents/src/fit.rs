//! Makes the data printable with the embedded fonts before Typst sees it.
//!
//! The PDF is PDF/A-2b, and Typst refuses PDF/A when a glyph is missing. The embedded fonts cover
//! Latin, Greek, Cyrillic and Arabic, not Ge'ez (Tigrinya, Amharic), CJK or emoji, while names in
//! those scripts are ordinary in inburgering. So every string is checked against the coverage of the
//! loaded fonts; a string with a character no font has is printed transliterated (`deunicode`) and
//! marked, and the document says where the exact spelling is. The caller keeps the exact data (the
//! JSON of the ZIP): only the PDF's copy changes.

use serde_json::Value;
use typst::text::FontBook;

/// The marker after a transliterated string; the template explains it once (`lettertype_noot`).
pub const MARK: &str = " (*)";

/// The key the template reads for the explanation; absent when nothing was changed.
pub const NOTE_KEY: &str = "lettertype_noot";

/// The explanation in the inzage export.
pub const NOTE: &str = "(*) Deze tekst bevat tekens die het lettertype van deze PDF niet kan weergeven. \
     Ze staan hier omgezet naar Latijnse letters. De exacte schrijfwijze staat in het bestand \
     inzage.json in de ZIP-export.";

/// The explanation in a beschikking letter: the exact spelling stays in the gemeente's records.
pub const NOTE_BESCHIKKING: &str = "(*) Deze tekst bevat tekens die het lettertype van deze brief \
     niet kan weergeven. Ze staan hier omgezet naar Latijnse letters. In onze administratie staat de \
     exacte schrijfwijze.";

/// Whether some font of `book` has a glyph for `c` (Typst falls back across all of them).
/// Whitespace and control characters are layout, not glyphs.
pub(crate) fn printable(book: &FontBook, c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return true;
    }
    (0..)
        .map_while(|i| book.info(i))
        .any(|info| info.coverage.contains(c as u32))
}

/// `s` as the fonts can show it, or `None` when it can be shown as it is.
pub(crate) fn fit_str(book: &FontBook, s: &str) -> Option<String> {
    if s.chars().all(|c| printable(book, c)) {
        return None;
    }
    // Transliterate only the runs the fonts lack, so "Ασμερόμ ፌቨን" keeps its Greek.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if printable(book, c) {
            out.push(c);
            continue;
        }
        let latin = deunicode::deunicode_char(c).unwrap_or("?");
        // deunicode gives ASCII, which every font has; a safety net anyway.
        out.extend(
            latin
                .chars()
                .map(|l| if printable(book, l) { l } else { '?' }),
        );
    }
    // deunicode pads syllables with spaces ("Bei "): one space between words is enough.
    let words: Vec<&str> = out.split_whitespace().collect();
    let text = if words.is_empty() {
        "?".to_string()
    } else {
        words.join(" ")
    };
    Some(format!("{text}{MARK}"))
}

/// Replaces, in place, every string of `v` the fonts cannot show. Returns whether any changed.
pub(crate) fn fit_value(book: &FontBook, v: &mut Value) -> bool {
    match v {
        Value::String(s) => match fit_str(book, s) {
            Some(t) => {
                *s = t;
                true
            }
            None => false,
        },
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, i| fit_value(book, i) | changed),
        Value::Object(map) => map
            .values_mut()
            .fold(false, |changed, i| fit_value(book, i) | changed),
        _ => false,
    }
}

/// The JSON bytes the template gets: unchanged if every character can be shown, otherwise with the
/// strings transliterated and `note` added. Data that is not a JSON object is passed on as it is
/// (the template then fails, which the caller handles).
pub(crate) fn fit_json(book: &FontBook, data: Vec<u8>, note: &str) -> Vec<u8> {
    let Ok(mut v) = serde_json::from_slice::<Value>(&data) else {
        return data;
    };
    if !fit_value(book, &mut v) {
        return data;
    }
    if let Value::Object(map) = &mut v {
        map.insert(NOTE_KEY.into(), Value::String(note.into()));
    }
    serde_json::to_vec(&v).unwrap_or(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> &'static FontBook {
        crate::world::font_book()
    }

    #[test]
    fn latin_greek_cyrillic_and_arabic_stay_as_they_are() {
        for s in ["Çelik Ñúñez", "Ασμερόμ", "Андрей", "أحمد", "Nguyễn Thị"]
        {
            assert_eq!(fit_str(book(), s), None, "{s}");
        }
    }

    #[test]
    fn geez_cjk_and_emoji_are_transliterated_and_marked() {
        let tigrinya = fit_str(book(), "ሰምሃር ተስፋይ").expect("changed");
        assert!(tigrinya.ends_with(MARK), "{tigrinya}");
        assert!(tigrinya.is_ascii(), "{tigrinya}");
        assert!(tigrinya.starts_with("samehaare "), "{tigrinya}");
        let chinese = fit_str(book(), "王秀英").expect("changed");
        assert!(chinese.starts_with("Wang"), "{chinese}");
        let emoji = fit_str(book(), "Amal 😀").expect("changed");
        assert!(emoji.starts_with("Amal "), "{emoji}");
        // Only the characters the fonts lack change: the Greek stays Greek.
        let mixed = fit_str(book(), "Ασμερόμ ፌቨን").expect("changed");
        assert!(mixed.starts_with("Ασμερόμ "), "{mixed}");
    }

    #[test]
    fn the_note_is_added_only_when_something_changed() {
        let same = br#"{"naam": "Amal"}"#.to_vec();
        assert_eq!(fit_json(book(), same.clone(), NOTE), same);
        let changed = fit_json(
            book(),
            r#"{"a": [{"naam": "王"}]}"#.as_bytes().to_vec(),
            NOTE,
        );
        let v: Value = serde_json::from_slice(&changed).expect("json");
        assert_eq!(v[NOTE_KEY], NOTE);
        assert!(v["a"][0]["naam"].as_str().expect("str").ends_with(MARK));
    }
}
