using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Models;

/// <summary>Builds the classifier a backdoor configuration asks for, for a dataset's image shape and class count.</summary>
public static class ModelFactory
{
    public static nn.Module<Tensor, Tensor> Create(BackdoorConfiguration configuration, ImageShape input, int classCount)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SmallCnn(input, classCount, configuration.ModelWidth);
    }
}
