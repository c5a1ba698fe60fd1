import type { Migration } from '../db';

// Secrets are never stored in clear: passwords as argon2id hashes, session tokens and API key secrets as
// sha256 of 32 random bytes (a fast hash is enough for a high-entropy secret; argon2 is for what people pick).
export const securityMigrations: readonly Migration[] = [
  {
    id: 'security/001_users_sessions_audit',
    up: [
      `CREATE TABLE users (
        id VARCHAR PRIMARY KEY,
        username VARCHAR NOT NULL UNIQUE,
        display_name VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        password_hash VARCHAR NOT NULL,
        disabled BOOLEAN NOT NULL DEFAULT false,
        must_change_password BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMP NOT NULL,
        last_login_at TIMESTAMP
      )`,
      `CREATE TABLE sessions (
        token_hash VARCHAR PRIMARY KEY,
        id VARCHAR NOT NULL,
        user_id VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        last_seen_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL,
        ip VARCHAR,
        user_agent VARCHAR
      )`,
      // Failed logins, kept per username and IP so the limit holds across requests and restarts.
      `CREATE TABLE login_failures (
        username VARCHAR NOT NULL,
        ip VARCHAR NOT NULL,
        ts TIMESTAMP NOT NULL
      )`,
      `CREATE TABLE api_keys (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        secret_hash VARCHAR NOT NULL UNIQUE,
        prefix VARCHAR NOT NULL,
        created_by VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        last_used_at TIMESTAMP,
        revoked_at TIMESTAMP
      )`,
      // Append-only and hash-chained: each row's hash covers its fields and the previous row's hash, so an
      // edited or deleted row breaks the chain from there on. seq orders the chain (ts may tie).
      `CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY,
        id VARCHAR NOT NULL UNIQUE,
        ts TIMESTAMP NOT NULL,
        actor VARCHAR NOT NULL,
        role VARCHAR,
        action VARCHAR NOT NULL,
        target VARCHAR,
        ip VARCHAR,
        details VARCHAR NOT NULL,
        prev_hash VARCHAR NOT NULL,
        hash VARCHAR NOT NULL
      )`,
      'CREATE INDEX audit_log_ts ON audit_log (ts)',
    ],
  },
];
