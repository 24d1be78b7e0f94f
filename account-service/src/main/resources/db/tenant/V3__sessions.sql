-- Login sessions: each refresh token (kept as its SHA-256 only) with the access token issued with
-- it. A refresh token is used once; its successor joins the same family. Reusing a used one, a
-- logout, a deactivation or a password change revokes the family, and its access tokens are put
-- on the shared deny-list until they expire.
CREATE TABLE refresh_tokens (
    token_hash        text PRIMARY KEY,
    family_id         uuid        NOT NULL,
    username          text        NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    access_token_id   text        NOT NULL,
    access_expires_at timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    used_at           timestamptz,
    revoked_at        timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (username, expires_at);
