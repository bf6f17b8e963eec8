//! Each shape, read from its vendor's own documented examples (typed in here).

use serde_json::json;

use super::*;

// ---- RFC 9457 problem details ----

#[test]
fn rfc7807_invalid_params_example() {
    // RFC 7807 §3, second example: field errors in the `invalid-params` extension.
    let body = r#"{
     "type": "https://example.net/validation-error",
     "title": "Your request parameters didn't validate.",
     "invalid-params": [ {
                           "name": "age",
                           "reason": "must be a positive integer"
                         },
                         {
                           "name": "color",
                           "reason": "must be 'green', 'red' or 'blue'"}
                       ]
     }"#;
    let d = parse_error_body_text(body, Some("application/problem+json")).unwrap();
    assert_eq!(
        js(&d),
        json!({
            "format": "problem+json",
            "type": "https://example.net/validation-error",
            "title": "Your request parameters didn't validate.",
            "fieldErrors": [
                {"field": "age", "message": "must be a positive integer"},
                {"field": "color", "message": "must be 'green', 'red' or 'blue'"}
            ]
        })
    );
}

#[test]
fn array_extension_members_are_kept_bounded() {
    let items: Vec<String> = (0..40).map(|i| format!("\"id-{i}\"")).collect();
    let body = format!(
        r#"{{"title": "T", "ids": [{}], "mixed": [1, "two", true, {{"x": 1}}, [3], null], "empty": [{{}}]}}"#,
        items.join(",")
    );
    let d = parse_error_body_text(&body, Some("application/problem+json")).unwrap();
    let ids = d.extensions.get("ids").and_then(Value::as_array).unwrap();
    assert_eq!(ids.len(), MAX_EXTENSION_ITEMS);
    assert_eq!(js(&d)["extensions"]["mixed"], json!([1, "two", true]));
    assert!(d.extensions.get("empty").is_none());
}

#[test]
fn retry_hints_in_bodies() {
    // Google AIP-193 with google.rpc.RetryInfo.
    let google = r#"{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "Quota exceeded.",
        "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"}]}}"#;
    let d = parse(google);
    assert_eq!((d.format, d.retry_after_ms), (Format::Google, Some(1500.0)));
    for (delay, ms) in [
        (json!("30s"), Some(30_000.0)),
        (json!("0.000001s"), Some(0.001)),
        (json!("0s"), Some(0.0)),
        (json!({"seconds": "2", "nanos": 500000000}), Some(2500.0)),
        (json!({"seconds": 3}), Some(3000.0)),
        (json!("-1s"), None),
        (json!("1.5"), None),
        (json!("1.1234567891s"), None),
        (json!("abc s"), None),
        (json!(12), None),
    ] {
        let body = json!({"error": {"code": 503, "status": "UNAVAILABLE", "message": "m",
            "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": delay}]}});
        assert_eq!(parse(&body.to_string()).retry_after_ms, ms, "{delay}");
    }
    // Discord: seconds with a fraction, beside the message.
    let discord =
        r#"{"message": "You are being rate limited.", "retry_after": 64.57, "global": false}"#;
    assert_eq!(parse(discord).retry_after_ms, Some(64_570.0));
    // Telegram Bot API: parameters.retry_after.
    let telegram = r#"{"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 5", "parameters": {"retry_after": 5}}"#;
    let d = parse(telegram);
    assert_eq!(
        (d.retry_after_ms, d.code.as_deref()),
        (Some(5000.0), Some("429"))
    );
    // Nonsense is ignored.
    for bad in [
        r#"{"message": "m", "retry_after": -1}"#,
        r#"{"message": "m", "retry_after": "5"}"#,
        r#"{"message": "m", "retry_after": 1e300}"#,
    ] {
        assert_eq!(parse(bad).retry_after_ms, None, "{bad}");
    }
}

