namespace ExpertBot.Bot.Storage;

/// <summary>Storage migration 3 (requests to the GI) for both providers, after the reminders' migration 2.</summary>
internal static class RequestsSchema
{
    public const int Version = 3;
    public const string Name = "requests to the GI: requests, status history, channel links, delivery outbox";

    public static Migration Sqlite { get; } = new(Version, Name, """
        CREATE TABLE IF NOT EXISTS gi_requests (
            id                      TEXT    NOT NULL PRIMARY KEY,
            idempotency_key         TEXT    NOT NULL UNIQUE,
            owner_id                TEXT    NOT NULL,
            owner_name              TEXT    NULL,
            owner_channel_id        TEXT    NOT NULL,
            owner_conversation_id   TEXT    NOT NULL,
            owner_locale            TEXT    NULL,
            case_ref                TEXT    NOT NULL,
            municipality            TEXT    NOT NULL,
            kind                    TEXT    NOT NULL,
            reason                  TEXT    NOT NULL,
            safety                  TEXT    NOT NULL,
            route_id                TEXT    NULL,
            fields_json             TEXT    NOT NULL,
            status                  TEXT    NOT NULL,
            target_conversation_id  TEXT    NULL,
            ticket_activity_id      TEXT    NULL,
            picked_up_by            TEXT    NULL,
            outcome                 TEXT    NULL,
            created_at              INTEGER NOT NULL,
            updated_at              INTEGER NOT NULL,
            ticket_at               INTEGER NULL,
            picked_up_at            INTEGER NULL,
            closed_at               INTEGER NULL,
            version                 INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_gi_requests_owner ON gi_requests (owner_id, status);
        CREATE INDEX IF NOT EXISTS ix_gi_requests_created ON gi_requests (created_at);

        CREATE TABLE IF NOT EXISTS gi_request_events (
            id                      TEXT    NOT NULL PRIMARY KEY,
            request_id              TEXT    NOT NULL,
            at                      INTEGER NOT NULL,
            actor_id                TEXT    NOT NULL,
            actor_role              TEXT    NOT NULL,
            transition              TEXT    NOT NULL,
            from_status             TEXT    NULL,
            to_status               TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_gi_request_events_request ON gi_request_events (request_id, at);

        CREATE TABLE IF NOT EXISTS gi_request_channels (
            municipality            TEXT    NOT NULL PRIMARY KEY,
            channel_id              TEXT    NOT NULL,
            conversation_id         TEXT    NOT NULL,
            linked_by               TEXT    NOT NULL,
            linked_at               INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS gi_request_outbox (
            id                      TEXT    NOT NULL PRIMARY KEY,
            request_id              TEXT    NOT NULL,
            kind                    TEXT    NOT NULL,
            payload                 TEXT    NULL,
            attempts                INTEGER NOT NULL,
            next_attempt_at         INTEGER NOT NULL,
            lease_owner             TEXT    NULL,
            lease_until             INTEGER NULL,
            last_error              TEXT    NULL,
            created_at              INTEGER NOT NULL,
            seq                     INTEGER NOT NULL,
            done_at                 INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_gi_request_outbox_due ON gi_request_outbox (done_at, next_attempt_at);
        CREATE INDEX IF NOT EXISTS ix_gi_request_outbox_request ON gi_request_outbox (request_id);
        """);

    public static Migration Postgres { get; } = new(Version, Name, """
        CREATE TABLE IF NOT EXISTS gi_requests (
            id                      text        NOT NULL PRIMARY KEY,
            idempotency_key         text        NOT NULL UNIQUE,
            owner_id                text        NOT NULL,
            owner_name              text        NULL,
            owner_channel_id        text        NOT NULL,
            owner_conversation_id   text        NOT NULL,
            owner_locale            text        NULL,
            case_ref                text        NOT NULL,
            municipality            text        NOT NULL,
            kind                    text        NOT NULL,
            reason                  text        NOT NULL,
            safety                  text        NOT NULL,
            route_id                text        NULL,
            fields_json             text        NOT NULL,
            status                  text        NOT NULL,
            target_conversation_id  text        NULL,
            ticket_activity_id      text        NULL,
            picked_up_by            text        NULL,
            outcome                 text        NULL,
            created_at              timestamptz NOT NULL,
            updated_at              timestamptz NOT NULL,
            ticket_at               timestamptz NULL,
            picked_up_at            timestamptz NULL,
            closed_at               timestamptz NULL,
            version                 integer     NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_gi_requests_owner ON gi_requests (owner_id, status);
        CREATE INDEX IF NOT EXISTS ix_gi_requests_created ON gi_requests (created_at);

        CREATE TABLE IF NOT EXISTS gi_request_events (
            id                      text        NOT NULL PRIMARY KEY,
            request_id              text        NOT NULL,
            at                      timestamptz NOT NULL,
            actor_id                text        NOT NULL,
            actor_role              text        NOT NULL,
            transition              text        NOT NULL,
            from_status             text        NULL,
            to_status               text        NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_gi_request_events_request ON gi_request_events (request_id, at);

        CREATE TABLE IF NOT EXISTS gi_request_channels (
            municipality            text        NOT NULL PRIMARY KEY,
            channel_id              text        NOT NULL,
            conversation_id         text        NOT NULL,
            linked_by               text        NOT NULL,
            linked_at               timestamptz NOT NULL
        );

        CREATE TABLE IF NOT EXISTS gi_request_outbox (
            id                      text        NOT NULL PRIMARY KEY,
            request_id              text        NOT NULL,
            kind                    text        NOT NULL,
            payload                 text        NULL,
            attempts                integer     NOT NULL,
            next_attempt_at         timestamptz NOT NULL,
            lease_owner             text        NULL,
            lease_until             timestamptz NULL,
            last_error              text        NULL,
            created_at              timestamptz NOT NULL,
            seq                     bigint      NOT NULL,
            done_at                 timestamptz NULL
        );
        CREATE INDEX IF NOT EXISTS ix_gi_request_outbox_due ON gi_request_outbox (done_at, next_attempt_at);
        CREATE INDEX IF NOT EXISTS ix_gi_request_outbox_request ON gi_request_outbox (request_id);
        """);

    /// <summary>
    /// Migration 4: a burst of tickets for one channel is posted as one message (a bundle); a ticket leaves it for
    /// its own message when picked up. Same SQL for both providers.
    /// </summary>
    public static Migration TicketBundles { get; } = new(4, "requests: tickets bundled in one channel message during a burst", """
        ALTER TABLE gi_requests ADD COLUMN bundle_activity_id TEXT NULL;
        CREATE INDEX IF NOT EXISTS ix_gi_requests_bundle ON gi_requests (bundle_activity_id);
        """);
}
