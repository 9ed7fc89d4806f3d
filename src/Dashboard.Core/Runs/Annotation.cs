using Dashboard.Core.Configuration;

namespace Dashboard.Core.Runs;

/// <summary>
/// The name, tags and Markdown notes a user gives a run or group after launch. A null property leaves the
/// stored value unchanged; an empty notes text clears the notes.
/// </summary>
public sealed record Annotation(string? Name = null, IReadOnlyList<string>? Tags = null, string? Notes = null)
{
    public const int MaxNameLength = 200;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxNotesLength = 50_000;

    /// <summary>Returns one error per invalid field, with the field names <c>name</c>, <c>tags</c> and <c>notes</c>.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Name is not null && (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength))
        {
            errors.Add(new FieldError("name", $"The name is invalid: use 1 to {MaxNameLength} characters."));
        }

        if (Tags is not null)
        {
            if (Tags.Count > MaxTags)
            {
                errors.Add(new FieldError("tags", $"{Tags.Count} tags are too many: use at most {MaxTags}."));
            }

            foreach (string tag in Tags)
            {
                if (!IsValidTag(tag))
                {
                    errors.Add(new FieldError("tags",
                        $"Tag '{tag}' is invalid: use 1 to {MaxTagLength} characters without spaces, commas or double quotes."));
                }
            }
        }

        if (Notes is { Length: > MaxNotesLength })
        {
            errors.Add(new FieldError("notes", $"The notes have {Notes.Length} characters: use at most {MaxNotesLength}."));
        }

        return errors;
    }

    /// <summary>Applies the set properties to the given fields; tags are trimmed and de-duplicated ignoring case.</summary>
    public void ApplyTo(Action<string> setName, List<string> tags, Action<string?> setNotes)
    {
        if (Name is not null)
        {
            setName(Name.Trim());
        }

        if (Tags is not null)
        {
            tags.Clear();
            tags.AddRange(NormalizeTags(Tags));
        }

        if (Notes is not null)
        {
            setNotes(string.IsNullOrWhiteSpace(Notes) ? null : Notes);
        }
    }

    /// <summary>Splits a comma- or space-separated tag list, as typed in a text field.</summary>
    public static List<string> ParseTags(string? text) =>
        [.. (text ?? string.Empty).Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static bool IsValidTag(string? tag) =>
        !string.IsNullOrWhiteSpace(tag)
        && tag.Trim().Length <= MaxTagLength
        && !tag.Trim().Any(c => char.IsWhiteSpace(c) || c is ',' or '"');

    private static IEnumerable<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(tag => tag.Trim()).Where(tag => tag.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
}
