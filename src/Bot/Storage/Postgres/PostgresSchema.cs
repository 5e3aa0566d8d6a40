namespace ExpertBot.Bot.Storage.Postgres;

/// <summary>
/// PostgreSQL schema steps, in the same versions as <see cref="Sqlite.SqliteSchema"/>. Tables live in the
/// connection's search_path. Append new steps; never edit an applied one.
/// </summary>
internal static class PostgresSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } = Migration.EnsureOrdered(RequestsSchema.AppendWhenNext(
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
        // 2: reminders (parallel branch). 3: requests to the GI, appended below once 2 exists (see RequestsSchema).
    ], RequestsSchema.Postgres));
}
