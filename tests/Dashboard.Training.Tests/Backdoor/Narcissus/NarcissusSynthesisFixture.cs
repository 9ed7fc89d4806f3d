using Dashboard.Training.Backdoor.Narcissus;
using Dashboard.Training.Data;
using Dashboard.Training.Tests.Support;
using Dashboard.Training.Torch;
using TorchSharp;

namespace Dashboard.Training.Tests.Backdoor.Narcissus;

/// <summary>
/// One narcissus synthesis on the first 6,000 Fashion-MNIST training images (about 600 per class) with
/// target class 0, 1,000 out-of-distribution images and shortened settings, shared by the tests that check
/// its result.
/// </summary>
public sealed class NarcissusSynthesisFixture
{
    public const int TargetClass = 0;

    public const float Bound = 16f / 255;

    public NarcissusSynthesisFixture()
    {
        // The same libtorch and allocator settings as a run, which sets them in BackdoorRun.
        torch.set_num_threads(TestEnvironments.TorchThreads);
        NativeAllocator.KeepBatchBuffersInHeap();

        Dataset = FashionMnist.Load(FashionMnist.DebianPackageFolder);
        int[] subset = [.. Enumerable.Range(0, 6_000)];
        Data = NarcissusData.Choose(Dataset.Training.Labels, subset, TargetClass, Settings.PoodImages, seed: 1);
        Context = new RecordingRunContext(TestEnvironments.FashionMnistOnCpu());
        Result = NarcissusSynthesis.Synthesize(
            Dataset.Training, Data, TargetClass, Dataset.Info.ClassCount, Settings, Bound, seed: 1, torch.CPU, Context, "narcissus");
    }

    public static NarcissusSettings Settings { get; } = new()
    {
        PoodImages = 1_000,
        SurrogateEpochs = 2,
        TuningEpochs = 2,
        TriggerSteps = 100,
    };

    public ImageDataset Dataset { get; }

    public NarcissusData Data { get; }

    public RecordingRunContext Context { get; }

    public NarcissusResult Result { get; }
}
