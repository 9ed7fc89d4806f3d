using Dashboard.Training.Data;
using Dashboard.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Tests.Models;

public sealed class ResNetTests
{
    public static TheoryData<ModelArchitecture, int, int, int> Shapes => new()
    {
        { ModelArchitecture.ResNet18, 1, 28, 10 },
        { ModelArchitecture.ResNet18, 3, 32, 43 },
        { ModelArchitecture.PreActResNet18, 1, 28, 10 },
        { ModelArchitecture.PreActResNet18, 3, 32, 43 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void OutputsOneLogitPerClass(ModelArchitecture architecture, int channels, int side, int classes)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Create(architecture, new ImageShape(channels, side, side), classes);

        var logits = model.call(torch.rand(2, channels, side, side));

        Assert.Equal(new long[] { 2, classes }, logits.shape);
    }

    [Theory]
    // ResNet-18 with the CIFAR stem is usually quoted as 11.17 M parameters for CIFAR-10. The pre-activation
    // net has 2,816 fewer: no batch norm in its stem or on its shortcuts, and its first block of stages 2 to 4
    // normalises the narrower input. Grey input drops 2 of the stem's 3 input channels (576 weights each);
    // each extra class adds 513 (512 weights and a bias).
    [InlineData(ModelArchitecture.ResNet18, 3, 10, 11_173_962)]
    [InlineData(ModelArchitecture.ResNet18, 1, 10, 11_173_962 - 2 * 576)]
    [InlineData(ModelArchitecture.ResNet18, 3, 43, 11_173_962 + 33 * 513)]
    [InlineData(ModelArchitecture.PreActResNet18, 3, 10, 11_171_146)]
    [InlineData(ModelArchitecture.PreActResNet18, 1, 10, 11_171_146 - 2 * 576)]
    public void ParameterCountMatchesStandard(ModelArchitecture architecture, int channels, int classes, long expected)
    {
        using var model = Create(architecture, new ImageShape(channels, 32, 32), classes);

        Assert.Equal(expected, model.parameters().Sum(p => p.numel()));
    }

    [Theory]
    [InlineData(ModelArchitecture.ResNet18)]
    [InlineData(ModelArchitecture.PreActResNet18)]
    public void FewStepsReduceLoss(ModelArchitecture architecture)
    {
        torch.manual_seed(3);
        using var model = Create(architecture, new ImageShape(3, 32, 32), 10);
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-3);
        using var images = torch.rand(8, 3, 32, 32);
        using var labels = torch.tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        model.train();

        var losses = new List<float>();
        for (int step = 0; step < 6; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(images), labels);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.True(losses[^1] < losses[0], $"Loss did not fall: {string.Join(", ", losses)}");
    }

    [Theory]
    [InlineData(ModelArchitecture.ResNet18)]
    [InlineData(ModelArchitecture.PreActResNet18)]
    public void NoTensorLeakAcrossForwardPasses(ModelArchitecture architecture)
    {
        using var model = Create(architecture, new ImageShape(1, 28, 28), 10);
        using var images = torch.rand(2, 1, 28, 28);
        model.train();
        var liveAfterPass = new List<long>();

        for (int pass = 0; pass < 3; pass++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
                model.call(images);

                // Only the logits may reach the caller's scope; every intermediate is disposed inside forward.
                Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            }

            liveAfterPass.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        Assert.Equal(liveAfterPass[0], liveAfterPass[1]);
        Assert.Equal(liveAfterPass[0], liveAfterPass[2]);
    }

    private static nn.Module<Tensor, Tensor> Create(ModelArchitecture architecture, ImageShape shape, int classes) => architecture switch
    {
        ModelArchitecture.ResNet18 => new ResNet18Cifar(shape, classes),
        ModelArchitecture.PreActResNet18 => new PreActResNet18(shape, classes),
        _ => throw new ArgumentOutOfRangeException(nameof(architecture)),
    };
}