#[test]
fn rfc9457_out_of_credit_example() {
    // RFC 9457 §3, with its extension members `balance` and `accounts`.
    let body = r#"{
     "type": "https://example.com/probs/out-of-credit",
     "title": "You do not have enough credit.",
     "detail": "Your current balance is 30, but that costs 50.",
     "instance": "/account/12345/msgs/abc",
     "balance": 30,
     "accounts": ["/account/12345",
                  "/account/67890"]
    }"#;
    let d = parse_error_body_text(body, Some("application/problem+json")).unwrap();
    assert_eq!(
        js(&d),
        json!({
            "format": "problem+json",
            "type": "https://example.com/probs/out-of-credit",
            "title": "You do not have enough credit.",
            "detail": "Your current balance is 30, but that costs 50.",
            "instance": "/account/12345/msgs/abc",
            "fieldErrors": [],
            "extensions": {"balance": 30, "accounts": ["/account/12345", "/account/67890"]}
        })
    );
    // Sniffed the same without a content type.
    assert_eq!(parse_error_body_text(body, None), Some(d));
}

#[test]
fn rfc9457_validation_errors_example() {
    // RFC 9457 §3: the `errors` extension with JSON pointers.
    let body = r##"{
     "type": "https://example.net/validation-error",
     "title": "Your request is not valid.",
     "errors": [
                 {
                   "detail": "must be a positive integer",
                   "pointer": "#/age"
                 },
                 {
                   "detail": "must be 'green', 'red' or 'blue'",
                   "pointer": "#/profile/color"
                 }
              ]
    }"##;
    let d = parse_error_body_text(body, Some("application/problem+json")).unwrap();
    assert_eq!(d.format, Format::Problem);
    assert_eq!(d.title.as_deref(), Some("Your request is not valid."));
    assert_eq!(d.detail, None);
    assert_eq!(
        fields(&d),
        [
            ("age", "must be a positive integer"),
            ("profile.color", "must be 'green', 'red' or 'blue'"),
        ]
    );
    assert!(d.extensions.is_empty());
}

#[test]
fn rfc9457_type_defaults_to_about_blank_and_status_is_read() {
    let body = r#"{"title": "Not Found", "status": 404, "detail": "No such order."}"#;
    let d = parse_error_body_text(body, Some("application/problem+json")).unwrap();
    assert_eq!(d.error_type.as_deref(), Some("about:blank"));
    assert_eq!(d.status, Some(404));
    assert_eq!(js(&d)["status"], 404);
}

#[test]
fn spring_problem_detail() {
    let body = r#"{"type":"about:blank","title":"Not Found","status":404,
        "detail":"No static resource api/x.","instance":"/api/x"}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Problem);
    assert_eq!(d.instance.as_deref(), Some("/api/x"));
    assert_eq!(d.status, Some(404));
}

#[test]
fn aspnet_validation_problem_details() {
    let body = r#"{
      "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
      "title": "One or more validation errors occurred.",
      "status": 400,
      "errors": {
        "Name": ["The Name field is required."],
        "$.age": ["The JSON value could not be converted to System.Int32."],
        "Email": ["The Email field is required.", "The Email field is not a valid e-mail address."]
      },
      "traceId": "00-0aa7d64ad154a1e1853c413a0def982d-195d3558c90f7876-00"
    }"#;
    let d = parse_error_body_text(body, Some("application/problem+json; charset=utf-8")).unwrap();
    assert_eq!(d.format, Format::Problem);
    assert_eq!(d.status, Some(400));
    let mut got = fields(&d);
    got.sort();
    assert_eq!(
        got,
        [
            ("Email", "The Email field is not a valid e-mail address."),
            ("Email", "The Email field is required."),
            ("Name", "The Name field is required."),
            (
                "age",
                "The JSON value could not be converted to System.Int32."
            ),
        ]
    );
    assert_eq!(
        d.extensions.get("traceId").and_then(Value::as_str),
        Some("00-0aa7d64ad154a1e1853c413a0def982d-195d3558c90f7876-00")
    );
}

#[test]
fn aspnet_empty_key_message_becomes_detail() {
    let body = r#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1",
        "title":"One or more validation errors occurred.","status":400,
        "errors":{"":["A non-empty request body is required."]}}"#;
    let d = parse(body);
    assert_eq!(
        d.detail.as_deref(),
        Some("A non-empty request body is required.")
    );
    assert!(d.field_errors.is_empty());
}

