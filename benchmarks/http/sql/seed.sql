-- :n users, each with one session, on both sides: the demo's tables (demo_members, demo_login_sessions, from the
-- generated DDL) and @auth/pg-adapter's (users, sessions). Session i has the same 64-hex-digit token on both
-- sides and expires in 30 days (maxAge), so no read is due for an extension (updateAge 24 h): reads only.
-- Timestamps of the demo's tables are UTC (TIMESTAMP without zone, written by the JVM in UTC).
-- CASCADE: the demo's other tables (passkeys, ...) reference demo_members too.
TRUNCATE demo_login_sessions, demo_linked_accounts, demo_members, sessions, users RESTART IDENTITY CASCADE;

INSERT INTO demo_members (id, name, email, role)
SELECT 'member-' || i, 'Member ' || i, 'member' || i || '@bench.test', 'MEMBER'
FROM generate_series(1, :n) AS i;

INSERT INTO demo_login_sessions (id, session_token, user_id, expires)
SELECT 'session-' || i, md5('bench-a-' || i) || md5('bench-b-' || i), 'member-' || i,
       (now() AT TIME ZONE 'UTC') + interval '30 days'
FROM generate_series(1, :n) AS i;

INSERT INTO users (name, email)
SELECT 'Member ' || i, 'member' || i || '@bench.test'
FROM generate_series(1, :n) AS i;

INSERT INTO sessions ("userId", expires, "sessionToken")
SELECT i, now() + interval '30 days', md5('bench-a-' || i) || md5('bench-b-' || i)
FROM generate_series(1, :n) AS i;

ANALYZE demo_members;
ANALYZE demo_login_sessions;
ANALYZE users;
ANALYZE sessions;
