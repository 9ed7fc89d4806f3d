using System.Text;
using System.Text.Json;

namespace Dashboard.Web.Benchmarks.Infrastructure;

/// <summary>
/// Collects the tables of one invocation, prints each as it is added, and writes them all to
/// <c>results.json</c> and <c>results.md</c> in the output folder.
/// </summary>
public sealed class ResultReport(BenchmarkSettings settings)
{
    private readonly List<ResultTable> _tables = [];

    /// <summary>Named measured values with their targets, for scripts that check results.</summary>
    private readonly List<TargetCheck> _targets = [];

    public void Add(ResultTable table)
    {
        _tables.Add(table);
        Console.WriteLine();
        Console.WriteLine(table.ToText());
        Save();
    }

    /// <summary>Records whether a measured value meets its target; <paramref name="lowerIsBetter"/> sets the direction.</summary>
    public void Target(string name, double measured, double target, string unit, bool lowerIsBetter)
    {
        bool met = lowerIsBetter ? measured < target : measured >= target;
        _targets.Add(new TargetCheck(name, measured, target, unit, lowerIsBetter ? "below" : "at least", met));
    }

    /// <summary>Prints the target checks and writes the result files.</summary>
    public void Finish()
    {
        if (_targets.Count > 0)
        {
            var table = new ResultTable("targets", "Targets", "measure", "measured", "target", "met");
            foreach (var check in _targets)
            {
                table.AddRow(check.Name, $"{Math.Round(check.Measured, 2)} {check.Unit}", $"{check.Direction} {check.Target} {check.Unit}", check.Met ? "yes" : "NO");
            }

            _tables.Add(table);
            Console.WriteLine();
            Console.WriteLine(table.ToText());
        }

        Save();
        Console.WriteLine($"Results written to {settings.OutputDirectory}");
    }

    private void Save()
    {
        Directory.CreateDirectory(settings.OutputDirectory);
        var document = new
        {
            machine = MachineDescription.Describe(),
            mode = settings.Quick ? "quick" : "full",
            finishedAt = DateTimeOffset.UtcNow,
            tables = _tables.Select(table => new { table.Key, table.Title, table.Columns, table.Rows, table.Notes }),
            targets = _targets,
        };
        File.WriteAllText(
            Path.Combine(settings.OutputDirectory, "results.json"),
            JsonSerializer.Serialize(document, new JsonSerializerOptions
            {
                WriteIndented = true,
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
            }));

        var markdown = new StringBuilder();
        markdown.AppendLine("# Dashboard benchmark results");
        markdown.AppendLine();
        markdown.AppendLine($"Mode: {(settings.Quick ? "quick" : "full")}. Machine: {MachineDescription.Describe()}.");
        markdown.AppendLine();
        foreach (var table in _tables)
        {
            markdown.Append(table.ToMarkdown());
        }

        File.WriteAllText(Path.Combine(settings.OutputDirectory, "results.md"), markdown.ToString());
    }

    private sealed record TargetCheck(string Name, double Measured, double Target, string Unit, string Direction, bool Met);
}
