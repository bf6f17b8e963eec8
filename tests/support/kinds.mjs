// The stable kind vocabulary of DESIGN.md, typed in independently of the package so tests can
// check the package's answers against it. `unknown` comes only from userMessage, for a value that
// is not a recognised outcome.
export const KINDS = Object.freeze([
  'informational', 'success', 'redirect', 'not_modified', 'bad_request', 'unauthorized', 'payment_required',
  'forbidden', 'not_found', 'method_not_allowed', 'not_acceptable', 'request_timeout', 'conflict', 'gone',
  'precondition_failed', 'payload_too_large', 'uri_too_long', 'unsupported_media_type', 'range_not_satisfiable',
  'validation_failed', 'locked', 'too_early', 'upgrade_required', 'rate_limited', 'header_too_large',
  'unavailable_for_legal_reasons', 'client_error', 'server_error', 'not_implemented', 'bad_gateway',
  'service_unavailable', 'gateway_timeout', 'network_error', 'offline', 'timeout', 'aborted', 'unknown',
]);
