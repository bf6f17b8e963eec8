// Error bodies as real APIs send them, for the playground. `expect` is the format that
// parseErrorBody() should report (null: nothing to extract).

const pretty = (value) => JSON.stringify(value, null, 2);

export const XSS_DETAIL = '<img src=x onerror="window.__xss=1">';

export const EXAMPLES = [
  {
    id: 'rfc9457',
    label: 'RFC 9457',
    status: 422,
    contentType: 'application/problem+json',
    expect: 'problem+json',
    body: pretty({
      type: 'https://example.com/probs/validation',
      title: 'Your request is not valid.',
      status: 422,
      detail: 'Two fields need attention.',
      instance: '/signup/8c1f',
      errors: [
        { detail: 'must be a positive integer', pointer: '#/age' },
        { detail: "must be 'green', 'red' or 'blue'", pointer: '#/profile/color' },
      ],
    }),
  },
  {
    id: 'google',
    label: 'Google',
    status: 400,
    contentType: 'application/json',
    expect: 'google',
    body: pretty({
      error: {
        code: 400,
        message: "Invalid value at 'user.email' (TYPE_STRING), \"not-an-email\"",
        status: 'INVALID_ARGUMENT',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'INVALID_EMAIL', domain: 'accounts.example.com' },
          { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'Please enter a valid email address.' },
          { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: 'user.email', description: 'Must be a valid email address.' }] },
        ],
      },
    }),
  },
  {
    id: 'stripe',
    label: 'Stripe',
    status: 402,
    contentType: 'application/json',
    expect: 'stripe',
    body: pretty({
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
        param: 'number',
        doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      },
    }),
  },
  {
    id: 'github',
    label: 'GitHub',
    status: 422,
    contentType: 'application/json; charset=utf-8',
    expect: 'github',
    body: pretty({
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
      status: '422',
    }),
  },
  {
    id: 'jsonapi',
    label: 'JSON:API',
    status: 422,
    contentType: 'application/vnd.api+json',
    expect: 'jsonapi',
    body: pretty({
      jsonapi: { version: '1.1' },
      errors: [{
        status: '422',
        code: 'too_short',
        source: { pointer: '/data/attributes/firstName' },
        title: 'Invalid Attribute',
        detail: 'First name must contain at least two characters.',
      }],
    }),
  },
  {
    id: 'graphql',
    label: 'GraphQL',
    status: 400,
    contentType: 'application/graphql-response+json',
    expect: 'graphql',
    body: pretty({
      errors: [{
        message: 'Variable "$input" got invalid value "x" at "input.email"; Expected type "Email".',
        locations: [{ line: 1, column: 21 }],
        path: ['createUser'],
        extensions: { code: 'BAD_USER_INPUT' },
      }],
      data: null,
    }),
  },
  {
    id: 'odata',
    label: 'OData',
    status: 400,
    contentType: 'application/json;odata.metadata=minimal',
    expect: 'odata',
    body: pretty({
      error: {
        code: 'BadArgument',
        message: 'Multiple errors in ContactInfo data',
        target: 'ContactInfo',
        details: [
          { code: 'NullValue', target: 'PhoneNumber', message: 'Phone number must not be null' },
          { code: 'MalformedValue', target: 'Address', message: 'Address is not valid' },
        ],
      },
    }),
  },
  {
    id: 'aws',
    label: 'AWS',
    status: 400,
    contentType: 'application/x-amz-json-1.0',
    expect: 'aws',
    body: pretty({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found: Table: Orders not found',
    }),
  },
  {
    id: 'html',
    label: 'HTML error page',
    status: 502,
    contentType: 'text/html',
    expect: null,
    body: '<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.25.3</center>\n</body>\n</html>\n',
  },
  {
    id: 'text',
    label: 'Plain text',
    status: 503,
    contentType: 'text/plain',
    expect: 'generic',
    body: 'Service temporarily unavailable. Please retry later.',
  },
  {
    id: 'xss',
    label: 'Hostile <img onerror>',
    status: 400,
    contentType: 'application/problem+json',
    expect: 'problem+json',
    body: pretty({
      type: 'https://example.com/probs/invalid-comment',
      title: 'Invalid comment',
      status: 400,
      detail: XSS_DETAIL,
      errors: [{ pointer: '#/comment', detail: XSS_DETAIL }],
    }),
  },
];

/** The content types offered in the playground (the first entry sends none). */
export const CONTENT_TYPES = [
  '',
  'application/problem+json',
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.api+json',
  'application/graphql-response+json',
  'application/json;odata.metadata=minimal',
  'application/x-amz-json-1.0',
  'text/html',
  'text/plain',
];
