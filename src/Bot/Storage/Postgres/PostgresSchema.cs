namespace ExpertBot.Bot.Storage.Postgres;

/// <summary>
/// PostgreSQL schema steps, in the same versions as <see cref="Sqlite.SqliteSchema"/>. Tables live in the
/// connection's search_path. Append new steps; never edit an applied one.
/// </summary>
internal static class PostgresSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.EnsureOrdered(
    [
        new(1, "initial: conversation references, processed activities, conversation state, feedback", """
            CREATE TABLE conversation_references (
                channel_id          text        NOT NULL,
                conversation_id     text        NOT NULL,
                service_url         text        NOT NULL,
                conversation_type   text        NULL,
                tenant_id           text        NULL,
                bot_id              text        NOT NULL,
                bot_name            text        NULL,
                user_id             text        NULL,
                user_aad_object_id  text        NULL,
                team_id             text        NULL,
                teams_channel_id    text        NULL,
                locale              text        NULL,
                activity_id         text        NULL,
                status              text        NOT NULL CHECK (status IN ('active', 'unreachable', 'revoked')),
                created_at          timestamptz NOT NULL,
                updated_at          timestamptz NOT NULL,
                PRIMARY KEY (channel_id, conversation_id)
            );
            CREATE INDEX ix_conversation_references_personal_user
                ON conversation_references (channel_id, user_id) WHERE conversation_type = 'personal';
            CREATE INDEX ix_conversation_references_personal_aad
                ON conversation_references (channel_id, user_aad_object_id) WHERE conversation_type = 'personal';

            CREATE TABLE processed_activities (
                conversation_id     text        NOT NULL,
                activity_id         text        NOT NULL,
                seen_at             timestamptz NOT NULL,
                PRIMARY KEY (conversation_id, activity_id)
            );
            CREATE INDEX ix_processed_activities_seen_at ON processed_activities (seen_at);

            -- Opaque JSON as text, not jsonb: returned byte for byte as it was stored.
            CREATE TABLE conversation_state (
                state_key           text        NOT NULL PRIMARY KEY,
                json                text        NOT NULL,
                updated_at          timestamptz NOT NULL
            );
            CREATE INDEX ix_conversation_state_updated_at ON conversation_state (updated_at);

            CREATE TABLE feedback (
                id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                answer_id           text        NOT NULL,
                vote                integer     NOT NULL,
                intent              text        NOT NULL,
                route_id            text        NULL,
                conversation_type   text        NULL,
                at                  timestamptz NOT NULL
            );
            CREATE INDEX ix_feedback_at ON feedback (at);
            """),
        new(2, "reminders and their nudges", """
            CREATE TABLE reminders (
                id                  text    NOT NULL PRIMARY KEY,
                owner_id            text    NOT NULL,
                channel_id          text    NOT NULL,
                conversation_id     text    NULL,
                kind                text    NOT NULL CHECK (kind IN ('evaluation', 'engagement')),
                case_ref            text    NULL,
                subject             text    NULL,
                due_date            text    NOT NULL,
                due_time            text    NOT NULL,
                every_count         integer NULL,
                every_unit          text    NULL,
                until_date          text    NULL,
                engagement_start    text    NULL,
                request_id          text    NULL,
                locale              text    NULL,
                status              text    NOT NULL CHECK (status IN ('active', 'done', 'cancelled')),
                created_at          timestamptz NOT NULL,
                updated_at          timestamptz NOT NULL
            );
            CREATE INDEX ix_reminders_owner ON reminders (owner_id, status, due_date);
            CREATE INDEX ix_reminders_open_engagements ON reminders (engagement_start) WHERE kind = 'engagement' AND status = 'active';

            -- available_at: when the nudge may be claimed: its due time, a retry's backoff, or (claimed) the lease expiry.
            CREATE TABLE reminder_nudges (
                id                  text    NOT NULL PRIMARY KEY,
                reminder_id         text    NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
                owner_id            text    NOT NULL,
                kind                text    NOT NULL CHECK (kind IN ('before', 'on_the_day', 'overdue', 'snooze', 'long_running')),
                occurrence          text    NOT NULL,
                due_at              timestamptz NOT NULL,
                available_at        timestamptz NOT NULL,
                state               text    NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'failed', 'superseded', 'cancelled')),
                claim_owner         text    NULL,
                attempts            integer NOT NULL DEFAULT 0,
                sent_at             timestamptz NULL,
                activity_id         text    NULL,
                conversation_id     text    NULL,
                last_error          text    NULL
            );
            -- "Due and unclaimed (or lease expired)": a partial index keeps it small however many nudges were sent.
            CREATE INDEX ix_reminder_nudges_due ON reminder_nudges (available_at) WHERE state IN ('pending', 'claimed');
            CREATE INDEX ix_reminder_nudges_reminder ON reminder_nudges (reminder_id, state);
            CREATE INDEX ix_reminder_nudges_activity ON reminder_nudges (activity_id) WHERE activity_id IS NOT NULL;
            """),
        RequestsSchema.Postgres,
        RequestsSchema.TicketBundles,
    ]);
}
