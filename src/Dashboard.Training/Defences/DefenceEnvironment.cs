using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using static TorchSharp.torch;

namespace Dashboard.Training.Defences;

/// <summary>Everything a defence reads while it runs: the configuration, the run context, the device and the poisoned data.</summary>
public sealed record DefenceEnvironment(
    BackdoorConfiguration Configuration,
    IRunContext Context,
    Device Device,
    BackdoorData Data,
    TrainingRows Rows,
    RunProgress Progress)
{
    public DefenceSettings Settings => Configuration.Defence;

    public CancellationToken CancellationToken => Context.CancellationToken;
}
