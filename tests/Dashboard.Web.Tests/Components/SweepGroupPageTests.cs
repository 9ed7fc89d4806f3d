using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Core.Sweeps;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Compute;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The group page of a sweep, on a host without the compute service so that queued members stay queued
/// instead of starting workers.
/// </summary>
public sealed class SweepGroupPageTests() : ComponentTestContext(WithoutComputeService)
{
    [Fact]
    public void HeadlineHeaderSortsHighestFirstThenReverses()
    {
        var group = Sweep((0.001, RunStatus.Completed, 0.4), (0.01, RunStatus.Completed, 0.9), (0.0001, RunStatus.Completed, 0.1));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        page.Find("th[data-sort='measure:average_asr']").Click();
        var descending = LearningRates(page);
        page.Find("th[data-sort='measure:average_asr']").Click();
        var ascending = LearningRates(page);

        Assert.Equal(["0.01", "0.001", "0.0001"], descending);
        Assert.Equal(["0.0001", "0.001", "0.01"], ascending);
    }

    [Fact]
    public void ParameterHeaderSortsNumerically()
    {
        var group = Sweep((0.001, RunStatus.Completed, 0.4), (0.01, RunStatus.Completed, 0.9), (0.0001, RunStatus.Completed, 0.1));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        page.Find("th[data-sort='param:learningRate']").Click();

        Assert.Equal(["0.0001", "0.001", "0.01"], LearningRates(page));
    }

    [Fact]
    public void RunsWithoutResultSortLast()
    {
        var group = Sweep((0.001, RunStatus.Queued, null), (0.01, RunStatus.Completed, 0.9), (0.0001, RunStatus.Completed, 0.1));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        page.Find("th[data-sort='measure:average_asr']").Click();
        var descending = LearningRates(page);
        page.Find("th[data-sort='measure:average_asr']").Click();

        Assert.Equal(["0.01", "0.0001", "0.001"], descending);
        Assert.Equal(["0.0001", "0.01", "0.001"], LearningRates(page));
    }

    [Fact]
    public void ProgressCountsMemberStates()
    {
        var group = Sweep((0.001, RunStatus.Completed, 0.4), (0.01, RunStatus.Running, null), (0.0001, RunStatus.Queued, null), (0.1, RunStatus.Failed, null));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        string text = page.Find("#progress-text").TextContent;

        Assert.Contains("1 completed", text);
        Assert.Contains("1 running", text);
        Assert.Contains("1 queued", text);
        Assert.Contains("1 failed", text);
        Assert.Contains("of 4 runs", text);
    }

    [Fact]
    public void ParallelCoordinatesDrawOneLinePerRun()
    {
        var group = Sweep((0.001, RunStatus.Completed, 0.4), (0.01, RunStatus.Completed, 0.9));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));

        Assert.Equal(2, page.FindAll("#sweep-parallel polyline.pc-line").Count);
        Assert.Single(page.FindAll("#sweep-parallel g[data-dimension='param:learningRate']"));
        Assert.Single(page.FindAll("#sweep-parallel g[data-dimension='measure:average_asr']"));
    }

    [Fact]
    public void CancelSweepAsksFirstThenCancelsQueuedRuns()
    {
        var group = Sweep((0.001, RunStatus.Completed, 0.4), (0.01, RunStatus.Queued, null), (0.0001, RunStatus.Queued, null));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        page.Find("#cancel-group").Click();
        var statusesBeforeConfirming = Statuses(group);
        page.Find("#confirm-cancel-group").Click();

        Assert.Equal([RunStatus.Completed, RunStatus.Queued, RunStatus.Queued], statusesBeforeConfirming);
        Assert.Equal([RunStatus.Completed, RunStatus.Cancelled, RunStatus.Cancelled], Statuses(group));
        Assert.Contains("2 queued runs cancelled, 0 running runs asked to stop", page.Find("#cancel-result").TextContent);
    }

    [Fact]
    public void CancelledSweepBarCountsOnlyCompletedRuns()
    {
        var group = Sweep((0.001, RunStatus.Completed, 0.4), (0.01, RunStatus.Cancelled, null), (0.0001, RunStatus.Cancelled, null));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        var bar = page.Find("#progress-bar");

        Assert.Equal("1", bar.GetAttribute("data-completed"));
        Assert.Equal("3", bar.GetAttribute("data-ended"));
        Assert.Contains("warning", bar.ClassName);
    }

    [Fact]
    public void ConfirmationUsesSingularForOneRun()
    {
        var group = Sweep((0.001, RunStatus.Completed, 0.4), (0.01, RunStatus.Queued, null));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        page.Find("#cancel-group").Click();

        Assert.Contains("Cancel 1 queued run and stop 0 running runs?", page.Find("#cancel-confirmation").TextContent);
    }

    private static void WithoutComputeService(IServiceCollection services) =>
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ComputeService)));

    private static List<string> LearningRates(IRenderedComponent<GroupPage> page) =>
        [.. page.FindAll("#sweep-table tbody tr td[data-column='param:learningRate']").Select(cell => cell.TextContent.Trim())];

    private List<RunStatus> Statuses(RunGroup group) =>
        [.. group.Members.Select(m => Server.Service<IRunStore>().Find(m.RunId)!.Status)];

    private RunGroup Sweep(params (double LearningRate, RunStatus Status, double? AverageAsr)[] trials)
    {
        var members = new List<RunGroupMember>();
        foreach (var (learningRate, status, averageAsr) in trials)
        {
            string json = learningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            var run = new RunRecord
            {
                Id = RunIds.Create(),
                Name = $"lr {json}",
                Kind = "backdoor",
                ConfigurationJson = "{}",
                Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
                Summary = averageAsr is { } value
                    ? new RunSummary { HeadlineKey = "average_asr", Measures = [new("average_asr", "Average ASR", value, MeasureFormat.Percent)] }
                    : null,
            };
            Server.Service<IRunStore>().Insert(run);
            members.Add(new RunGroupMember(run.Id, $"learningRate={json}", $"Learning rate {json}")
            {
                Parameters = [new SweptValue("learningRate", json, json)],
            });
        }

        var group = new RunGroup
        {
            Id = RunIds.Create(),
            Name = "learning rates",
            Kind = "backdoor",
            CreatedAt = DateTimeOffset.UtcNow,
            VariedField = "learningRate",
            VariedFieldLabel = "Learning rate",
            Members = members,
            Sweep = SweepDefinitionJson.Parse("""{"method":"grid","maxConcurrent":1,"parameters":{"learningRate":{"values":[0.001,0.01]}}}"""),
        };
        Server.Service<IRunGroupStore>().Insert(group);
        return group;
    }
}
