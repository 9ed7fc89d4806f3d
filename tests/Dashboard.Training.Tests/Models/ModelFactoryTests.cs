using Dashboard.Core.Configuration;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;
using Dashboard.Training.Models;

namespace Dashboard.Training.Tests.Models;

public sealed class ModelFactoryTests
{
    [Theory]
    [InlineData(ModelArchitecture.SmallCnn, typeof(SmallCnn))]
    [InlineData(ModelArchitecture.ResNet18, typeof(ResNet18Cifar))]
    [InlineData(ModelArchitecture.PreActResNet18, typeof(PreActResNet18))]
    public void ArchitectureSelectsModel(ModelArchitecture architecture, Type expected)
    {
        var configuration = new BackdoorConfiguration { Model = architecture };

        using var model = ModelFactory.Create(configuration, new ImageShape(1, 28, 28), 10);

        Assert.IsType(expected, model);
    }

    [Fact]
    public void SmallCnnIsDefault()
    {
        Assert.Equal(ModelArchitecture.SmallCnn, new BackdoorConfiguration().Model);
    }

    [Fact]
    public void WidthAppliesToSmallCnnOnly()
    {
        var narrow = new BackdoorConfiguration { Model = ModelArchitecture.ResNet18, ModelWidth = 4 };
        var wide = new BackdoorConfiguration { Model = ModelArchitecture.ResNet18, ModelWidth = 64 };

        using var first = ModelFactory.Create(narrow, new ImageShape(3, 32, 32), 10);
        using var second = ModelFactory.Create(wide, new ImageShape(3, 32, 32), 10);

        Assert.Equal(first.parameters().Sum(p => p.numel()), second.parameters().Sum(p => p.numel()));
    }

    [Theory]
    [InlineData(ModelArchitecture.SmallCnn, "smallCnn")]
    [InlineData(ModelArchitecture.ResNet18, "resNet18")]
    [InlineData(ModelArchitecture.PreActResNet18, "preActResNet18")]
    public void ModelJsonValue(ModelArchitecture architecture, string json)
    {
        string text = ConfigurationJson.Serialize(new BackdoorConfiguration { Model = architecture });

        Assert.Contains($"\"model\":\"{json}\"", text);
    }

    [Fact]
    public void ModelFieldInModelGroup()
    {
        var field = ConfigurationSchema.For(typeof(BackdoorConfiguration)).Find("model");

        Assert.NotNull(field);
        Assert.Equal("Model", field.Group);
        Assert.Equal(FieldType.Choice, field.Type);
        Assert.Equal(3, field.Choices.Count);
    }
}
