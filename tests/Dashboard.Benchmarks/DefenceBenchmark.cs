using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;
using Dashboard.Training.Defences;

namespace Dashboard.Benchmarks;

/// <summary>
/// Runs one backdoor configuration once per defence and prints each run's clean accuracy, per-attack and
/// average ASR, detection AUC, precision and recall of the removed set, the undefended model's results and
/// the wall-clock and process CPU seconds. Process CPU seconds matter on a shared machine, where other
/// processes inflate the wall-clock time.
/// </summary>
internal static class DefenceBenchmark
{
    public const string Command = "defence";

    private const string Usage = """
        Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- defence [options]

        Trains a backdoor configuration once per defence, with each defence's default parameters, and prints
        the final measures of every run, then one table row per defence.

        Options:
          --defences LIST        comma-separated JSON names: none, badLoss, spectralSignatures,
                                 activationClustering, antiBackdoorLearning (default: all five)
          --preset ID            start from this preset, such as paper-all-attacks (default: reference)
          --epochs N             epochs of the final model (default: the preset's)
          --trajectory-epochs N  BaDLoss trajectory epochs (default 30)
          --subset N             training images (default: the preset's, all 60,000 for Fashion-MNIST)
          --threads N            libtorch intra-op threads (default: libtorch's choice)
          --seed N               run seed (default: the preset's)
          --data FOLDER          Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist)
        """;

    public static int Run(string[] args)
    {
        var defences = Enum.GetValues<DefenceKind>().ToList();
        string presetId = BackdoorPresets.ReferenceId;
        var overrides = new List<Action<BackdoorConfiguration>>();
        int threads = 0;
        string folder = FashionMnist.DebianPackageFolder;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Option {args[i]} needs a value.\n\n{Usage}");
                return 2;
            }

            string value = args[i + 1];
            try
            {
                switch (args[i])
                {
                    case "--defences": defences = [.. value.Split(',').Select(ParseDefence)]; break;
                    case "--preset": presetId = value; break;
                    case "--epochs":
                        int epochs = ParsePositive(value, args[i]);
                        overrides.Add(c => c.Epochs = epochs);
                        break;
                    case "--trajectory-epochs":
                        int trajectoryEpochs = ParsePositive(value, args[i]);
                        overrides.Add(c => c.Defence.TrajectoryEpochs = trajectoryEpochs);
                        break;
                    case "--subset":
                        int subset = ParsePositive(value, args[i]);
                        overrides.Add(c => c.TrainingSubsetSize = subset);
                        break;
                    case "--seed":
                        int seed = ParsePositive(value, args[i]);
                        overrides.Add(c => c.Seed = seed);
                        break;
                    case "--threads": threads = ParsePositive(value, args[i]); break;
                    case "--data": folder = value; break;
                    default:
                        Console.Error.WriteLine($"Unknown option {args[i]}.\n\n{Usage}");
                        return 2;
                }
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
                return 2;
            }
        }

        var preset = BackdoorPresets.All.FirstOrDefault(p => p.Id == presetId);
        if (preset is null)
        {
            Console.Error.WriteLine($"Unknown preset '{presetId}'; known presets: {string.Join(", ", BackdoorPresets.All.Select(p => p.Id))}.");
            return 2;
        }

        var environment = new RunEnvironment
        {
            DatasetPaths = new Dictionary<string, string> { [FashionMnist.DatasetId] = folder },
            Device = "auto",
            TorchThreads = threads,
        };

        var rows = new List<(DefenceKind Defence, RunSummary Summary, double Wall, double Cpu)>();
        foreach (var defence in defences)
        {
            var configuration = (BackdoorConfiguration)preset.Create();
            overrides.ForEach(apply => apply(configuration));
            configuration.Defence.Kind = defence;
            if (RunOne(configuration, environment) is not { } result)
            {
                return 1;
            }

            rows.Add((defence, result.Summary, result.Wall, result.Cpu));
        }

        PrintTable(rows);
        return 0;
    }

    private static (RunSummary Summary, double Wall, double Cpu)? RunOne(BackdoorConfiguration configuration, RunEnvironment environment)
    {
        var kind = new BackdoorExperiment();
        var errors = kind.Validate(configuration);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"{error.Path}: {error.Message}");
            }

            return null;
        }

        string defence = ConfigurationSchema.EnumJsonValue(configuration.Defence.Kind);
        Console.WriteLine(
            $"== Defence {defence}: {configuration.TrainingSubsetSize} images, {configuration.Attacks.Count} attacks, "
            + $"{configuration.Epochs} final epochs, seed {configuration.Seed}.");

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var context = new ConsoleRunContext(environment, (_, _, _, _) => { });
            var summary = kind.Run(configuration, context);
            process.Refresh();
            double wall = stopwatch.Elapsed.TotalSeconds;
            double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(Invariant($"Defence {defence} finished in {wall:F1} s wall-clock, {cpu:F1} s process CPU."));
            foreach (var measure in summary.Measures)
            {
                Console.WriteLine(Invariant($"  {measure.Key,-36} {measure.Value:G6}"));
            }

            return (summary, wall, cpu);
        }
        catch (RunFailedException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return null;
        }
    }

    private static void PrintTable(List<(DefenceKind Defence, RunSummary Summary, double Wall, double Cpu)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("defence               clean   avg ASR  AUC     prec    recall  before ASR  wall s  cpu s  per-attack ASR");
        foreach (var (defence, summary, wall, cpu) in rows)
        {
            string attacks = string.Join(", ", summary.Measures
                .Where(m => m.Key.StartsWith("asr/", StringComparison.Ordinal))
                .Select(m => Invariant($"{m.Key[4..]} {m.Value:P1}")));
            Console.WriteLine(Invariant(
                $"{ConfigurationSchema.EnumJsonValue(defence),-21} {Percent(summary, BackdoorSummary.CleanAccuracyKey),6}  {Percent(summary, BackdoorSummary.AverageAsrKey),7}  {Number(summary, DefenceSummary.AucKey),6}  {Percent(summary, DefenceSummary.PrecisionKey),6}  {Percent(summary, DefenceSummary.RecallKey),6}  {Percent(summary, DefenceSummary.BeforeAverageAsrKey),10}  {wall,6:F0}  {cpu,5:F0}  {attacks}"));
        }
    }

    private static string Percent(RunSummary summary, string key) =>
        summary.Find(key) is { } measure ? measure.Value.ToString("P1", CultureInfo.InvariantCulture) : "-";

    private static string Number(RunSummary summary, string key) =>
        summary.Find(key) is { } measure ? measure.Value.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static DefenceKind ParseDefence(string name)
    {
        foreach (var kind in Enum.GetValues<DefenceKind>())
        {
            if (ConfigurationSchema.EnumJsonValue(kind) == name)
            {
                return kind;
            }
        }

        string known = string.Join(", ", Enum.GetValues<DefenceKind>().Select(kind => ConfigurationSchema.EnumJsonValue(kind)));
        throw new ArgumentException($"Unknown defence '{name}'; use {known}.");
    }

    private static int ParsePositive(string value, string option) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new ArgumentException($"{option} needs a positive whole number; got '{value}'.");
}