#[test]
fn rfc9457_wrong_typed_members_are_ignored() {
    let body = r#"{"type": 42, "title": ["no"], "status": "400", "detail": "Real detail",
        "instance": null, "errors": "not a list", "nested": {"x": 1}}"#;
    let d = parse_error_body_text(body, Some("application/problem+json")).unwrap();
    assert_eq!(d.error_type.as_deref(), Some("about:blank"));
    assert_eq!(d.title, None);
    assert_eq!(d.status, None);
    assert_eq!(d.instance, None);
    assert_eq!(d.detail.as_deref(), Some("Real detail"));
    assert!(d.field_errors.is_empty());
    assert!(d.extensions.is_empty());
    // Status outside 100..=599 is ignored too.
    let d = parse_error_body_text(
        r#"{"title": "x", "status": 1000}"#,
        Some("application/problem+json"),
    );
    assert_eq!(d.unwrap().status, None);
}

#[test]
fn json_pointers_are_unescaped() {
    let body = r##"{"title": "Invalid", "errors": [
        {"detail": "a", "pointer": "#/a~1b/c~0d"},
        {"detail": "b", "pointer": "/items/0/name"},
        {"detail": "c", "pointer": "#/first%20name"},
        {"detail": "d", "pointer": "#/~01"}
    ]}"##;
    let d = parse_error_body_text(body, Some("application/problem+json")).unwrap();
    assert_eq!(
        fields(&d),
        [
            ("a/b.c~d", "a"),
            ("items.0.name", "b"),
            ("first name", "c"),
            ("~1", "d")
        ]
    );
}

// ---- Google (AIP-193) ----

#[test]
fn google_aip193_resource_exhausted_example() {
    let body = r#"{
      "error": {
        "code": 429,
        "message": "The zone 'us-east1-a' does not have enough resources available to fulfill the request. Try a different zone, or try again later.",
        "status": "RESOURCE_EXHAUSTED",
        "details": [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "RESOURCE_AVAILABILITY",
            "domain": "compute.googleapis.com",
            "metadata": {
              "zone": "us-east1-a",
              "vmType": "e2-medium",
              "attachment": "local-ssd=3,nvidia-t4=2",
              "zonesWithCapacity": "us-central1-f,us-central1-c"
            }
          },
          {
            "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
            "locale": "en-US",
            "message": "An <e2-medium> VM instance with <local-ssd=3,nvidia-t4=2> is currently unavailable in the <us-east1-a> zone. Consider trying your request in the <us-central1-f,us-central1-c> zone(s), which currently has/have capacity to accommodate your request. Alternatively, you can try your request again with a different VM hardware configuration or at a later time. For more information, see the troubleshooting documentation."
          },
          {
            "@type": "type.googleapis.com/google.rpc.Help",
            "links": [
              {
                "description": "Additional information on this error",
                "url": "https://cloud.google.com/compute/docs/resources/cloud-zones"
              }
            ]
          }
        ]
      }
    }"#;
    let d = parse(body);
    let v = js(&d);
    assert_eq!(v["format"], "google");
    assert_eq!(v["code"], "RESOURCE_AVAILABILITY");
    assert_eq!(v["title"], "RESOURCE_EXHAUSTED");
    assert_eq!(v["status"], 429);
    assert!(v["detail"]
        .as_str()
        .unwrap()
        .starts_with("The zone 'us-east1-a'"));
    assert_eq!(v["userFacing"]["locale"], "en-US");
    assert!(v["userFacing"]["message"]
        .as_str()
        .unwrap()
        .starts_with("An <e2-medium> VM instance"));
    assert_eq!(v["fieldErrors"], json!([]));
    assert!(v.get("type").is_none() && v.get("instance").is_none());
    assert!(v.get("extensions").is_none());
}

#[test]
fn google_api_key_invalid_example() {
    let body = r#"{
      "error": {
        "code": 400,
        "message": "API key not valid. Please pass a valid API key.",
        "status": "INVALID_ARGUMENT",
        "details": [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            "reason": "API_KEY_INVALID",
            "domain": "googleapis.com",
            "metadata": {"service": "translate.googleapis.com"}
          }
        ]
      }
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Google);
    assert_eq!(d.code.as_deref(), Some("API_KEY_INVALID"));
    assert_eq!(d.user_facing, None);
}

#[test]
fn google_bad_request_field_violations_and_status_fallback() {
    let body = r#"{
      "error": {
        "code": 400,
        "message": "Request contains an invalid argument.",
        "status": "INVALID_ARGUMENT",
        "details": [
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            "fieldViolations": [
              {"field": "book.title", "description": "Title must not be empty."},
              {"field": "book.isbn", "description": "ISBN must have 13 digits."}
            ]
          }
        ]
      }
    }"#;
    let d = parse(body);
    assert_eq!(d.code.as_deref(), Some("INVALID_ARGUMENT"));
    assert_eq!(
        fields(&d),
        [
            ("book.title", "Title must not be empty."),
            ("book.isbn", "ISBN must have 13 digits.")
        ]
    );
}

