using Dashboard.Core.Configuration;

namespace Dashboard.Core.Sweeps;

/// <summary>
/// Validates a sweep definition against a configuration schema and expands it into trials. Every error
/// names the path of the sweep property at fault, such as <c>sweep.parameters.learningRate.min</c>.
/// </summary>
public static class SweepExpander
{
    public static SweepExpansion Expand(SweepDefinition definition, ConfigurationSchema schema)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);

        var errors = new List<FieldError>();
        CheckSettings(definition, errors);
        if (definition.Parameters.Count == 0)
        {
            errors.Add(new FieldError("sweep.parameters", "A sweep needs at least one parameter, such as {\"learningRate\": {\"values\": [0.001, 0.01]}}."));
        }

        var domains = new List<SweepDomain>();
        foreach (var parameter in definition.Parameters)
        {
            if (SweepDomain.Resolve(parameter, schema, definition.Method, errors) is { } domain)
            {
                domains.Add(domain);
            }
        }

        if (errors.Count > 0)
        {
            return SweepExpansion.Invalid(errors);
        }

        return definition.Method == SweepMethod.Grid
            ? ExpandGrid(domains)
            : new SweepExpansion(Sample(domains, definition.Trials!.Value, definition.Seed!.Value), []);
    }

    private static void CheckSettings(SweepDefinition definition, List<FieldError> errors)
    {
        if (definition.MaxConcurrent is < 1)
        {
            errors.Add(new FieldError("sweep.maxConcurrent", $"maxConcurrent is {definition.MaxConcurrent}; use 1 or more, or leave it out for no limit of the sweep's own."));
        }

        if (definition.Method == SweepMethod.Grid)
        {
            if (definition.Trials is not null)
            {
                errors.Add(new FieldError("sweep.trials", "\"trials\" applies to random search; a grid runs every combination. Remove trials or use \"method\": \"random\"."));
            }

            return;
        }

        if (definition.Trials is not { } trials)
        {
            errors.Add(new FieldError("sweep.trials", "Random search needs \"trials\", the number of runs to draw."));
        }
        else if (trials < 1)
        {
            errors.Add(new FieldError("sweep.trials", $"trials is {trials}; use 1 or more."));
        }
        else if (trials > SweepDefinition.MaxRuns)
        {
            errors.Add(new FieldError("sweep.trials", $"trials is {trials}, more than the limit of {SweepDefinition.MaxRuns} runs per sweep; use at most {SweepDefinition.MaxRuns}."));
        }

        if (definition.Seed is null)
        {
            errors.Add(new FieldError("sweep.seed", "Random search needs a \"seed\" so that the same definition draws the same trials."));
        }
    }

    private static SweepExpansion ExpandGrid(IReadOnlyList<SweepDomain> domains)
    {
        var lists = domains.Select(domain => domain.GridValues()).ToList();
        double combinations = lists.Aggregate(1.0, (product, list) => product * list.Count);
        if (combinations > SweepDefinition.MaxRuns)
        {
            string sizes = string.Join(" × ", lists.Select(list => list.Count));
            return SweepExpansion.Invalid([new FieldError(
                "sweep.parameters",
                $"The grid has {sizes} = {combinations:N0} combinations, more than the limit of {SweepDefinition.MaxRuns} runs per sweep; "
                    + "use fewer values or a smaller count, or random search with \"trials\".")]);
        }

        // The Cartesian product with the last parameter varying fastest, as nested loops would list it.
        IEnumerable<IReadOnlyList<SweptValue>> combined = [[]];
        foreach (var list in lists)
        {
            combined = combined.SelectMany(prefix => list.Select(value => (IReadOnlyList<SweptValue>)[.. prefix, value])).ToList();
        }

        return new SweepExpansion([.. combined.Select(values => Trial(domains, values))], []);
    }

    private static List<SweepTrial> Sample(IReadOnlyList<SweepDomain> domains, int trials, int seed)
    {
        var random = new SweepRandom(seed);
        var sampled = new List<SweepTrial>(trials);
        for (int i = 0; i < trials; i++)
        {
            sampled.Add(Trial(domains, [.. domains.Select(domain => domain.Sample(random))]));
        }

        return sampled;
    }

    private static SweepTrial Trial(IReadOnlyList<SweepDomain> domains, IReadOnlyList<SweptValue> values) =>
        new(values, string.Join(", ", values.Select((value, i) => $"{domains[i].Field.Label} {value.Label}")));
}
