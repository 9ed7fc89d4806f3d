using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Core.Sweeps;

namespace Dashboard.Core.Tests;

public sealed class SweepExpanderTests
{
    private static readonly ConfigurationSchema Schema = ConfigurationSchema.For(typeof(SampleConfiguration));

    [Fact]
    public void GridIsCartesianProductLastFastest()
    {
        var expansion = Expand("""
            {"method":"grid","parameters":{"learningRate":{"values":[0.1,0.2]},"shape":{"values":["round","square"]},"options.shuffle":{"values":[true,false]}}}
            """);

        Assert.True(expansion.IsValid);
        Assert.Equal(8, expansion.Trials.Count);
        Assert.Equal("learningRate=0.1,shape=\"round\",options.shuffle=true", expansion.Trials[0].Key);
        Assert.Equal("learningRate=0.1,shape=\"round\",options.shuffle=false", expansion.Trials[1].Key);
        Assert.Equal("learningRate=0.2,shape=\"square\",options.shuffle=false", expansion.Trials[7].Key);
        Assert.Equal(8, expansion.Trials.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void LogRangeSpacesValuesByPowers()
    {
        var expansion = Expand("""{"parameters":{"learningRate":{"min":1e-4,"max":1e-2,"scale":"log","count":3}}}""");

        Assert.Equal(["0.0001", "0.001", "0.01"], expansion.Trials.Select(t => t.Values[0].Json));
    }

    [Fact]
    public void LinearRangeWithStepIncludesMax()
    {
        var expansion = Expand("""{"parameters":{"learningRate":{"min":0.1,"max":0.3,"step":0.1}}}""");

        Assert.Equal(["0.1", "0.2", "0.3"], expansion.Trials.Select(t => t.Values[0].Json));
    }

    [Fact]
    public void IntegerGridRangeRoundsAndDropsDuplicates()
    {
        var expansion = Expand("""{"parameters":{"epochs":{"min":1,"max":3,"count":5}}}""");

        Assert.Equal(["1", "2", "3"], expansion.Trials.Select(t => t.Values[0].Json));
    }

    [Fact]
    public void RandomWithSameSeedRepeatsTrials()
    {
        const string Definition = """
            {"method":"random","trials":20,"seed":7,"parameters":{"learningRate":{"min":1e-5,"max":1,"scale":"log"},"shape":{"values":["round","square"]}}}
            """;

        var first = Expand(Definition).Trials.Select(t => t.Key).ToList();
        var second = Expand(Definition).Trials.Select(t => t.Key).ToList();
        var otherSeed = Expand(Definition.Replace("\"seed\":7", "\"seed\":8", StringComparison.Ordinal)).Trials.Select(t => t.Key).ToList();

        Assert.Equal(20, first.Count);
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void RandomStaysInsideRange()
    {
        var expansion = Expand("""{"method":"random","trials":200,"seed":3,"parameters":{"learningRate":{"min":1e-5,"max":1e-2,"scale":"log"}}}""");
        var values = expansion.Trials.Select(t => double.Parse(t.Values[0].Json, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.All(values, value => Assert.InRange(value, 1e-5, 1e-2));
        Assert.Contains(values, value => value < 1e-4);
        Assert.Contains(values, value => value > 1e-3);
    }

    [Fact]
    public void RandomIntegerSamplesWholeNumbers()
    {
        var expansion = Expand("""{"method":"random","trials":100,"seed":1,"parameters":{"epochs":{"min":2.5,"max":6}}}""");
        var values = expansion.Trials.Select(t => t.Values[0].Json).ToList();

        Assert.All(values, value => Assert.Contains(value, new[] { "3", "4", "5", "6" }));
        Assert.Equal(4, values.Distinct().Count());
    }

    [Fact]
    public void TrialAppliesValuesToNestedField()
    {
        var expansion = Expand("""{"parameters":{"options.fallback":{"values":["square"]},"epochs":{"values":[7]}}}""");

        var configuration = (SampleConfiguration)expansion.Trials[0].Apply(new SampleConfiguration(), out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(SampleShape.Square, configuration.Options.Fallback);
        Assert.Equal(7, configuration.Epochs);
    }

    [Fact]
    public void TrialLabelUsesFieldAndChoiceLabels()
    {
        var expansion = Expand("""{"parameters":{"learningRate":{"values":[0.01]},"shape":{"values":["round"]}}}""");

        Assert.Equal("Learning rate 0.01, Shape Round shape", expansion.Trials[0].Label);
    }

    [Theory]
    [InlineData("""{"parameters":{"nosuch":{"values":[1,2]}}}""", "sweep.parameters.nosuch", "not a field")]
    [InlineData("""{"parameters":{"items":{"values":[1,2]}}}""", "sweep.parameters.items", "list field")]
    [InlineData("""{"parameters":{"items[0].weight":{"values":[0.5]}}}""", "sweep.parameters.items[0].weight", "inside a list")]
    [InlineData("""{"parameters":{"learningRate":{"min":0.1,"max":0.01,"count":3}}}""", "sweep.parameters.learningRate.min", "swap them")]
    [InlineData("""{"parameters":{"learningRate":{"min":0,"max":1,"scale":"log","count":3}}}""", "sweep.parameters.learningRate.min", "log range needs min > 0")]
    [InlineData("""{"parameters":{"learningRate":{"min":0.1,"max":1,"count":1}}}""", "sweep.parameters.learningRate.count", "at least 2")]
    [InlineData("""{"parameters":{"learningRate":{"min":0.1,"max":1}}}""", "sweep.parameters.learningRate", "needs \"count\"")]
    [InlineData("""{"parameters":{"learningRate":{"min":0.1,"max":20,"count":3}}}""", "sweep.parameters.learningRate", "outside the range")]
    [InlineData("""{"parameters":{"epochs":{"values":[1.5]}}}""", "sweep.parameters.epochs.values[0]", "not a whole number")]
    [InlineData("""{"parameters":{"shape":{"values":["round","hexagon"]}}}""", "sweep.parameters.shape.values[1]", "\"square\"")]
    [InlineData("""{"parameters":{"shape":{"min":0,"max":1,"count":2}}}""", "sweep.parameters.shape", "choice field")]
    [InlineData("""{"parameters":{"epochs":{"min":1,"max":1000,"count":600}}}""", "sweep.parameters.epochs.count", "at most 500")]
    [InlineData("""{"parameters":{"epochs":{"min":1,"max":30,"count":30},"learningRate":{"min":0.1,"max":1,"count":20}}}""", "sweep.parameters", "30 × 20 = 600")]
    [InlineData("""{"method":"random","trials":501,"seed":1,"parameters":{"epochs":{"min":1,"max":9}}}""", "sweep.trials", "limit of 500")]
    [InlineData("""{"method":"random","seed":1,"parameters":{"epochs":{"min":1,"max":9}}}""", "sweep.trials", "needs \"trials\"")]
    [InlineData("""{"maxConcurrent":0,"parameters":{"epochs":{"values":[1,2]}}}""", "sweep.maxConcurrent", "use 1 or more")]
    [InlineData("""{"parameters":{}}""", "sweep.parameters", "at least one parameter")]
    public void InvalidDefinitionNamesPath(string json, string path, string message)
    {
        var expansion = Expand(json);

        var error = Assert.Single(expansion.Errors, e => e.Path == path);
        Assert.Contains(message, error.Message);
        Assert.Empty(expansion.Trials);
    }

    [Fact]
    public void AppliesFollowsSiblingCondition()
    {
        var round = new SampleConfiguration();
        var square = new SampleConfiguration { Options = new SampleOptions { Fallback = SampleShape.Square } };

        Assert.False(SweepFields.Applies(Schema, round, "options.corners"));
        Assert.True(SweepFields.Applies(Schema, square, "options.corners"));
        Assert.True(SweepFields.Applies(Schema, round, "options.shuffle"));
    }

    private static SweepExpansion Expand(string json)
    {
        using var document = JsonDocument.Parse(json);
        var definition = SweepDefinitionJson.Read(document.RootElement, out var errors);
        Assert.True(definition is not null, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
        return SweepExpander.Expand(definition, Schema);
    }
}
