//! XML error bodies: each vendor's documented example (typed in here), and hostile XML.

use serde_json::json;

use super::*;

#[test]
fn amazon_s3_rest_error() {
    // Amazon S3 API Reference, "Error responses": REST error response.
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>/mybucket/myfoto.jpg</Resource>
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>"#;
    let d = parse_error_body_text(body, Some("application/xml")).unwrap();
    assert_eq!(
        js(&d),
        json!({
            "format": "xml",
            "code": "NoSuchKey",
            "detail": "The resource you requested does not exist",
            "fieldErrors": [],
            "extensions": {"Resource": "/mybucket/myfoto.jpg", "RequestId": "4442587FB7D0A2F9"}
        })
    );
    // Sniffed the same without a content type, and read under text/xml.
    assert_eq!(parse_error_body_text(body, None), Some(d.clone()));
    assert_eq!(
        parse_error_body_text(body, Some("text/xml; charset=utf-8")),
        Some(d)
    );
}

#[test]
fn aws_query_and_ec2_errors() {
    // AWS Query API error response (SQS, SNS, STS, IAM…).
    let query = r#"<ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">
    <Error>
        <Type>Sender</Type>
        <Code>InvalidParameterValue</Code>
        <Message>Value (quename_nonalpha) for parameter QueueName is invalid.</Message>
        <Detail/>
    </Error>
    <RequestId>42d59b56-7407-4c4a-be0f-4c88daeea257</RequestId>
</ErrorResponse>"#;
    let d = parse_error_body_text(query, Some("text/xml")).unwrap();
    assert_eq!(d.code.as_deref(), Some("InvalidParameterValue"));
    assert_eq!(
        d.detail.as_deref(),
        Some("Value (quename_nonalpha) for parameter QueueName is invalid.")
    );
    assert_eq!(
        d.extensions.get("Type"),
        Some(&Value::String("Sender".into()))
    );
    assert_eq!(
        d.extensions.get("RequestId"),
        Some(&Value::String(
            "42d59b56-7407-4c4a-be0f-4c88daeea257".into()
        ))
    );
    // Amazon EC2 API Reference, "Error codes": the error inside <Response><Errors>.
    let ec2 = r#"<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1a2b3c4d' does not exist</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>"#;
    let d = parse_error_body_text(ec2, None).unwrap();
    assert_eq!(d.code.as_deref(), Some("InvalidInstanceID.NotFound"));
    assert_eq!(
        d.detail.as_deref(),
        Some("The instance ID 'i-1a2b3c4d' does not exist")
    );
}

#[test]
fn azure_storage_error() {
    // Azure Storage REST, "Status and error codes": the message ends with RequestId and Time
    // lines, and a BOM may open the body.
    let body = "\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ContainerNotFound</Code><Message>The specified container does not exist.\nRequestId:b3f2a2b1-101e-0016-6e2b-2b5c2b000000\nTime:2024-05-01T10:00:00.0000000Z</Message></Error>";
    let d = parse_error_body_text(body, Some("application/xml")).unwrap();
    assert_eq!(d.code.as_deref(), Some("ContainerNotFound"));
    assert_eq!(
        d.detail.as_deref(),
        Some("The specified container does not exist.")
    );
    let auth = "<Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message><AuthenticationErrorDetail>Signature not valid in the specified time frame</AuthenticationErrorDetail></Error>";
    let d = parse_error_body_text(auth, Some("application/xml")).unwrap();
    assert_eq!(
        d.extensions.get("AuthenticationErrorDetail"),
        Some(&Value::String(
            "Signature not valid in the specified time frame".into()
        ))
    );
}

#[test]
fn problem_xml() {
    // RFC 9457 Appendix B (RFC 7807 Appendix A).
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<problem xmlns="urn:ietf:rfc:7807">
  <type>https://example.com/probs/out-of-credit</type>
  <title>You do not have enough credit.</title>
  <detail>Your current balance is 30, but that costs 50.</detail>
  <instance>https://example.net/account/12345/msgs/abc</instance>
  <status>403</status>
  <balance>30</balance>
</problem>"#;
    let d = parse_error_body_text(body, Some("application/problem+xml")).unwrap();
    assert_eq!(
        js(&d),
        json!({
            "format": "xml",
            "type": "https://example.com/probs/out-of-credit",
            "title": "You do not have enough credit.",
            "detail": "Your current balance is 30, but that costs 50.",
            "instance": "https://example.net/account/12345/msgs/abc",
            "status": 403,
            "fieldErrors": [],
            "extensions": {"balance": "30"}
        })
    );
}

#[test]
fn entities_prefixes_cdata_and_comments() {
    let body = "<s3:Error xmlns:s3=\"x\"><!-- note --><s3:Code>A&amp;B</s3:Code><Message><![CDATA[1 < 2 & <b>]]> &#65;&#x42; &lt;ok&gt; &unknown; &quot;q&quot; &apos;</Message></s3:Error>";
    let d = parse_error_body_text(body, None).unwrap();
    assert_eq!(d.code.as_deref(), Some("A&B"));
    assert_eq!(
        d.detail.as_deref(),
        Some("1 < 2 & <b> AB <ok> &unknown; \"q\" '")
    );
}

#[test]
fn dtds_and_entities_are_never_processed() {
    // The "billion laughs" and an external entity: refused outright.
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<Error><Code>&lol2;</Code><Message>m</Message></Error>"#;
    assert_eq!(parse_error_body_text(laughs, Some("application/xml")), None);
    let external = r#"<!DOCTYPE Error [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Error><Code>&xxe;</Code></Error>"#;
    assert_eq!(parse_error_body_text(external, None), None);
    // An undeclared entity reference is kept as written, never looked up.
    let d = parse_error_body_text("<Error><Code>&xxe;</Code></Error>", None).unwrap();
    assert_eq!(d.code.as_deref(), Some("&xxe;"));
}

#[test]
fn hostile_xml_stays_bounded() {
    let deep = format!(
        "{}<Error><Code>X</Code></Error>{}",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    assert_eq!(parse_error_body_text(&deep, None), None);
    for body in [
        "<Error><Code>X</Code>",            // never closed: the child still counts
        "<Error><Code>X</Message></Error>", // mismatched
        "<Error",                           // cut in a tag
        "<Error><Code><![CDATA[x</Code>",   // cut in CDATA
        "<?xml",                            // cut in a declaration
        "<Error><!-- x",                    // cut in a comment
        "<><//></>",
        "<Error><Code>é&#xD800;&#99999999;&#x;&#;&</Code></Error>",
    ] {
        if let Some(d) = parse_error_body_text(body, Some("application/xml")) {
            assert_bounded(&d);
        }
    }
    let d = parse_error_body_text("<Error><Code>X</Code>", None).unwrap();
    assert_eq!(d.code.as_deref(), Some("X"));
    assert_eq!(
        parse_error_body_text("<Error><Code>X</Message></Error>", None),
        None
    );
    // A huge message is cut like any text; only the first 64 KiB of a body is read.
    let huge = format!(
        "<Error><Code>C</Code><Message>{}</Message></Error>",
        "m".repeat(1 << 20)
    );
    let d = parse_error_body_text(&huge, None).unwrap();
    assert_eq!(d.code.as_deref(), Some("C"));
    assert_eq!(
        d.detail, None,
        "the message was cut by the 64 KiB bound and never closed"
    );
    // HTML is still not read.
    assert_eq!(
        parse_error_body_text(
            "<html><body><Error>x</Error></body></html>",
            Some("text/html")
        ),
        None
    );
}
