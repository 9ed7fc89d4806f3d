namespace Dashboard.Core.Experiments;

/// <summary>
/// A run failure whose message is written for the user (a missing dataset, an invalid file) and is shown
/// on the run page as it is, without a stack trace.
/// </summary>
public sealed class RunFailedException : Exception
{
    public RunFailedException(string message)
        : base(message)
    {
    }

    public RunFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
