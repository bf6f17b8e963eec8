//! XML error bodies, as format `xml`: Amazon S3 and the other AWS XML services
//! (`<Error><Code>…</Code><Message>…</Message></Error>`, inside `<ErrorResponse>` for the
//! query protocol, inside `<Response><Errors>` for EC2), Azure Storage (the same `<Error>`,
//! its `Message` ending in `RequestId:`/`Time:` lines), and RFC 9457 Appendix B
//! `application/problem+xml` (`<problem xmlns="urn:ietf:rfc:7807">`).
//!
//! A tiny scanner, not an XML parser: it reads the bounded prefix it is given once, keeps
//! the text of the first `Error` (or `problem`) element's child elements, and decodes only the
//! five predefined entities and character references. A body with a DTD (`<!DOCTYPE`,
//! `<!ENTITY`) gives `None`: nothing is expanded, nothing external is ever loaded.
//!
//! Sources: Amazon S3 API Reference "Error responses" (REST error response);
//! AWS Query API "Query API error responses"; Amazon EC2 API Reference "Error codes";
//! Azure Storage REST "Status and error codes" (error response body); RFC 9457 Appendix B.

use crate::json::Value;
use crate::substr::find;

use super::{text, value, ErrorDetails, Format, MAX_EXTENSIONS};

/// Elements nested deeper than this end the scan (real error bodies nest 3 levels).
const MAX_DEPTH: usize = 16;
/// The most bytes of text kept for one element (cleaning cuts it further).
const MAX_ELEMENT_TEXT: usize = 4096;

/// One child element of the error element, read as text.
struct Child<'a> {
    name: &'a str,
    text: String,
}

/// Reads an XML error body; `None` when it has no `Error`/`problem` element saying anything,
/// has a DTD, or nests too deeply.
pub(crate) fn parse(body: &str) -> Option<ErrorDetails> {
    let mut stack: Vec<&str> = Vec::new();
    // Depth of the error element in `stack` (1-based) and whether it is RFC 9457's `problem`.
    let mut error_at: Option<(usize, bool)> = None;
    let mut error_done = false;
    let mut children: Vec<Child<'_>> = Vec::new();
    let mut request_id: Option<String> = None;
    let mut buffer = String::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        push_raw(&mut buffer, rest.get(..lt).unwrap_or(""));
        rest = rest.get(lt..).unwrap_or("");
        if let Some(after) = rest.strip_prefix("<?") {
            rest = skip_past(after, "?>")?;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = skip_past(after, "-->")?;
        } else if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = find(after, "]]>")?;
            push_raw(&mut buffer, after.get(..end).unwrap_or(""));
            rest = after.get(end + 3..).unwrap_or("");
        } else if rest.starts_with("<!") {
            return None; // a DTD or an entity declaration: not read at all
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>')?;
            let name = local(after.get(..end).unwrap_or("").trim());
            rest = after.get(end + 1..).unwrap_or("");
            let depth = stack.len();
            if stack.pop() != Some(name) {
                return None; // not well-formed
            }
            let decoded = decode(&buffer);
            buffer.clear();
            match error_at {
                Some((at, _)) if depth == at + 1 && !error_done => children.push(Child {
                    name,
                    text: decoded,
                }),
                Some((at, _)) if depth == at && !error_done => error_done = true,
                _ => {
                    if matches!(name, "RequestId" | "RequestID") && request_id.is_none() {
                        request_id = text::clean(&decoded);
                    }
                }
            }
        } else {
            let after = rest.get(1..).unwrap_or("");
            let end = after.find('>')?;
            let tag = after.get(..end).unwrap_or("");
            rest = after.get(end + 1..).unwrap_or("");
            let self_closing = tag.ends_with('/');
            let name = local(
                tag.split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or(""),
            );
            buffer.clear();
            if self_closing {
                continue;
            }
            stack.push(name);
            if stack.len() > MAX_DEPTH {
                return None;
            }
            if error_at.is_none() && (name == "Error" || name == "problem") {
                error_at = Some((stack.len(), name == "problem"));
            }
        }
    }
    let (_, problem) = error_at?;
    details(children, problem, request_id)
}

/// Builds the details from the error element's children.
fn details(
    children: Vec<Child<'_>>,
    problem: bool,
    request_id: Option<String>,
) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Xml);
    for child in children {
        let slot = match (problem, child.name) {
            (false, "Code") => &mut d.code,
            // Azure Storage appends "\nRequestId:…\nTime:…": the first line is the message.
            (false, "Message") => {
                d.detail = child.text.lines().find_map(text::clean);
                continue;
            }
            (true, "type") => &mut d.error_type,
            (true, "title") => &mut d.title,
            (true, "detail") => &mut d.detail,
            (true, "instance") => &mut d.instance,
            (true, "status") => {
                d.status = value::digits(child.text.trim(), 10)
                    .filter(|s| (100..=599).contains(s))
                    .and_then(|s| u16::try_from(s).ok());
                continue;
            }
            _ => {
                if d.extensions.len() < MAX_EXTENSIONS {
                    if let (Some(key), Some(value)) =
                        (text::clean(child.name), text::clean(&child.text))
                    {
                        d.extensions.insert(key, Value::String(value));
                    }
                }
                continue;
            }
        };
        if slot.is_none() {
            *slot = text::clean(&child.text);
        }
    }
    if let Some(id) = request_id {
        if d.extensions.len() < MAX_EXTENSIONS && !d.extensions.contains_key("RequestId") {
            d.extensions
                .insert("RequestId".to_owned(), Value::String(id));
        }
    }
    (d.has_message() || d.status.is_some()).then_some(d)
}

/// The name without its namespace prefix (`s3:Error` → `Error`).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The rest of `s` after the first `end`; `None` when it never comes.
fn skip_past<'a>(s: &'a str, end: &str) -> Option<&'a str> {
    let at = find(s, end)?;
    s.get(at + end.len()..)
}

/// Adds text (entities still encoded) to an element's buffer, bounded.
fn push_raw(buffer: &mut String, s: &str) {
    let room = MAX_ELEMENT_TEXT.saturating_sub(buffer.len());
    if room == 0 {
        return;
    }
    let mut end = s.len().min(room);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    buffer.push_str(s.get(..end).unwrap_or(""));
}

/// Decodes the five predefined entities and character references; any other `&name;` is
/// kept as written (no entity is ever expanded).
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let entity = after.find(';').filter(|&i| i <= 10).and_then(|i| {
            let name = after.get(..i)?;
            let c = match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let n = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        Some(hex) => value::digits(hex, 16)?,
                        None => value::digits(name.strip_prefix('#')?, 10)?,
                    };
                    char::from_u32(u32::try_from(n).ok()?)?
                }
            };
            Some((c, i))
        });
        match entity {
            Some((c, i)) => {
                out.push(c);
                rest = after.get(i + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
