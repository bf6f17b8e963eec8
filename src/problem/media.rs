//! Content types: `application/problem+json; charset=utf-8` and friends.

/// The essence of a content type (type/subtype, lowercased, parameters dropped).
#[derive(Debug)]
pub(crate) struct Media(String);

/// The essence of `content_type`; `None` when it is missing or blank (the body is sniffed).
pub(crate) fn essence(content_type: Option<&str>) -> Option<Media> {
    let ct = content_type?;
    let ct = ct.split(';').next().unwrap_or(ct).trim();
    if ct.is_empty() {
        return None;
    }
    // Real media types are short; a long one is kept only in part (it matches nothing).
    let end = ct
        .char_indices()
        .nth(128)
        .map_or(ct.len(), |(index, _)| index);
    Some(Media(ct.get(..end).unwrap_or(ct).to_ascii_lowercase()))
}

impl Media {
    /// `application/json`, `text/json`, or any `+json` type.
    pub(crate) fn is_json(&self) -> bool {
        self.0 == "application/json" || self.0 == "text/json" || self.0.ends_with("+json")
    }

    /// `application/problem+json` (RFC 9457).
    pub(crate) fn is_problem_json(&self) -> bool {
        self.0 == "application/problem+json"
    }

    /// `application/xml`, `text/xml`, or any `+xml` type (`application/problem+xml`).
    pub(crate) fn is_xml(&self) -> bool {
        self.0 == "application/xml" || self.0 == "text/xml" || self.0.ends_with("+xml")
    }

    /// `text/plain`.
    pub(crate) fn is_plain_text(&self) -> bool {
        self.0 == "text/plain"
    }
}
