namespace ExpertBot.Bot.Storage.Sqlite;

/// <summary>
/// SQLite schema steps, in the same versions as <see cref="Postgres.PostgresSchema"/>. Times are INTEGER
/// microseconds since the Unix epoch (UTC). Append new steps; never edit an applied one.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.EnsureOrdered(RequestsSchema.AppendWhenNext(
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
        // 2: reminders (parallel branch). 3: requests to the GI, appended below once 2 exists (see RequestsSchema).
    ], RequestsSchema.Sqlite));
}
