-- Accounts people trust with production: where audited requests came from, and throttled
-- sign-ins in the audit log.

-- Every audit entry records the client's address and user agent as the service saw them, so that a
-- sign-in, an ended session or a changed password can be traced to a network and a browser. Only
-- admins read them back. The service cuts user agents to 512 characters; the check keeps it so.
ALTER TABLE audit_log ADD COLUMN client_address TEXT;
ALTER TABLE audit_log ADD COLUMN user_agent TEXT CHECK (length(user_agent) <= 512);

-- A sign-in refused because its account or address must wait is audited once per subject and
-- wait: the wait (blocked_until) whose first refusal was audited. Refused attempts cost an attacker
-- nothing, so an entry for each would let anyone fill the audit log; failures, which cost a
-- password hash each, are audited every time.
ALTER TABLE sign_in_throttle ADD COLUMN refusal_audited_until TIMESTAMPTZ;
