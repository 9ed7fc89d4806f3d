using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Data;

/// <summary>
/// An <see cref="ImageSet"/> copied to a device as two tensors: images [N, C, H, W] float32 and labels [N]
/// int64. Training and evaluation index batches from these tensors instead of copying images one by one.
/// Owns both tensors.
/// </summary>
public sealed class TensorImageSet : IDisposable
{
    public TensorImageSet(ImageSet images, Device device)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(device);

        var shape = images.Shape;
        var labels = Array.ConvertAll(images.Labels, label => (long)label);

        // torch.tensor copies the managed arrays, so later changes to the ImageSet do not reach the device.
        Images = torch.tensor(images.Pixels, [images.Count, shape.Channels, shape.Height, shape.Width], device: device);
        Labels = torch.tensor(labels, device: device);
        Count = images.Count;
        Shape = shape;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public int Count { get; }

    public ImageShape Shape { get; }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