#[test]
fn google_v1_legacy_errors_list() {
    let body = r#"{
     "error": {
      "errors": [
       {
        "domain": "global",
        "reason": "required",
        "message": "Required parameter: part",
        "locationType": "parameter",
        "location": "part"
       }
      ],
      "code": 400,
      "message": "Required parameter: part"
     }
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Google);
    assert_eq!(d.code.as_deref(), Some("required"));
    assert_eq!(d.status, Some(400));
    assert_eq!(fields(&d), [("part", "Required parameter: part")]);
}

#[test]
fn google_wrong_typed_details_are_ignored() {
    let body = r#"{"error": {"code": 503, "status": "UNAVAILABLE", "message": 7,
        "details": [42, "x", {"@type": 5}, {"@type": "type.googleapis.com/google.rpc.LocalizedMessage"},
        {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": {"a": 1}}]}}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Google);
    assert_eq!(d.code.as_deref(), Some("UNAVAILABLE"));
    assert_eq!(d.detail, None);
    assert_eq!(d.user_facing, None);
    assert!(d.field_errors.is_empty());
}

// ---- Stripe ----

#[test]
fn stripe_card_error_example() {
    let body = r#"{
      "error": {
        "code": "card_declined",
        "decline_code": "insufficient_funds",
        "doc_url": "https://stripe.com/docs/error-codes/card-declined",
        "message": "Your card has insufficient funds.",
        "param": "card_number",
        "type": "card_error"
      }
    }"#;
    let d = parse(body);
    assert_eq!(
        js(&d),
        json!({
            "format": "stripe",
            "detail": "Your card has insufficient funds.",
            "code": "card_declined",
            "type": "card_error",
            "fieldErrors": [{"field": "card_number", "message": "Your card has insufficient funds."}],
            "extensions": {
                "decline_code": "insufficient_funds",
                "doc_url": "https://stripe.com/docs/error-codes/card-declined"
            }
        })
    );
}

#[test]
fn stripe_invalid_request_example() {
    let body = r#"{
      "error": {
        "code": "resource_missing",
        "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
        "message": "No such customer: 'cus_123'",
        "param": "id",
        "request_log_url": "https://dashboard.stripe.com/test/logs/req_abc?t=1700000000",
        "type": "invalid_request_error"
      }
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Stripe);
    assert_eq!(d.code.as_deref(), Some("resource_missing"));
    assert_eq!(d.error_type.as_deref(), Some("invalid_request_error"));
    assert_eq!(fields(&d), [("id", "No such customer: 'cus_123'")]);
}

#[test]
fn stripe_like_with_null_param() {
    // The same shape as OpenAI's API answers.
    let body = r#"{"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error",
        "param": null, "code": "invalid_api_key"}}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Stripe);
    assert_eq!(d.code.as_deref(), Some("invalid_api_key"));
    assert!(d.field_errors.is_empty());
}

// ---- GitHub ----

#[test]
fn github_validation_failed_example() {
    let body = r#"{
      "message": "Validation Failed",
      "errors": [
        {
          "resource": "Issue",
          "field": "title",
          "code": "missing_field"
        }
      ]
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Github);
    assert_eq!(d.detail.as_deref(), Some("Validation Failed"));
    assert_eq!(fields(&d), [("title", "This field is required.")]);
}

#[test]
fn github_custom_error_message_and_documentation_url() {
    let body = r#"{"message": "Validation Failed",
        "errors": [{"resource": "Label", "code": "custom", "field": "name",
                    "message": "name is too long (maximum is 50 characters)"}],
        "documentation_url": "https://docs.github.com/rest/issues/labels#create-a-label",
        "status": "422"}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Github);
    assert_eq!(d.status, Some(422));
    assert_eq!(
        fields(&d),
        [("name", "name is too long (maximum is 50 characters)")]
    );
    assert_eq!(
        d.extensions
            .get("documentation_url")
            .and_then(Value::as_str),
        Some("https://docs.github.com/rest/issues/labels#create-a-label")
    );
}

