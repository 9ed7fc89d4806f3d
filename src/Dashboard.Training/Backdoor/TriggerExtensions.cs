using Dashboard.Training.Data;

namespace Dashboard.Training.Backdoor;

public static class TriggerExtensions
{
    /// <summary>Stamps <paramref name="trigger"/> on the images of <paramref name="images"/> at <paramref name="indices"/>.</summary>
    public static void ApplyTo(this ITrigger trigger, ImageSet images, IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(indices);
        if (images.Shape != trigger.Shape)
        {
            throw new ArgumentException($"The trigger is for {trigger.Shape} images but the set contains {images.Shape} images.", nameof(images));
        }

        foreach (int index in indices)
        {
            trigger.Apply(images.Image(index));
        }
    }

    /// <summary>Stamps <paramref name="trigger"/> on every image of <paramref name="images"/>.</summary>
    public static void ApplyToAll(this ITrigger trigger, ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        trigger.ApplyTo(images, Enumerable.Range(0, images.Count));
    }
}
