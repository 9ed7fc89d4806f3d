namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>The last lines a process printed, kept so that a failing test can show them.</summary>
public sealed class LogTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>Returns the kept lines joined by newlines, oldest first.</summary>
    public string Text()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