#[test]
fn github_not_found_example() {
    let body = r#"{"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Github);
    assert_eq!(d.detail.as_deref(), Some("Not Found"));
}

// ---- JSON:API ----

#[test]
fn jsonapi_single_error_example() {
    let body = r#"{
      "errors": [
        {
          "status": "422",
          "source": { "pointer": "/data/attributes/firstName" },
          "title":  "Invalid Attribute",
          "detail": "First name must contain at least two characters."
        }
      ]
    }"#;
    let d = parse_error_body_text(body, Some("application/vnd.api+json")).unwrap();
    assert_eq!(
        js(&d),
        json!({
            "format": "jsonapi",
            "title": "Invalid Attribute",
            "detail": "First name must contain at least two characters.",
            "status": 422,
            "fieldErrors": [{"field": "firstName",
                             "message": "First name must contain at least two characters."}]
        })
    );
}

#[test]
fn jsonapi_multiple_errors_example() {
    let body = r#"{
      "jsonapi": { "version": "1.1" },
      "errors": [
        {
          "code":   "123",
          "source": { "pointer": "/data/attributes/firstName" },
          "title":  "Value is too short",
          "detail": "First name must contain at least two characters."
        },
        {
          "code":   "225",
          "source": { "pointer": "/data/attributes/password" },
          "title": "Passwords must contain a letter, number, and punctuation character.",
          "detail": "The password provided is missing a punctuation character."
        },
        {
          "code":   "226",
          "source": { "pointer": "/data/attributes/password" },
          "title": "Password and password confirmation do not match."
        }
      ]
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::JsonApi);
    assert_eq!(d.code.as_deref(), Some("123"));
    assert_eq!(d.title.as_deref(), Some("Value is too short"));
    assert_eq!(
        fields(&d),
        [
            (
                "firstName",
                "First name must contain at least two characters."
            ),
            (
                "password",
                "The password provided is missing a punctuation character."
            ),
            (
                "password",
                "Password and password confirmation do not match."
            ),
        ]
    );
}

#[test]
fn jsonapi_source_parameter_and_relationship() {
    let body = r#"{"errors": [
        {"status": "400", "source": {"parameter": "include"}, "title": "Invalid Query Parameter",
         "detail": "The resource does not have an `auther` relationship path."},
        {"status": "422", "source": {"pointer": "/data/relationships/author"}, "title": "Invalid Relationship"},
        {"status": "422", "source": {"pointer": "/data/attributes/address/city"}, "detail": "City is required."}
    ]}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::JsonApi);
    assert_eq!(d.status, Some(400));
    assert_eq!(
        fields(&d),
        [
            (
                "include",
                "The resource does not have an `auther` relationship path."
            ),
            ("author", "Invalid Relationship"),
            ("address.city", "City is required."),
        ]
    );
}

// ---- GraphQL ----

#[test]
fn graphql_spec_example() {
    let body = r#"{
      "errors": [
        {
          "message": "Name for character with ID 1002 could not be fetched.",
          "locations": [{ "line": 6, "column": 7 }],
          "path": ["hero", "heroFriends", 1, "name"],
          "extensions": {
            "code": "CAN_NOT_FETCH_BY_ID",
            "timestamp": "Fri Feb 9 14:33:09 UTC 2018"
          }
        }
      ],
      "data": {
        "hero": {
          "name": "R2-D2",
          "heroFriends": [
            { "id": "1000", "name": "Luke Skywalker" },
            { "id": "1002", "name": null },
            { "id": "1003", "name": "Leia Organa" }
          ]
        }
      }
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Graphql);
    assert_eq!(d.code.as_deref(), Some("CAN_NOT_FETCH_BY_ID"));
    assert_eq!(
        d.detail.as_deref(),
        Some("Name for character with ID 1002 could not be fetched.")
    );
    // `path` locates the error in the response, not an input: no field error.
    assert!(fields(&d).is_empty());
}

#[test]
fn graphql_input_argument_is_a_field_error() {
    let body = r#"{"errors": [{"message": "Must be an email address", "path": ["createUser"],
        "extensions": {"code": "BAD_USER_INPUT", "argumentName": "email"}}], "data": null}"#;
    let d = parse(body);
    assert_eq!(fields(&d), [("email", "Must be an email address")]);
}

