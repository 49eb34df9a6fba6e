namespace HealthGrid.Storage.Ingest;

/// <summary>The journal could not make events durable, or does not know whether it did.</summary>
public sealed class JournalUnavailableException : Exception
{
    public JournalUnavailableException()
    {
    }

    public JournalUnavailableException(string message)
        : base(message)
    {
    }

    public JournalUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
