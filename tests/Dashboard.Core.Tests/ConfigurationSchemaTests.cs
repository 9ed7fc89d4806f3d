using Dashboard.Core.Configuration;

namespace Dashboard.Core.Tests;

public sealed class ConfigurationSchemaTests
{
    private static readonly ConfigurationSchema Schema = ConfigurationSchema.For(typeof(SampleConfiguration));

    [Fact]
    public void OrdersFieldsByDisplayOrderThenDeclaration()
    {
        string[] names = [.. Schema.Fields.Select(f => f.Name)];

        Assert.Equal(["learningRate", "epochs", "shape", "items", "options"], names);
    }

    [Fact]
    public void ReadsLabelUnitGroupAndRange()
    {
        var epochs = Schema.Fields.Single(f => f.Name == "epochs");

        Assert.Equal("Epochs", epochs.Label);
        Assert.Equal("epochs", epochs.Unit);
        Assert.Equal("Training", epochs.Group);
        Assert.Equal(FieldType.Integer, epochs.Type);
        Assert.Equal(1, epochs.Minimum);
        Assert.Equal(1000, epochs.Maximum);
    }

    [Fact]
    public void HumanizesLabelWithoutDisplayName()
    {
        Assert.Equal("Shape", Schema.Fields.Single(f => f.Name == "shape").Label);
    }

    [Fact]
    public void ReadsEnumChoicesAsCamelCaseJsonValues()
    {
        var choices = Schema.Fields.Single(f => f.Name == "shape").Choices;

        Assert.Equal(["round", "square"], choices.Select(c => c.Value));
        Assert.Equal("Round shape", choices[0].Label);
    }

    [Fact]
    public void DescribesListItemsAndLength()
    {
        var items = Schema.Fields.Single(f => f.Name == "items");

        Assert.Equal(FieldType.List, items.Type);
        Assert.Equal(1, items.MinimumItems);
        Assert.Equal(3, items.MaximumItems);
        Assert.Equal(["weight", "slot"], items.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData(0.0, 1.0, true, false, "between 0 (exclusive) and 1")]
    [InlineData(1.0, 1000.0, false, false, "between 1 and 1000")]
    public void DescribesRangeInWords(double minimum, double maximum, bool minimumExclusive, bool maximumExclusive, string expected)
    {
        var field = new ConfigurationField
        {
            Name = "x",
            Label = "X",
            Type = FieldType.Number,
            Minimum = minimum,
            Maximum = maximum,
            MinimumIsExclusive = minimumExclusive,
            MaximumIsExclusive = maximumExclusive,
            Property = typeof(SampleItem).GetProperty(nameof(SampleItem.Weight))!,
        };

        Assert.Equal(expected, field.DescribeRange());
    }

    [Fact]
    public void FindsNestedFieldByPath()
    {
        var field = Schema.Find("items[2].weight");

        Assert.Equal("Weight", field?.Label);
    }

    [Fact]
    public void FindReturnsNullForUnknownPath()
    {
        Assert.Null(Schema.Find("items[0].height"));
    }

    [Fact]
    public void ReadsDependentRange()
    {
        var fields = Schema.Find("items")!.Fields;

        Assert.True(fields.Single(f => f.Name == "slot").RangeDependsOnOtherFields);
        Assert.False(fields.Single(f => f.Name == "weight").RangeDependsOnOtherFields);
    }

    [Fact]
    public void ListsChoiceFieldsOutsideLists()
    {
        string[] paths = [.. Schema.ChoiceFields().Select(choice => choice.Path)];

        Assert.Equal(["shape", "options.fallback"], paths);
    }

    [Fact]
    public void SetChoiceChangesNestedField()
    {
        var configuration = new SampleConfiguration();

        string? error = Schema.SetChoice(configuration, "options.fallback", "square");

        Assert.Null(error);
        Assert.Equal(SampleShape.Square, configuration.Options.Fallback);
    }

    [Theory]
    [InlineData("options.fallback", "triangle", "not a value")]
    [InlineData("epochs", "round", "not a choice field")]
    [InlineData("items.weight", "round", "not a choice field")]
    public void SetChoiceRejectsInvalidPathOrValue(string path, string value, string expected)
    {
        string? error = Schema.SetChoice(new SampleConfiguration(), path, value);

        Assert.Contains(expected, error);
    }

    [Fact]
    public void GetChoiceReadsNestedValue()
    {
        var configuration = new SampleConfiguration { Options = new SampleOptions { Fallback = SampleShape.Square } };

        Assert.Equal("square", Schema.GetChoice(configuration, "options.fallback"));
        Assert.Null(Schema.GetChoice(configuration, "epochs"));
    }

    [Fact]
    public void ReadsAppliesWhenAsJsonValues()
    {
        var corners = ConfigurationSchema.For(typeof(SampleConfiguration)).Find("options.corners")!;

        Assert.Equal("fallback", corners.AppliesWhen!.Field);
        Assert.Equal(["square"], corners.AppliesWhen.Values);
    }

    [Fact]
    public void AppliesToFollowsSiblingValue()
    {
        var corners = ConfigurationSchema.For(typeof(SampleConfiguration)).Find("options.corners")!;
        var options = new SampleOptions { Fallback = SampleShape.Round };

        Assert.False(corners.AppliesTo(options));
        options.Fallback = SampleShape.Square;
        Assert.True(corners.AppliesTo(options));
    }

    [Fact]
    public void FieldWithoutConditionAlwaysApplies()
    {
        var epochs = ConfigurationSchema.For(typeof(SampleConfiguration)).Find("epochs")!;

        Assert.Null(epochs.AppliesWhen);
        Assert.True(epochs.AppliesTo(new SampleConfiguration()));
    }
}