#[test]
fn graphql_bad_user_input() {
    let body = r#"{"errors": [{"message": "Name is too long", "path": ["user", 0, "name"],
        "extensions": {"code": "BAD_USER_INPUT"}}], "data": null}"#;
    let d = parse(body);
    assert_eq!(
        js(&d),
        json!({
            "format": "graphql",
            "detail": "Name is too long",
            "code": "BAD_USER_INPUT",
            "fieldErrors": []
        })
    );
}

#[test]
fn graphql_request_error_without_path() {
    let body = r#"{"errors": [{"message": "Syntax Error: Expected Name, found <EOF>.",
        "locations": [{"line": 1, "column": 9}], "extensions": {"code": "GRAPHQL_PARSE_FAILED"}}]}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Graphql);
    assert_eq!(d.code.as_deref(), Some("GRAPHQL_PARSE_FAILED"));
    assert!(d.field_errors.is_empty());
}

// ---- OData / Microsoft ----

#[test]
fn odata_v4_example() {
    let body = r#"{
      "error": {
        "code": "err123",
        "message": "Unsupported functionality",
        "target": "query",
        "details": [
          {
            "code": "forty-two",
            "target": "$search",
            "message": "$search query option not supported"
          }
        ],
        "innererror": {
          "trace": ["at Service.Query()"],
          "context": {"secret": "do not show"}
        }
      }
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::OData);
    assert_eq!(d.code.as_deref(), Some("err123"));
    assert_eq!(d.detail.as_deref(), Some("Unsupported functionality"));
    assert_eq!(
        fields(&d),
        [
            ("query", "Unsupported functionality"),
            ("$search", "$search query option not supported")
        ]
    );
    assert!(!js(&d).to_string().contains("secret"));
}

#[test]
fn odata_v3_and_v2_lang_value_message() {
    let v3 = r#"{"odata.error": {"code": "", "message": {"lang": "en-US",
        "value": "Resource not found for the segment 'Products'."}}}"#;
    let d = parse(v3);
    assert_eq!(d.format, Format::OData);
    assert_eq!(d.code, None);
    assert_eq!(
        d.detail.as_deref(),
        Some("Resource not found for the segment 'Products'.")
    );
    let v2 = r#"{"error": {"code": "", "message": {"lang": "en-US", "value": "Invalid key."}}}"#;
    assert_eq!(parse(v2).detail.as_deref(), Some("Invalid key."));
}

#[test]
fn microsoft_graph_example() {
    let body = r#"{
      "error": {
        "code": "invalidRange",
        "message": "Uploaded fragment overlaps with existing data.",
        "innerError": {
          "code": "invalidRange",
          "request-id": "request-id",
          "date": "date-time"
        }
      }
    }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::OData);
    assert_eq!(d.code.as_deref(), Some("invalidRange"));
    assert_eq!(
        d.detail.as_deref(),
        Some("Uploaded fragment overlaps with existing data.")
    );
}

#[test]
fn azure_resource_manager_details() {
    let body = r#"{"error": {"code": "InvalidTemplateDeployment",
        "message": "The template deployment failed because of policy violation.",
        "details": [
          {"code": "InvalidParameter", "target": "properties.sku",
           "message": "The SKU 'Basic' is not allowed."},
          {"code": "RequestDisallowedByPolicy", "message": "Resource was disallowed by policy."}
        ]}}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::OData);
    assert_eq!(
        fields(&d),
        [("properties.sku", "The SKU 'Basic' is not allowed.")]
    );
}

// ---- AWS ----

#[test]
fn aws_dynamodb_example() {
    let body = r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
        "message":"Requested resource not found: Table: tablename not found"}"#;
    let d = parse_error_body_text(body, Some("application/x-amz-json-1.0")).unwrap();
    assert_eq!(
        js(&d),
        json!({
            "format": "aws",
            "code": "ResourceNotFoundException",
            "detail": "Requested resource not found: Table: tablename not found",
            "fieldErrors": []
        })
    );
}

