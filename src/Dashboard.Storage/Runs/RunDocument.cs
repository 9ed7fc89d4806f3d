using Dashboard.Core.Runs;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>
/// Converts a <see cref="RunRecord"/> to and from its stored BSON document. The conversion is explicit because
/// LiteDB's mapper cannot build positional records such as <see cref="SummaryMeasure"/> and keeps only
/// milliseconds of a time. Besides the record's own fields the document carries derived, indexable values:
/// the configuration as a BSON document, the duration and the headline value.
/// </summary>
internal static class RunDocument
{
    public const string Id = "_id";
    public const string Name = "Name";
    public const string Kind = "Kind";
    public const string ConfigurationJson = "ConfigurationJson";

    /// <summary>The configuration parsed into BSON, so queries can filter on configuration values.</summary>
    public const string Configuration = "Configuration";

    public const string Status = "Status";
    public const string CreatedAt = "CreatedAt";
    public const string StartedAt = "StartedAt";
    public const string EndedAt = "EndedAt";

    /// <summary>EndedAt minus StartedAt in ticks, or null until both are set.</summary>
    public const string Duration = "Duration";

    public const string Progress = "Progress";
    public const string Phase = "Phase";
    public const string Device = "Device";
    public const string Summary = "Summary";

    /// <summary>Value of the summary's headline measure, or null.</summary>
    public const string HeadlineValue = "HeadlineValue";

    public const string Error = "Error";
    public const string WorkerProcessId = "WorkerProcessId";
    public const string Artifacts = "Artifacts";
    public const string GroupId = "GroupId";
    public const string Owner = "Owner";
    public const string Tags = "Tags";
    public const string Notes = "Notes";
    public const string ArchivedAt = "ArchivedAt";

    /// <summary>The tags in lower case, so tag filters ignore case.</summary>
    public const string TagKeys = "TagKeys";

    /// <summary>True for an archived run; indexed, so counting archived runs reads only those.</summary>
    public const string Archived = "Archived";

    /// <summary>The fields a user edits after launch; <see cref="LiteDbRunStore.Update"/> keeps their stored values.</summary>
    public static readonly string[] AnnotationFields = [Name, Tags, TagKeys, Notes, ArchivedAt, Archived];

    public static BsonDocument FromRecord(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(run.Id, nameof(run));

        long? duration = run is { StartedAt: { } started, EndedAt: { } ended } ? (ended - started).Ticks : null;

        return new BsonDocument
        {
            [Id] = run.Id,
            [Name] = run.Name,
            [Kind] = run.Kind,
            [ConfigurationJson] = run.ConfigurationJson,
            [Configuration] = ParseConfiguration(run),
            [Status] = run.Status.ToString(),
            [CreatedAt] = BsonTime.ToBson(run.CreatedAt),
            [StartedAt] = BsonTime.ToBson(run.StartedAt),
            [EndedAt] = BsonTime.ToBson(run.EndedAt),
            [Duration] = duration is { } ticks ? new BsonValue(ticks) : BsonValue.Null,
            [Progress] = run.Progress,
            [Phase] = run.Phase,
            [Device] = run.Device,
            [Summary] = run.Summary is { } summary ? SummaryDocument.FromSummary(summary) : BsonValue.Null,
            [HeadlineValue] = run.Summary?.Headline is { } headline ? new BsonValue(headline.Value) : BsonValue.Null,
            [Error] = run.Error,
            [WorkerProcessId] = run.WorkerProcessId is { } processId ? new BsonValue(processId) : BsonValue.Null,
            [GroupId] = run.GroupId,
            [Owner] = run.Owner,
            [Artifacts] = new BsonArray(run.Artifacts.Select(ArtifactToBson)),
            [Tags] = new BsonArray(run.Tags.Select(tag => new BsonValue(tag))),
            [Notes] = run.Notes,
            [TagKeys] = new BsonArray(run.Tags.Select(tag => new BsonValue(tag.ToLowerInvariant()))),
            [ArchivedAt] = BsonTime.ToBson(run.ArchivedAt),
            [Archived] = run.ArchivedAt is not null,
        };
    }

    public static RunRecord ToRecord(BsonDocument document)
    {
        var summary = document[Summary];

        return new RunRecord
        {
            Id = document[Id].AsString,
            Name = document[Name].AsString,
            Kind = document[Kind].AsString,
            ConfigurationJson = document[ConfigurationJson].AsString,
            Status = Enum.Parse<RunStatus>(document[Status].AsString),
            CreatedAt = BsonTime.FromBson(document[CreatedAt]),
            StartedAt = BsonTime.FromNullableBson(document[StartedAt]),
            EndedAt = BsonTime.FromNullableBson(document[EndedAt]),
            Progress = document[Progress].AsDouble,
            Phase = NullableString(document[Phase]),
            Device = NullableString(document[Device]),
            Summary = summary.IsDocument ? SummaryDocument.ToSummary(summary.AsDocument) : null,
            Error = NullableString(document[Error]),
            WorkerProcessId = document[WorkerProcessId].IsNull ? null : document[WorkerProcessId].AsInt32,
            GroupId = NullableString(document[GroupId]),
            Owner = NullableString(document[Owner]),
            Artifacts = document[Artifacts].AsArray.Select(value => ArtifactFromBson(value.AsDocument)).ToList(),

            // Documents stored before runs had annotations lack these fields; a missing field reads as null.
            Tags = document[Tags].IsArray ? [.. document[Tags].AsArray.Select(value => value.AsString)] : [],
            Notes = NullableString(document[Notes]),
            ArchivedAt = BsonTime.FromNullableBson(document[ArchivedAt]),
        };
    }

    private static BsonDocument ParseConfiguration(RunRecord run)
    {
        BsonValue parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(run.ConfigurationJson);
        }
        catch (LiteException exception)
        {
            throw new ArgumentException(
                $"Run '{run.Id}' has invalid configuration JSON: {exception.Message}", nameof(run), exception);
        }

        if (!parsed.IsDocument)
        {
            throw new ArgumentException(
                $"Run '{run.Id}' has configuration JSON of type {parsed.Type}; expected a JSON object.", nameof(run));
        }

        return parsed.AsDocument;
    }

    private static BsonDocument ArtifactToBson(ArtifactInfo artifact) => new()
    {
        ["Name"] = artifact.Name,
        ["ContentType"] = artifact.ContentType,
        ["Length"] = artifact.Length,
        ["CreatedAt"] = BsonTime.ToBson(artifact.CreatedAt),
    };

    private static ArtifactInfo ArtifactFromBson(BsonDocument document) => new(
        document["Name"].AsString,
        document["ContentType"].AsString,
        document["Length"].AsInt64,
        BsonTime.FromBson(document["CreatedAt"]));

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}
