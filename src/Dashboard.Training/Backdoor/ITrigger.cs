using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

/// <summary>A backdoor trigger that changes an image in place.</summary>
public interface ITrigger
{
    /// <summary>Shape of the images this trigger was made for.</summary>
    ImageShape Shape { get; }

    /// <summary>Stamps the trigger on one float CHW image of <see cref="Shape"/>, values in [0, 1].</summary>
    void Apply(Span<float> image);
}
