using System.Globalization;
using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;

namespace Dashboard.Benchmarks;

/// <summary>
/// Runs the default backdoor configuration through the product (poisoning, training, evaluation after every
/// epoch) and reads the process's resident memory (VmRSS in /proc/self/status) and the managed heap after
/// each epoch's evaluation. The target is resident memory flat within 10% from epoch 2 to the last epoch:
/// the largest minus the smallest reading, relative to epoch 2.
/// </summary>
internal static class MemoryBenchmark
{
    public const string Command = "memory";

    private const double FlatnessTarget = 0.10;

    private const string Usage = """
        Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- memory [options]

        Trains the default backdoor configuration and prints resident memory after every epoch, then whether it
        stayed flat within 10% from epoch 2 on.

        Options:
          --quick         5 epochs (default: 20)
          --epochs N      epochs to train (at least 3)
          --subset N      training images (default: all 60,000)
          --threads N     libtorch intra-op threads (default: libtorch's choice)
          --data FOLDER   Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist)
          --out DIR       also write memory.json and memory.md to DIR
        """;

    public static int Run(string[] args)
    {
        BenchmarkArguments arguments;
        int threads;
        var configuration = new BackdoorConfiguration();
        try
        {
            arguments = BenchmarkArguments.Parse(args, "--epochs", "--subset", "--data");
            threads = arguments.Threads;
            configuration.Epochs = arguments.Count("--epochs", 5, 20);
            configuration.TrainingSubsetSize = arguments.Count("--subset", configuration.TrainingSubsetSize, configuration.TrainingSubsetSize);
            if (configuration.Epochs < 3)
            {
                throw new ArgumentException($"--epochs needs at least 3 epochs to compare epoch 2 with later ones; got {configuration.Epochs}.");
            }
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
            return 2;
        }

        var environment = new RunEnvironment
        {
            DatasetPaths = new Dictionary<string, string> { [FashionMnist.DatasetId] = arguments.Value("--data") ?? FashionMnist.DebianPackageFolder },
            Device = "cpu",
            TorchThreads = threads,
        };
        var report = new BenchmarkReport(Command, "Resident memory after every epoch of the default backdoor configuration.", arguments.Quick);
        report.Setup("configuration", $"{configuration.TrainingSubsetSize} images, {configuration.Epochs} epochs, batch {configuration.BatchSize}, small CNN width {configuration.ModelWidth}");

        var table = new ResultTable("Memory after each epoch's evaluation", "epoch", "training s", "resident MiB", "managed heap MiB");
        var resident = new List<double>();
        var epochSeconds = 0.0;
        var context = new ConsoleRunContext(environment, (metric, step, epoch, value) =>
        {
            if (metric == BackdoorMetrics.EpochSeconds)
            {
                epochSeconds = value;
            }
            else if (metric == BackdoorMetrics.EvalSeconds)
            {
                double mebibytes = ProcessMemory.ResidentMebibytes() ?? double.NaN;
                resident.Add(mebibytes);
                table.Add((int)epoch, epochSeconds, mebibytes, GC.GetTotalMemory(forceFullCollection: false) / 1048576.0);
            }
        });

        try
        {
            new BackdoorExperiment().Run(configuration, context);
        }
        catch (RunFailedException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }

        report.Add(table);
        var fromSecond = resident.Skip(1).ToList();
        double spread = (fromSecond.Max() - fromSecond.Min()) / fromSecond[0];
        double growth = (fromSecond[^1] - fromSecond[0]) / fromSecond[0];
        report.Note(string.Create(
            CultureInfo.InvariantCulture,
            $"From epoch 2 to epoch {resident.Count}: resident memory {fromSecond.Min():F0} to {fromSecond.Max():F0} MiB, a spread of {spread:P1} of epoch 2 (target at most {FlatnessTarget:P0}: {(spread <= FlatnessTarget ? "met" : "not met")}); last epoch against epoch 2: {growth:+0.0%;-0.0%}."));
        report.Data("residentMebibytes", resident);
        report.Write(arguments.OutputFolder);
        return 0;
    }
}
