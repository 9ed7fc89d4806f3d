using Dashboard.Core.Runs;
using Dashboard.Core.Sweeps;
using LiteDB;

namespace Dashboard.Storage;

/// <summary>Converts a <see cref="RunGroup"/> to and from its stored BSON document.</summary>
internal static class RunGroupDocument
{
    public const string Name = "Name";
    public const string Kind = "Kind";
    public const string CreatedAt = "CreatedAt";
    public const string VariedField = "VariedField";
    public const string VariedFieldLabel = "VariedFieldLabel";
    public const string Members = "Members";
    public const string Tags = "Tags";
    public const string Notes = "Notes";
    public const string Sweep = "Sweep";

    public static BsonDocument FromGroup(RunGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(group.Id, nameof(group));

        return new BsonDocument
        {
            ["_id"] = group.Id,
            [Name] = group.Name,
            [Kind] = group.Kind,
            [CreatedAt] = BsonTime.ToBson(group.CreatedAt),
            [VariedField] = group.VariedField,
            [VariedFieldLabel] = group.VariedFieldLabel,
            [Members] = new BsonArray(group.Members.Select(member => new BsonDocument
            {
                ["RunId"] = member.RunId,
                ["Value"] = member.Value,
                ["Label"] = member.Label,
                ["Deleted"] = member.Deleted,
                ["Parameters"] = new BsonArray(member.Parameters.Select(value => new BsonDocument
                {
                    ["Path"] = value.Path,
                    ["Json"] = value.Json,
                    ["Label"] = value.Label,
                })),
            })),
            [Tags] = new BsonArray(group.Tags.Select(tag => new BsonValue(tag))),
            [Notes] = group.Notes,

            // The sweep is kept in its API JSON form, the one format that round-trips its JSON values.
            [Sweep] = group.Sweep is null ? BsonValue.Null : SweepDefinitionJson.Write(group.Sweep),
        };
    }

    public static RunGroup ToGroup(BsonDocument document) => new()
    {
        Id = document["_id"].AsString,
        Name = document[Name].AsString,
        Kind = document[Kind].AsString,
        CreatedAt = BsonTime.FromBson(document[CreatedAt]),
        VariedField = document[VariedField].AsString,
        VariedFieldLabel = document[VariedFieldLabel].AsString,
        Members = [.. document[Members].AsArray.Select(item => new RunGroupMember(
            item["RunId"].AsString,
            item["Value"].AsString,
            item["Label"].AsString,
            item["Deleted"].IsBoolean && item["Deleted"].AsBoolean)
        {
            Parameters = item["Parameters"].IsArray
                ? [.. item["Parameters"].AsArray.Select(value => new SweptValue(value["Path"].AsString, value["Json"].AsString, value["Label"].AsString))]
                : [],
        })],

        // Groups stored before groups had annotations lack these fields; a missing field reads as null.
        Tags = document[Tags].IsArray ? [.. document[Tags].AsArray.Select(value => value.AsString)] : [],
        Notes = document[Notes].IsNull ? null : document[Notes].AsString,
        Sweep = document[Sweep].IsString ? SweepDefinitionJson.Parse(document[Sweep].AsString) : null,
    };
}
