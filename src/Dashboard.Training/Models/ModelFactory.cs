using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Models;

/// <summary>Builds the classifier that a backdoor configuration selects, for a dataset's image shape and class count.</summary>
public static class ModelFactory
{
    /// <remarks><see cref="BackdoorConfiguration.ModelWidth"/> applies to the small CNN only, because the ResNets have fixed widths.</remarks>
    public static nn.Module<Tensor, Tensor> Create(BackdoorConfiguration configuration, ImageShape input, int classCount)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Model switch
        {
            ModelArchitecture.SmallCnn => new SmallCnn(input, classCount, configuration.ModelWidth),
            ModelArchitecture.ResNet18 => new ResNet18Cifar(input, classCount),
            ModelArchitecture.PreActResNet18 => new PreActResNet18(input, classCount),
            _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration.Model, "Unknown model architecture."),
        };
    }
}