#[test]
fn aws_code_suffix_and_capital_message() {
    let body = r#"{"__type": "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "Message": "1 validation error detected"}"#;
    let d = parse(body);
    assert_eq!(d.code.as_deref(), Some("ValidationException"));
    assert_eq!(d.detail.as_deref(), Some("1 validation error detected"));
    let body = r#"{"code": "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "Message": "Foo"}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Aws);
    assert_eq!(d.code.as_deref(), Some("FooError"));
    let d = parse(r#"{"Code": "AccessDeniedException", "Message": "User is not authorized"}"#);
    assert_eq!(
        (d.format, d.code.as_deref()),
        (Format::Aws, Some("AccessDeniedException"))
    );
}

// ---- generic ----

#[test]
fn generic_message() {
    let d = parse(r#"{"message": "Internal server error"}"#);
    assert_eq!(
        js(&d),
        json!({"format": "generic", "detail": "Internal server error", "fieldErrors": []})
    );
}

#[test]
fn generic_oauth2_error() {
    // RFC 6749 §5.2.
    let body = r#"{
       "error":"invalid_request",
       "error_description":"The request is missing a required parameter.",
       "error_uri":"https://example.com/docs/oauth"
     }"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Generic);
    assert_eq!(d.code.as_deref(), Some("invalid_request"));
    assert_eq!(
        d.detail.as_deref(),
        Some("The request is missing a required parameter.")
    );
    assert_eq!(
        parse(r#"{"error": "invalid_token"}"#).code.as_deref(),
        Some("invalid_token")
    );
}

#[test]
fn generic_error_string() {
    let d = parse(r#"{"error": "Something went wrong"}"#);
    assert_eq!(
        (d.detail.as_deref(), d.code),
        (Some("Something went wrong"), None)
    );
    let d = parse(r#"{"error": "NOT_FOUND"}"#);
    assert_eq!((d.detail, d.code.as_deref()), (None, Some("NOT_FOUND")));
}

#[test]
fn generic_hapi_nest_and_spring_boot() {
    // hapi/Boom and NestJS.
    let d = parse(
        r#"{"statusCode": 401, "error": "Unauthorized", "message": "Missing authentication"}"#,
    );
    assert_eq!(d.format, Format::Generic);
    assert_eq!(d.title.as_deref(), Some("Unauthorized"));
    assert_eq!(d.detail.as_deref(), Some("Missing authentication"));
    assert_eq!(d.status, Some(401));
    let d = parse(
        r#"{"statusCode": 400, "message": ["email must be an email", "name should not be empty"],
            "error": "Bad Request"}"#,
    );
    assert_eq!(
        d.detail.as_deref(),
        Some("email must be an email; name should not be empty")
    );
    assert_eq!(d.title.as_deref(), Some("Bad Request"));
    // Spring Boot's default error attributes.
    let d = parse(
        r#"{"timestamp": "2024-01-01T00:00:00.000+00:00", "status": 404, "error": "Not Found",
            "message": "No message available", "path": "/api/orders/7"}"#,
    );
    assert_eq!(
        (d.title.as_deref(), d.status),
        (Some("Not Found"), Some(404))
    );
}

#[test]
fn generic_errors_list_of_strings() {
    let d = parse(r#"{"errors": ["Email is invalid", "Password is too short"]}"#);
    assert_eq!(d.format, Format::Generic);
    assert_eq!(
        d.detail.as_deref(),
        Some("Email is invalid; Password is too short")
    );
}

#[test]
fn generic_errors_list_of_objects() {
    let d = parse(r#"{"errors": [{"message": "Account locked"}]}"#);
    assert_eq!(d.detail.as_deref(), Some("Account locked"));
    let d = parse(
        r#"{"message": "Invalid input", "errors": [{"field": "email", "message": "is invalid"},
            {"param": "age", "msg": "must be a number"}]}"#,
    );
    assert_eq!(
        fields(&d),
        [("email", "is invalid"), ("age", "must be a number")]
    );
}

#[test]
fn generic_django_rest_framework() {
    let d = parse(r#"{"detail": "Authentication credentials were not provided."}"#);
    assert_eq!(d.format, Format::Generic);
    assert_eq!(
        d.detail.as_deref(),
        Some("Authentication credentials were not provided.")
    );
    let d = parse(r#"{"non_field_errors": ["Unable to log in with provided credentials."]}"#);
    assert_eq!(
        d.detail.as_deref(),
        Some("Unable to log in with provided credentials.")
    );
}

#[test]
fn generic_fastapi_validation() {
    let body = r#"{"detail": [{"type": "missing", "loc": ["body", "email"], "msg": "Field required",
        "input": {}}, {"loc": ["query", "limit"], "msg": "Input should be a valid integer",
        "type": "int_parsing"}]}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Generic);
    assert_eq!(
        fields(&d),
        [
            ("email", "Field required"),
            ("limit", "Input should be a valid integer")
        ]
    );
}

