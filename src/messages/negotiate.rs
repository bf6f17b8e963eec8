//! Language tags: canonical form and the fallback candidates of a requested tag.
//!
//! Tags are compared in canonical case (`fr-CA`, `zh-Hant-TW`, `es-419`); `_` is accepted as
//! `-`. Anything that is not shaped like a BCP 47 language tag is junk and is skipped by
//! negotiation. Fallback follows RFC 4647 lookup (drop subtags from the end) with one
//! CLDR-style exception for Chinese: a region implies a script (`TW`, `HK`, `MO` are
//! Traditional, every other region is Simplified), `zh-Hant` never falls back to `zh`
//! (Simplified), and `zh` is the catalog for Simplified Chinese.

/// The longest tag accepted, in bytes (longer input is junk).
pub const MAX_TAG_LEN: usize = 255;

/// Regions whose Chinese is written in Traditional characters.
const HANT_REGIONS: [&str; 3] = ["TW", "HK", "MO"];

/// Languages whose readers are served by another language's catalog when theirs is missing:
/// Norwegian (the macrolanguage `no`, as some browsers report it) and Nynorsk read Bokmål (CLDR's
/// `no` → `nb` alias; Android's and Chromium's fallback for `nn`).
const FALLBACK_LANGUAGES: [(&str, &str); 2] = [("no", "nb"), ("nn", "nb")];

/// Returns the canonical form of a language tag, or `None` when `tag` is not shaped like a
/// BCP 47 language tag.
///
/// Case is normalised (language lower case, script title case, region upper case, everything
/// else lower case), `_` becomes `-`, surrounding whitespace is ignored and the deprecated
/// language codes `iw`, `in` and `ji` become `he`, `id` and `yi`.
pub fn canonical_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    if tag.is_empty() || tag.len() > MAX_TAG_LEN {
        return None;
    }
    // `_` made `-` first, so the split is by one char: a `['-', '_']` pattern is one more
    // searcher in the wasm.
    let tag = tag.replace('_', "-");
    let mut parts = tag.split('-');
    let language = parts.next()?;
    if !(matches!(language.len(), 2 | 3 | 5..=8)
        && language.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return None;
    }
    let language = language.to_ascii_lowercase();
    let language = match language.as_str() {
        "iw" => "he".to_string(),
        "in" => "id".to_string(),
        "ji" => "yi".to_string(),
        _ => language,
    };
    let mut out = language;
    // 0: right after the language (script or region may follow), 1: after the script (region
    // may follow), 2: after the region or a variant, 3: inside an extension or private use.
    let mut stage = 0u8;
    let mut after_singleton = false;
    for sub in parts {
        if sub.is_empty() || sub.len() > 8 || !sub.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        out.push('-');
        let alpha = sub.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = sub.bytes().all(|b| b.is_ascii_digit());
        if stage == 0 && sub.len() == 4 && alpha {
            push_title_case(&mut out, sub);
            stage = 1;
        } else if stage <= 1 && ((sub.len() == 2 && alpha) || (sub.len() == 3 && digits)) {
            out.push_str(&sub.to_ascii_uppercase());
            stage = 2;
        } else {
            out.push_str(&sub.to_ascii_lowercase());
            if sub.len() == 1 {
                stage = 3;
            } else if stage < 2 {
                stage = 2;
            }
        }
        after_singleton = sub.len() == 1;
    }
    if after_singleton {
        // A singleton (`-u`, `-x`) must introduce at least one subtag.
        return None;
    }
    Some(out)
}

fn push_title_case(out: &mut String, sub: &str) {
    for (i, c) in sub.chars().enumerate() {
        if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
}

/// The script subtag (`Hant`) and region subtag (`TW`, `419`) of a canonical tag, if present.
fn script_and_region(canonical: &str) -> (Option<&str>, Option<&str>) {
    let mut subtags = canonical.split('-').skip(1);
    let is_script = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic());
    let is_region = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
    };
    // Plain `next` rather than `Peekable::next_if`, which is two more generic functions in
    // the wasm.
    let (script, after) = match subtags.next() {
        Some(s) if is_script(s) => (Some(s), subtags.next()),
        other => (None, other),
    };
    (script, after.filter(|s| is_region(s)))
}

/// The language subtag of a canonical tag (`fr` for `fr-CA`).
pub fn language_of(canonical: &str) -> &str {
    canonical.split('-').next().unwrap_or(canonical)
}

/// The catalog tags to look for, most specific first, for one canonical tag (without the final
/// English fallback).
///
/// `fr-CA` gives `fr-CA`, `fr`; `zh-TW` gives `zh-TW`, `zh-Hant-TW`, `zh-Hant`; `zh-CN` gives
/// `zh-CN`, `zh-Hans-CN`, `zh-Hans`, `zh`; `no-NO` gives `no-NO`, `no`, `nb` (see
/// [`FALLBACK_LANGUAGES`]).
pub fn candidates(canonical: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if language_of(canonical) == "zh" {
        let (script, region) = script_and_region(canonical);
        let implied = region.map(|r| {
            if HANT_REGIONS.contains(&r) {
                "Hant"
            } else {
                "Hans"
            }
        });
        let script = script.or(implied).unwrap_or("Hans");
        push_unique(&mut out, canonical.to_string());
        if let Some(region) = region {
            push_unique(&mut out, format!("zh-{script}-{region}"));
            if implied == Some(script) {
                push_unique(&mut out, format!("zh-{region}"));
            }
        }
        push_unique(&mut out, format!("zh-{script}"));
        if script == "Hans" {
            push_unique(&mut out, "zh".to_string());
        }
        return out;
    }
    let mut end = canonical.len();
    loop {
        let prefix = canonical.get(..end).unwrap_or(canonical);
        // A byte scan, not `rfind('-')`/`rsplit('-')`: those bring core's reverse character
        // searcher and memrchr into the wasm for this one loop.
        let dash = prefix.bytes().rposition(|b| b == b'-');
        // Skip prefixes that end in a singleton (`en-u`).
        let last_len = dash.map_or(prefix.len(), |i| prefix.len() - i - 1);
        if last_len > 1 {
            push_unique(&mut out, prefix.to_string());
        }
        match dash {
            Some(i) => end = i,
            None => break,
        }
    }
    if let Some((_, to)) = FALLBACK_LANGUAGES
        .iter()
        .find(|(from, _)| *from == language_of(canonical))
    {
        push_unique(&mut out, (*to).to_string());
    }
    out
}

fn push_unique(out: &mut Vec<String>, tag: String) {
    if !out.contains(&tag) {
        out.push(tag);
    }
}

/// True when text tagged `a` can stand in a message of locale `b`: the same language, and for
/// Chinese the same script (explicit, or implied by the region: `zh-TW` is Traditional, `zh-CN`
/// and plain `zh` Simplified). Regions are otherwise ignored (`fr-CA` text suits an `fr`
/// message). Tags that are not language tags never match.
pub fn same_language(a: &str, b: &str) -> bool {
    // Their fallback chains meet: `fr-CA` and `fr` at `fr`, `zh-TW` and `zh-Hant` at `zh-Hant`,
    // `zh` and `zh-CN` at `zh`; `zh` and `zh-Hant` never do.
    let chain = |t: &str| canonical_tag(t).map(|c| candidates(&c)).unwrap_or_default();
    let b = chain(b);
    chain(a).iter().any(|t| b.contains(t))
}
