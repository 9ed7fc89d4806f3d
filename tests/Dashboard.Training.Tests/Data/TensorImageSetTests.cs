using Dashboard.Training.Data;
using TorchSharp;

namespace Dashboard.Training.Tests.Data;

public sealed class TensorImageSetTests
{
    [Fact]
    public void CopiesPixelsAndLabels()
    {
        var images = new ImageSet(new ImageShape(1, 2, 2), [0f, 0.25f, 0.5f, 1f, 1f, 0.5f, 0.25f, 0f], [3, 7]);

        using var tensors = new TensorImageSet(images, torch.CPU);

        Assert.Equal(new long[] { 2, 1, 2, 2 }, tensors.Images.shape);
        Assert.Equal(images.Pixels, tensors.Images.data<float>().ToArray());
        Assert.Equal(new long[] { 3, 7 }, tensors.Labels.data<long>().ToArray());
    }

    [Fact]
    public void LaterChangesNotShared()
    {
        var images = new ImageSet(new ImageShape(1, 1, 2), [0.5f, 0.5f], [1]);
        using var tensors = new TensorImageSet(images, torch.CPU);

        images.Pixels[0] = 1f;
        images.Labels[0] = 4;

        Assert.Equal(0.5f, tensors.Images.data<float>()[0, 0, 0, 0]);
        Assert.Equal(1L, tensors.Labels.data<long>()[0]);
    }
}
