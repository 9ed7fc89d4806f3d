using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Sweeps;

namespace Dashboard.Web.Compute;

/// <summary>Expands sweep launches into member runs and validates every trial's configuration before anything is stored.</summary>
public sealed partial class RunLauncher
{
    /// <summary>Largest number of invalid trials whose errors a launch reports, because one broken field would otherwise repeat its error for hundreds of trials.</summary>
    private const int MaxTrialErrors = 10;

    /// <summary>Gives a random search without a seed a fresh one, stored with the group so that its trials can be reproduced.</summary>
    private static SweepDefinition? WithSeed(SweepDefinition? sweep) =>
        sweep is { Method: SweepMethod.Random, Seed: null } ? sweep with { Seed = Random.Shared.Next() } : sweep;

    private List<GroupMemberPlan> BuildSweepMembers(IExperimentKind kind, object configuration, SweepDefinition sweep, out List<FieldError> errors)
    {
        var schema = ConfigurationSchema.For(kind.ConfigurationType);
        var expansion = SweepExpander.Expand(sweep, schema);
        errors = [.. expansion.Errors];
        if (!expansion.IsValid)
        {
            return [];
        }

        string fieldLabel = string.Join(", ", sweep.Parameters.Select(p => schema.Find(p.Path)?.Label ?? p.Path));
        var members = new List<GroupMemberPlan>();
        int failedTrials = 0;
        for (int i = 0; i < expansion.Trials.Count; i++)
        {
            var trial = expansion.Trials[i];
            var trialErrors = ValidateTrial(kind, configuration, trial, out var trialConfiguration);
            if (trialErrors.Count > 0)
            {
                failedTrials++;
                if (failedTrials <= MaxTrialErrors)
                {
                    errors.AddRange(trialErrors.Select(e => e with { Message = $"In trial {i + 1} ({trial.Label}): {e.Message}" }));
                }

                continue;
            }

            members.Add(new GroupMemberPlan(trialConfiguration!, trial.Key, trial.Label, fieldLabel, trial.Values));
        }

        if (failedTrials > MaxTrialErrors)
        {
            errors.Add(new FieldError("sweep", $"{failedTrials} of {expansion.Trials.Count} trials are invalid; the first {MaxTrialErrors} are listed."));
        }

        if (failedTrials == 0)
        {
            errors.AddRange(IgnoredParameters(schema, sweep, members));
        }

        return members;
    }

    /// <summary>
    /// Returns an error for each swept field that matters in none of the trials, such as the settings of a defence
    /// that no trial chooses, because its runs would differ only in a value that training ignores.
    /// </summary>
    private static IEnumerable<FieldError> IgnoredParameters(ConfigurationSchema schema, SweepDefinition sweep, List<GroupMemberPlan> members)
    {
        foreach (var parameter in sweep.Parameters)
        {
            if (members.Any(member => SweepFields.Applies(schema, member.Configuration, parameter.Path)))
            {
                continue;
            }

            var field = schema.Find(parameter.Path);
            string label = field?.Label ?? parameter.Path;
            string condition = field?.AppliesWhen is { } when
                ? $"only when {Sibling(parameter.Path, when.Field)} is {string.Join(" or ", when.Values)}"
                : "only when the settings that enclose it are chosen";
            yield return new FieldError(
                $"sweep.parameters.{parameter.Path}",
                $"{label} ({parameter.Path}) matters {condition}, which no trial sets; set that field in the configuration or sweep it too, or remove this parameter.");
        }
    }

    private static string Sibling(string path, string siblingName) =>
        path.Contains('.', StringComparison.Ordinal) ? $"{path[..path.LastIndexOf('.')]}.{siblingName}" : siblingName;

    /// <summary>Returns the errors of one trial's configuration with <c>configuration.</c> paths, as a single launch would report them.</summary>
    private List<FieldError> ValidateTrial(IExperimentKind kind, object configuration, SweepTrial trial, out object? trialConfiguration)
    {
        trialConfiguration = trial.Apply(configuration, out var applyErrors);
        if (trialConfiguration is null)
        {
            return [.. applyErrors.Select(e => e with { Path = $"configuration.{e.Path}" })];
        }

        var errors = kind.Validate(trialConfiguration).Select(e => e with { Path = $"configuration.{e.Path}" }).ToList();
        if (kind is IChoiceAvailability availability)
        {
            errors.AddRange(UnavailableChoices(kind, availability, trialConfiguration));
        }

        return errors;
    }
}
