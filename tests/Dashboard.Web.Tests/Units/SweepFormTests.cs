using Dashboard.Core.Configuration;
using Dashboard.Core.Sweeps;
using Dashboard.Training.Backdoor;
using Dashboard.Web.Components.Sweeps;

namespace Dashboard.Web.Tests.Units;

public sealed class SweepFormTests
{
    private static readonly ConfigurationSchema Schema = ConfigurationSchema.For(typeof(BackdoorConfiguration));

    [Fact]
    public void RandomLogRangeBuildsTrialsAndSeed()
    {
        var form = new SweepForm { Method = SweepMethod.Random, Trials = 4, Seed = 9, MaxConcurrent = 2 };
        form.Rows.Add(new SweepFormRow { Path = "learningRate", Mode = SweepRowMode.LogRange, Min = "1e-4", Max = "0.01", Count = "not used" });

        var definition = form.Build(Schema, out var errors)!;
        var expansion = SweepExpander.Expand(definition, Schema);

        Assert.Empty(errors);
        Assert.Equal(4, definition.Trials);
        Assert.Equal(9, definition.Seed);
        Assert.Equal(2, definition.MaxConcurrent);
        Assert.Equal(SweepScale.Log, definition.Parameters[0].Scale);
        Assert.Null(definition.Parameters[0].Count);
        Assert.Equal(4, expansion.Trials.Count);
    }

    [Fact]
    public void GridStepReplacesCount()
    {
        var form = new SweepForm();
        form.Rows.Add(new SweepFormRow { Path = "epochs", Mode = SweepRowMode.Range, Min = "2", Max = "8", Step = "2", Count = "3" });

        var definition = form.Build(Schema, out _)!;
        var expansion = SweepExpander.Expand(definition, Schema);

        Assert.Equal(2, definition.Parameters[0].Step);
        Assert.Null(definition.Parameters[0].Count);
        Assert.Equal(["2", "4", "6", "8"], expansion.Trials.Select(t => t.Values[0].Json));
    }

    [Fact]
    public void TickedChoicesKeepSchemaOrder()
    {
        var form = new SweepForm();
        var row = new SweepFormRow { Path = "defence.kind" };
        row.Selected.Add("badLoss");
        row.Selected.Add("none");
        form.Rows.Add(row);

        var definition = form.Build(Schema, out _)!;

        Assert.Equal(["none", "badLoss"], definition.Parameters[0].Values!.Select(v => v.GetString()));
    }

    [Fact]
    public void BooleanRowWritesJsonBooleans()
    {
        string path = SweepFields.All(Schema).First(f => f.Field.Type == FieldType.Boolean).Path;
        var form = new SweepForm();
        var row = new SweepFormRow { Path = path };
        row.Selected.Add("false");
        row.Selected.Add("true");
        form.Rows.Add(row);

        var definition = form.Build(Schema, out _)!;

        Assert.Equal([System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False], definition.Parameters[0].Values!.Select(v => v.ValueKind));
    }

    [Fact]
    public void SameFieldTwiceIsError()
    {
        var form = new SweepForm();
        form.Rows.Add(new SweepFormRow { Path = "seed", ValuesText = "1" });
        form.Rows.Add(new SweepFormRow { Path = "seed", ValuesText = "2" });

        var definition = form.Build(Schema, out var errors);

        Assert.Null(definition);
        Assert.Contains("swept twice", Assert.Single(errors).Message);
    }

    [Fact]
    public void MissingRangeBoundIsError()
    {
        var form = new SweepForm();
        form.Rows.Add(new SweepFormRow { Path = "momentum", Mode = SweepRowMode.Range, Min = "0.5" });

        form.Build(Schema, out var errors);

        Assert.Equal("Enter a number.", Assert.Single(errors, e => e.Path == "sweep.parameters.momentum.max").Message);
    }
}
