using Dashboard.Training.Data;
using Dashboard.Training.Models;
using TorchSharp;

namespace Dashboard.Training.Tests.Models;

public sealed class SmallCnnTests
{
    [Theory]
    [InlineData(1, 28, 28, 10)]
    [InlineData(3, 32, 32, 10)]
    [InlineData(3, 32, 32, 43)]
    public void OutputsOneLogitPerClass(int channels, int height, int width, int classes)
    {
        using var scope = torch.NewDisposeScope();
        using var model = new SmallCnn(new ImageShape(channels, height, width), classes, baseChannels: 4);

        var logits = model.call(torch.zeros(5, channels, height, width));

        Assert.Equal(new long[] { 5, classes }, logits.shape);
    }

    [Fact]
    public void WidthSetsParameterCount()
    {
        using var model = new SmallCnn(new ImageShape(1, 28, 28), 10, baseChannels: 8);

        // conv1 1→8 (3x3 + bias), conv2 8→16 (3x3 + bias), linear 16·7·7 → 10.
        long expected = (9 * 8 + 8) + (8 * 9 * 16 + 16) + (16 * 49 * 10 + 10);
        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
    }
}
