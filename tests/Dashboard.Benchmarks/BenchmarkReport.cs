using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using TorchSharp;

namespace Dashboard.Benchmarks;

/// <summary>
/// Collects one benchmark's tables, notes and raw values, prints each as it is added, and writes
/// <c>NAME.json</c> and <c>NAME.md</c> to the results folder. The machine and libtorch settings are recorded
/// with the results so that copied numbers keep their context.
/// </summary>
internal sealed class BenchmarkReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly string _name;
    private readonly string _description;
    private readonly Dictionary<string, object?> _setup = [];
    private readonly List<ResultTable> _tables = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, object?> _data = [];

    public BenchmarkReport(string name, string description, bool quick)
    {
        _name = name;
        _description = description;
        _setup["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        _setup["mode"] = quick ? "quick" : "full";
        _setup["cpu"] = CpuModel();
        _setup["logicalCpus"] = Environment.ProcessorCount;
        _setup["libtorchThreads"] = torch.get_num_threads();
        _setup["torchSharp"] = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        _setup["dotnet"] = Environment.Version.ToString();
        _setup["command"] = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));

        Console.WriteLine($"== {name}: {description}");
        Console.WriteLine(string.Join(", ", _setup.Select(pair => $"{pair.Key} {pair.Value}")));
    }

    public void Setup(string key, object? value)
    {
        _setup[key] = value;
        Console.WriteLine($"{key}: {value}");
    }

    public void Add(ResultTable table)
    {
        _tables.Add(table);
        Console.WriteLine();
        Console.Write(table.ToText());
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine(note);
    }

    public void Data(string key, object? value) => _data[key] = value;

    /// <summary>Writes the JSON and Markdown files when <paramref name="folder"/> is set, creating it if needed.</summary>
    public void Write(string? folder)
    {
        if (folder is null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var json = new Dictionary<string, object?>
        {
            ["benchmark"] = _name,
            ["description"] = _description,
            ["setup"] = _setup,
            ["tables"] = _tables.Select(table => new { title = table.Title, rows = table.Rows() }),
            ["notes"] = _notes,
            ["data"] = _data,
        };
        string jsonPath = Path.Combine(folder, _name + ".json");
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(json, JsonOptions));

        var markdown = new StringBuilder().AppendLine($"## {_name}").AppendLine().AppendLine(_description).AppendLine();
        markdown.AppendLine(string.Join(", ", _setup.Select(pair => $"{pair.Key}: {pair.Value}"))).AppendLine();
        foreach (var table in _tables)
        {
            markdown.AppendLine(table.ToMarkdown());
        }

        foreach (string note in _notes)
        {
            markdown.AppendLine($"- {note}");
        }

        string markdownPath = Path.Combine(folder, _name + ".md");
        File.WriteAllText(markdownPath, markdown.ToString());
        Console.WriteLine($"Results written to {jsonPath} and {markdownPath}.");
    }

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        string? line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? "unknown" : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
