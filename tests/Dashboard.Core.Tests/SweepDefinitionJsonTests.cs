using System.Text.Json;
using Dashboard.Core.Sweeps;

namespace Dashboard.Core.Tests;

public sealed class SweepDefinitionJsonTests
{
    [Fact]
    public void WriteThenParseKeepsDefinition()
    {
        const string Json = """
            {"method":"random","trials":8,"seed":1,"maxConcurrent":2,"parameters":{"learningRate":{"min":0.0001,"max":0.01,"scale":"log"},"optimizer":{"values":["adamW","sgd"]}}}
            """;
        using var document = JsonDocument.Parse(Json);
        var definition = SweepDefinitionJson.Read(document.RootElement, out _)!;

        var reread = SweepDefinitionJson.Parse(SweepDefinitionJson.Write(definition));

        Assert.Equal(SweepMethod.Random, reread.Method);
        Assert.Equal(8, reread.Trials);
        Assert.Equal(1, reread.Seed);
        Assert.Equal(2, reread.MaxConcurrent);
        Assert.Equal(["learningRate", "optimizer"], reread.Parameters.Select(p => p.Path));
        Assert.Equal(SweepScale.Log, reread.Parameters[0].Scale);
        Assert.Equal(["adamW", "sgd"], reread.Parameters[1].Values!.Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("""{"method":"bayes","parameters":{"a":{"values":[1]}}}""", "sweep.method")]
    [InlineData("""{"parameters":{"a":{"values":[1]}},"budget":3}""", "sweep.budget")]
    [InlineData("""{"parameters":{"a":{"values":[1],"min":0}}}""", "sweep.parameters.a")]
    [InlineData("""{"parameters":{"a":{"min":"low","max":1}}}""", "sweep.parameters.a.min")]
    [InlineData("""{"parameters":{"a":{"min":0,"max":1,"scale":"cubic"}}}""", "sweep.parameters.a.scale")]
    [InlineData("""{"trials":2.5,"parameters":{"a":{"values":[1]}}}""", "sweep.trials")]
    [InlineData("""{"method":"grid"}""", "sweep.parameters")]
    public void ReadRejectsMalformedProperty(string json, string path)
    {
        using var document = JsonDocument.Parse(json);

        var definition = SweepDefinitionJson.Read(document.RootElement, out var errors);

        Assert.Null(definition);
        Assert.Contains(errors, e => e.Path == path);
    }
}
