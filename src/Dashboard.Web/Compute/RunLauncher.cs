using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Compute;

/// <summary>
/// Validates launch requests and queues runs. The launch page and the HTTP API both come through here, so
/// they share one validation and one queue limit.
/// </summary>
public sealed class RunLauncher(
    ExperimentCatalog catalog,
    IRunStore runs,
    LiveRunFeed feed,
    ComputeSignal signal,
    IOptionsMonitor<ComputeOptions> options,
    TimeProvider time,
    ILogger<RunLauncher> logger)
{
    private readonly Lock _queueGate = new();

    public async Task<LaunchResult> LaunchAsync(LaunchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var kind = catalog.Find(request.Kind);
        string? configurationJson = request.ConfigurationJson;
        if (kind is not null && string.IsNullOrWhiteSpace(configurationJson) && !string.IsNullOrWhiteSpace(request.Preset))
        {
            var preset = kind.Presets.FirstOrDefault(p => p.Id == request.Preset);
            if (preset is null)
            {
                string known = string.Join(", ", kind.Presets.Select(p => p.Id));
                return LaunchResult.Invalid([new FieldError("preset", $"Unknown preset '{request.Preset}' for {kind.Id}; known presets are {known}.")]);
            }

            configurationJson = ConfigurationJson.Serialize(preset.Create());
        }

        var parsed = catalog.Parse(request.Kind, configurationJson);
        if (!parsed.IsValid)
        {
            return LaunchResult.Invalid(parsed.Errors);
        }

        string? nameError = ValidateName(request.Name);
        if (nameError is not null)
        {
            return LaunchResult.Invalid([new FieldError("name", nameError)]);
        }

        var now = time.GetUtcNow();
        var run = new RunRecord
        {
            Id = RunIds.Create(),
            Name = string.IsNullOrWhiteSpace(request.Name) ? $"{parsed.Kind!.Id} {now:yyyy-MM-dd HH:mm:ss}" : request.Name.Trim(),
            Kind = parsed.Kind!.Id,
            ConfigurationJson = ConfigurationJson.Serialize(parsed.Configuration!),
            Status = RunStatus.Queued,
            CreatedAt = now,
        };

        lock (_queueGate)
        {
            int limit = options.CurrentValue.MaxQueuedRuns;
            if (runs.CountByStatus(RunStatus.Queued) >= limit)
            {
                return LaunchResult.Rejected(
                    $"The run queue is full ({limit} queued runs). Wait for queued runs to start, cancel some, or raise Compute:MaxQueuedRuns.");
            }

            runs.Insert(run);
        }

        ComputeLog.RunQueued(logger, run.Id, run.Kind);
        await feed.PublishStatusAsync(run);
        signal.Notify();
        return LaunchResult.Queued(run);
    }

    private static string? ValidateName(string? name) =>
        name is { Length: > 200 } ? $"Name is {name.Length} characters long; use at most 200." : null;
}
