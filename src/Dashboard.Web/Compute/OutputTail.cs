using System.Text;

namespace Dashboard.Web.Compute;

/// <summary>The last lines a worker wrote to its standard output and error, kept for failure messages.</summary>
public sealed class OutputTail(int maxLines)
{
    private const int MaxLineLength = 2000;
    private readonly Queue<string> _lines = new();

    public void Append(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line.Length > MaxLineLength ? line[..MaxLineLength] + " …" : line);
            while (_lines.Count > maxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            var builder = new StringBuilder();
            foreach (var line in _lines)
            {
                builder.AppendLine(line);
            }

            return builder.ToString().TrimEnd();
        }
    }
}
