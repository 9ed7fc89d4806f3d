namespace Dashboard.Web.Tests.Infrastructure;

/// <summary>Backdoor configurations sized for tests on two CPU cores.</summary>
public static class TestConfigurations
{
    /// <summary>A run of about two seconds of training: 600 images, one epoch.</summary>
    public const string Quick = """
        {"trainingSubsetSize":600,"epochs":1,"batchSize":64,"modelWidth":8,
         "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1}]}
        """;

    /// <summary>A run long enough to act on while it trains: 2,000 images for 200 epochs.</summary>
    public const string Long = """
        {"trainingSubsetSize":2000,"epochs":200,"batchSize":64,"modelWidth":8,
         "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1}]}
        """;

    /// <summary>Two epochs on 3,000 images with both attacks: a few seconds with a steady stream of points.</summary>
    public const string TwoEpochs = """
        {"trainingSubsetSize":3000,"epochs":2,"batchSize":32,"modelWidth":8,
         "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1},
                    {"type":"blendRandom","targetClass":1,"poisonRatio":0.02,"strength":0.075}]}
        """;
}
