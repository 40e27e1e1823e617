-- Single sign-on: which identity at an OpenID Connect provider is which user. An identity is the
-- issuer and the subject the provider gives it, which the provider promises never to reassign; an
-- email address is not one (it can change hands, be unverified, or be claimed at another issuer).
-- A user is linked to at most one identity; deleting the user forgets the link, so the next sign-in
-- through the provider creates a new user.
CREATE TABLE sso_identities (
    issuer        TEXT NOT NULL CHECK (length(issuer) BETWEEN 1 AND 2048),
    subject       TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id       UUID NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    last_login_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    PRIMARY KEY (issuer, subject)
);
