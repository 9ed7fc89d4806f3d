using System.Globalization;

namespace Dashboard.Benchmarks;

/// <summary>
/// Options shared by the training-speed benchmarks: <c>--quick</c> (fewer repeats, a few minutes in all),
/// <c>--out DIR</c> (folder for the JSON and Markdown results), <c>--threads N</c> (libtorch intra-op threads),
/// plus the value options a benchmark names. Invalid input raises <see cref="ArgumentException"/>.
/// </summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> _values = [];

    private BenchmarkArguments()
    {
    }

    public bool Quick { get; private init; }

    public string? OutputFolder => _values.GetValueOrDefault("--out");

    /// <summary>libtorch intra-op threads; 0 keeps libtorch's default.</summary>
    public int Threads => _values.ContainsKey("--threads") ? Count("--threads", 0, 0) : 0;

    public static BenchmarkArguments Parse(string[] args, params string[] valueOptions)
    {
        var known = valueOptions.Concat(["--out", "--threads"]).ToHashSet(StringComparer.Ordinal);
        bool quick = false;
        var parsed = new Dictionary<string, string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
                continue;
            }

            if (!known.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown option {args[i]}.");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option {args[i]} needs a value.");
            }

            parsed[args[i]] = args[++i];
        }

        var arguments = new BenchmarkArguments { Quick = quick };
        foreach (var (option, value) in parsed)
        {
            arguments._values[option] = value;
        }

        return arguments;
    }

    public string? Value(string option) => _values.GetValueOrDefault(option);

    /// <summary>Returns the option's whole number above 0, or <paramref name="quick"/> / <paramref name="full"/> by mode when it is absent.</summary>
    public int Count(string option, int quick, int full)
    {
        if (!_values.TryGetValue(option, out string? value))
        {
            return Quick ? quick : full;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new ArgumentException($"{option} needs a whole number above 0; got '{value}'.");
    }

    /// <summary>Returns the comma-separated whole numbers of the option, or <paramref name="defaults"/> when it is absent.</summary>
    public int[] Counts(string option, int[] defaults)
    {
        if (!_values.TryGetValue(option, out string? value))
        {
            return defaults;
        }

        return value.Split(',').Select(part =>
            int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
                ? number
                : throw new ArgumentException($"{option} needs comma-separated whole numbers above 0; got '{value}'.")).ToArray();
    }
}
