namespace Dashboard.Cli.Tests.Infrastructure;

/// <summary>Backdoor launch files sized for tests on two CPU cores.</summary>
public static class TestConfigurations
{
    /// <summary>About two seconds of training: 600 images, one epoch, one patch attack.</summary>
    public const string QuickYaml = """
        # A tiny run for tests.
        kind: backdoor
        name: cli quick run
        configuration:
          trainingSubsetSize: 600
          epochs: 1
          batchSize: 64
          modelWidth: 8
          attacks:
            - type: patch
              targetClass: 0
              poisonRatio: 0.02
              strength: 1
        """;

    /// <summary>A run long enough to act on while it trains: 2,000 images for 200 epochs.</summary>
    public const string LongJson = """
        {"kind":"backdoor","name":"cli long run","configuration":
          {"trainingSubsetSize":2000,"epochs":200,"batchSize":64,"modelWidth":8,
           "attacks":[{"type":"patch","targetClass":0,"poisonRatio":0.02,"strength":1}]}}
        """;

    /// <summary>Writes <paramref name="text"/> to a new temporary file with <paramref name="extension"/> and returns its path.</summary>
    public static string WriteFile(string text, string extension)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("dashboard-cli-file-").FullName, "run" + extension);
        File.WriteAllText(path, text);
        return path;
    }
}
