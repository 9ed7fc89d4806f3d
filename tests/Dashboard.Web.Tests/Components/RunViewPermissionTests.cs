using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Runs;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

/// <summary>The run page controls shown to each role, for a run owned by rita.</summary>
public sealed class RunViewPermissionTests : ComponentTestContext
{
    private static readonly string[] ChangeControls = ["#resume-run", "#share-run", "#run-edit-notes"];

    [Fact]
    public void ViewerSeesNoChangeOrCloneControls()
    {
        SignInAs("vera", UserRole.Viewer);

        var view = RenderRun();

        foreach (string control in ChangeControls.Append("#clone-run"))
        {
            Assert.Empty(view.FindAll(control));
        }
    }

    [Fact]
    public void ResearcherSeesCloneButNotOthersChanges()
    {
        SignInAs("otto", UserRole.Researcher);

        var view = RenderRun();

        Assert.Single(view.FindAll("#clone-run"));
        foreach (string control in ChangeControls)
        {
            Assert.Empty(view.FindAll(control));
        }
    }

    [Fact]
    public void OwnerSeesEveryControl()
    {
        SignInAs("rita", UserRole.Researcher);

        var view = RenderRun();

        foreach (string control in ChangeControls.Append("#clone-run"))
        {
            Assert.Single(view.FindAll(control));
        }

        Assert.Contains("launched by rita", view.Find("#run-owner").TextContent);
    }

    [Fact]
    public void AdminSeesEveryControl()
    {
        SignInAs("ada", UserRole.Admin);

        var view = RenderRun();

        foreach (string control in ChangeControls.Append("#clone-run"))
        {
            Assert.Single(view.FindAll(control));
        }
    }

    /// <summary>Renders an Interrupted run owned by rita, so that Resume is one of the controls that may show.</summary>
    private IRenderedComponent<RunView> RenderRun()
    {
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = "interrupted run",
            Kind = "backdoor",
            ConfigurationJson = "{}",
            Status = RunStatus.Interrupted,
            CreatedAt = DateTimeOffset.UtcNow,
            Owner = "rita",
        };
        Server.Service<IRunStore>().Insert(run);
        RenderPopoverProvider();
        return Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));
    }
}
