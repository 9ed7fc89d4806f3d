using Dashboard.Core.Runs;

namespace Dashboard.Storage.Tests;

/// <summary>Run records for tests: <see cref="Create"/> sets the required fields, <see cref="Complete"/> sets every field.</summary>
public static class SampleRuns
{
    public static readonly DateTimeOffset Epoch = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const string Configuration = """{"epochs":5,"learningRate":0.01,"trigger":{"kind":"patch","size":3}}""";

    public static RunRecord Create(
        string id,
        string name = "baseline",
        string kind = "backdoor",
        RunStatus status = RunStatus.Queued,
        int minute = 0,
        string configurationJson = Configuration) => new()
    {
        Id = id,
        Name = name,
        Kind = kind,
        ConfigurationJson = configurationJson,
        Status = status,
        CreatedAt = Epoch.AddMinutes(minute),
    };

    /// <summary>A finished run with every field of <see cref="RunRecord"/> set to a distinctive value.</summary>
    public static RunRecord Complete(string id) => new()
    {
        Id = id,
        Name = "Full run",
        Kind = "backdoor",
        ConfigurationJson = """{ "epochs": 5, "learningRate": 0.001, "targetClass": 7 }""",
        Status = RunStatus.Completed,
        CreatedAt = Epoch.AddTicks(1234567),
        StartedAt = Epoch.AddMinutes(1).AddTicks(7),
        EndedAt = Epoch.AddMinutes(9).AddTicks(3),
        Progress = 0.75,
        Phase = "epoch 3 of 5",
        Device = "cuda:0",
        Summary = new RunSummary
        {
            HeadlineKey = "asr",
            Measures =
            [
                new SummaryMeasure("accuracy", "Clean accuracy", 0.912, MeasureFormat.Percent),
                new SummaryMeasure("asr", "Attack success rate", 0.987, MeasureFormat.Percent, "patch"),
                new SummaryMeasure("seconds", "Training time", 481.5, MeasureFormat.Seconds, "timing"),
                new SummaryMeasure("poisoned", "Poisoned samples", 600, MeasureFormat.Integer),
            ],
        },
        Error = "worker exited with status 3",
        WorkerProcessId = 4242,
        GroupId = "group7",
        Artifacts =
        [
            new ArtifactInfo("model.pt", "application/octet-stream", 123456, Epoch.AddMinutes(9)),
            new ArtifactInfo("confusion.png", "image/png", 2048, Epoch.AddMinutes(9).AddTicks(11)),
        ],
    };
}