#[test]
fn generic_laravel_and_rails_field_map() {
    let body = r#"{"message": "The email field is required. (and 1 more error)",
        "errors": {"email": ["The email field is required."], "password": ["The password must be at least 8 characters."]}}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Generic);
    assert_eq!(
        fields(&d),
        [
            ("email", "The email field is required."),
            ("password", "The password must be at least 8 characters.")
        ]
    );
}

#[test]
fn generic_other_message_keys_and_codes() {
    assert_eq!(
        parse(r#"{"msg": "token expired"}"#).detail.as_deref(),
        Some("token expired")
    );
    let d = parse(r#"{"error_code": "E42", "error_message": "Quota exceeded"}"#);
    assert_eq!(
        (d.code.as_deref(), d.detail.as_deref()),
        (Some("E42"), Some("Quota exceeded"))
    );
    let d = parse(r#"{"code": 1001, "message": "Invalid signature"}"#);
    assert_eq!(d.code.as_deref(), Some("1001"));
    let d = parse(r#"{"success": false, "error": true, "message": "Not allowed"}"#);
    assert_eq!(d.detail.as_deref(), Some("Not allowed"));
}

#[test]
fn generic_aspnet_web_api_2() {
    let body = r#"{"Message": "The request is invalid.",
        "ModelState": {"product.Name": ["The Name field is required."]}}"#;
    let d = parse(body);
    assert_eq!(d.format, Format::Generic);
    assert_eq!(d.detail.as_deref(), Some("The request is invalid."));
    assert_eq!(
        fields(&d),
        [("product.Name", "The Name field is required.")]
    );
    // The exception details of an unhandled error are never read.
    let body = r#"{"Message": "An error has occurred.", "ExceptionMessage": "Object reference not set",
        "ExceptionType": "System.NullReferenceException", "StackTrace": "   at Api.Controllers.Get()"}"#;
    let text = js(&parse(body)).to_string();
    assert!(!text.contains("Controllers") && !text.contains("Object reference"));
}

#[test]
fn generic_nested_error_object_and_json_rpc() {
    let d = parse(r#"{"error": {"message": "Invalid token"}}"#);
    assert_eq!(
        (d.format, d.detail.as_deref()),
        (Format::Generic, Some("Invalid token"))
    );
    // JSON-RPC 2.0 §5.1.
    let d = parse(
        r#"{"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": "1"}"#,
    );
    assert_eq!(d.format, Format::Generic);
    assert_eq!(d.code.as_deref(), Some("-32601"));
    assert_eq!(d.detail.as_deref(), Some("Method not found"));
}

#[test]
fn generic_top_level_array_salesforce() {
    let body = r#"[{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]"#;
    let d = parse(body);
    assert_eq!(d.code.as_deref(), Some("INVALID_SESSION_ID"));
    assert_eq!(d.detail.as_deref(), Some("Session expired or invalid"));
}

// ---- the value entry points ----

#[test]
fn parsed_values_read_like_text() {
    let s =
        json!({"error": {"type": "card_error", "code": "card_declined", "message": "Declined."}});
    let d = parse_error_body_value(&Value::from(s.clone())).unwrap();
    assert_eq!(Some(d), parse_error_body_text(&s.to_string(), None));
    // The content type still declares problem details for a parsed body.
    let v = Value::from(json!({"title": "Out of credit"}));
    assert_eq!(parse_error_body_value(&v), None);
    let d = parse_error_body_value_with_type(&v, Some("application/problem+json")).unwrap();
    assert_eq!(d.format, Format::Problem);
    assert_eq!(d.error_type.as_deref(), Some("about:blank"));
}

#[test]
fn format_names_match_javascript() {
    for f in [
        Format::Problem,
        Format::Google,
        Format::Stripe,
        Format::Github,
        Format::JsonApi,
        Format::Graphql,
        Format::OData,
        Format::Aws,
        Format::Generic,
    ] {
        assert_eq!(js(&ErrorDetails::new(f))["format"], f.as_str());
        assert_eq!(f.to_string(), f.as_str());
    }
}
