namespace ExpertBot.Bot.Storage;

/// <summary>Append-only 👍/👎 records in <c>feedback</c>; never message text.</summary>
internal sealed class SqlFeedbackStore(StorageDatabase database) : IFeedbackStore
{
    public Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return database.WriteAsync("add feedback", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    INSERT INTO feedback (answer_id, vote, intent, route_id, conversation_type, at)
                    VALUES (@answer_id, @vote, @intent, @route_id, @conversation_type, @at);
                    """)
                .With("answer_id", feedback.AnswerId)
                .With("vote", feedback.Vote)
                .With("intent", feedback.Intent)
                .With("route_id", feedback.RouteId)
                .With("conversation_type", feedback.ConversationType)
                .With("at", database.ToDbTime(feedback.At));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Records with <paramref name="from"/> &lt;= At &lt; <paramref name="to"/>, oldest first.</summary>
    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<FeedbackRecord>>("list feedback", async (connection, ct) =>
        {
            await using var command = StorageDatabase.Command(connection, """
                    SELECT answer_id, vote, intent, route_id, conversation_type, at FROM feedback
                    WHERE at >= @from AND at < @to
                    ORDER BY at, id;
                    """)
                .With("from", database.ToDbTime(from))
                .With("to", database.ToDbTime(to));
            await using var reader = await command.ExecuteReaderAsync(ct);
            List<FeedbackRecord> records = [];
            while (await reader.ReadAsync(ct))
            {
                records.Add(new FeedbackRecord(
                    reader.GetString(0),
                    reader.GetInt32(1),
                    reader.GetString(2),
                    reader.GetNullableString(3),
                    reader.GetNullableString(4),
                    database.ReadTime(reader, 5)));
            }

            return records;
        }, cancellationToken);
}
