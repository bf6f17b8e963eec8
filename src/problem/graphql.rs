//! GraphQL responses: `{"errors": [{"message", "locations", "path": ["user", 0, "name"],
//! "extensions": {"code": "BAD_USER_INPUT"}}], "data": null}`.

use crate::json::{Map, Value};

use super::field::Fields;
use super::value::{self, MAX_ITEMS};
use super::{ErrorDetails, Format};

/// True for GraphQL errors: the first error object has a `message`, and either a `data`
/// member stands beside `errors` or the error has `path`, `locations` or `extensions`
/// (and no `resource`, which is GitHub REST's).
pub(crate) fn matches(o: &Map, errors: &[Value]) -> bool {
    errors.first().and_then(Value::as_object).is_some_and(|e| {
        value::has_str(e, "message")
            && !e.contains_key("resource")
            && (o.contains_key("data")
                || ["path", "locations", "extensions"]
                    .iter()
                    .any(|k| e.contains_key(k)))
    })
}

/// Reads GraphQL errors: detail = the first `message`, code = its `extensions.code` (or
/// graphql-java's `extensions.classification`). `path` locates the error in the *response*
/// (often just the operation, `createUser`), not an input field, so field errors come only
/// from what servers put in `extensions` for input: `field`, `argumentName` or `argument`.
pub(crate) fn parse(errors: &[Value]) -> Option<ErrorDetails> {
    let mut d = ErrorDetails::new(Format::Graphql);
    let mut fields = Fields::default();
    for (i, error) in errors
        .iter()
        .take(MAX_ITEMS)
        .filter_map(Value::as_object)
        .enumerate()
    {
        let message = value::string(error, "message");
        if i == 0 {
            d.detail = message.clone();
            d.code = value::obj(error, "extensions").and_then(|x| {
                value::code(x.get("code")).or_else(|| value::string(x, "classification"))
            });
        }
        if fields.is_full() {
            break;
        }
        let input = value::obj(error, "extensions").and_then(|x| {
            ["field", "argumentName", "argument"]
                .iter()
                .find_map(|k| value::string(x, k))
        });
        if input.is_some() {
            fields.push(input, message);
        }
    }
    fields.finish(&mut d);
    d.has_message().then_some(d)
}
