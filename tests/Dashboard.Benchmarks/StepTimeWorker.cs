using System.Diagnostics;
using System.Text.Json;
using Dashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Benchmarks;

/// <summary>
/// The TorchSharp side of python/step_time_compare.py. Reads one command per line on standard input and
/// writes one JSON object per line on standard output, so that the script can alternate blocks of TorchSharp
/// and PyTorch steps in one run:
/// <c>threads N</c> sets libtorch's intra-op threads; <c>load MODEL BATCH SEED</c> builds the model and a fixed
/// random batch; <c>run STEPS</c> times that many <see cref="PlainTrainingLoop"/> steps; <c>quit</c> ends.
/// Errors are returned as <c>{"error": ...}</c> and the worker keeps reading.
/// </summary>
internal static class StepTimeWorker
{
    public const string Command = "step-worker";

    public static int Run()
    {
        // The product tunes glibc's malloc before every run; the script applies the same settings to PyTorch.
        bool allocatorTuned = NativeAllocator.KeepBatchBuffersInHeap();
        nn.Module<Tensor, Tensor>? model = null;
        PlainTrainingLoop? loop = null;
        try
        {
            while (Console.ReadLine() is { } line)
            {
                string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                if (words[0] == "quit")
                {
                    break;
                }

                object reply;
                try
                {
                    switch (words[0])
                    {
                        case "threads":
                            torch.set_num_threads(int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture));
                            reply = new { threads = torch.get_num_threads(), allocatorTuned };
                            break;
                        case "load":
                            loop?.Dispose();
                            model?.Dispose();
                            var definition = BenchmarkModel.Find(words[1]);
                            int batch = int.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture);
                            int seed = int.Parse(words[3], System.Globalization.CultureInfo.InvariantCulture);
                            torch.manual_seed(seed);
                            model = definition.Create();
                            loop = new PlainTrainingLoop(model, [batch, definition.Shape.Channels, definition.Shape.Height, definition.Shape.Width], definition.ClassCount, seed);
                            reply = new { parameters = BenchmarkModel.ParameterCount(model), input = loop.Images.shape, labels = loop.Labels.shape };
                            break;
                        case "run":
                            reply = TimeSteps(loop ?? throw new InvalidOperationException("Send 'load MODEL BATCH SEED' before 'run'."), int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        default:
                            throw new InvalidOperationException($"Unknown command '{words[0]}'; use threads, load, run or quit.");
                    }
                }
                catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
                {
                    reply = new { error = exception.Message };
                }

                Console.WriteLine(JsonSerializer.Serialize(reply));
            }
        }
        finally
        {
            loop?.Dispose();
            model?.Dispose();
        }

        return 0;
    }

    private static object TimeSteps(PlainTrainingLoop loop, int steps)
    {
        var seconds = new double[steps];
        var losses = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            losses[i] = loop.Step();
            seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return new { seconds, losses };
    }
}
