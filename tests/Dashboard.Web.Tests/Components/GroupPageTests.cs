using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class GroupPageTests : ComponentTestContext
{
    [Fact]
    public void TableShowsEachMemberWithItsMeasures()
    {
        var finished = Run(RunStatus.Completed, averageAsr: 0.9);
        var defended = Run(RunStatus.Completed, averageAsr: 0.05);
        var running = Run(RunStatus.Running, averageAsr: null);
        var group = Group(("none", "None", finished), ("badLoss", "BaDLoss", defended), ("spectralSignatures", "Spectral Signatures", running));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));

        Assert.Equal(3, page.FindAll("#group-table tbody tr").Count);
        Assert.Contains("90.00%", page.Find("tr[data-value='none'] td[data-measure='average_asr']").TextContent);
        Assert.Contains("5.00%", page.Find("tr[data-value='badLoss'] td[data-measure='average_asr']").TextContent);
        Assert.Contains("%", page.Find("tr[data-value='spectralSignatures'] td[data-measure='average_asr']").TextContent);
    }

    [Fact]
    public void DefenceColumnsUseNeutralHeadings()
    {
        var badLoss = Run(RunStatus.Completed, averageAsr: 0.1);
        var spectral = Run(RunStatus.Completed, averageAsr: 0.2);
        badLoss.Summary!.Measures.Add(new("detection/auc", "Detection ROC AUC (BaDLoss rank score)", 0.9, MeasureFormat.Number));
        spectral.Summary!.Measures.Add(new("detection/auc", "Detection ROC AUC (Spectral signature score)", 0.7, MeasureFormat.Number));
        Server.Service<IRunStore>().Update(badLoss);
        Server.Service<IRunStore>().Update(spectral);
        var group = Group(("badLoss", "BaDLoss", badLoss), ("spectralSignatures", "Spectral Signatures", spectral));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));

        string heading = page.Find("th[data-measure='detection/auc']").TextContent;
        Assert.Contains("Detection ROC AUC of the defence's score", heading);
        Assert.DoesNotContain("BaDLoss", heading);
    }

    [Fact]
    public void ShareCreatesGroupLink()
    {
        var group = Group(("none", "None", Run(RunStatus.Completed, averageAsr: 0.9)));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        page.Find("#share-group").Click();
        page.Find("#create-share-link").Click();

        var link = Assert.Single(Server.Service<IShareLinkStore>().ListFor(ShareScopeKind.Group, group.Id));
        Assert.Contains("/share/" + link.TokenPrefix, page.Find("#share-link").TextContent);
        Assert.Single(page.FindAll($"#share-links tr[data-link='{link.Id}']"));
    }

    [Fact]
    public void EditSavesGroupNameTagsAndNotes()
    {
        var group = Group(("none", "None", Run(RunStatus.Completed, averageAsr: 0.9)));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));
        page.Find("#group-edit-notes").Click();
        page.Find("#group-name-input").Change("defences, second try");
        page.Find("#group-tags-input").Change("paper");
        page.Find("#group-notes-input").Input("Seeds **1 to 3**.");
        page.Find("#group-save-notes").Click();
        var stored = Server.Service<IRunGroupStore>().Find(group.Id)!;

        Assert.Equal("defences, second try", stored.Name);
        Assert.Equal(["paper"], stored.Tags);
        Assert.Equal("Seeds **1 to 3**.", stored.Notes);
        Assert.Equal("defences, second try", page.Find("#group-name").TextContent);
        Assert.Equal("1 to 3", page.Find("#group-notes strong").TextContent);
    }

    [Fact]
    public void DeletedMemberShowsWithoutLink()
    {
        var deleted = Run(RunStatus.Completed, averageAsr: 0.9);
        var group = Group(("none", "None", deleted), ("badLoss", "BaDLoss", Run(RunStatus.Completed, averageAsr: 0.05)));
        Assert.Equal(RunDeletionResult.Deleted, Server.Service<RunDeletion>().Delete(deleted.Id));

        RenderPopoverProvider();
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, group.Id));

        Assert.Contains("run deleted", page.Find("tr[data-value='none']").TextContent);
        Assert.Empty(page.FindAll("tr[data-value='none'] a"));
        Assert.Single(page.FindAll("tr[data-value='badLoss'] a"));
    }

    [Fact]
    public void UnknownGroupShowsNotFound()
    {
        var page = Render<GroupPage>(parameters => parameters.Add(p => p.Id, RunIds.Create()));

        Assert.Single(page.FindAll("#group-not-found"));
    }

    private RunRecord Run(RunStatus status, double? averageAsr)
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = $"member {status}",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
            Progress = 0.4,
            Summary = averageAsr is { } value
                ? new RunSummary { HeadlineKey = "average_asr", Measures = [new("average_asr", "Average ASR", value, MeasureFormat.Percent)] }
                : null,
        };
        Server.Service<IRunStore>().Insert(run);
        return run;
    }

    private RunGroup Group(params (string Value, string Label, RunRecord Run)[] members)
    {
        var group = new RunGroup
        {
            Id = RunIds.Create(),
            Name = "defences",
            Kind = "backdoor",
            CreatedAt = DateTimeOffset.UtcNow,
            VariedField = "defence.kind",
            VariedFieldLabel = "Defence",
            Members = [.. members.Select(m => new RunGroupMember(m.Run.Id, m.Value, m.Label))],
        };
        Server.Service<IRunGroupStore>().Insert(group);
        return group;
    }
}
