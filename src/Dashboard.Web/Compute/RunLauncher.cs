using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;
using Dashboard.Core.Sweeps;
using Dashboard.Storage;
using Dashboard.Web.Live;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Compute;

/// <summary>
/// Validates launch requests and queues runs. The launch page and the HTTP API both come through here, so
/// they share one validation and one queue limit.
/// </summary>
public sealed partial class RunLauncher(
    ExperimentCatalog catalog,
    IRunStore runs,
    IRunGroupStore groups,
    LiveRunFeed feed,
    ComputeSignal signal,
    WorkerEnvironmentFactory environment,
    IOptionsMonitor<ComputeOptions> options,
    TimeProvider time,
    ILogger<RunLauncher> logger)
{
    private readonly Lock _queueGate = new();

    public async Task<LaunchResult> LaunchAsync(LaunchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var parsed = Parse(request.Kind, request.Preset, request.ConfigurationJson);
        if (!parsed.IsValid)
        {
            return LaunchResult.Invalid(parsed.Errors);
        }

        if (ValidateName(request.Name) is { } nameError)
        {
            return LaunchResult.Invalid([nameError]);
        }

        var now = time.GetUtcNow();
        var run = NewRun(parsed.Kind!, parsed.Configuration!, request.Name, now, groupId: null, request.Owner);
        if (Enqueue([run]) is { } rejection)
        {
            return LaunchResult.Rejected(rejection);
        }

        ComputeLog.RunQueued(logger, run.Id, run.Kind);
        await feed.PublishStatusAsync(run);
        signal.Notify();
        return LaunchResult.Queued(run);
    }

    /// <summary>
    /// Queues one run per value of the varied choice field, or one per trial of the sweep, each with the rest
    /// of the configuration unchanged, and stores them as a study group. Either every run is queued or none is.
    /// </summary>
    public async Task<GroupLaunchResult> LaunchGroupAsync(GroupLaunchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var parsed = Parse(request.Kind, request.Preset, request.ConfigurationJson);
        if (!parsed.IsValid)
        {
            return GroupLaunchResult.Invalid(parsed.Errors);
        }

        if (ValidateName(request.Name) is { } nameError)
        {
            return GroupLaunchResult.Invalid([nameError]);
        }

        var kind = parsed.Kind!;
        var sweep = WithSeed(request.Sweep);
        List<FieldError> errors;
        var members = sweep is null
            ? BuildMembers(kind, parsed.Configuration!, request, out errors)
            : BuildSweepMembers(kind, parsed.Configuration!, sweep, out errors);
        if (errors.Count > 0)
        {
            return GroupLaunchResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        string defaultName = $"{kind.Id} {(sweep is null ? "group" : "sweep")} {now:yyyy-MM-dd HH:mm:ss}";
        string groupName = string.IsNullOrWhiteSpace(request.Name) ? defaultName : request.Name.Trim();
        var group = new RunGroup
        {
            Id = RunIds.Create(),
            Name = groupName,
            Kind = kind.Id,
            CreatedAt = now,
            VariedField = sweep is null ? request.VariedField! : string.Join(", ", sweep.Parameters.Select(p => p.Path)),
            VariedFieldLabel = members[0].FieldLabel,
            Sweep = sweep,
        };
        var runs = new List<RunRecord>();
        for (int i = 0; i < members.Count; i++)
        {
            // The queue starts runs in creation-time order, and LiteDB stores times to the millisecond, so
            // members one millisecond apart start in the order the user listed them.
            var member = members[i];
            var run = NewRun(kind, member.Configuration, $"{groupName} · {member.Label}", now.AddMilliseconds(i), group.Id, request.Owner);
            runs.Add(run);
            group.Members.Add(new RunGroupMember(run.Id, member.Value, member.Label) { Parameters = member.Parameters ?? [] });
        }

        if (Enqueue(runs, group) is { } rejection)
        {
            return GroupLaunchResult.Rejected(rejection);
        }

        foreach (var run in runs)
        {
            ComputeLog.RunQueued(logger, run.Id, run.Kind);
            await feed.PublishStatusAsync(run);
        }

        signal.Notify();
        return new GroupLaunchResult(group, runs, [], null);
    }

    private ConfigurationResult Parse(string? kindId, string? presetId, string? configurationJson)
    {
        var kind = catalog.Find(kindId);
        if (kind is not null && !string.IsNullOrWhiteSpace(presetId))
        {
            var preset = kind.Presets.FirstOrDefault(p => p.Id == presetId);
            if (preset is null)
            {
                string known = string.Join(", ", kind.Presets.Select(p => p.Id));
                return ConfigurationResult.Invalid(new FieldError("preset", $"Unknown preset '{presetId}' for {kind.Id}; known presets are {known}."));
            }

            // The request's fields go on top of the preset, so a preset plus a few changed fields keeps the rest of the preset.
            string presetJson = ConfigurationJson.Serialize(preset.Create());
            configurationJson = string.IsNullOrWhiteSpace(configurationJson) ? presetJson : ConfigurationJson.Overlay(presetJson, configurationJson);
        }

        var parsed = catalog.Parse(kindId, configurationJson);
        if (!parsed.IsValid || parsed.Kind is not IChoiceAvailability availability)
        {
            return parsed;
        }

        var unavailable = UnavailableChoices(parsed.Kind, availability, parsed.Configuration!);
        return unavailable.Count == 0 ? parsed : ConfigurationResult.Invalid([.. unavailable]);
    }

    /// <summary>Returns an error for every choice in the configuration that this server cannot run, such as a missing dataset.</summary>
    public IReadOnlyList<FieldError> UnavailableChoices(IExperimentKind kind, IChoiceAvailability availability, object configuration)
    {
        var schema = ConfigurationSchema.For(kind.ConfigurationType);
        var runEnvironment = environment.Create();
        var errors = new List<FieldError>();
        foreach (var (path, _) in schema.ChoiceFields())
        {
            if (schema.GetChoice(configuration, path) is { } value
                && availability.UnavailableReason(path, value, runEnvironment) is { } reason)
            {
                // The reason names the choice itself, for example "CIFAR-10 is not available: ... does not exist."
                errors.Add(new FieldError($"configuration.{path}", reason));
            }
        }

        return errors;
    }

    private static List<GroupMemberPlan> BuildMembers(IExperimentKind kind, object configuration, GroupLaunchRequest request, out List<FieldError> errors)
    {
        errors = [];
        var schema = ConfigurationSchema.For(kind.ConfigurationType);
        var field = request.VariedField is null ? null : schema.ChoiceFields().FirstOrDefault(c => c.Path == request.VariedField).Field;
        if (field is null)
        {
            string allowed = string.Join(", ", schema.ChoiceFields().Select(c => c.Path));
            errors.Add(new FieldError("vary.field", $"'{request.VariedField}' is not a field a group can vary; use one of {allowed}."));
            return [];
        }

        if (request.Values.Count < 2 || request.Values.Distinct().Count() != request.Values.Count)
        {
            errors.Add(new FieldError("vary.values", "A group needs at least two different values."));
            return [];
        }

        var members = new List<GroupMemberPlan>();
        for (int i = 0; i < request.Values.Count; i++)
        {
            string value = request.Values[i];
            var copy = ConfigurationJson.Clone(configuration);
            if (schema.SetChoice(copy, request.VariedField!, value) is { } setError)
            {
                errors.Add(new FieldError($"vary.values[{i}]", setError));
                continue;
            }

            foreach (var error in kind.Validate(copy))
            {
                errors.Add(new FieldError($"configuration.{error.Path}", $"With {field.Label} = {value}: {error.Message}"));
            }

            string label = field.Choices.FirstOrDefault(c => c.Value == value)?.Label ?? value;
            members.Add(new GroupMemberPlan(copy, value, label, field.Label));
        }

        return members;
    }

    private static RunRecord NewRun(IExperimentKind kind, object configuration, string? name, DateTimeOffset now, string? groupId, string? owner) => new()
    {
        Id = RunIds.Create(),
        Name = string.IsNullOrWhiteSpace(name) ? $"{kind.Id} {now:yyyy-MM-dd HH:mm:ss}" : name.Trim(),
        Kind = kind.Id,
        ConfigurationJson = ConfigurationJson.Serialize(configuration),
        Status = RunStatus.Queued,
        CreatedAt = now,
        GroupId = groupId,
        Owner = owner,
    };

    /// <summary>Inserts the runs (and their group) if the queue has room for all of them; returns the rejection otherwise.</summary>
    private string? Enqueue(IReadOnlyList<RunRecord> newRuns, RunGroup? group = null)
    {
        lock (_queueGate)
        {
            int limit = options.CurrentValue.MaxQueuedRuns;
            int queued = runs.CountByStatus(RunStatus.Queued);
            if (queued + newRuns.Count > limit)
            {
                return $"The run queue is full ({queued} of {limit} queued runs; this launch needs {newRuns.Count}). "
                    + "Wait for queued runs to start, cancel some, or raise Compute:MaxQueuedRuns.";
            }

            if (group is not null)
            {
                groups.Insert(group);
            }

            foreach (var run in newRuns)
            {
                runs.Insert(run);
            }

            return null;
        }
    }

    private sealed record GroupMemberPlan(object Configuration, string Value, string Label, string FieldLabel, IReadOnlyList<SweptValue>? Parameters = null);

    private static FieldError? ValidateName(string? name) =>
        name is { Length: > 200 } ? new FieldError("name", $"Name is {name.Length} characters long; use at most 200.") : null;
}
