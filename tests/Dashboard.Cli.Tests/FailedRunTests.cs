using Dashboard.Cli.Tests.Infrastructure;

namespace Dashboard.Cli.Tests;

/// <summary>A run whose worker fails: the dataset files exist, so the launch is accepted, but they are not IDX files.</summary>
public sealed class FailedRunTests
{
    [Fact]
    public async Task FailingRunExitsOneWithMessage()
    {
        string corruptDataset = Directory.CreateTempSubdirectory("dashboard-cli-corrupt-dataset-").FullName;
        try
        {
            foreach (string name in new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" })
            {
                File.WriteAllText(Path.Combine(corruptDataset, name + ".gz"), "not an IDX file");
            }

            using var server = new CliTestServer(new Dictionary<string, string?> { ["Datasets:fashion-mnist"] = corruptDataset });
            string file = TestConfigurations.WriteFile(TestConfigurations.QuickYaml, ".yaml");

            var result = await CliRunner.RunAsync("launch", file, "--server", server.Address);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains("Failed", result.Output);
            Assert.Contains("Failed to read Fashion-MNIST", result.Error);
        }
        finally
        {
            Directory.Delete(corruptDataset, recursive: true);
        }
    }
}
