namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// A trigger with a "noise mode" (WaNet, arXiv 2102.10369): a random variation of the trigger stamped on
/// extra training images that keep their true label, so that only the exact trigger leads to the target.
/// </summary>
public interface INoiseModeTrigger : ITrigger
{
    /// <summary>Stamps a freshly drawn variation of the trigger on one CHW image, values in [0, 1].</summary>
    void ApplyNoiseMode(Span<float> image, Random random);
}
