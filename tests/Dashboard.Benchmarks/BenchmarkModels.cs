using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;
using Dashboard.Training.Models;
using static TorchSharp.torch;

namespace Dashboard.Benchmarks;

/// <summary>
/// A product model and the input it is benchmarked on. <c>smallCnn</c> is the backdoor study's default model
/// (the small CNN of <see cref="BackdoorConfiguration"/>'s default width on 1×28×28 Fashion-MNIST images);
/// <c>resNet18</c> is <see cref="ResNet18Cifar"/> on 3×32×32 colour images. Both have 10 classes.
/// </summary>
internal sealed record BenchmarkModel(string Name, ImageShape Shape, int ClassCount, ModelArchitecture Architecture)
{
    public static IReadOnlyList<BenchmarkModel> All { get; } =
    [
        new("smallCnn", FashionMnist.Info.Shape, 10, ModelArchitecture.SmallCnn),
        new("resNet18", new ImageShape(3, 32, 32), 10, ModelArchitecture.ResNet18),
    ];

    public static BenchmarkModel Find(string name) =>
        All.FirstOrDefault(model => model.Name == name)
        ?? throw new ArgumentException($"Unknown model '{name}'; use {string.Join(" or ", All.Select(model => model.Name))}.");

    /// <summary>Creates the model as a backdoor run with the default configuration and this architecture would.</summary>
    public nn.Module<Tensor, Tensor> Create() =>
        ModelFactory.Create(new BackdoorConfiguration { Model = Architecture }, Shape, ClassCount);

    public static long ParameterCount(nn.Module<Tensor, Tensor> model) => model.parameters().Sum(parameter => parameter.numel());
}
