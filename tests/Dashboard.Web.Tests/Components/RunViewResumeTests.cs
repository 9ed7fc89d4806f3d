using Bunit;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Components.Runs;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests.Components;

public sealed class RunViewResumeTests : ComponentTestContext
{
    [Fact]
    public async Task ResumeButtonQueuesInterruptedRun()
    {
        var run = ResumeOnStartTests.InterruptedRun();
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));
        await view.Find("#resume-run").ClickAsync(new());

        Assert.NotEqual(RunStatus.Interrupted, Server.Service<IRunStore>().Find(run.Id)!.Status);
    }

    [Fact]
    public void CompletedRunHasNoResumeButton()
    {
        var run = ResumeOnStartTests.InterruptedRun();
        run.Status = RunStatus.Completed;
        Server.Service<IRunStore>().Insert(run);

        RenderPopoverProvider();
        var view = Render<RunView>(parameters => parameters.Add(p => p.RunId, run.Id));

        Assert.Empty(view.FindAll("#resume-run"));
    }
}
