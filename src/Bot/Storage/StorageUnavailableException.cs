namespace ExpertBot.Bot.Storage;

/// <summary>
/// The store cannot be used right now (disk full, I/O error, database unreachable, lock timeout). The operation
/// did not take effect; callers may catch this, tell the user to try again later, and retry.
/// </summary>
internal sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
