using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Training.Defences;

/// <summary>
/// A removal defence's outcome and wall time, saved with each checkpoint of the final model's training as
/// <c>defence-outcome.json</c>, so that a resumed run retrains on the same rows and reports the same defence measures
/// without running the defence again.
/// </summary>
public sealed record StoredDefenceOutcome(DefenceOutcome Outcome, double DefenceSeconds)
{
    public const string FileName = "defence-outcome.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void Write(string directory) =>
        File.WriteAllBytes(Path.Combine(directory, FileName), JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions));

    /// <summary>Reads the outcome saved in <paramref name="directory"/>, or returns null when there is none.</summary>
    public static StoredDefenceOutcome? Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<StoredDefenceOutcome>(File.ReadAllBytes(path), JsonOptions) : null;
    }
}
