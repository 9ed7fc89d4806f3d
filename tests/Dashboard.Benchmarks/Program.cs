using System.Globalization;
using Dashboard.Benchmarks;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;

const string Usage = """
    Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- COMMAND [options]

    Commands (each prints its own options when given an unknown one):
      epoch              a backdoor configuration's per-epoch times, memory, accuracy and ASR (options below)
      model-speed        training steps of each model on random images, extrapolated to an epoch
      defence            one run per defence: clean accuracy, ASR, detection quality and time
      trainer-overhead   the product's ClassifierTrainer against a bare TorchSharp loop, per step
      epoch-profile      epoch time on all of Fashion-MNIST and the share of a step outside libtorch calls
      memory             resident memory after each epoch of the default configuration
      throughput         dense-kernel GFLOP/s (matrix product, convolution) and each model's share of it
      step-worker        the TorchSharp side of python/step_time_compare.py (commands on standard input)

    epoch [options]

    Trains a backdoor configuration (by default patch + blend random on Fashion-MNIST) and prints per-epoch
    training and evaluation seconds, resident memory, clean accuracy and ASR per attack, then the summary.

    Options:
      --preset ID     start from the preset with this id, such as paper-all-attacks (default: reference);
                      the other options then change it
      --epochs N      epochs to train (default: the configuration's default)
      --subset N      training images (default: all 60,000)
      --width N       model width, the first convolution's channels
      --ratio R       poison ratio of every attack (default 0.01)
      --threads N     libtorch intra-op threads (default: libtorch's choice)
      --seed N        run seed
      --data FOLDER   Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist)
    """;

if (args.Length > 0 && args[0] == ModelSpeedBenchmark.Command) return ModelSpeedBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == DefenceBenchmark.Command) return DefenceBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == StepTimeWorker.Command) return StepTimeWorker.Run();
if (args.Length > 0 && args[0] == TrainerOverheadBenchmark.Command) return TrainerOverheadBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == EpochProfileBenchmark.Command) return EpochProfileBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == ThroughputBenchmark.Command) return ThroughputBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == MemoryBenchmark.Command) return MemoryBenchmark.Run(args[1..]);

if (args.Length == 0 || args[0] != "epoch")
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var configuration = new BackdoorConfiguration();
int presetOption = Array.IndexOf(args, "--preset");
if (presetOption > 0 && presetOption + 1 < args.Length)
{
    string id = args[presetOption + 1];
    var preset = BackdoorPresets.All.FirstOrDefault(p => p.Id == id);
    if (preset is null)
    {
        Console.Error.WriteLine($"Unknown preset '{id}'; known presets: {string.Join(", ", BackdoorPresets.All.Select(p => p.Id))}.");
        return 2;
    }

    configuration = (BackdoorConfiguration)preset.Create();
}

int threads = 0;
string folder = FashionMnist.DebianPackageFolder;
for (int i = 1; i < args.Length; i++)
{
    string option = args[i];
    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Option {option} needs a value.\n\n{Usage}");
        return 2;
    }

    string value = args[++i];
    switch (option)
    {
        case "--epochs": configuration.Epochs = ParseCount(value, option); break;
        case "--subset": configuration.TrainingSubsetSize = ParseCount(value, option); break;
        case "--width": configuration.ModelWidth = ParseCount(value, option); break;
        case "--threads": threads = ParseCount(value, option); break;
        case "--seed": configuration.Seed = ParseCount(value, option); break;
        case "--data": folder = value; break;
        case "--preset": break;
        case "--ratio":
            double ratio = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            configuration.Attacks.ForEach(attack => attack.PoisonRatio = ratio);
            break;
        default:
            Console.Error.WriteLine($"Unknown option {option}.\n\n{Usage}");
            return 2;
    }
}

var kind = new BackdoorExperiment();
var errors = kind.Validate(configuration);
if (errors.Count > 0)
{
    foreach (FieldError error in errors)
    {
        Console.Error.WriteLine($"{error.Path}: {error.Message}");
    }

    return 2;
}

var environment = new RunEnvironment
{
    DatasetPaths = new Dictionary<string, string> { [FashionMnist.DatasetId] = folder },
    Device = "auto",
    TorchThreads = threads,
};

try
{
    return EpochBenchmark.Run(configuration, environment);
}
catch (RunFailedException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

static int ParseCount(string value, string option) =>
    int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 0
        ? number
        : throw new ArgumentException($"{option} needs a whole number; got '{value}'.");
