namespace ExpertBot.Bot.Storage.Sqlite;

/// <summary>
/// SQLite schema steps, in the same versions as <see cref="Postgres.PostgresSchema"/>. Times are INTEGER
/// microseconds since the Unix epoch (UTC). Append new steps; never edit an applied one.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.EnsureOrdered(
    [
        new(1, "initial: conversation references, processed activities, conversation state, feedback", """
            CREATE TABLE conversation_references (
                channel_id          TEXT    NOT NULL,
                conversation_id     TEXT    NOT NULL,
                service_url         TEXT    NOT NULL,
                conversation_type   TEXT    NULL,
                tenant_id           TEXT    NULL,
                bot_id              TEXT    NOT NULL,
                bot_name            TEXT    NULL,
                user_id             TEXT    NULL,
                user_aad_object_id  TEXT    NULL,
                team_id             TEXT    NULL,
                teams_channel_id    TEXT    NULL,
                locale              TEXT    NULL,
                activity_id         TEXT    NULL,
                status              TEXT    NOT NULL CHECK (status IN ('active', 'unreachable', 'revoked')),
                created_at          INTEGER NOT NULL,
                updated_at          INTEGER NOT NULL,
                PRIMARY KEY (channel_id, conversation_id)
            );
            CREATE INDEX ix_conversation_references_personal_user
                ON conversation_references (channel_id, user_id) WHERE conversation_type = 'personal';
            CREATE INDEX ix_conversation_references_personal_aad
                ON conversation_references (channel_id, user_aad_object_id) WHERE conversation_type = 'personal';

            CREATE TABLE processed_activities (
                conversation_id     TEXT    NOT NULL,
                activity_id         TEXT    NOT NULL,
                seen_at             INTEGER NOT NULL,
                PRIMARY KEY (conversation_id, activity_id)
            );
            CREATE INDEX ix_processed_activities_seen_at ON processed_activities (seen_at);

            CREATE TABLE conversation_state (
                state_key           TEXT    NOT NULL PRIMARY KEY,
                json                TEXT    NOT NULL,
                updated_at          INTEGER NOT NULL
            );
            CREATE INDEX ix_conversation_state_updated_at ON conversation_state (updated_at);

            CREATE TABLE feedback (
                id                  INTEGER NOT NULL PRIMARY KEY,
                answer_id           TEXT    NOT NULL,
                vote                INTEGER NOT NULL,
                intent              TEXT    NOT NULL,
                route_id            TEXT    NULL,
                conversation_type   TEXT    NULL,
                at                  INTEGER NOT NULL
            );
            CREATE INDEX ix_feedback_at ON feedback (at);
            """),
        new(2, "reminders and their nudges", """
            CREATE TABLE reminders (
                id                  TEXT    NOT NULL PRIMARY KEY,
                owner_id            TEXT    NOT NULL,
                channel_id          TEXT    NOT NULL,
                conversation_id     TEXT    NULL,
                kind                TEXT    NOT NULL CHECK (kind IN ('evaluation', 'engagement')),
                case_ref            TEXT    NULL,
                subject             TEXT    NULL,
                due_date            TEXT    NOT NULL,
                due_time            TEXT    NOT NULL,
                every_count         INTEGER NULL,
                every_unit          TEXT    NULL,
                until_date          TEXT    NULL,
                engagement_start    TEXT    NULL,
                request_id          TEXT    NULL,
                locale              TEXT    NULL,
                status              TEXT    NOT NULL CHECK (status IN ('active', 'done', 'cancelled')),
                created_at          INTEGER NOT NULL,
                updated_at          INTEGER NOT NULL
            );
            CREATE INDEX ix_reminders_owner ON reminders (owner_id, status, due_date);
            CREATE INDEX ix_reminders_open_engagements ON reminders (engagement_start) WHERE kind = 'engagement' AND status = 'active';

            -- available_at: when the nudge may be claimed: its due time, a retry's backoff, or (claimed) the lease expiry.
            CREATE TABLE reminder_nudges (
                id                  TEXT    NOT NULL PRIMARY KEY,
                reminder_id         TEXT    NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
                owner_id            TEXT    NOT NULL,
                kind                TEXT    NOT NULL CHECK (kind IN ('before', 'on_the_day', 'overdue', 'snooze', 'long_running')),
                occurrence          TEXT    NOT NULL,
                due_at              INTEGER NOT NULL,
                available_at        INTEGER NOT NULL,
                state               TEXT    NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'failed', 'superseded', 'cancelled')),
                claim_owner         TEXT    NULL,
                attempts            INTEGER NOT NULL DEFAULT 0,
                sent_at             INTEGER NULL,
                activity_id         TEXT    NULL,
                conversation_id     TEXT    NULL,
                last_error          TEXT    NULL
            );
            -- "Due and unclaimed (or lease expired)": a partial index keeps it small however many nudges were sent.
            CREATE INDEX ix_reminder_nudges_due ON reminder_nudges (available_at) WHERE state IN ('pending', 'claimed');
            CREATE INDEX ix_reminder_nudges_reminder ON reminder_nudges (reminder_id, state);
            CREATE INDEX ix_reminder_nudges_activity ON reminder_nudges (activity_id) WHERE activity_id IS NOT NULL;
            """),
        RequestsSchema.Sqlite,
        RequestsSchema.TicketBundles,
    ]);
}
