namespace Dashboard.Browser.Tests.Infrastructure;

/// <summary>Backdoor experiment configurations small enough for a two-core machine without a GPU.</summary>
public static class TestConfigurations
{
    /// <summary>600 images for one epoch: a few seconds of training after the worker has started.</summary>
    public const string Quick = """
        {"trainingSubsetSize":600,"epochs":1,"batchSize":64,"modelWidth":8,
         "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1}]}
        """;

    /// <summary>
    /// Form values for a run that trains long enough to watch its charts grow: 3,000 images for 5 epochs
    /// in batches of 32 (1 to 3 s per epoch on two cores), keyed by each field's data-path.
    /// </summary>
    public static readonly IReadOnlyList<(string Path, string Value)> WatchableFormValues =
    [
        ("trainingSubsetSize", "3000"),
        ("epochs", "5"),
        ("batchSize", "32"),
        ("modelWidth", "8"),
        ("attacks[0].poisonRatio", "0.02"),
    ];
}
