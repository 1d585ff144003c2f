// What each problem `code` of the API means to the person in front of the page.
const MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: 'Some fields are missing or wrong.',
  MALFORMED_JSON: 'The page sent a request the server could not read. Reload the page and try again.',
  UNKNOWN_FIELD: 'The page sent a request the server could not read. Reload the page and try again.',
  BODY_TOO_LARGE: 'That is too much data for one request.',
  INVALID_IDEMPOTENCY_KEY: 'The page sent a request the server could not read. Reload the page and try again.',
  UNAUTHENTICATED: 'Your session has ended. Please log in again.',
  INVALID_CREDENTIALS: 'That user name and password do not match.',
  INVALID_REFRESH_TOKEN: 'Your session has ended. Please log in again.',
  REFRESH_TOKEN_REUSED: 'Your session has ended. Please log in again.',
  TOO_MANY_LOGIN_ATTEMPTS: 'Too many failed logins. Wait a few minutes, then try again.',
  NOT_PERMITTED: 'Your account may not do that.',
  FORBIDDEN: 'Your account may not see this.',
  NOT_CUSTODIAN: 'You do not hold this parcel, so you cannot record that step.',
  WAYBILL_NOT_FOUND: 'No such parcel, or it is not one of yours.',
  NOT_FOUND: 'Nothing was found there.',
  CARRIER_NOT_FOUND: 'No such carrier.',
  INVALID_TRANSITION: 'That step does not fit where the parcel is now.',
  WAYBILL_DISPOSED: 'This parcel has been disposed of: its data no longer exists.',
  CONCURRENT_MODIFICATION: 'Someone else changed this parcel at the same moment. Try again.',
  RATE_LIMITED: 'Too many scans in a short time. Wait a minute, then scan again.',
  CARRIER_NOT_PARTNER: 'This parcel belongs to a carrier your company does not work with.',
  UNROUTABLE_DESTINATION: 'The parcel cannot be routed to that address.',
  DISPOSAL_REASON_REQUIRED: 'Give a reason for the disposal.',
  DUPLICATE_REQUEST_MISMATCH: 'This request was already sent with different details.',
  UNKNOWN_CARRIER: 'No such carrier.',
  LABEL_MALFORMED: 'This is not an Exqress label.',
  LABEL_FORGED: 'This label is not genuine: its signature does not match.',
  LABEL_UNKNOWN: 'This label is not a parcel your company may handle.',
  LABEL_REVOKED: 'This label is no longer valid: a newer label replaced it, or its signing key was retired. The parcel needs a new label.',
  LABEL_KEY_ACTIVE: 'This key signs the new labels. Rotate to a new key first, then retire this one.',
  LABEL_KEY_NOT_FOUND: 'Your carrier has no such label key.',
  LABEL_DISPOSED: 'This parcel has been disposed of; its label no longer works.',
  REBUILD_REFUSED: 'A rebuild is already running.',
  SERVICE_UNAVAILABLE: 'The service is busy or restarting. Try again in a few seconds.',
  STORED_EVENT_UNREADABLE: 'Part of this parcel’s history can no longer be read. Ask an auditor to verify it.',
};

export interface Problem {
  status: number;
  code?: string;
  detail?: string;
  errors?: { field?: string; message?: string }[];
}

/** A sentence for the page, never a stack trace or the raw body. */
export function plainMessage(problem: Problem): string {
  const known = problem.code ? MESSAGES[problem.code] : undefined;
  const fields = (problem.errors ?? [])
    .filter((error) => error.field && error.message)
    .map((error) => `${error.field} ${error.message}`);
  if (known) return fields.length ? `${known} ${fields.join('; ')}.` : known;
  if (problem.status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  return 'The request was refused.';
}
