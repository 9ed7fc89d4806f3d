using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor.Narcissus;

/// <summary>
/// The additive trigger of "Narcissus: A Practical Clean-Label Backdoor Attack with Limited Information"
/// (arXiv 2204.05255): x ← clamp(x + m·δ, 0, 1) with a fixed CHW perturbation δ and a multiplier m, 1 on
/// training images and 3 on test images in the paper.
/// </summary>
public sealed class NarcissusTrigger : IScalableTrigger
{
    private readonly float[] _perturbation;

    public NarcissusTrigger(ImageShape shape, float[] perturbation, double multiplier = 1)
    {
        ArgumentNullException.ThrowIfNull(perturbation);
        if (perturbation.Length != shape.PixelCount)
        {
            throw new ArgumentException($"The perturbation must be a {shape} image of {shape.PixelCount} values; got {perturbation.Length}.", nameof(perturbation));
        }

        if (!(multiplier >= 0) || double.IsInfinity(multiplier))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be a finite number of 0 or more.");
        }

        Shape = shape;
        Multiplier = multiplier;
        _perturbation = (float[])perturbation.Clone();
    }

    public ImageShape Shape { get; }

    public double Multiplier { get; }

    /// <summary>δ before the multiplier.</summary>
    public ReadOnlySpan<float> Perturbation => _perturbation;

    public void Apply(Span<float> image)
    {
        if (image.Length != _perturbation.Length)
        {
            throw new ArgumentException($"Expected a {Shape} image of {_perturbation.Length} values; got {image.Length}.", nameof(image));
        }

        float multiplier = (float)Multiplier;
        for (int i = 0; i < image.Length; i++)
        {
            image[i] = Math.Clamp(image[i] + multiplier * _perturbation[i], 0f, 1f);
        }
    }

    /// <summary>Returns the trigger with the same δ and the multiplier times <paramref name="factor"/>.</summary>
    public ITrigger Scale(double factor) => new NarcissusTrigger(Shape, _perturbation, Multiplier * factor);
}
