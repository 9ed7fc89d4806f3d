using Dashboard.Core.Metrics;
using Dashboard.Core.Protocol;
using Dashboard.Worker;

namespace Dashboard.Web.Tests.Units;

public sealed class WorkerMessagesTests
{
    [Fact]
    public void SplitKeepsEveryMessageUnderPointLimit()
    {
        MetricBatch[] batches = [Batch("train/loss", 1000), Batch("train/learning_rate", 1000), Batch("test/asr/patch", 3)];

        var messages = WorkerRunContext.SplitForMessages(batches).ToList();

        Assert.All(messages, message => Assert.True(message.Sum(b => b.Count) <= RunsHubContract.MaxPointsPerMessage));
        Assert.Equal(2003, messages.Sum(message => message.Sum(b => b.Count)));
    }

    [Fact]
    public void SplitKeepsPointOrderPerMetric()
    {
        var messages = WorkerRunContext.SplitForMessages([Batch("train/loss", 1000)]).ToList();

        long[] steps = [.. messages.SelectMany(message => message).SelectMany(batch => batch.Steps)];

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), steps);
    }

    [Fact]
    public void CommandLineReadsServerRunAndToken()
    {
        var commandLine = WorkerCommandLine.Parse(
            ["worker", "--server", "http://127.0.0.1:5080/", "--run", "abc"],
            name => name == RunsHubContract.WorkerTokenVariable ? "secret" : null);

        Assert.Equal(new Uri("http://127.0.0.1:5080/"), commandLine.Server);
        Assert.Equal("abc", commandLine.RunId);
        Assert.Equal("secret", commandLine.Token);
    }

    [Fact]
    public void CommandLineWithoutTokenIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkerCommandLine.Parse(
            ["worker", "--server", "http://127.0.0.1:5080/", "--run", "abc"], _ => null));

        Assert.Contains(RunsHubContract.WorkerTokenVariable, error.Message);
    }

    [Fact]
    public void CommandLineWithUnknownArgumentIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkerCommandLine.Parse(["worker", "--threads", "2"], _ => "t"));

        Assert.Contains("--threads", error.Message);
    }

    private static MetricBatch Batch(string metric, int count) =>
        MetricBatch.FromPoints(metric, [.. Enumerable.Range(0, count).Select(i => new MetricPoint(i, i / 100.0, i, i))]);
}
